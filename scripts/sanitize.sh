#!/usr/bin/env bash
# Runs the whole suite under AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer from build-asan/ (clang-14; scripts/asan-build.sh builds it,
# the same tree fuzz/run.sh fuzzes from). Passes only with every test green
# and no sanitizer report at all: the reports go to files (so a test
# expecting exit 1 cannot hide one) and any such file fails the run.
#   bash scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-asan
bash scripts/asan-build.sh

reports="$PWD/$out/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
# exitcode=86: a report is never mistaken for the program's own exit 1 or 2.
export ASAN_OPTIONS="detect_leaks=1:exitcode=86:log_path=$reports/asan:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$reports/ubsan"
# fontconfig and Pango keep process-wide caches they never free (see the file).
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"

echo "== running the suite under ASan+UBSan+LSan"
# Left to the plain run: the tests whose time goes to programs we do not
# instrument (PDFBox Preflight in Java; LibreOffice; cmake --install and dpkg-deb) and the
# 5,000-award builds, which repeat at scale what the 300-award tests check
# here. Together they took 7 of CI's minutes under ASan.
skip='Preflight|cmake --install|5,000|LibreOffice'
status=0
ctest --test-dir "$out" --output-on-failure -j "$(nproc)" -E "$skip" || status=$?
if compgen -G "$reports/*" >/dev/null; then
  echo "== sanitizer reports:" >&2
  head -c 20000 "$reports"/* >&2
  exit 1
fi
echo "== no sanitizer report"
exit "$status"
