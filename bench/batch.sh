#!/usr/bin/env bash
# Batch against separate processes (issue 7): N copies of the example (default
# 200) built by N separate `baocao build` runs, then by one
# `baocao build DIR --out-dir OUT --jobs J` (default 2). Whole-process wall time
# and peak memory from /usr/bin/time -v; prints the speed-up.
#   bash bench/batch.sh              # uses ./build/baocao
#   N=50 JOBS=4 bash bench/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${BAOCAO:-./build/baocao}")
n=${N:-200}
jobs=${JOBS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The copies share one folder with the example's assets, so images resolve.
mkdir -p "$tmp/in" "$tmp/single" "$tmp/batch"
cp -r examples/assets "$tmp/in/assets"
for i in $(seq -w 1 "$n"); do cp examples/phu-tho-2010-2015.yaml "$tmp/in/report-$i.yaml"; done

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$1"; }

# Separate processes: one shell loop timed as a whole; the peak is the largest single process.
cat >"$tmp/separate.sh" <<SCRIPT
for f in "$tmp"/in/*.yaml; do
  /usr/bin/time -v -o "$tmp/one.time" "$bin" build "\$f" -o "$tmp/single/\$(basename "\$f" .yaml).pdf" 2>/dev/null || exit 1
  awk -F': ' '/Maximum resident set size/ {print \$2}' "$tmp/one.time" >>"$tmp/peaks"
done
SCRIPT
/usr/bin/time -v bash "$tmp/separate.sh" 2>"$tmp/separate.time"
sep_s=$(seconds "$tmp/separate.time")
sep_mb=$(sort -n "$tmp/peaks" | tail -1 | awk '{printf "%.1f", $1/1024}')

/usr/bin/time -v "$bin" build "$tmp/in" --out-dir "$tmp/batch" --jobs "$jobs" --quiet 2>"$tmp/batch.time"
bat_s=$(seconds "$tmp/batch.time")
bat_mb=$(peak_mb "$tmp/batch.time")

built=$(ls "$tmp/batch"/*.pdf | wc -l)
same=$(cmp -s "$tmp/single/report-$(seq -w 1 "$n" | head -1).pdf" "$tmp/batch/report-$(seq -w 1 "$n" | head -1).pdf" && echo yes || echo no)
echo "baocao batch benchmark: $n copies of phu-tho-2010-2015.yaml, $(nproc) cores"
printf '%-34s %8s s %8s MB peak\n' "$n separate processes" "$sep_s" "$sep_mb"
printf '%-34s %8s s %8s MB peak\n' "one batch, --jobs $jobs" "$bat_s" "$bat_mb"
echo "PDFs from the batch: $built; first one byte-identical to its single build: $same"
awk -v a="$sep_s" -v b="$bat_s" 'BEGIN {printf "speed-up: %.2fx\n", a / b}'
