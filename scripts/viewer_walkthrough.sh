#!/usr/bin/env bash
# A scripted walk through the viewer under Xvfb, saving one screenshot per step into OUT_DIR (default build/viewer-walkthrough/),
# for a person to look at. It uses the viewer's --screenshot and --demo modes, so
# it covers the steps those can show:
#   01 the window at 1400×900 (map share, dock column, tab titles)      02 the same in Chinese
#   03 the window at 1024×700                                          04 identify on the Xigu works
#   05 measure Lanzhou – Wuwei – Jiuquan                               06 allocation and the what-if of J003
#   07 a planner's own registry (a seeded synthetic one) for the analyses
#   08 a planner's own layer (three wells) added: its own symbol and its name in the legend; saved as a project
#   09 that layer's properties dialog                                  10 the project reopened, its look changed in the file
#   11 selection: a click, Shift-clicks and a Ctrl-click               12 a cluster run cancelled as it starts
#   13 the view exported to PDF (rendered to PNG)                      14 the window at 1024×700 in Chinese
#   15 the column-mapping dialog of a bureau's sheet (名称, 经度, 纬度, 行业代码), 16 the same in Chinese
#   17 the figure-preset dialog (enterprises of Jinchang chosen)      18 the same in Chinese
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

# A planner's own layer: three wells near Lanzhou, added, saved as a project, then restyled in the
# project file (colour, size, label field, legend name) and reopened.
mkdir -p "$work/project"
cat >"$work/project/wells.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "W1"}, "geometry": {"type": "Point", "coordinates": [103.40, 36.30]}},
  {"type": "Feature", "properties": {"name": "W2"}, "geometry": {"type": "Point", "coordinates": [104.10, 36.60]}},
  {"type": "Feature", "properties": {"name": "W3"}, "geometry": {"type": "Point", "coordinates": [104.60, 35.90]}}]}
JSON
rm -f "$work/project/wells.circatlas"
shot 08-user-layer 1400x900 en "$work/project/wells.geojson" --save-project "$work/project/wells.circatlas"
shot 09-layer-properties 1400x900 en "$work/project/wells.geojson" --demo layer-properties
python3 - "$work/project/wells.circatlas" <<'PY'
import json, sys
path = sys.argv[1]
project = json.load(open(path, encoding="utf-8"))
for layer in project["layers"]:
    if layer.get("file", "").endswith("wells.geojson"):
        layer["look"].update({"color": "#1a9850", "marker": "square", "size_mm": 4.0,
                              "label_field": "name", "legend_name": "Monitoring wells"})
json.dump(project, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
shot 10-project-reopened 1400x900 en "$work/project/wells.circatlas"
shot 11-select 1400x900 en --demo select
shot 12-cluster-cancel 1400x900 en --demo cluster-cancel
rm -f "$out/13-view-export.pdf"
shot 13-view 1400x900 en --export-view "$out/13-view-export.pdf"
pdftoppm -png -r 50 -singlefile "$out/13-view-export.pdf" "$out/13-view-export"
echo "$out/13-view-export.png"
shot 14-window-1024-zh 1024x700 zh_CN
printf '名称,经度,纬度,行业代码,联系电话\n兰州某水泥厂,103.620,36.120,3011,0931-1234567\n白银某冶炼厂,104.170,36.550,3212,0943-7654321\n' \
  >"$work/bureau.csv"
shot 15-registry-mapping 1400x900 en --demo mapping --registry "$work/bureau.csv"
shot 16-registry-mapping-zh 1400x900 zh_CN --demo mapping --registry "$work/bureau.csv"
shot 17-figure-dialog 1400x900 en --demo figure
shot 18-figure-dialog-zh 1400x900 zh_CN --demo figure
