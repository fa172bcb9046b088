#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (AddressSanitizer + UndefinedBehavior-
# Sanitizer) into build-fuzz/ and runs each for SECONDS (default 60), one after the other.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]   e.g. scripts/fuzz.sh 600 style_json_fuzz
# Seeds come from tests/fuzz/corpus/<target>/ (committed); new inputs go to build-fuzz/corpus/<target>/
# and crashes to build-fuzz/crashes/<target>/, so nothing the fuzzer writes lands in the source tree.
# A crash fails the script; turn it into a regression test under tests/data/fuzz-regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all_targets=(catalogue_csv_fuzz style_json_fuzz layer_set_fuzz figure_preset_fuzz units_fuzz web_map_coords_fuzz)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi

bash scripts/install-deps.sh fuzz
build_dir=${CIRCATLAS_FUZZ_BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCIRCATLAS_FUZZ=ON -DCIRCATLAS_BUILD_TESTS=OFF -DCIRCATLAS_WERROR=OFF >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  crashes="$build_dir/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  echo "== $t for ${seconds}s =="
  seeds=("tests/fuzz/corpus/$t")
  if [ -d "tests/data/fuzz-regressions/$t" ]; then seeds+=("tests/data/fuzz-regressions/$t"); fi
  # The first folder collects new inputs; the committed seeds and past crashers are read only.
  if ! nice -n 10 "$build_dir/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "${seeds[@]}"; then
    echo "fuzz: $t found a problem; the input is in $crashes/" >&2
    status=1
  fi
done
exit $status
