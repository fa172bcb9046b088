#!/usr/bin/env bash
# Installs every Debian 12 package circatlas needs to build, test and run.
# Optional extras by argument: `fuzz` (clang and libFuzzer, for scripts/fuzz.sh), `tidy` (clang-tidy and clang-format,
# for scripts/tidy.sh), `qgis` (PyQGIS 3.22, for scripts/qgis_check.py); the default install stays without them.
# Idempotent: runs `apt-get update` and `apt-get install` only when something is missing,
# so a second run finishes in well under a second.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # geospatial stack
  libgdal-dev gdal-bin libproj-dev proj-bin proj-data libgeos-dev
  # Qt 6
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libicu-dev
  # further libraries
  libcli11-dev nlohmann-json3-dev libboost-graph-dev liblemon-dev libtbb-dev libcsv-dev libsqlite3-dev
  libjemalloc-dev libxxhash-dev libabsl-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev poppler-utils sqlite3 python3
  # PostGIS export tests start a private server (skipped without it); `qgis` extra: scripts/qgis_check.py
  postgresql-15 postgresql-15-postgis-3
  # fonts and headless display
  fonts-noto-cjk fonts-dejavu-core xvfb xauth
)
for extra in "$@"; do
  case "$extra" in
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    tidy) packages+=(clang-tidy clang-format) ;;
    qgis) packages+=(python3-qgis qgis-providers) ;;
    *) echo "install-deps: unknown extra '$extra' (expected fuzz, tidy or qgis)" >&2; exit 2 ;;
  esac
done

missing=()
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null \
            | awk '$2 == "installed" {print $1}' || true)
for p in "${packages[@]}"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
