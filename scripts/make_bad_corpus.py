#!/usr/bin/env python3
"""Writes tests/data/bad/: the broken files planners' offices send, one per case, for the CLI tests
in tests/cli/bad_input_test.cpp. Python standard library plus ogr2ogr (GDAL); running it again
changes nothing but the timestamps inside the GeoPackage. Usage: scripts/make_bad_corpus.py [OUT_DIR]"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HEADER = ("id,name_zh,name_en,industry_code,status,lon,lat,county_code,prefecture_code,source,"
          "location_precision")
# Jinchuan Group in Jinchang: a valid enterprise row, varied below one field at a time.
ROW = ["R1", "金川集团", "Jinchuan Group", "3211", "none", "102.19", "38.52", "620302", "620300", "survey", "exact"]
PROPS = dict(zip(HEADER.split(","), ROW))
del PROPS["lon"], PROPS["lat"]


def row(**changes):
    cells = dict(zip(HEADER.split(","), ROW))
    cells.update(changes)
    return ",".join(cells[k] for k in HEADER.split(","))


def write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)


def feature(geometry, **props):
    return {"type": "Feature", "properties": dict(PROPS, **props), "geometry": geometry}


def geojson(path, features):
    write(path, json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n")


def ogr2ogr(dst, src, *args):
    subprocess.run(["ogr2ogr", *args, dst, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def shapefile(out, name, src, *args):
    """A Shapefile (.shp, .shx, .dbf, .cpg; .prj kept only if asked) made by ogr2ogr in a scratch folder."""
    with tempfile.TemporaryDirectory() as tmp:
        ogr2ogr(os.path.join(tmp, name + ".shp"), src, "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", *args)
        for ext in (".shp", ".shx", ".dbf", ".cpg", ".prj"):
            if os.path.exists(os.path.join(tmp, name + ext)):
                shutil.copyfile(os.path.join(tmp, name + ext), os.path.join(out, name + ext))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "data", "bad")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)

    # Registry CSVs: columns, numbers, ranges, order, ids, encoding.
    write(f"{out}/missing_column.csv",
          HEADER.replace(",lat", "") + "\n" + ",".join(c for i, c in enumerate(ROW) if i != 6) + "\n")
    write(f"{out}/extra_column.csv", HEADER + ",colour\n" + row() + ",red\n")
    write(f"{out}/non_numeric_lon.csv", HEADER + "\n" + row(lon="东经102") + "\n")
    write(f"{out}/nan_lat.csv", HEADER + "\n" + row(lat="NaN") + "\n")
    write(f"{out}/infinite_lon.csv", HEADER + "\n" + row(lon="inf") + "\n")
    write(f"{out}/out_of_range_lat.csv", HEADER + "\n" + row(lat="98.52") + "\n")
    write(f"{out}/swapped_lon_lat.csv", HEADER + "\n" + row(lon="38.52", lat="102.19") + "\n")
    write(f"{out}/header_only.csv", HEADER + "\n")
    write(f"{out}/duplicate_ids.csv", HEADER + "\n" + row() + "\n" + row(name_en="Jinchuan again") + "\n")
    write(f"{out}/gb18030.csv", HEADER + "\n" + row() + "\n", encoding="gb18030")

    # A registry folder whose flows name an enterprise and a material that do not exist.
    os.makedirs(f"{out}/dangling_references")
    write(f"{out}/dangling_references/enterprises.csv", HEADER + "\n" + row() + "\n")
    write(f"{out}/dangling_references/flows.csv",
          "enterprise_id,material_code,direction,quantity,year,basis,method,source\n"
          "R1,FLY_ASH,output,1000,2012,reported,,survey\n"
          "R9,FLY_ASH,output,1000,2012,reported,,survey\n"
          "R1,MOON_DUST,output,1000,2012,reported,,survey\n")

    # GIS registries.
    point = {"type": "Point", "coordinates": [102.19, 38.52]}
    geojson(f"{out}/mixed_geometry.geojson",
            [feature(point), feature({"type": "LineString", "coordinates": [[102.19, 38.52], [103.0, 37.0]]}, id="R2")])
    geojson(f"{out}/empty_layer.geojson", [])
    geojson(f"{out}/lines.geojson", [feature({"type": "LineString", "coordinates": [[102.19, 38.52], [103.0, 37.0]]})])
    # Polygons: a bow-tie that crosses itself, and a ring whose points lie on one line.
    square = [[[103.0, 36.0], [104.0, 36.0], [104.0, 37.0], [103.0, 37.0], [103.0, 36.0]]]
    bowtie = [[[103.0, 36.0], [104.0, 37.0], [104.0, 36.0], [103.0, 37.0], [103.0, 36.0]]]
    flat = [[[103.0, 36.0], [104.0, 36.0], [105.0, 36.0], [103.0, 36.0]]]
    geojson(f"{out}/bad_polygons.geojson",
            [{"type": "Feature", "id": i, "properties": {"name": name}, "geometry": {"type": "Polygon", "coordinates": c}}
             for i, (name, c) in enumerate([("square", square), ("bowtie", bowtie), ("flat", flat)])])

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "points.geojson")
        geojson(src, [feature(point)])
        # Metres of UTM zone 48N with the .prj lost on the way: no CRS, and no degrees either.
        shapefile(out, "utm_without_prj", src, "-s_srs", "EPSG:4326", "-t_srs", "EPSG:32648")
        os.remove(f"{out}/utm_without_prj.prj")
        # A .prj that is not WKT.
        shapefile(out, "broken_prj", src)
        write(f"{out}/broken_prj.prj", 'PROJCS["Gansu",GEOGCS[garbage\n')
        # Cut off mid-copy: the .shx promises a record the .shp does not hold.
        shapefile(out, "truncated", src)
        with open(f"{out}/truncated.shp", "r+b") as f:
            f.truncate(120)
        # Garbage where the .shp header should be.
        shapefile(out, "corrupt", src)
        with open(f"{out}/corrupt.shp", "r+b") as f:
            f.write(bytes((i * 37 + 11) & 0xFF for i in range(100)))
        # A GeoPackage cut off after its first pages.
        gpkg = os.path.join(tmp, "registry.gpkg")
        ogr2ogr(gpkg, src, "-f", "GPKG", "-nln", "registry")
        with open(gpkg, "rb") as f:
            data = f.read()
        with open(f"{out}/truncated.gpkg", "wb") as f:
            f.write(data[: len(data) // 3])


if __name__ == "__main__":
    main()
