#!/usr/bin/python3
"""Builds data/gazetteer/townships.csv, Gansu's township centres in WGS 84, from the Vonng/adcode extract.

Run by hand by a maintainer, never by the build:

    /usr/bin/python3 scripts/gazetteer/build_townships.py INPUT.csv            # writes data/gazetteer/townships.csv
    /usr/bin/python3 scripts/gazetteer/build_townships.py INPUT.csv --check    # exit 1 if the committed file differs

INPUT.csv is an extract of the township-level rows (乡, 镇, 街道; 12-digit statistical codes of the 2016
list) of Gansu from github.com/Vonng/adcode (commit b755d6e4abca, files data/adcode/62????.csv; CC BY 4.0),
with at least the columns `code`, `name`, `county_code`, `county`, `city`, `lon`, `lat`. Its centres come
from AMap and are GCJ-02; every one is converted to WGS 84 with circatlas's own converter (the same
formulae circatlas applies to registries, src/geo/web_map_coords.cpp), built from this repository
(`cmake --build build --target circatlas-lonlat`; another path with --lonlat-tool). Each converted
centre is converted back and must land within 1 mm of its input.

Output columns: `code`, `name`, `county_code` and `county` (current code and name: 620824 华亭县 became
620881 华亭市 in 2018; the 12-digit `code` keeps the 2016 prefix), `prefecture_code`, `prefecture`, `lon`,
`lat` (WGS 84), `location_precision` (`township_centre`), `lonlat_source` (the datum of the source and the
conversion), `in_county` (1 where the converted centre lies inside its county in data/basemap.gpkg, 0
otherwise: those are the source's own misplacements), `source` (the credit the licence asks for).
Rows are in code order; the output is written to a temporary file and renamed, and only when every check
passes. Needs Debian's python3-gdal (the county test against data/basemap.gpkg).
"""

import argparse
import csv
import io
import math
import os
import subprocess
import sys

sys.dont_write_bytecode = True

try:
    from osgeo import ogr
except ImportError:
    sys.exit("build_townships: error: osgeo not found; install Debian's python3-gdal and run this script "
             "with /usr/bin/python3")
ogr.UseExceptions()

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUTPUT = os.path.join(REPO, "data", "gazetteer", "townships.csv")
BASEMAP = os.path.join(REPO, "data", "basemap.gpkg")
DEFAULT_LONLAT_TOOL = os.path.join(REPO, "build", "scripts", "lonlat", "circatlas-lonlat")

REQUIRED = ["code", "name", "county_code", "county", "city", "lon", "lat"]
FIELDS = ["code", "name", "county_code", "county", "prefecture_code", "prefecture", "lon", "lat",
          "location_precision", "lonlat_source", "in_county", "source"]
LONLAT_SOURCE = ("GCJ-02 centre from AMap, converted to WGS 84 with circatlas's GCJ-02 inverse "
                 "(circatlas-lonlat; residual below 1 mm)")
SOURCE = "Vonng/adcode (github.com/Vonng/adcode, commit b755d6e4abca), CC BY 4.0"
# Codes of the 2016 list that have changed since: old county code -> (current code, current name).
COUNTY_UPDATES = {"620824": ("620881", "华亭市")}
EXPECTED_ROWS = (1000, 1400)           # a plausible number of townships for Gansu
MAX_RESIDUAL_M = 0.001
GANSU_BOX = (92.0, 32.0, 109.0, 43.0)  # lon_min, lat_min, lon_max, lat_max


def die(msg):
    sys.exit("build_townships: error: " + msg)


def shift_m(lon0, lat0, lon1, lat1):
    """Length of a short shift in metres (metres per degree on WGS 84 at that latitude)."""
    phi = math.radians(lat0)
    m_lat = 111132.954 - 559.822 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    m_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi)
    return math.hypot((lon1 - lon0) * m_lon, (lat1 - lat0) * m_lat)


def run_tool(tool, pairs, src, dst):
    text = "".join("%r %r\n" % p for p in pairs)
    try:
        res = subprocess.run([tool, "--from", src, "--to", dst], input=text, check=True, capture_output=True,
                             text=True)
    except (OSError, subprocess.CalledProcessError) as e:
        die("%s --from %s --to %s failed: %s" % (tool, src, dst, getattr(e, "stderr", e)))
    out = [tuple(float(v) for v in line.split()) for line in res.stdout.splitlines()]
    if len(out) != len(pairs):
        die("%s returned %d lines for %d points" % (tool, len(out), len(pairs)))
    return out


