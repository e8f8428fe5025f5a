#!/usr/bin/env bash
# Rewrites the golden display-list dumps in tests/golden/ from the current
# build, then shows what changed: review that diff before committing it, as a
# golden that moves is a layout change every user sees.
#   bash scripts/update-goldens.sh            # uses ./build
#   BUILD=build-asan bash scripts/update-goldens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake --build "$build" --target baocao_tests baocao
BAOCAO_UPDATE_GOLDEN=1 "$build/tests/baocao_tests" '[golden]'
git status --short -- tests/golden
git diff --stat -- tests/golden
