#!/usr/bin/env bash
# Formats every C++ file the project tracks with the house style in .clang-format.
# Usage: scripts/format.sh            rewrite files in place
#        scripts/format.sh --check    change nothing; list misformatted files and fail if there are any
#        scripts/format.sh FILE...    rewrite only these files
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh tidy
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp'); fi

if [ "$check" = 1 ]; then
  bad=()
  for f in "${files[@]}"; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if [ ${#bad[@]} -gt 0 ]; then
    printf 'not in the house format (run scripts/format.sh): %s\n' "${bad[@]}" >&2
    exit 1
  fi
  echo "format: ${#files[@]} files in the house format"
else
  clang-format -i "${files[@]}"
fi
