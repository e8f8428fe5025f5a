#!/usr/bin/env bash
# Long reports (issue 16): what the contents page's second layout pass costs,
# and that memory stays flat with it. Whole-process wall time and peak memory
# (/usr/bin/time -v), median of R runs, for the large awards report
# (examples/large-awards.sh, ROWS rows) as it is (one pass) and with a
# contents page (two passes), and for the bundled long example.
#   bash bench/long.sh                   # uses ./build/baocao
#   R=9 ROWS="5000 50000" bash bench/long.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BAOCAO:-./build/baocao}
runs=${R:-5}
rows=${ROWS:-"5000 50000"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # name input [extra build args...]
  local name=$1 input=$2 times=() mems=() pages=""
  shift 2
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$bin" build "$input" -o "$tmp/out.pdf" "$@" 2>"$tmp/time" >/dev/null || { cat "$tmp/time"; exit 1; }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.3f", s}' "$tmp/time")")
    mems+=("$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")")
    pages=$(grep -o '([0-9]* page' "$tmp/time" | tr -dc 0-9)
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s %6s pages %8.3f s %8.1f MB\n' "$name" "$pages" "$t" "$m"
}

echo "baocao long-report benchmark: median of $runs runs, $(nproc) cores"
for n in $rows; do
  bash examples/large-awards.sh "$n" >"$tmp/awards-$n.yaml"
  measure "awards, $n rows, one pass" "$tmp/awards-$n.yaml"
  # The same report with a contents page: the whole layout runs twice.
  { cat "$tmp/awards-$n.yaml"; printf '\ncontents: {depth: 2}\n'; } >"$tmp/awards-$n-contents.yaml"
  measure "awards, $n rows, contents (two passes)" "$tmp/awards-$n-contents.yaml"
done
long=examples/dai-hoi-2025/bao-cao-chinh-tri.yaml
if [ -f "$long" ]; then
  measure "long example (dai-hoi-2025)" "$long"
  measure "long example, --split-appendices" "$long" --split-appendices
fi
