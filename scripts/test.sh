#!/usr/bin/env bash
# Builds circatlas (installing dependencies) and runs every test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh -DCIRCATLAS_BUILD_TESTS=ON
ctest --test-dir "${CIRCATLAS_BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)"
