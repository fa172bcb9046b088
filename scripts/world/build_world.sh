#!/usr/bin/env bash
# Regenerates data/world.gpkg, the world map of the locator inset that region figures outside China
# draw, from Natural Earth 1:110 million land polygons and admin-0 land boundary lines (version 2.0.0)
# as Debian's libmagics++-data ships them. Run by hand by a maintainer, never by the build:
#
#   bash scripts/world/build_world.sh             # rebuild data/world.gpkg
#   bash scripts/world/build_world.sh OUT.gpkg    # write elsewhere
#
# Uses the installed package when there is one (dpkg -L), else `apt-get download`s it into a temporary
# folder. Needs GDAL's ogr2ogr (gdal-bin). The file is written beside the target and renamed when
# complete; with the same GDAL version it is byte-identical from run to run (OGR_CURRENT_DATE pins the
# only timestamp GDAL writes).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$repo/data/world.gpkg}
package=libmagics++-data
version=2.0.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ne=$(dpkg -L "$package" 2>/dev/null | grep '/110m/ne_110m_land\.shp$' | xargs -r dirname || true)
if [ -z "$ne" ]; then
  (cd "$tmp" && apt-get download "$package" >/dev/null && dpkg-deb -x "$package"_*.deb extracted)
  ne=$(find "$tmp/extracted" -path '*/110m/ne_110m_land.shp' -printf '%h\n' | head -1)
fi
for layer in ne_110m_land ne_110m_admin_0_boundary_lines_land; do
  [ -f "$ne/$layer.shp" ] || { echo "build_world: $ne/$layer.shp missing" >&2; exit 1; }
  got=$(tr -d '[:space:]' <"$ne/$layer.VERSION.txt")
  [ "$got" = "$version" ] || { echo "build_world: $layer is Natural Earth $got, expected $version" >&2; exit 1; }
done

export OGR_CURRENT_DATE=2000-01-01T00:00:00Z
staged=$tmp/world.gpkg
ogr2ogr -f GPKG "$staged" "$ne/ne_110m_land.shp" -nln world_land -nlt MULTIPOLYGON -a_srs EPSG:4326 \
  -sql "SELECT featurecla, scalerank FROM ne_110m_land"
ogr2ogr -update "$staged" "$ne/ne_110m_admin_0_boundary_lines_land.shp" -nln world_boundaries \
  -nlt MULTILINESTRING -a_srs EPSG:4326 \
  -sql "SELECT featurecla, name FROM ne_110m_admin_0_boundary_lines_land"

land=$(ogrinfo -ro -so "$staged" world_land | sed -n 's/^Feature Count: //p')
lines=$(ogrinfo -ro -so "$staged" world_boundaries | sed -n 's/^Feature Count: //p')
[ "$land" -gt 100 ] && [ "$lines" -gt 100 ] || { echo "build_world: $land land polygons, $lines lines?" >&2; exit 1; }
mv "$staged" "$out"
echo "build_world: wrote $out ($land land polygons, $lines boundary lines, Natural Earth $version from $package)"