def read_input(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                die("%s: missing column(s) %s" % (path, ", ".join(missing)))
            rows = list(reader)
    except OSError as e:
        die("%s: %s" % (path, e.strerror))
    if not EXPECTED_ROWS[0] <= len(rows) <= EXPECTED_ROWS[1]:
        die("%s: %d rows; expected %d-%d townships of Gansu" % (path, len(rows), *EXPECTED_ROWS))
    seen = set()
    for n, r in enumerate(rows, start=2):
        where = "%s: line %d" % (path, n)
        if len(r["code"]) != 12 or not r["code"].isdigit() or not r["code"].startswith("62"):
            die("%s, field 'code': expected a 12-digit Gansu statistical code, got %r" % (where, r["code"]))
        if r["code"] in seen:
            die("%s, field 'code': %s appears twice" % (where, r["code"]))
        seen.add(r["code"])
        if r["code"][:6] != r["county_code"]:
            die("%s: code %s does not start with its county code %s" % (where, r["code"], r["county_code"]))
        for field in ("lon", "lat"):
            try:
                r[field] = float(r[field])
            except ValueError:
                die("%s, field '%s': expected a number, got %r" % (where, field, r[field]))
        x0, y0, x1, y1 = GANSU_BOX
        if not (x0 <= r["lon"] <= x1 and y0 <= r["lat"] <= y1):
            die("%s: centre %r, %r is outside %s" % (where, r["lon"], r["lat"], GANSU_BOX))
        if not r["name"].strip():
            die("%s, field 'name': empty" % where)
    return sorted(rows, key=lambda r: r["code"])


def read_basemap():
    ds = ogr.Open(BASEMAP)
    if ds is None:
        die("cannot open %s" % BASEMAP)
    counties = {}
    for f in ds.GetLayerByName("counties"):
        counties[f.GetField("code")] = (f.GetField("name_zh"), f.GetGeometryRef().Clone())
    prefectures = {f.GetField("code"): f.GetField("name_zh") for f in ds.GetLayerByName("prefectures")}
    return counties, prefectures


def build(rows, tool):
    counties, prefectures = read_basemap()
    gcj = [(r["lon"], r["lat"]) for r in rows]
    wgs = run_tool(tool, gcj, "gcj02", "wgs84")
    back = run_tool(tool, wgs, "wgs84", "gcj02")
    residual = max(shift_m(a[0], a[1], b[0], b[1]) for a, b in zip(gcj, back))
    if residual > MAX_RESIDUAL_M:
        die("GCJ-02 inverse residual %.3g m exceeds %g m" % (residual, MAX_RESIDUAL_M))
    shifts = [shift_m(a[0], a[1], b[0], b[1]) for a, b in zip(gcj, wgs)]
    out = []
    outside = []
    for r, (lon, lat) in zip(rows, wgs):
        county_code, county = COUNTY_UPDATES.get(r["county_code"], (r["county_code"], r["county"]))
        if county_code not in counties:
            die("township %s %s: county %s is not in the base map" % (r["code"], r["name"], county_code))
        if counties[county_code][0] != county:
            die("township %s %s: county %s is %s in the base map, %s in the input"
                % (r["code"], r["name"], county_code, counties[county_code][0], county))
        prefecture_code = county_code[:4] + "00"
        if prefectures.get(prefecture_code) != r["city"]:
            die("township %s %s: prefecture %s is %s in the base map, %s in the input"
                % (r["code"], r["name"], prefecture_code, prefectures.get(prefecture_code), r["city"]))
        inside = counties[county_code][1].Contains(ogr.CreateGeometryFromWkt("POINT (%r %r)" % (lon, lat)))
        if not inside:
            outside.append("%s %s (%s)" % (r["code"], r["name"], county))
        out.append(dict(code=r["code"], name=r["name"], county_code=county_code, county=county,
                        prefecture_code=prefecture_code, prefecture=r["city"], lon=repr(lon), lat=repr(lat),
                        location_precision="township_centre", lonlat_source=LONLAT_SOURCE,
                        in_county="1" if inside else "0", source=SOURCE))
    stats = dict(rows=len(out), residual_m=residual, shift_min=min(shifts), shift_max=max(shifts),
                 outside=outside)
    return out, stats


def render(rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="township centres of Gansu from Vonng/adcode, GCJ-02 (see above)")
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="CSV to write (default data/gazetteer/townships.csv)")
    ap.add_argument("--lonlat-tool", default=DEFAULT_LONLAT_TOOL,
                    help="circatlas's GCJ-02/WGS 84 converter (default build/scripts/lonlat/circatlas-lonlat)")
    ap.add_argument("--check", action="store_true", help="only report whether the output is up to date")
    args = ap.parse_args()
    tool = os.path.abspath(args.lonlat_tool)
    if not (os.path.isfile(tool) and os.access(tool, os.X_OK)):
        die("%s not found; build it first: cmake --build build --target circatlas-lonlat" % tool)
    inp, output = os.path.abspath(args.input), os.path.abspath(args.output)
    if inp == output:
        die("the output must not be the input")

    rows, stats = build(read_input(inp), tool)
    text = render(rows)
    print("%d townships; GCJ-02 -> WGS 84 shifts %.0f-%.0f m, worst inverse residual %.2g m"
          % (stats["rows"], stats["shift_min"], stats["shift_max"], stats["residual_m"]))
    print("centres outside their own county in the base map: %d%s"
          % (len(stats["outside"]), "".join("\n  " + s for s in stats["outside"])))
    old = open(output, encoding="utf-8").read() if os.path.exists(output) else None
    if args.check:
        if old != text:
            die("%s is stale (run without --check)" % output)
        print("up to date")
        return
    os.makedirs(os.path.dirname(output), exist_ok=True)
    staged = "%s.tmp-%d" % (output, os.getpid())
    with open(staged, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(staged, output)
    shown = os.path.relpath(output, REPO) if os.path.commonpath([output, REPO]) == REPO else output
    print("wrote %s" % shown)


if __name__ == "__main__":
    main()
