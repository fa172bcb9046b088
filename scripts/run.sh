#!/usr/bin/env bash
# The main job: build (installing dependencies), then run circatlas on the built-in Gansu data.
# Today that describes the built-in layers (`circatlas info`); the viewer (with a display) and the
# headless atlas of layers and figures (without one) take its place as they land.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
exec "${CIRCATLAS_BUILD_DIR:-build}/src/cli/circatlas" info "$@"
