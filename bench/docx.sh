#!/usr/bin/env bash
# The DOCX writer (issue 17) beside the PDF it twins: whole-process wall time
# and peak memory (/usr/bin/time -v), median of R runs, of
# `baocao build --format docx` and `--format pdf` on the same input: the
# bundled example and generated awards reports (examples/large-awards.sh, as
# bench/run.sh makes them). The last column is the DOCX's time over the PDF's.
#   bash bench/docx.sh            # uses ./build/baocao
#   R=9 ROWS="5000 50000" bash bench/docx.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BAOCAO:-./build/baocao}
runs=${R:-5}
rows=${ROWS:-"5000"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Before timing anything: does this baocao write DOCX at all?
if ! "$bin" build examples/phu-tho-2010-2015.yaml --format docx -o "$tmp/probe.docx" >"$tmp/probe" 2>&1 ||
  [ ! -s "$tmp/probe.docx" ]; then
  echo "bench/docx.sh: $bin does not write DOCX yet (issue 17); it said:" >&2
  sed 's/^/  /' "$tmp/probe" >&2
  exit 1
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

last_time="" # the median time of the last measure_one, for the ratio
measure_one() { # name input format
  local name="$1 [$3]" input=$2 format=$3 out="$tmp/out.$3" times=() mems=() pages=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$bin" build "$input" --format "$format" -o "$out" 2>"$tmp/time" >/dev/null || {
      cat "$tmp/time"
      exit 1
    }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.3f", s}' "$tmp/time")")
    mems+=("$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")")
    pages=$(grep -o '([0-9]* page' "$tmp/time" | tr -dc 0-9 || true)
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${mems[@]}" | median)
  last_time=$t
  printf '%-34s %6s pages %8.3f s %8.1f MB %10s bytes' "$name" "${pages:--}" "$t" "$m" "$(stat -c %s "$out")"
}

measure() { # name input: the PDF, then the DOCX and its time over the PDF's
  local pdf_time
  measure_one "$1" "$2" pdf
  pdf_time=$last_time
  echo
  measure_one "$1" "$2" docx
  awk -v d="$last_time" -v p="$pdf_time" 'BEGIN {if (p > 0) printf "  %.2f times the PDF\n", d / p; else print ""}'
}

echo "baocao DOCX benchmark: median of $runs runs, $(nproc) cores"
measure "example (phu-tho)" examples/phu-tho-2010-2015.yaml
for n in $rows; do
  bash examples/large-awards.sh "$n" >"$tmp/awards-$n.yaml"
  measure "awards table, $n rows" "$tmp/awards-$n.yaml"
done
