#!/usr/bin/python3
"""Fills the generated columns of circatlas's schematic Gansu trunk network from its hand-edited CSV files.

Run by hand after editing data/network/gansu_trunk_nodes.csv or data/network/gansu_trunk.csv, never by
the build:

    /usr/bin/python3 scripts/network/build_trunk.py           # rewrite the generated columns in place
    /usr/bin/python3 scripts/network/build_trunk.py --check   # exit 1 if any generated column is stale

What a person edits: the nodes and the edges (ref, names, class, mode, from_node, to_node, note;
`length_m` and `length_source` only for a published distance with its citation). A node stands on
- a seat: `seat_level` = `prefecture` or `county`, `seat_code` = the code in the `seats` layer of
  data/basemap.gpkg;
- a township centre: `seat_level` = `township`, `seat_code` = the 12-digit code in
  data/gazetteer/townships.csv (junctions such as Hexibao or Liuyuan that are not seats);
- a place: `seat_level` = `place`, `seat_code` empty, `lon`/`lat` entered by hand with their source
  in `position_source` (mines, and junctions outside Gansu); the script keeps them as entered.
What this script writes:
- nodes: `lon`, `lat` and `position_source`, copied from the seat or township centre, so that
  every such node stands exactly on it;
- edges: `WKT`, the straight line between the two nodes (GDAL's CSV driver reads it as the geometry);
  `length_m` and `length_source` for every edge without a published length: the geodesic distance
  between the nodes on WGS 84 (PROJ's `geod`, Karney's algorithm) × the detour factor of its mode
  (road 1.2, rail RAIL_DETOUR below), rounded to 100 m; `source` where empty;
- gansu_trunk.csvt (column types) and gansu_trunk.prj (WGS 84) beside the edge file.

Needs Debian's python3-gdal (to read the seats at full precision) and proj-bin (geod); only the Python
standard library otherwise.
"""

import argparse
import csv
import io
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "data")
NODES = os.path.join(DATA, "network", "gansu_trunk_nodes.csv")
EDGES = os.path.join(DATA, "network", "gansu_trunk.csv")
DETOUR = {"road": 1.2, "rail": 1.1}
ESTIMATE = {
    "road": "estimate: geodesic seat-to-seat distance × 1.2 detour factor, rounded to 100 m",
    # 1.1 = the median (1.09), rounded to 0.05, of published length / node-to-node geodesic over this
    # network's four railway edges with a published length (printed by this script: 1.02, 1.04, 1.14,
    # 1.19; see data/README.md). Railways keep to gentler curves and grades than roads but take fewer
    # detours through towns; these four are the only Gansu lines whose length could be cited offline.
    "rail": "estimate: geodesic node-to-node distance × 1.1 rail detour factor (median of this network's "
            "published rail lengths over their geodesics), rounded to 100 m",
}
NODE_LEVELS = ("prefecture", "county", "township", "place")
TOWNSHIPS = os.path.join(DATA, "gazetteer", "townships.csv")
DEFAULT_SOURCE = ("schematic corridor between seats (circatlas); route number and alignment from general "
                  "knowledge of the national expressway and railway networks, not checked against an official map")
CSVT = ("String,String,String,String,String,String,String,String,Real,String,Integer(Boolean),String,String,"
        "WKT\n")
PRJ = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
       'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]\n')


def fail(message):
    sys.exit("build_trunk: " + message)


def read_seats():
    """{(code, level): (lon, lat)} as text that reads back to the seat's exact doubles.

    Read with OGR's Python bindings: the CSV and WKT writers of ogr2ogr round to 15 significant
    digits, and since the seats were converted from GCJ-02 their coordinates need all 17."""
    try:
        from osgeo import ogr
    except ImportError:
        fail("osgeo not found; install Debian's python3-gdal and run this script with /usr/bin/python3")
    ds = ogr.Open(os.path.join(DATA, "basemap.gpkg"))
    if ds is None or ds.GetLayerByName("seats") is None:
        fail("cannot read the seats layer of data/basemap.gpkg")
    seats = {}
    for f in ds.GetLayerByName("seats"):
        g = f.GetGeometryRef()
        seats[(f.GetField("code"), f.GetField("level"))] = (repr(g.GetX()), repr(g.GetY()))
    return seats


def read_townships():
    """{code: (lon, lat, position_source)} from data/gazetteer/townships.csv (WGS 84 centres)."""
    if not os.path.exists(TOWNSHIPS):
        fail("data/gazetteer/townships.csv not found (see data/README.md, Gazetteer)")
    out = {}
    for row in read_csv(TOWNSHIPS)[1]:
        out[row["code"]] = (row["lon"], row["lat"], "township centre in data/gazetteer/townships.csv "
                                                     "(WGS 84, converted from GCJ-02)")
    return out


