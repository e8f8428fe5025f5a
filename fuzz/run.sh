#!/usr/bin/env bash
# Runs each fuzz target, built with clang-14 under ASan+UBSan in build-asan/
# (scripts/asan-build.sh: the tree scripts/sanitize.sh runs the suite from,
# so after it nothing is compiled again), for a fixed number of executions
# from a seed corpus of the examples and the test inputs. Exits non-zero on
# any crash, sanitizer report or leak; the input that caused it is left in
# build-asan/fuzzing/artifacts/.
#   bash fuzz/run.sh [LOADER_RUNS [BUILD_RUNS]]     (default 20000 and 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
loader_runs=${1:-20000}
build_runs=${2:-$((loader_runs / 10))}
out=build-asan
work=$out/fuzzing

# baocao too: it writes the PDF reader's seeds.
bash scripts/asan-build.sh baocao load_fuzzer build_fuzzer pdf_fuzzer data_fuzzer

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# fontconfig and Pango keep process-wide caches (see the file).
export LSAN_OPTIONS=suppressions=$PWD/.ci/lsan.supp:print_suppressions=0

# Seeds are copied: what the fuzzer finds goes to a scratch corpus, not the tree.
seeds="$work/seeds"
rm -rf "$seeds" "$work/corpus" && mkdir -p "$seeds" "$work/corpus" "$work/artifacts"
i=0
while IFS= read -r f; do
  cp "$f" "$seeds/$i-$(basename "$f")"
  i=$((i + 1))
done < <(find examples tests/data/input -name '*.yaml' | sort)
echo "== $i seed inputs"
# The PDF reader's seeds: PDFs baocao writes, plain and sign-ready, from both painters.
pdf_seeds="$work/pdf-seeds"
rm -rf "$pdf_seeds" && mkdir -p "$pdf_seeds" "$work/corpus/pdf_fuzzer"
small=tests/data/input/good/minimal.yaml
"$out/baocao" build "$small" -o "$pdf_seeds/cairo.pdf" >/dev/null
"$out/baocao" build "$small" --backend haru -o "$pdf_seeds/haru.pdf" >/dev/null
"$out/baocao" build examples/ubnd-phuong-2016-2021.yaml --sign-ready -o "$pdf_seeds/ready.pdf" >/dev/null

# The data files' seeds: the CSV and XLSX fixtures, but the zip bomb (each run
# would inflate 128 MiB before its clean refusal).
data_seeds="$work/data-seeds"
rm -rf "$data_seeds" && mkdir -p "$data_seeds"
find tests/data/data \( -name '*.csv' -o -name '*.xlsx' \) ! -name bomb.xlsx -exec cp {} "$data_seeds" \;

run() {
  local name=$1 runs=$2 max_len=$3 corpus=${4:-$seeds}
  mkdir -p "$work/corpus/$name"
  echo "== $name: $runs runs"
  "$out/fuzz/$name" "$work/corpus/$name" "$corpus" -runs="$runs" -max_len="$max_len" \
    -timeout=60 -rss_limit_mb=4096 -artifact_prefix="$work/artifacts/$name-" \
    -print_final_stats=1 2>"$work/$name.log" || {
    tail -60 "$work/$name.log"
    echo "== $name FAILED: see $work/$name.log and $work/artifacts/" >&2
    return 1
  }
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' "$work/$name.log" || true
}
run load_fuzzer "$loader_runs" 65536
run build_fuzzer "$build_runs" 16384
run pdf_fuzzer "$loader_runs" 262144 "$pdf_seeds"
run data_fuzzer "$loader_runs" 65536 "$data_seeds"
echo "== fuzzing: no crash"
