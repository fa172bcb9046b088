#!/usr/bin/env bash
# The main job: build (installing dependencies), then write the atlas of the built-in Gansu data:
# every layer to atlas/circatlas.gpkg and every preset figure for the province and each prefecture
# (PNG and PDF, plus one multi-page PDF per preset). Headless: no display needed. Extra arguments
# go to `circatlas atlas` (e.g. --lang en, --dpi 300). Where there is a display ($DISPLAY or
# $WAYLAND_DISPLAY) it opens the map viewer on the built-in data instead (extra arguments: files to
# add as layers); CIRCATLAS_HEADLESS=1 forces the atlas.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only the program the main job runs is built (its libraries included); the test suites and
# benchmarks are built by scripts/test.sh.
if [ "${CIRCATLAS_HEADLESS:-0}" != 1 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  CIRCATLAS_BUILD_TARGETS=circatlas-viewer bash scripts/build.sh
  exec "${CIRCATLAS_BUILD_DIR:-build}/src/viewer/circatlas-viewer" "$@"
fi
CIRCATLAS_BUILD_TARGETS=circatlas bash scripts/build.sh
# The atlas folder is circatlas's own output: replaced as a whole (never a folder holding anything else).
exec "${CIRCATLAS_BUILD_DIR:-build}/src/cli/circatlas" atlas --out atlas --overwrite "$@"
