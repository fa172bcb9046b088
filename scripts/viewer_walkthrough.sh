#!/usr/bin/env bash
# A scripted walk through the viewer under Xvfb, saving one screenshot per step into OUT_DIR (default build/viewer-walkthrough/),
# for a person to look at. It uses the viewer's --screenshot and --demo modes, so
# it covers the steps those can show:
#   01 the window at 1400×900 (map share, dock column, tab titles)      02 the same in Chinese
#   03 the window at 1024×700                                          04 identify on the Xigu works
#   05 measure Lanzhou – Wuwei – Jiuquan                               06 allocation and the what-if of J003
#   07 a planner's own registry (a seeded synthetic one) for the analyses
# Not scripted yet: adding a user layer and styling it, selection with Shift/Ctrl, saving and reopening
# a project, cluster parameters and Cancel, figure export (the QTest suite covers those).
# Usage: scripts/viewer_walkthrough.sh [OUT_DIR]   (after scripts/build.sh; needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/viewer-walkthrough}
viewer=${CIRCATLAS_VIEWER:-build/src/viewer/circatlas-viewer}
cli=${CIRCATLAS_CLI:-build/src/cli/circatlas}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each step gets fresh settings (no remembered session or layout), in English unless asked.
shot() {
  local name=$1 size=$2 language=$3
  shift 3
  local config="$work/config-$name"
  mkdir -p "$config/circatlas"
  printf '[ui]\nlanguage=%s\n' "$language" >"$config/circatlas/circatlas-viewer.conf"
  XDG_CONFIG_HOME="$config" timeout 300 xvfb-run -a -s "-screen 0 ${size}x24" \
    "$viewer" -geometry "$size" --screenshot "$out/$name.png" "$@" 2>"$work/$name.log" ||
    { echo "walkthrough: step $name failed:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$out/$name.png"
}

shot 01-window 1400x900 en
shot 02-window-zh 1400x900 zh_CN
shot 03-window-1024 1024x700 en
shot 04-identify 1400x900 en --demo identify
shot 05-measure 1400x900 en --demo measure
shot 06-allocation 1400x900 en --demo allocation
"$cli" synth -n 2000 --seed 7 --out "$work/registry" >/dev/null
shot 07-own-registry 1400x900 en --registry "$work/registry"
