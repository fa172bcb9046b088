#!/usr/bin/python3
"""Opens circatlas's exports in QGIS itself (PyQGIS, Debian's python3-qgis 3.22) and compares them
with circatlas.

For every format (GeoPackage, GeoJSON, Shapefile, FlatGeobuf, CSV) it exports the built-in atlas and
all results, loads every layer with its default style as QGIS does when a planner adds the file
(layer_styles in a GeoPackage, LAYER.qml beside the other formats), and checks that
- the style applied is the exported one (renderer type) and every field it uses exists;
- QGIS puts the features in the same classes as circatlas's own style (styles/*.json, first class
  that matches, `other` for the rest), class by class.
Then it renders the overview figure's layers on the province page (A4 landscape, the analysis
projection, circatlas's frame) with QGIS's labelling engine and compares the labels QGIS places per
layer with the labels in circatlas's own figure (`circatlas figure --preset overview`, SVG text).

Run (about a minute or two; prints a table and the time taken, exit 1 on a disagreement):
    xvfb-run -a /usr/bin/python3 scripts/qgis_check.py --circatlas build/src/cli/circatlas
(or with QT_QPA_PLATFORM=offscreen instead of xvfb-run). Install PyQGIS with
`bash scripts/install-deps.sh qgis`.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import ogr  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest, QgsMapRendererCustomPainterJob,
    QgsLayoutExporter, QgsLayoutItem, QgsLayoutItemLegend, QgsLayoutItemMap, QgsMapSettings, QgsProject,
    QgsRectangle, QgsRenderContext, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QImage, QPainter  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ["gpkg", "geojson", "shp", "fgb", "csv"]
ANALYSIS_CRS = ("+proj=lcc +lat_0=37.5 +lon_0=101 +lat_1=34.2 +lat_2=41.2 +x_0=0 +y_0=0 +datum=WGS84 +units=m "
                "+no_defs +type=crs")


def style_json(name):
    path = os.path.join(ROOT, "styles", name + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def text(t, lang):
    if isinstance(t, str):
        return t
    if not t:
        return ""
    return t.get(lang) or t.get("en" if lang == "zh" else "zh") or ""


def circatlas_class(style, value, lang):
    """The legend label of the class circatlas draws a value with (render::Style::classify)."""
    renderer = style.get("renderer", "single")
    other = style.get("other")
    if renderer == "single":
        return text(style.get("label") or style.get("title"), lang)
    if renderer == "graduated":
        if value is None:
            return None
        try:
            v = float(value)
        except (TypeError, ValueError):
            return None
        classes = style["classes"]
        for i, c in enumerate(classes):
            lo, hi = c.get("min"), c.get("max")
            last = i == len(classes) - 1
            if (lo is None or v >= lo) and (hi is None or v < hi or (last and v == hi)):
                return text(c.get("label"), lang)
        return None
    prefix = style.get("match") == "prefix"
    if value is not None:
        s = str(value)
        for c in style["classes"]:
            for v in c.get("values", []):
                if (s.startswith(v) if prefix else s == v):
                    return text(c.get("label"), lang)
    return text(other.get("label"), lang) if other else None


def export(exe, out, lang):
    started = time.monotonic()
    r = subprocess.run([exe, "export", "--lang", lang, "--overwrite", "--out", out], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("circatlas export --out %s failed:\n%s%s" % (out, r.stdout, r.stderr))
    return time.monotonic() - started


def gpkg_styles(path):
    """layer → circatlas style name, from layer_styles."""
    ds = ogr.Open(path)
    names = {}
    for f in ds.GetLayerByName("layer_styles"):
        names[f.GetField("f_table_name")] = f.GetField("styleName")
    return names


def layer_sources(fmt, path):
    """(layer name, QGIS URI, provider) of every layer with geometry, as a planner adds them."""
    if fmt == "gpkg":
        ds = ogr.Open(path)
        out = []
        for i in range(ds.GetLayerCount()):
            l = ds.GetLayer(i)
            if l.GetGeomType() != ogr.wkbNone:
                out.append((l.GetName(), "%s|layername=%s" % (path, l.GetName()), "ogr"))
        return out
    out = []
    for name in sorted(os.listdir(path)):
        stem, ext = os.path.splitext(name)
        if ext not in (".geojson", ".shp", ".fgb", ".csv") or not os.path.exists(os.path.join(path, stem + ".qml")):
            continue
        full = os.path.join(path, name)
        if ext == ".csv":
            with open(full, encoding="utf-8") as f:
                header = f.readline().strip().split(",")
            if "lon" in header and "lat" in header and "WKT" not in header:
                out.append((stem, "file://%s?type=csv&xField=lon&yField=lat&crs=EPSG:4326&detectTypes=yes" % full, "delimitedtext"))
                continue
            out.append((stem, "file://%s?type=csv&wktField=WKT&crs=EPSG:4326&detectTypes=yes" % full, "delimitedtext"))
            continue
        out.append((stem, full, "ogr"))
    return out


def qgis_classes(layer):
    """Legend label → number of features QGIS draws with that class."""
    renderer = layer.renderer()
    ctx = QgsRenderContext()
    renderer.startRender(ctx, layer.fields())
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    counts = collections.Counter()
    for f in layer.getFeatures():
        ctx.expressionContext().setFeature(f)
        for k in renderer.legendKeysForFeature(f, ctx):
            if k in labels:  # a rule renderer also reports its root rule, which has no legend entry
                counts[labels[k]] += 1
    renderer.stopRender(ctx)
    return counts


def check_format(fmt, path, style_names, lang, problems):
    rows = []
    for name, uri, provider in layer_sources(fmt, path):
        layer = QgsVectorLayer(uri, name, provider)
        if not layer.isValid():
            problems.append("%s: %s does not open in QGIS" % (fmt, name))
            continue
        if layer.renderer() is None:  # an empty GeoJSON has no geometry type: QGIS opens it as a table
            rows.append((name, layer.featureCount(), "(no geometry)", "-"))
            continue
        style = style_json(style_names.get(name, ""))
        fields = set(layer.fields().names())
        ctx = QgsRenderContext()
        used = set(layer.renderer().usedAttributes(ctx))
        if layer.labelsEnabled() and layer.labeling() is not None:
            used.add(layer.labeling().settings().fieldName)
        missing = sorted(a for a in used if a and a not in fields)
        if missing:
            problems.append("%s: %s: the style uses missing fields %s" % (fmt, name, ", ".join(missing)))
        agree = "-"
        if style and style.get("renderer", "single") != "single":
            want_type = {"categorised": ("categorizedSymbol", "RuleRenderer"), "graduated": ("graduatedSymbol",)}
            if layer.renderer().type() not in want_type[style["renderer"]]:
                problems.append("%s: %s: QGIS applied a %s renderer, not the exported style" % (fmt, name, layer.renderer().type()))
            field = style["field"]
            # the field as the format names it (Shapefile: at most 10 characters)
            written = field if field in fields else next((f for f in fields if field.startswith(f) and len(f) == 10), field)
            ours = collections.Counter()
            for f in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
                v = f[written] if written in fields else None
                c = circatlas_class(style, None if v is None or (hasattr(v, "isNull") and v.isNull()) else v, lang)
                if c is not None:
                    ours[c] += 1
            theirs = qgis_classes(layer)
            agree = "yes" if ours == theirs else "NO"
            if ours != theirs:
                problems.append("%s: %s: classes differ: circatlas %s, QGIS %s" % (fmt, name, dict(ours), dict(theirs)))
        rows.append((name, layer.featureCount(), layer.renderer().type(), agree))
    return rows


def svg_texts(svg):
    texts = collections.Counter()
    for el in ET.parse(svg).iter():
        if el.tag.endswith("text"):
            t = "".join(el.itertext()).strip()
            if t:
                texts[t] += 1
    return texts


def label_values(gpkg, layer, field):
    ds = ogr.Open(gpkg)
    l = ds.GetLayerByName(layer)
    return collections.Counter(f.GetField(field) for f in l if f.GetField(field))


def check_layouts(project, work, problems):
    """One print layout per figure preset, each with its map's layers, a legend linked to the map,
    a scale bar and a north arrow; each exported to PNG as QGIS would print it."""
    presets = sorted(f[:-5] for f in os.listdir(os.path.join(ROOT, "layers", "figures")) if f.endswith(".json"))
    layouts = project.layoutManager().printLayouts()
    print("Print layouts: %d (presets: %d)" % (len(layouts), len(presets)))
    if len(layouts) != len(presets):
        problems.append("the embedded project has %d print layouts for %d figure presets" % (len(layouts), len(presets)))
    for i, layout in enumerate(layouts):
        kinds = collections.Counter(type(item).__name__ for item in layout.items() if isinstance(item, QgsLayoutItem))
        maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
        legends = [item for item in layout.items() if isinstance(item, QgsLayoutItemLegend)]
        if len(maps) != 1 or not maps[0].layers():
            problems.append("layout %s: no map with layers" % layout.name())
            continue
        if not legends or legends[0].linkedMap() is not maps[0]:
            problems.append("layout %s: the legend is not linked to the map" % layout.name())
        for kind in ("QgsLayoutItemScaleBar", "QgsLayoutItemPicture", "QgsLayoutItemLabel"):
            if not kinds[kind]:
                problems.append("layout %s: no %s" % (layout.name(), kind))
        png = os.path.join(work, "layout_%d.png" % i)
        result = QgsLayoutExporter(layout).exportToImage(png, QgsLayoutExporter.ImageExportSettings())
        if result != QgsLayoutExporter.Success:
            problems.append("layout %s: QGIS cannot export it (%s)" % (layout.name(), result))
        print("  %s: %d map layers, scale 1:%.0f -> %s" % (layout.name(), len(maps[0].layers()), maps[0].scale(), png))


def render_page(gpkg, preset, lang, out_png, problems):
    """The preset's layers drawn by QGIS on the province page, from the GeoPackage's embedded
    project (its projection, order, styles) when there is one; labels placed per layer."""
    with open(os.path.join(ROOT, "layers", "figures", preset + ".json"), encoding="utf-8") as f:
        figure = json.load(f)
    with open(os.path.join(ROOT, "layers", "atlas.json"), encoding="utf-8") as f:
        atlas = json.load(f)
    project = QgsProject.instance()
    crs = QgsCoordinateReferenceSystem.fromProj(ANALYSIS_CRS)
    layers = {}
    if project.read("geopackage:%s?projectName=circatlas" % gpkg):
        print("\nEmbedded project: %d layers, CRS %s, groups %s" % (
            len(project.mapLayers()), project.crs().toProj(),
            [g.name() for g in project.layerTreeRoot().children()]))
        if "lcc" not in project.crs().toProj():
            problems.append("the embedded project is not in the analysis projection: " + project.crs().toProj())
        invalid = [l.name() for l in project.mapLayers().values() if not l.isValid()]
        if invalid:
            problems.append("layers of the embedded project do not load: " + ", ".join(invalid))
        check_layouts(project, os.path.dirname(out_png), problems)
        crs = project.crs()
        top_first = [l for l in project.layerTreeRoot().layerOrder() if l.id() in figure["layers"]]
        for l in top_first:
            layers[l.id()] = l
        stack = top_first
    else:
        problems.append("no embedded QGIS project in " + gpkg)
    if "province" not in layers:
        layers = {}
        crs = QgsCoordinateReferenceSystem.fromProj(ANALYSIS_CRS)
        order = [l["id"] for l in atlas["layers"] if l["id"] in figure["layers"]]
        for lid in order:
            layer = QgsVectorLayer("%s|layername=%s" % (gpkg, lid), lid, "ogr")
            if layer.isValid():
                project.addMapLayer(layer, False)
                layers[lid] = layer
        stack = [layers[l] for l in reversed(order) if l in layers]  # QGIS: first is on top
    province = layers["province"]
    extent = QgsCoordinateTransform(province.crs(), crs, project).transformBoundingBox(province.extent())
    extent.scale(1.05)
    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setLayers(stack)
    # The map frame of an A4 landscape page at the preset's dpi: about 200 × 150 mm.
    dpi = figure.get("dpi", 200)
    size = QSize(int(200 / 25.4 * dpi), int(150 / 25.4 * dpi))
    settings.setOutputSize(size)
    settings.setOutputDpi(dpi)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(255, 255, 255))
    image = QImage(size, QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    image.save(out_png)
    results = job.takeLabelingResults()
    placed = collections.Counter()
    for label in results.allLabels():
        for lid, layer in layers.items():
            if label.layerID == layer.id():
                placed[lid] += 1
    return placed, layers


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--circatlas", default=os.path.join(ROOT, "build", "src", "cli", "circatlas"))
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--keep", help="write the exports and the rendered page into this folder and keep them")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats to check (default: all)")
    args = parser.parse_args()
    started = time.monotonic()
    app = QgsApplication([], False)
    app.initQgis()
    work = args.keep or tempfile.mkdtemp(prefix="circatlas-qgis-")
    os.makedirs(work, exist_ok=True)
    problems = []
    timings = {}
    gpkg = os.path.join(work, "atlas.gpkg")
    formats = [f for f in args.formats.split(",") if f]
    if "gpkg" not in formats:
        formats.insert(0, "gpkg")  # the page is rendered from the GeoPackage
    for fmt in formats:
        out = os.path.join(work, "atlas." + fmt)
        if os.path.exists(out):
            subprocess.run(["rm", "-rf", out], check=True)
        timings["export " + fmt] = export(args.circatlas, out, args.lang)
    style_names = gpkg_styles(gpkg)
    t = time.monotonic()
    print("%-24s %-8s %8s  %-18s %s" % ("layer", "format", "features", "QGIS renderer", "classes agree"))
    for fmt in formats:
        for name, n, renderer, agree in check_format(fmt, os.path.join(work, "atlas." + fmt), style_names, args.lang, problems):
            print("%-24s %-8s %8d  %-18s %s" % (name, fmt, n, renderer, agree))
    timings["QGIS load and classify"] = time.monotonic() - t

    t = time.monotonic()
    svg = os.path.join(work, "overview.svg")
    r = subprocess.run([args.circatlas, "figure", "--preset", "overview", "--lang", args.lang, "--overwrite", "--out", svg],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("circatlas figure failed:\n" + r.stdout + r.stderr)
    timings["circatlas figure"] = time.monotonic() - t
    t = time.monotonic()
    placed, layers = render_page(gpkg, "overview", args.lang, os.path.join(work, "overview_qgis.png"), problems)
    timings["QGIS render"] = time.monotonic() - t
    texts = svg_texts(svg)
    print("\nLabels on the province page (overview preset): circatlas figure vs QGIS")
    print("%-20s %10s %6s" % ("layer", "circatlas", "QGIS"))
    labelled = [(lid, l) for lid, l in layers.items() if l.labelsEnabled() and l.labeling() is not None]
    # A text in the figure counts once, for the layer of highest priority that has it (a county
    # seat shares its name with the prefecture seat of the same town).
    labelled.sort(key=lambda item: -item[1].labeling().settings().priority)
    for lid, layer in labelled:
        values = label_values(gpkg, lid, layer.labeling().settings().fieldName)
        ours = 0
        for v, n in values.items():
            k = min(texts[v], n)
            texts[v] -= k
            ours += k
        print("%-20s %10d %6d" % (lid, ours, placed[lid]))
        if placed[lid] < ours:
            problems.append("labels of %s: QGIS places %d, circatlas %d" % (lid, placed[lid], ours))
    print("\nTimings (s): " + ", ".join("%s %.1f" % kv for kv in timings.items()) +
          "; whole check %.1f" % (time.monotonic() - started))
    if problems:
        print("\n%d disagreement(s):" % len(problems))
        for p in problems:
            print("  " + p)
    QgsProject.instance().clear()
    app.exitQgis()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
