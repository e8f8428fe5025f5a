#!/usr/bin/env bash
# Configures and builds build-asan/, the one instrumented tree: clang-14 with
# -DBAOCAO_FUZZ=ON, so every library of ours, the tests and the CLI are
# compiled under AddressSanitizer and UndefinedBehaviorSanitizer (LeakSanitizer
# comes with ASan) plus -fsanitize=fuzzer-no-link (libFuzzer's coverage), and
# the fuzz targets in fuzz/ link libFuzzer. scripts/sanitize.sh runs the test
# suite from it and fuzz/run.sh the fuzz targets, so CI compiles the code
# under the sanitizers once, not once with gcc for the suite and again with
# clang for fuzzing.
#   bash scripts/asan-build.sh [TARGET...]     (no target: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-asan

# A build-asan/ configured otherwise (the gcc one sanitize.sh made before)
# keeps its compiler in the cache: start it afresh rather than fail.
cache=$out/CMakeCache.txt
if [ -f "$cache" ] && ! { grep -q '^BAOCAO_FUZZ:BOOL=ON$' "$cache" &&
  grep -q '^CMAKE_CXX_COMPILER:FILEPATH=.*clang++-14$' "$cache"; }; then
  echo "== $out/ was configured without clang-14 and BAOCAO_FUZZ: configuring it afresh"
  rm -rf "$out"
fi

echo "== building $out/ under ASan+UBSan (clang-14, fuzzer-no-link)"
# -O1 -g1: the optimisation ASan is documented with, and a third less build
# time than -O2 -g, which counts in CI's 30 minutes. CXX is read on the first
# configure only; the check above keeps a later one on clang.
CXX=clang++-14 cmake -S . -B "$out" -DBAOCAO_FUZZ=ON -DBUILD_TESTING=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$out" -j "$(nproc)" "${targets[@]}" >/dev/null
