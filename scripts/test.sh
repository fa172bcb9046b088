#!/usr/bin/env bash
# Builds circatlas (installing dependencies) and runs every test suite with CTest, twice: a normal
# build (benchmarks compiled too, so they cannot rot) and the kernel suites again in a Debug build
# (assertions on), followed by a clang-format check and clang-tidy over src/ with zero
# findings allowed, and an AddressSanitizer + UndefinedBehaviorSanitizer build. Warnings are
# enforced in the first build only: GCC 12 with -fsanitize reports false maybe-uninitialized
# warnings inside libstdc++. CIRCATLAS_SKIP_SANITIZERS=1 and CIRCATLAS_SKIP_TIDY=1 skip those
# passes for quick local iterations.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
bash scripts/build.sh -DCIRCATLAS_BUILD_TESTS=ON -DCIRCATLAS_BUILD_BENCH=ON
ctest --test-dir "${CIRCATLAS_BUILD_DIR:-build}" --output-on-failure --parallel "$jobs"

# The kernels' debug assertions (union-find, parallelFor, DBSCAN labels, CSR offsets, Dijkstra's settle
# order) are compiled out of the builds above (NDEBUG): a Debug build of only the core, cluster and
# network suites runs them. The suites are run directly: the other test targets of build-debug are not
# built, so a plain ctest there would report them missing.
echo "== core, cluster and network suites with assertions (Debug) =="
CIRCATLAS_BUILD_DIR=build-debug CIRCATLAS_BUILD_TARGETS="core_tests cluster_tests network_tests" \
  bash scripts/build.sh -DCIRCATLAS_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=Debug
for suite in tests/core_tests tests/analysis/cluster/cluster_tests tests/analysis/network/network_tests; do
  build-debug/$suite --gtest_brief=1
done

# The house format (scripts/format.sh --check), then clang-tidy on the compile commands of the build just made (no second configure; its moc headers
# exist), alone on the machine's cores; any finding fails the run. CIRCATLAS_SKIP_TIDY=1 skips it.
if [ "${CIRCATLAS_SKIP_TIDY:-0}" != 1 ]; then
  echo "== clang-format (house style) =="
  bash scripts/format.sh --check
  echo "== clang-tidy =="
  bash scripts/tidy.sh "${CIRCATLAS_BUILD_DIR:-build}"
fi

if [ "${CIRCATLAS_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== the same suites under AddressSanitizer and UndefinedBehaviorSanitizer =="
  CIRCATLAS_BUILD_DIR=build-asan bash scripts/build.sh -DCIRCATLAS_BUILD_TESTS=ON -DCIRCATLAS_SANITIZE=ON \
    -DCIRCATLAS_WERROR=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
    ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
fi
