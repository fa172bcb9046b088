#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds circatlas into build/ (incremental).
# Extra arguments are passed to CMake's configure step, e.g. -DCIRCATLAS_SANITIZE=ON.
# CIRCATLAS_BUILD_TARGETS (space-separated) builds only those targets and what they need, e.g. the
# main job's programs without the test suites; unset, everything configured is built.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build_dir=${CIRCATLAS_BUILD_DIR:-build}
werror=OFF
if [ -n "${CI:-}" ]; then werror=ON; fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCIRCATLAS_WERROR="$werror" "$@" >/dev/null
targets=()
for t in ${CIRCATLAS_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
