#!/usr/bin/env bash
# The main job: build (installing dependencies), then write the atlas of the built-in Gansu data:
# every layer to atlas/circatlas.gpkg and every preset figure for the province and each prefecture
# (PNG and PDF, plus one multi-page PDF per preset). Headless: no display needed. Extra arguments
# go to `circatlas atlas` (e.g. --lang en, --dpi 300). The viewer takes over where there is a display
# once it lands.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
exec "${CIRCATLAS_BUILD_DIR:-build}/src/cli/circatlas" atlas --out atlas "$@"
