#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) over every .cpp under src/, using the compile commands of
# a build folder (default build-tidy/, configured here if missing). Fails on any warning.
# Usage: scripts/tidy.sh [BUILD_DIR]    Jobs: CIRCATLAS_TIDY_JOBS (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh tidy
build_dir=${1:-build-tidy}
if [ ! -f "$build_dir/compile_commands.json" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCIRCATLAS_BUILD_TESTS=OFF >/dev/null
fi
# Qt's moc and uic headers must exist for the viewer's sources to parse.
if ninja -C "$build_dir" -t targets all 2>/dev/null | grep -q '_autogen:'; then
  ninja -C "$build_dir" $(ninja -C "$build_dir" -t targets all | awk -F: '/_autogen:/ {print $1}') >/dev/null
fi
# GCC's precompiled headers (the CLI's CLI11, cmake_pch.hxx.gch) are unreadable to clang: tidy reads
# a copy of the compile commands without them (every source includes what it uses itself). That copy
# also adds -Wno-sign-conversion: clang's -Wconversion includes signedness changes, GCC's does not in
# C++, and the build (GCC) is what defines the rule.
tidy_db="$build_dir/tidy-db"
mkdir -p "$tidy_db"
python3 - "$build_dir/compile_commands.json" "$tidy_db/compile_commands.json" <<'PY'
import json, re, sys
commands = json.load(open(sys.argv[1]))
for c in commands:
    c["command"] = re.sub(r"\s-Winvalid-pch|\s-include\s+\S*cmake_pch\.hxx", "", c["command"])
    if " -Wconversion" in c["command"]:
        c["command"] += " -Wno-sign-conversion"
json.dump(commands, open(sys.argv[2], "w"), indent=0)
PY
jobs=${CIRCATLAS_TIDY_JOBS:-$(nproc)}
find src -name '*.cpp' -print0 | sort -z |
  xargs -0 -n 4 -P "$jobs" clang-tidy -p "$tidy_db" --quiet 2> >(grep -v '^[0-9]* warnings\? generated' >&2)
echo "tidy: clean"
