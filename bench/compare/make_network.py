#!/usr/bin/python3
"""Writes seeded synthetic road networks as line layers (CSV with WKT, Gansu analysis CRS metres) for the comparisons.

Usage: make_network.py grid|osm OUT.csv [--seed N] [--scale S]

grid: the anchor grid of bench/network (synthetic_network.h): 760 x 525 perturbed grid over
      1,600 km x 1,100 km, 5 % of grid edges missing, a diagonal at 60 % of nodes, every 25th row and
      column a trunk road (class trunk); local roads have speed_kmh 40-60 and 5 % are one-way. One
      line per edge (two vertices), so the graph has about 400 k nodes and 1 M edges.
osm:  an OpenStreetMap-like network: junctions on a jittered lattice with many lattice links missing
      (dead ends and T-junctions, as real road networks have), roads between junctions drawn as
      wiggly polylines with shape points (on average about 5 per road, so most graph nodes have
      degree 2 as in OSM), a class hierarchy (motorway/trunk/primary/secondary/tertiary/
      unclassified/residential) and one-way residential streets.

Every line has: id, class, speed_kmh (empty: the class speed), oneway (yes/no), u, v (end node
numbers, for loading into pgRouting without building a topology), and WKT. The CRS is circatlas'
analysis CRS (Lambert conformal conic for Gansu); convert with
  ogr2ogr -a_srs "<that CRS>" out.gpkg out.csv -oo GEOM_POSSIBLE_NAMES=WKT
The same seed gives the same file.
"""
import argparse
import math
import random
import sys

ANALYSIS_CRS = ("+proj=lcc +lat_0=37.5 +lon_0=101 +lat_1=34.2 +lat_2=41.2 +x_0=0 +y_0=0 +datum=WGS84 "
                "+units=m +no_defs +type=crs")


def write_header(out):
    out.write("id,class,speed_kmh,oneway,u,v,WKT\n")


def grid(out, seed, scale):
    columns, rows = int(760 * scale), int(525 * scale)
    width, height = 1_600_000.0 * scale, 1_100_000.0 * scale
    x0, y0 = -width / 2, -height / 2
    dx, dy = width / (columns - 1), height / (rows - 1)
    rng = random.Random(seed)
    pos = []
    for r in range(rows):
        for c in range(columns):
            pos.append((x0 + c * dx + (rng.random() - 0.5) * 0.6 * dx, y0 + r * dy + (rng.random() - 0.5) * 0.6 * dy))
    write_header(out)
    count = 0

    def add(a, b, trunk):
        nonlocal count
        oneway = (not trunk) and rng.random() < 0.05
        if oneway and rng.random() < 0.5:
            a, b = b, a
        speed = "" if trunk else f"{40.0 + 20.0 * rng.random():.3f}"
        (xa, ya), (xb, yb) = pos[a], pos[b]
        out.write(f"{count},{'trunk' if trunk else 'secondary'},{speed},{'yes' if oneway else 'no'},{a},{b},"
                  f"\"LINESTRING ({xa:.3f} {ya:.3f},{xb:.3f} {yb:.3f})\"\n")
        count += 1

    for r in range(rows):
        for c in range(columns):
            i = r * columns + c
            trunk_row, trunk_column = r % 25 == 0, c % 25 == 0
            if c + 1 < columns and (trunk_row or rng.random() < 0.95):
                add(i, i + 1, trunk_row)
            if r + 1 < rows and (trunk_column or rng.random() < 0.95):
                add(i, i + columns, trunk_column)
            if r + 1 < rows and rng.random() < 0.6:
                right = rng.random() < 0.5
                if right and c + 1 < columns:
                    add(i, i + columns + 1, False)
                if not right and c > 0:
                    add(i, i + columns - 1, False)
    return len(pos), count


def osm(out, seed, scale):
    """Junction lattice 1.2 km apart over 600 x 450 km (scale 1): about 190 k junctions."""
    rng = random.Random(seed)
    spacing = 1200.0
    columns, rows = int(500 * scale), int(375 * scale)
    x0, y0 = -columns * spacing / 2, -rows * spacing / 2
    junction = []
    for r in range(rows):
        for c in range(columns):
            junction.append((x0 + (c + (rng.random() - 0.5) * 0.7) * spacing,
                             y0 + (r + (rng.random() - 0.5) * 0.7) * spacing))

    def road_class(r, c, horizontal):
        line = r if horizontal else c
        if line % 60 == 0:
            return "motorway"
        if line % 20 == 0:
            return "trunk"
        if line % 10 == 0:
            return "primary"
        if line % 5 == 0:
            return "secondary"
        if line % 3 == 0:
            return "tertiary"
        return "residential" if rng.random() < 0.6 else "unclassified"

    write_header(out)
    next_node = len(junction)
    count = 0
    vertices = 0

    def add(a, b, cls):
        nonlocal next_node, count, vertices
        (xa, ya), (xb, yb) = junction[a], junction[b]
        length = math.hypot(xb - xa, yb - ya)
        # Shape points: about one every 250 m, jittered sideways so the road wiggles.
        shape = max(0, int(rng.expovariate(1.0) * length / 250.0))
        nx, ny = -(yb - ya) / max(length, 1e-9), (xb - xa) / max(length, 1e-9)
        pts = [(xa, ya)]
        for k in range(1, shape + 1):
            t = k / (shape + 1)
            off = (rng.random() - 0.5) * 0.08 * length
            pts.append((xa + t * (xb - xa) + off * nx, ya + t * (yb - ya) + off * ny))
        pts.append((xb, yb))
        vertices += shape
        oneway = cls == "motorway" or (cls == "residential" and rng.random() < 0.08)
        if oneway and cls == "residential" and rng.random() < 0.5:
            a, b = b, a
            pts.reverse()
        wkt = ",".join(f"{x:.3f} {y:.3f}" for x, y in pts)
        out.write(f"{count},{cls},,{'yes' if oneway else 'no'},{a},{b},\"LINESTRING ({wkt})\"\n")
        count += 1
        if cls == "motorway":  # the other carriageway
            pts.reverse()
            wkt = ",".join(f"{x:.3f} {y:.3f}" for x, y in pts)
            out.write(f"{count},{cls},,yes,{b},{a},\"LINESTRING ({wkt})\"\n")
            count += 1

    for r in range(rows):
        for c in range(columns):
            i = r * columns + c
            # Local links are often missing (dead ends, T-junctions); higher classes never are.
            if c + 1 < columns:
                cls = road_class(r, c, True)
                if cls not in ("residential", "unclassified") or rng.random() < 0.72:
                    add(i, i + 1, cls)
            if r + 1 < rows:
                cls = road_class(r, c, False)
                if cls not in ("residential", "unclassified") or rng.random() < 0.72:
                    add(i, i + columns, cls)
    return len(junction) + vertices, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["grid", "osm"])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size per axis")
    args = parser.parse_args()
    with open(args.out, "w", encoding="ascii") as out:
        nodes, lines = (grid if args.kind == "grid" else osm)(out, args.seed, args.scale)
    print(f"{args.kind}: {lines} lines, about {nodes} vertices", file=sys.stderr)


if __name__ == "__main__":
    main()