def geodesic_meters(pairs):
    """Distances in metres between ((lon1, lat1), (lon2, lat2)) pairs, by one call of PROJ's geod."""
    lines = "".join(f"{a[1]} {a[0]} {b[1]} {b[0]}\n" for a, b in pairs)
    out = subprocess.run(["geod", "+ellps=WGS84", "-I", "-f", "%.3f", "+units=m"], input=lines, check=True,
                         capture_output=True, text=True).stdout
    return [float(line.split()[2]) for line in out.splitlines()]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def render_csv(fields, rows):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether the generated columns are stale")
    args = parser.parse_args()

    seats = read_seats()
    townships = read_townships()
    node_fields, nodes = read_csv(NODES)
    where = {}
    for n in nodes:
        key = (n["seat_code"], n["seat_level"])
        if n["seat_level"] not in NODE_LEVELS:
            fail(f"{NODES}: node '{n['id']}', field 'seat_level': '{n['seat_level']}' is not one of {NODE_LEVELS}")
        if n["id"] in where:
            fail(f"{NODES}: node id '{n['id']}' appears twice")
        if n["seat_level"] == "township":
            if n["seat_code"] not in townships:
                fail(f"{NODES}: node '{n['id']}': no township {n['seat_code']} in data/gazetteer/townships.csv")
            n["lon"], n["lat"], n["position_source"] = townships[n["seat_code"]]
        elif n["seat_level"] == "place":
            try:
                lon, lat = float(n["lon"]), float(n["lat"])
            except ValueError:
                fail(f"{NODES}: node '{n['id']}': a place needs lon and lat in degrees")
            if not (-180 <= lon <= 180 and -90 <= lat <= 90) or not n["position_source"].strip():
                fail(f"{NODES}: node '{n['id']}': a place needs valid lon/lat and a position_source")
        else:
            if key not in seats:
                fail(f"{NODES}: node '{n['id']}': no seat {key[0]} at level '{key[1]}' in basemap.gpkg")
            n["lon"], n["lat"] = seats[key]
            n["position_source"] = "seat in data/basemap.gpkg (WGS 84)"
        where[n["id"]] = (n["lon"], n["lat"])

    edge_fields, edges = read_csv(EDGES)
    for e in edges:
        for end in ("from_node", "to_node"):
            if e[end] not in where:
                fail(f"{EDGES}: edge {e['id']}, field '{end}': unknown node '{e[end]}'")
        if e["class"] not in ("expressway", "national_road", "railway"):
            fail(f"{EDGES}: edge {e['id']}, field 'class': unknown class '{e['class']}'")
        if e["mode"] not in ("road", "rail"):
            fail(f"{EDGES}: edge {e['id']}, field 'mode': unknown mode '{e['mode']}'")
    distances = geodesic_meters([(where[e["from_node"]], where[e["to_node"]]) for e in edges])
    ratios = []
    for e, d in zip(edges, distances):
        a, b = where[e["from_node"]], where[e["to_node"]]
        e["WKT"] = f"LINESTRING ({a[0]} {a[1]},{b[0]} {b[1]})"
        if not e["length_source"].startswith("published"):
            e["length_m"] = str(int(round(d * DETOUR[e["mode"]], -2)))
            e["length_source"] = ESTIMATE[e["mode"]]
        else:
            ratios.append((float(e["length_m"]) / d, e["mode"], e["id"], e["from_node"], e["to_node"]))
        if not e["source"]:
            e["source"] = DEFAULT_SOURCE
    for r, mode, eid, a, b in sorted(ratios):
        print(f"published {mode} edge {eid} {a}-{b}: {r:.2f} × the geodesic")

    outputs = {
        NODES: render_csv(node_fields, nodes),
        EDGES: render_csv(edge_fields, edges),
        os.path.splitext(EDGES)[0] + ".csvt": CSVT,
        os.path.splitext(EDGES)[0] + ".prj": PRJ,
    }
    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not args.check:
                with open(path + ".tmp", "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                os.replace(path + ".tmp", path)
    if args.check and stale:
        fail("stale: " + ", ".join(os.path.relpath(p, ROOT) for p in stale) + " (run without --check)")
    print(f"{len(nodes)} nodes, {len(edges)} edges" + (", up to date" if not stale else
                                                       ", rewrote " + ", ".join(os.path.basename(p) for p in stale)))


if __name__ == "__main__":
    main()
