#!/usr/bin/env bash
# Whole-process wall time and peak memory (/usr/bin/time -v) of `baocao build`
# on the bundled example and on generated awards reports (examples/large-awards.sh),
# median of R runs. The last column is the cost per row (time / rows), which
# stays flat when the work grows linearly with the table. Each report is
# written by each painter (BACKENDS, default "cairo haru"), side by side.
#   bash bench/run.sh            # uses ./build/baocao
#   R=9 ROWS="1000 5000 50000" bash bench/run.sh
#   BACKENDS=haru bash bench/run.sh
# The floor: bench_floor (bench/floor.cpp, built with the project) sets the
# example's text, extracted from baocao's PDF, in the same font and measure
# with bare Pango and Cairo; baocao should stay within 1.5 times its time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BAOCAO:-./build/baocao}
runs=${R:-5}
rows=${ROWS:-"1000 5000 50000"}
backends=${BACKENDS:-"cairo haru"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # name input [rows]
  local backend
  for backend in $backends; do measure_one "$1" "$2" "$backend" "${3:-}"; done
}

measure_one() { # name input backend [rows]
  local name="$1 [$3]" input=$2 backend=$3 n=${4:-} times=() mems=() pages=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$bin" build "$input" -o "$tmp/out.pdf" --backend "$backend" 2>"$tmp/time" >/dev/null || { cat "$tmp/time"; exit 1; }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.3f", s}' "$tmp/time")")
    mems+=("$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")")
    pages=$(grep -o '([0-9]* page' "$tmp/time" | tr -dc 0-9)
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local per_row=""
  [ -n "$n" ] && per_row=$(awk -v t="$t" -v n="$n" 'BEGIN {printf "%8.1f us/row", t * 1e6 / n}')
  printf '%-36s %6s pages %8.3f s %8.1f MB %10s bytes %s\n' "$name" "$pages" "$t" "$m" "$(stat -c %s "$tmp/out.pdf")" "$per_row"
}

median_time() { # command...: median wall time of $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$tmp/t" || { cat "$tmp/t"; exit 1; }
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.4f", e - s}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "baocao benchmark: median of $runs runs, $(nproc) cores"
measure "example (phu-tho)" examples/phu-tho-2010-2015.yaml
floor=${FLOOR:-./build/bench/bench_floor}
if [ -x "$floor" ] && command -v pdftotext >/dev/null; then
  "$bin" build examples/phu-tho-2010-2015.yaml -o "$tmp/example.pdf" >/dev/null 2>&1
  pdftotext -raw "$tmp/example.pdf" "$tmp/example.txt"
  ours=$(median_time "$bin" build examples/phu-tho-2010-2015.yaml -o "$tmp/example.pdf")
  bare=$(median_time "$floor" "$tmp/example.txt" "$tmp/floor.pdf" fonts)
  awk -v o="$ours" -v b="$bare" 'BEGIN {printf "%-36s %8.4f s, baocao %.4f s: %.2f times the floor\n", "floor (bare Pango/Cairo, same text)", b, o, (b > 0 ? o / b : 0)}'
fi
for n in $rows; do
  bash examples/large-awards.sh "$n" > "$tmp/awards-$n.yaml"
  measure "awards table, $n rows" "$tmp/awards-$n.yaml" "$n"
done
