#!/usr/bin/python3
"""Builds circatlas's built-in enterprise table from surveyed facility datasets and the hand-made records.

Run by hand (never by the build), offline, with Debian's python3 and python3-gdal:

    /usr/bin/python3 scripts/catalogue/build_catalogue.py FACILITIES_DIR [--gazetteer FILE] [--check]

FACILITIES_DIR holds the regional extracts (Gansu plus a 150 km ring) of
- power_plants_wri_gppd.csv  World Resources Institute, Global Power Plant Database (CC BY 4.0)
- cement_plants_gem.csv      Global Energy Monitor, Global Cement and Concrete Tracker (CC BY 4.0)
- steel_plants_gem.csv       Global Energy Monitor, Global Iron and Steel Tracker (CC BY 4.0)
- iron_ore_mines_gem.csv     Global Energy Monitor, Global Iron Ore Mines Tracker (CC BY 4.0)
- chemical_plants_gem.csv    Global Energy Monitor, Global Chemicals Inventory (CC BY 4.0)
(columns as published, plus `lon`, `lat`, `in_gansu`, `dist_to_gansu_km`; see data/catalogue/README.md).

Inputs kept in the repository: scripts/catalogue/handmade_enterprises.csv (the 81 hand-made records
E001-E081 as first compiled; edit facts there), data/basemap.gpkg (county, prefecture and province by
point in polygon), the township centres (data/gazetteer/townships.csv when present, else --gazetteer),
and the decision tables below (matches, corrections, relocations: each with its reason).

Writes data/catalogue/enterprises.csv and data/catalogue/metadata.csv (to a temporary file, then
renamed), and prints every match decision, every disagreement between sources and the acceptance
figures. Ids: E001-E081 are the hand-made records; a surveyed facility not matched to one of them
keeps the id it had in the previous enterprises.csv (looked up by `source_id`), new ones get the next
free number. `--check` builds everything and compares with the committed files without writing.
"""

import argparse
import csv
import io
import math
import os
import re
import sys
import tempfile

from osgeo import ogr

ogr.UseExceptions()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATALOGUE = os.path.join(ROOT, "data", "catalogue")
HANDMADE = os.path.join(ROOT, "scripts", "catalogue", "handmade_enterprises.csv")
BASEMAP = os.path.join(ROOT, "data", "basemap.gpkg")
REPO_GAZETTEER = os.path.join(ROOT, "data", "gazetteer", "townships.csv")

AS_OF_YEAR = 2025
CREDITS = ("Power plants: World Resources Institute, Global Power Plant Database (CC BY 4.0); cement, steel, "
           "iron ore and chemical plants: Global Energy Monitor (CC BY 4.0)")

COLUMNS = ["id", "name_zh", "name_en", "industry_code", "park_id", "status", "model", "op_status", "lon", "lat",
           "county_code", "prefecture_code", "capacity", "capacity_unit", "capacity_basis", "source",
           "location_precision", "notes", "owner", "fuel", "province_code", "start_year", "end_year", "source_id"]

GANSU = "620000"
NEIGHBOURS = {"640000": "Ningxia", "630000": "Qinghai", "150000": "Inner Mongolia", "610000": "Shaanxi",
              "510000": "Sichuan", "650000": "Xinjiang"}
RING_KM = 150.0

WRI_CITE = ("World Resources Institute, Global Power Plant Database v1.3.0 (CC BY 4.0), raw China file "
            "(wri/global-power-plant-database commit 7a91cfbb2a4e, raw_source_files/WRI/China.csv)")
GEM_CITE = {
    "cement": "Global Energy Monitor, Global Cement and Concrete Tracker, July 2025 (CC BY 4.0)",
    "steel": "Global Energy Monitor, Global Iron and Steel Tracker, December 2025 V1 (CC BY 4.0)",
    "ore": "Global Energy Monitor, Global Iron Ore Mines Tracker, August 2025 V1 (CC BY 4.0)",
    "chem": "Global Energy Monitor, Global Chemicals Inventory, November 2025 V1 (CC BY 4.0)",
}

# WRI fuel -> (contract fuel, GB/T 4754-2017 class). Landfill gas is generation from waste (4417
# 生物质能发电 covers biogas and waste); coal-mine methane and natural gas are thermal (4411).
WRI_FUEL = {"Coal": ("coal", "4411"), "Natural Gas": ("gas", "4411"), "Coal Mine Methane": ("gas", "4411"),
            "Landfill gas": ("waste", "4417"), "Hydro": ("hydro", "4413"), "Wind": ("wind", "4415"),
            "Solar": ("solar", "4416"), "Oil": ("oil", "4411"), "Biomass": ("biomass", "4417")}
# Outside Gansu only facilities that produce or take a residue of materials.csv are kept as partners:
# hydro, wind and solar plants neither produce nor take any.
RESIDUE_FREE_FUELS = {"hydro", "wind", "solar"}

# WRI's "Operational Status" -> op_status. The raw China file leaves the status empty for 295 of 368
# rows; the Global Power Plant Database lists plants in operation when it was compiled (2018-2021), so
# an empty status is read as "operating" and the row says so.
WRI_STATUS = {"Operational": "operating", "": "operating", "Shutdown": "retired",
              "Under Construction": "under_construction"}
GEM_STATUS = {"operating": "operating", "retired": "retired", "mothballed": "mothballed",
              "construction": "under_construction", "proposed": "proposed", "announced": "proposed",
              "cancelled": "retired", "shelved": "proposed"}

# GEM Global Chemicals Inventory: primary product -> GB/T 4754-2017 class.
CHEM_CLASS = [("ammonia", "2621"), ("urea", "2621"), ("methanol", "2614"), ("ethylene", "2614"),
              ("propylene", "2614"), ("olefins", "2614"), ("benzene", "2614"), ("xylene", "2614")]

# ---------------------------------------------------------------------------------------------------
# Decisions made by hand. Each is printed when the script runs.

# Hand-made record -> surveyed facility it is (source key), with the reason. Matching was checked by
# name, owner and distance (the script prints the distance and refuses a match beyond 30 km).
MATCHES = {
    "E001": ("GEM chem P100000140105", "same complex: PetroChina Lanzhou Petrochemical, Xigu"),
    "E002": ("WRI 1070366", "Datang Xigu power station, same site (GEM wiki point 0 km)"),
    "E003": ("WRI 1070360", "Datang Liancheng-2 power station, same site"),
    "E008": ("GEM steel P100000120083", "Jiugang Group Yuzhong Iron and Steel (酒钢集团榆中钢铁)"),
    "E010": ("GEM steel P100000120082", "JISCO Hongxing Iron and Steel, the Jiayuguan works"),
    "E012": ("WRI 1070606", "JISCO's captive Jisco-1 power station (operated by 宏晟电热)"),
    "E015": ("WRI 1070432", "Jinchuan Works power station, same site"),
    "E018": ("GEM cement P100000125042", "金泥集团 = 金昌水泥(集团); the ETDZ plant is its 二厂 in Jinchuan district"),
    "E026": ("WRI 1070438", "靖远第二发电厂 = Jingyuan-2 power station (name); the older Guodian Jingyuan plant is a separate record"),
    "E027": ("WRI 1070368", "Datang Jingtai power station"),
    "E028": ("WRI 1070609", "Datang Gangu power station, same site"),
    "E029": ("GEM cement P100000124594", "Tianshui Qilianshan Cement, Wushan, 2019 line"),
    "E045": ("WRI 1070584", "the only coal plant in Ganzhou district: GEPIC Zhangye power station"),
    "E054": ("WRI 1070056", "Huaneng Pingliang power station"),
    "E055": ("WRI 1070610", "Gansu Chongxin power station"),
    "E056": ("WRI 1070608", "PowerChina Huating power station"),
    "E061": ("GEM cement P100000123086", "平凉海螺水泥有限责任公司, same name"),
    "E067": ("WRI 1070363", "Guodian Jiuquan power station, same site"),
}

# Corrections to matched hand-made records (fields replaced, reason printed).
CORRECTIONS = {
    "E003": ({"name_zh": "连城发电厂(大唐连城发电)", "op_status": "retired", "end_year": "2018"},
             "owner is Datang (WRI), not Huaneng; shut since April 2018 (GEM wiki), so retired although "
             "WRI's status is empty"),
    "E026": ({"name_zh": "靖远第二发电厂"}, "owner per WRI is Huajing Power Holding, not Guodian"),
}

# Hand-made records no dataset covers, moved to the centre of the township a source names (gazetteer
# code), with the reason. The others keep their point (county or city seat, said in location_precision).
RELOCATE = {
    "E004": ("township", "620111103000", "the smelter stands beside its captive Lanlü power station "
             "(WRI 1070254, Honggu, 4 km from the 平安镇 centre), not in Xigu"),
    "E005": ("township", "620121105000", "the smelter is in 连城镇 (public information)"),
    "E006": ("township", "620111002000", "the group's mines and plants are at 窑街 (下窑街道 centre; the "
             "窑街街道 centre falls outside Honggu in the gazetteer)"),
    "E033": ("township", "620503100000", "the source places the plant in the 社棠 industrial park"),
    "E038": ("township", "620622102000", "the source places the plant in the 土门 industrial park"),
    "E043": ("township", "620602100000", "the source places the plant in the 黄羊 industrial park"),
    "E044": ("township", "620602100000", "the source places the plant in the 黄羊 industrial park"),
    "E063": ("township", "620802212000", "the source places the firm in the 峡门/上杨 building-materials area"),
    "E064": ("township", "620802212000", "the source places the firm in the 峡门/上杨 building-materials area"),
}

# WRI points that are not plant sites, found by comparing name and point.
WRI_BAD_POINTS = {
    "Xiaogushan": "the point is exactly the GeoNames Zhangye city point (100.45167, 38.93417), not the plant",
    "Minqin Hongshagang Chenjiaqianjing Nanjing Wind": "named after Minqin (about 39 N) but placed at "
    "34.79 N in Xiahe county, 470 km away: latitude wrong in the source",
    "Ningxia Shapotou Yellow River": "named after Shapotou (Zhongwei, Ningxia) but placed in Baiyin "
    "district, about 110 km away",
    "Qinghai Nazixia": "named after a Qinghai site but placed in Gulang county, Gansu",
}

# ---------------------------------------------------------------------------------------------------


def num(text):
    """A published number, or None for 'unknown', 'n/a', '>0' and the like."""
    if text is None:
        return None
    t = text.strip().replace(",", "")
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) and v > 0 else None


def fmt(v, digits=3):
    s = f"{v:.{digits}f}".rstrip("0").rstrip(".")
    return s


def year(text):
    m = re.match(r"^\s*(\d{4})", text or "")
    return m.group(1) if m else ""


def strip_share(text):
    """'Owner Co [100.0%]' -> 'Owner Co'; several owners kept, shares dropped."""
    t = re.sub(r"\s*\[[^\]]*%\]", "", text or "").strip()
    t = re.sub(r"\s*\(Chinese\)", "", t).strip()
    return "" if t in ("", "unknown", "n/a", "N/A", "--") else t


def zh(text):
    return re.sub(r"\s*\(Chinese\)\s*$", "", (text or "").strip())


def haversine_km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def decimals(text):
    t = (text or "").strip()
    return len(t.split(".")[1]) if "." in t else 0


class Areas:
    """Point in polygon against the base map's counties and China's provinces."""

    def __init__(self, path):
        ds = ogr.Open(path)
        self.counties = []
        for f in ds.GetLayerByName("counties"):
            g = f.GetGeometryRef().Clone()
            self.counties.append((f.GetField("code"), f.GetField("prefecture_code"), f.GetField("name_zh"),
                                  g.GetEnvelope(), g))
        self.provinces = []
        for f in ds.GetLayerByName("china_provinces"):
            g = f.GetGeometryRef().Clone()
            self.provinces.append((f.GetField("code"), f.GetField("name_zh"), g.GetEnvelope(), g))

    @staticmethod
    def _point(lon, lat):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(lon, lat)
        return p

    def county(self, lon, lat):
        p = self._point(lon, lat)
        for code, pref, name, (x0, x1, y0, y1), g in self.counties:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and g.Contains(p):
                return code, pref, name
        return None

    def province(self, lon, lat):
        p = self._point(lon, lat)
        for code, name, (x0, x1, y0, y1), g in self.provinces:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and g.Contains(p):
                return code, name
        return None


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def base_record(key, src_label):
    r = {c: "" for c in COLUMNS}
    r["status"] = "none"
    r["source_id"] = key
    r["_src"] = src_label
    return r


def wri_records(path):
    out = []
    for row in read_csv(path):
        fuel, code = WRI_FUEL[row["Fuel"]]
        rec = base_record("WRI " + row["Power Plant ID"], "WRI")
        rec["_in_gansu"] = row["in_gansu"] == "1"
        rec["_dist"] = float(row["dist_to_gansu_km"] or 0)
        rec["name_en"] = row["Name"].strip()
        rec["name_zh"] = zh(row["Natural Language"]) or rec["name_en"]
        rec["industry_code"] = code
        rec["fuel"] = fuel
        rec["owner"] = row["Owner"].strip()
        status = row["Operational Status"].strip()
        rec["op_status"] = WRI_STATUS[status]
        cap = num(row["Capacity (MW)"])
        if cap:
            rec["capacity"] = fmt(cap)
            rec["capacity_unit"] = "MW"
            rec["capacity_basis"] = f"WRI Global Power Plant Database, plant {row['Power Plant ID']} (from {row['Source'] or 'WRI'})"
        rec["start_year"] = year(row["Commissioning Date"])
        rec["lon"], rec["lat"] = float(row["lon"]), float(row["lat"])
        geo = row["Geolocation Source"].strip() or row["Source"].strip() or "not stated"
        d = min(decimals(row["Longitude"]), decimals(row["Latitude"]))
        if rec["name_en"] in WRI_BAD_POINTS:
            rec["location_precision"] = f"not a plant site: {WRI_BAD_POINTS[rec['name_en']]} (WRI; plant not located)"
        elif d >= 3:
            rec["location_precision"] = f"plant site as given by WRI (coordinates from {geo}, {d} decimals; WRI states no accuracy)"
        elif d == 2:
            rec["location_precision"] = f"plant site, approximate ±1 km (WRI coordinates rounded to 0.01°, from {geo})"
        else:
            rec["location_precision"] = f"project area, approximate ±6 km (WRI coordinates rounded to 0.1°, from {geo})"
        url = row["URL"].strip()
        rec["source"] = f"{WRI_CITE}, plant {row['Power Plant ID']}; original source {row['Source'] or 'not stated'}" + (f" ({url})" if url else "")
        notes = []
        if status == "":
            notes.append("WRI gives no status; read as operating (the database lists plants in operation)")
        elif status != "Operational":
            notes.append(f"WRI status: {status}")
        if row["Location"].strip():
            notes.append(f"WRI location: {' '.join(row['Location'].split())}")
        rec["notes"] = "; ".join(notes)
        rec["_class"] = "power"
        out.append(rec)
    return out


def gem_precision(acc):
    acc = (acc or "").strip().lower()
    if acc == "exact":
        return "plant site, exact (GEM)"
    if acc == "approximate":
        return "plant site, approximate (GEM)"
    return f"plant site, accuracy not stated (GEM: {acc or 'empty'})"


def cement_records(path):
    out = []
    for row in read_csv(path):
        rec = base_record("GEM cement " + row["GEM Plant ID"], "GEM")
        rec["_in_gansu"] = row["in_gansu"] == "1"
        rec["_dist"] = float(row["dist_to_gansu_km"] or 0)
        rec["name_en"] = row["GEM Asset name (English)"].strip()
        rec["name_zh"] = zh(row["Asset name (other language)"]) or rec["name_en"]
        rec["industry_code"] = "3011"
        rec["owner"] = strip_share(row["Owner name (other language)"]) or strip_share(row["Owner name (English)"])
        st = row["Operating status"].strip().lower()
        rec["op_status"] = GEM_STATUS.get(st, "unknown")
        cement = num(row["Cement Capacity (millions metric tonnes per annum)"])
        clinker = num(row["Clinker Capacity (millions metric tonnes per annum)"])
        both = (f"cement {row['Cement Capacity (millions metric tonnes per annum)']} Mt/a, clinker "
                f"{row['Clinker Capacity (millions metric tonnes per annum)']} Mt/a")
        if cement:
            rec["capacity"], rec["capacity_unit"] = fmt(cement), "Mt/a cement"
        elif clinker:
            rec["capacity"], rec["capacity_unit"] = fmt(clinker), "Mt/a clinker"
        if rec["capacity"]:
            rec["capacity_basis"] = f"GEM Global Cement and Concrete Tracker, plant {row['GEM Plant ID']} ({both}; plant type {row['Plant type']})"
        rec["start_year"] = year(row["Start date"])
        rec["lon"], rec["lat"] = float(row["lon"]), float(row["lat"])
        rec["location_precision"] = gem_precision(row["Coordinate accuracy"])
        rec["source"] = f"{GEM_CITE['cement']}, plant {row['GEM Plant ID']}, {row['GEM wiki page']}"
        notes = [f"GEM: {both}; {row['Plant type']} plant"]
        if not rec["capacity"]:
            notes.append("no capacity published (GEM gives '>0' or n/a)")
        rec["notes"] = "; ".join(notes)
        rec["_class"] = "cement"
        rec["_subnational"] = row["Subnational unit"]
        out.append(rec)
    return out


def steel_records(path):
    out = []
    for row in read_csv(path):
        rec = base_record("GEM steel " + row["Plant ID"], "GEM")
        rec["_in_gansu"] = row["in_gansu"] == "1"
        rec["_dist"] = float(row["dist_to_gansu_km"] or 0)
        rec["name_en"] = row["Plant name (English)"].strip()
        rec["name_zh"] = zh(row["Plant name (other language)"]) or rec["name_en"]
        equipment = row["Main production equipment"]
        steelmaking = "BOF" in equipment or "EAF" in equipment
        rec["industry_code"] = "3120" if steelmaking else "3110"
        rec["owner"] = strip_share(row["Owner (other language)"]) or strip_share(row["Owner"])
        statuses = [s.strip() for s in row["unit_statuses"].split(";") if s.strip()]
        rec["op_status"] = "operating" if any(s.startswith("operating") for s in statuses) else "unknown"
        cap = num(row["operating_crude_steel_ttpa"])
        if cap:
            rec["capacity"], rec["capacity_unit"] = fmt(cap), "kt/a crude steel"
            rec["capacity_basis"] = (f"GEM Global Iron and Steel Tracker, plant {row['Plant ID']}: crude steel capacity of "
                                     f"the units whose status starts with 'operating'")
        rec["start_year"] = year(row["Start date"])
        rec["end_year"] = year(row["Retired date"])
        rec["lon"], rec["lat"] = float(row["lon"]), float(row["lat"])
        rec["location_precision"] = gem_precision(row["Coordinate accuracy"])
        rec["source"] = f"{GEM_CITE['steel']}, plant {row['Plant ID']}, {row['GEM wiki page']}"
        rec["notes"] = f"GEM: equipment {equipment}; unit statuses {'; '.join(statuses)}"
        rec["_class"] = "steel"
        rec["_subnational"] = row["Subnational unit (province/state)"]
        out.append(rec)
    return out


def ore_records(path):
    out = []
    for row in read_csv(path):
        rec = base_record("GEM ore " + row["GEM Asset ID"], "GEM")
        rec["_in_gansu"] = row["in_gansu"] == "1"
        rec["_dist"] = float(row["dist_to_gansu_km"] or 0)
        rec["name_en"] = row["Asset name (English)"].strip()
        rec["name_zh"] = zh(row["Asset name (other language)"]) or rec["name_en"]
        rec["industry_code"] = "0810"
        rec["owner"] = strip_share(row["Owner name in local language/script"]) or strip_share(row["Owner"])
        rec["op_status"] = GEM_STATUS.get(row["Operating status"].strip().lower(), "unknown")
        design = num(row["Design capacity (ttpa)"])
        latest = next(((y, num(row[f"Production {y} (ttpa)"])) for y in ("2024", "2023", "2022")
                       if num(row[f"Production {y} (ttpa)"])), None)
        if design:
            rec["capacity"], rec["capacity_unit"] = fmt(design), "kt/a ore"
            rec["capacity_basis"] = f"GEM Global Iron Ore Mines Tracker, mine {row['GEM Asset ID']}: design capacity"
        elif latest:
            rec["capacity"], rec["capacity_unit"] = fmt(latest[1]), "kt/a ore"
            rec["capacity_basis"] = (f"GEM Global Iron Ore Mines Tracker, mine {row['GEM Asset ID']}: production in "
                                     f"{latest[0]} (no design capacity given)")
        rec["start_year"] = year(row["Start date"])
        rec["end_year"] = year(row["Stop date"])
        rec["lon"], rec["lat"] = float(row["lon"]), float(row["lat"])
        rec["location_precision"] = gem_precision(row["Coordinate accuracy"])
        rec["source"] = f"{GEM_CITE['ore']}, mine {row['GEM Asset ID']}, {row['GEM wiki page URL']}"
        prod = ", ".join(f"{y}: {row[f'Production {y} (ttpa)']}" for y in ("2024", "2023", "2022"))
        rec["notes"] = f"GEM production (kt/a) {prod}"
        rec["_class"] = "ore"
        rec["_subnational"] = row["Subnational unit"]
        out.append(rec)
    return out


def chem_records(path):
    out = []
    for row in read_csv(path):
        rec = base_record("GEM chem " + row["GEM plant ID"], "GEM")
        rec["_in_gansu"] = row["in_gansu"] == "1"
        rec["_dist"] = float(row["dist_to_gansu_km"] or 0)
        rec["name_en"] = row["Plant name (English)"].strip()
        rec["name_zh"] = zh(row["Plant name (other language)"]) or rec["name_en"]
        products = row["Primary products"].lower()
        first = products.split(";")[0].strip()
        rec["industry_code"] = next((c for p, c in CHEM_CLASS if first.startswith(p)), "2614")
        rec["owner"] = strip_share(row["Owner (other language)"]) or strip_share(row["Owner (English)"])
        rec["op_status"] = "unknown"
        rec["lon"], rec["lat"] = float(row["lon"]), float(row["lat"])
        rec["location_precision"] = gem_precision(row["Coordinate accuracy"])
        rec["source"] = f"{GEM_CITE['chem']}, plant {row['GEM plant ID']}, {row['GEM wiki page']}"
        notes = [f"GEM: primary products {row['Primary products']}"]
        if row["Secondary products"].strip():
            notes.append(f"secondary products {row['Secondary products']}")
        if row["Feedstock"].strip():
            notes.append(f"feedstock {row['Feedstock']}")
        notes.append("GEM gives no capacity and no status")
        rec["notes"] = "; ".join(notes)
        rec["_class"] = "chem"
        rec["_subnational"] = row["Subnational unit"]
        out.append(rec)
    return out


def point_groups(records):
    """Groups of records (indices) that share a point: the same to 1e-5 degrees or within 50 m,
    joined transitively."""
    n = len(records)
    pts = [(float(r["lon"]), float(r["lat"])) for r in records]
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if abs(pts[i][0] - pts[j][0]) < 0.01 and abs(pts[i][1] - pts[j][1]) < 0.01:
                same = abs(pts[i][0] - pts[j][0]) <= 1e-5 and abs(pts[i][1] - pts[j][1]) <= 1e-5
                if same or haversine_km(pts[i], pts[j]) <= 0.05:
                    parent[root(i)] = root(j)
    groups = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def read_gazetteer(path):
    rows = read_csv(path)
    out = {}
    for r in rows:
        out[r["code"]] = r
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("facilities", help="folder with the regional facility extracts (CSV)")
    ap.add_argument("--gazetteer", help="township centres CSV (code,name,…,lon,lat); default "
                    "data/gazetteer/townships.csv of the repository")
    ap.add_argument("--check", action="store_true", help="build and compare with the committed files; write nothing")
    args = ap.parse_args()

    gaz_path = args.gazetteer or REPO_GAZETTEER
    if not os.path.exists(gaz_path):
        sys.exit(f"build_catalogue: no township gazetteer at {gaz_path}; pass --gazetteer FILE")
    gazetteer = read_gazetteer(gaz_path)
    gaz_label = ("circatlas gazetteer data/gazetteer/townships.csv" if os.path.abspath(gaz_path) == REPO_GAZETTEER
                 else "township gazetteer (Vonng/adcode, CC BY 4.0; AMap GCJ-02 as published)")

    areas = Areas(BASEMAP)
    f = args.facilities
    datasets = (wri_records(os.path.join(f, "power_plants_wri_gppd.csv"))
                + cement_records(os.path.join(f, "cement_plants_gem.csv"))
                + steel_records(os.path.join(f, "steel_plants_gem.csv"))
                + ore_records(os.path.join(f, "iron_ore_mines_gem.csv"))
                + chem_records(os.path.join(f, "chemical_plants_gem.csv")))
    by_key = {r["source_id"]: r for r in datasets}
    log = []
    disagreements = []

    def say(msg):
        log.append(msg)
        print(msg)

    # Which surveyed facilities enter: every one inside Gansu; outside, those within 150 km that can
    # produce or take a residue.
    selected = []
    dropped_outside = 0
    for r in datasets:
        if r["_in_gansu"]:
            selected.append(r)
        elif r["_dist"] <= RING_KM and r["fuel"] not in RESIDUE_FREE_FUELS:
            selected.append(r)
        else:
            dropped_outside += 1

    # Place every selected facility: county/prefecture in Gansu, province outside.
    for r in selected:
        c = areas.county(r["lon"], r["lat"])
        if c:
            r["county_code"], r["prefecture_code"] = c[0], c[1]
            r["province_code"] = ""
            if not r["_in_gansu"]:
                say(f"note: {r['source_id']} flagged outside Gansu by the extract but lies in {c[0]} {c[2]}")
        else:
            p = areas.province(r["lon"], r["lat"])
            code = p[0] if p else ""
            if code not in NEIGHBOURS:
                sys.exit(f"build_catalogue: {r['source_id']} ({r['name_en']}) lies outside Gansu in no neighbouring "
                         f"province ({p})")
            r["province_code"] = code
            r["county_code"] = r["prefecture_code"] = ""
            sub = r.get("_subnational", "")
            if sub and sub.replace("Shanxi", "Shaanxi") != NEIGHBOURS[code]:
                disagreements.append(f"{r['source_id']} {r['name_en']}: GEM lists it under {sub}, its point lies in "
                                     f"{NEIGHBOURS[code]} ({r['_dist']:.1f} km from Gansu)")
            elif sub == "Shanxi":
                disagreements.append(f"{r['source_id']} {r['name_en']}: GEM says 'Shanxi', the point lies in Shaanxi")
            note = f"outside Gansu, in {NEIGHBOURS[code]} ({code}), {r['_dist']:.1f} km from the border: kept as a cross-border partner"
            r["notes"] = f"{r['notes']}; {note}" if r["notes"] else note

    # Hand-made records.
    handmade = read_csv(HANDMADE)
    for h in handmade:
        for c in COLUMNS:
            h.setdefault(c, "")
        h["_src"] = "handmade"
    used = set()
    say("== match decisions (hand-made record -> surveyed facility)")
    for h in handmade:
        eid = h["id"]
        if eid not in MATCHES:
            continue
        key, why = MATCHES[eid]
        s = by_key[key]
        d = haversine_km((float(h["lon"]), float(h["lat"])), (s["lon"], s["lat"]))
        if d > 30:
            sys.exit(f"build_catalogue: match {eid} -> {key} is {d:.1f} km apart; check the decision")
        say(f"{eid} {h['name_zh']} -> {key} {s['name_en']} ({s['owner'] or 'owner not given'}): {why}; "
            f"present point {d:.1f} km from the surveyed one")
        if d >= 5:
            disagreements.append(f"{eid} {h['name_zh']}: present point {d:.1f} km from the surveyed site of {key}; moved")
        old_cap, old_unit = h["capacity"], h["capacity_unit"]
        if old_cap and (old_cap != s["capacity"] or old_unit != s["capacity_unit"]):
            disagreements.append(f"{eid} {h['name_zh']}: capacity {old_cap} {old_unit} ({h['capacity_basis']}) vs "
                                 f"{s['capacity'] or 'none'} {s['capacity_unit']} ({key}); the surveyed value is kept")
        prev_source, prev_notes, prev_precision = h["source"], h["notes"], h["location_precision"]
        for c in ("lon", "lat", "county_code", "prefecture_code", "province_code", "location_precision", "owner",
                  "fuel", "start_year", "end_year", "source_id"):
            h[c] = s[c]
        if s["capacity"] or not h["capacity"]:
            h["capacity"], h["capacity_unit"], h["capacity_basis"] = s["capacity"], s["capacity_unit"], s["capacity_basis"]
        elif h["capacity_unit"] == "t/d clinker line":
            pass
        if h["op_status"] == "operating" or not h["op_status"]:
            h["op_status"] = s["op_status"]
        h["source"] = f"{s['source']}; {prev_source}"
        if s["capacity"]:
            # The hand-made note that no capacity was found is out of date once the survey gives one.
            prev_notes = re.sub(r"Capacity not sourced( in this session)?; no flow estimated\.\s*", "", prev_notes)
            prev_notes = prev_notes.strip(" ;")
        extra = [f"matched to {key}: {why}", s["notes"]]
        if prev_notes:
            extra.insert(0, prev_notes)
        extra.append(f"before the match the point was: {prev_precision}")
        h["notes"] = "; ".join(x for x in extra if x)
        used.add(key)
    # the cement line the source gives in t/d is converted for the contract's units only through GEM
    for h in handmade:
        if h["capacity_unit"] == "t/d clinker line":
            sys.exit(f"build_catalogue: {h['id']} still has a non-canonical capacity unit")

    for eid, (fields, why) in CORRECTIONS.items():
        h = next(x for x in handmade if x["id"] == eid)
        changed = ", ".join(f"{k}: {h[k] or '(empty)'} -> {v}" for k, v in fields.items() if h[k] != v)
        h.update(fields)
        h["notes"] = f"{h['notes']}; corrected: {why}" if h["notes"] else f"corrected: {why}"
        say(f"correction {eid}: {changed} ({why})")

    say("== relocations of hand-made records no dataset covers")
    for eid, decision in RELOCATE.items():
        h = next(x for x in handmade if x["id"] == eid)
        _, code, why = decision
        t = gazetteer[code]
        lon, lat = float(t["lon"]), float(t["lat"])
        d = haversine_km((float(h["lon"]), float(h["lat"])), (lon, lat))
        radius = 5
        h["location_precision"] = (f"township centre of {t['name']} ({code}); plant in the township, not located "
                                   f"±{radius} km ({gaz_label})")
        h["notes"] = (f"{h['notes']}; " if h["notes"] else "") + f"moved {d:.1f} km to the township centre: {why}"
        h["lon"], h["lat"] = lon, lat
        say(f"{eid} {h['name_zh']}: -> township centre {t['name']} {code}, {d:.1f} km ({why})")

    # County and prefecture of every hand-made record by point in polygon; the source's county is kept
    # when the point lies in it.
    for h in handmade:
        if h["province_code"] and h["province_code"] != GANSU:
            continue
        c = areas.county(float(h["lon"]), float(h["lat"]))
        if not c:
            sys.exit(f"build_catalogue: {h['id']} lies outside Gansu")
        if h["county_code"] != c[0]:
            if h["county_code"]:
                say(f"county {h['id']}: {h['county_code']} -> {c[0]} {c[2]} (point in polygon)")
            h["county_code"] = c[0]
        h["prefecture_code"] = c[1]

    # Ids of the surveyed facilities: the previous file's, by source_id; new ones after the highest id.
    previous = {}
    current_path = os.path.join(CATALOGUE, "enterprises.csv")
    if os.path.exists(current_path):
        for r in read_csv(current_path):
            if r.get("source_id") and int(r["id"][1:]) > 81:
                previous[r["source_id"]] = r["id"]
    next_id = max([81] + [int(v[1:]) for v in previous.values()]) + 1
    records = list(handmade)
    new = []
    for s in selected:
        if s["source_id"] in used:
            continue
        if s["source_id"] in previous:
            s["id"] = previous[s["source_id"]]
        else:
            s["id"] = f"E{next_id:03d}"
            next_id += 1
        new.append(s)
    new.sort(key=lambda r: int(r["id"][1:]))
    records += new

    # Relations the datasets do not state but the hand-made records do.
    links = {"WRI 1070254": "captive power station of Chalco Lanzhou (E004)",
             "WRI 1070151": "captive power station of JISCO's Dongxing aluminium smelter (E011)",
             "WRI 1070369": "the older Guodian Jingyuan plant beside Jingyuan-2 (E026)",
             "WRI 1070605": "point within 160 m of Jisco-1 (E012); WRI lists it as a separate 1200 MW Datang plant (Industry About); not resolved offline",
             "WRI 1070059": "Industry About record 400 m from GEPIC Jinchang (GCPT) in Hexipu; shut down per WRI",
             "WRI 1070140": "Industry About record; GEPIC Jinchang's second site in Jinchuan district per WRI"}
    for r in new:
        if r["source_id"] in links:
            r["notes"] = f"{r['notes']}; {links[r['source_id']]}"

    for r in records:
        for k in ("lon", "lat"):
            r[k] = fmt(float(r[k]), 5)
        if r["province_code"] == GANSU:
            r["province_code"] = ""

    # Records that stand on one point. A hand-made record at a city, county or township point says so
    # already; a surveyed one whose source gives the very same coordinates to another plant cannot be
    # at its own site for certain, so its precision says which records share the point. No point is
    # moved or spread: that would invent a precision no source gives.
    groups = point_groups(records)
    for members in groups:
        for i in members:
            r = records[i]
            if not r["location_precision"].startswith("plant site"):
                continue
            others = ", ".join(f"{records[j]['id']} {records[j]['name_en'] or records[j]['name_zh']}"
                               for j in members if j != i)
            r["location_precision"] += (f"; the source gives the same point to {others}: either one of them is "
                                        f"not at its own site or they are one plant listed twice")

    # ------------------------------------------------------------------------------------------
    # Figures.
    say("== figures")
    n = len(records)
    outside = [r for r in records if r["province_code"]]
    by_province = ", ".join(f"{NEIGHBOURS[c]} {sum(1 for r in outside if r['province_code'] == c)}" for c in NEIGHBOURS)
    say(f"records: {n} ({len(handmade)} hand-made E001-E081, {len(new)} new); in Gansu {n - len(outside)}, "
        f"outside {len(outside)} ({by_province}); "
        f"dropped outside (residue-free or beyond {RING_KM:.0f} km): {dropped_outside}")
    plant = [r for r in records if r["location_precision"].startswith("plant site")]
    say(f"at plant-site precision: {len(plant)} of {n} = {100 * len(plant) / n:.1f} %")
    shared = set(i for members in groups for i in members)
    say(f"sharing a point (same to 1e-5° or within 50 m) with another record: {len(shared)} of {n} = "
        f"{100 * len(shared) / n:.1f} %: " + ", ".join(sorted(records[i]["id"] for i in shared)))
    coal = [r for r in records if r["fuel"] == "coal" and not r["province_code"]]
    coal_op = sum(float(r["capacity"]) for r in coal if r["op_status"] == "operating" and r["capacity"])
    wri_coal = [s for s in datasets if s["_src"] == "WRI" and s["fuel"] == "coal" and s["_in_gansu"]]
    wri_all = sum(float(s["capacity"]) for s in wri_coal)
    wri_op = sum(float(s["capacity"]) for s in wri_coal if s["op_status"] == "operating")
    say(f"coal power in Gansu: catalogue operating {coal_op:.0f} MW in {sum(1 for r in coal if r['op_status'] == 'operating')} plants; "
        f"WRI {len(wri_coal)} plants {wri_all:.0f} MW, of which operating (status Operational or empty) {wri_op:.0f} MW; "
        f"catalogue / WRI operating = {coal_op / wri_op:.3f}")
    covered = sum(float(r["capacity"]) for r in coal if r["op_status"] == "operating" and r["capacity"]
                  and r["source_id"].startswith("WRI "))
    say(f"  of the catalogue's operating coal capacity, plants WRI lists: {covered:.0f} MW ({covered / wri_op:.3f} of WRI "
        f"operating); plants WRI lacks: {coal_op - covered:.0f} MW ("
        + ", ".join(f"{r['id']} {r['name_en']} {r['capacity']} MW" for r in coal
                    if r["op_status"] == "operating" and not r["source_id"].startswith("WRI ")) + ")")
    prec = {}
    for r in records:
        p = r["location_precision"]
        k = ("plant site, exact (GEM)" if p.startswith("plant site, exact") else
             "plant site, approximate (GEM)" if p.startswith("plant site, approximate (GEM)") else
             "plant site (WRI)" if p.startswith("plant site as given by WRI") else
             "plant site, approximate (WRI)" if p.startswith("plant site, approximate ±1 km (WRI") else
             "plant site (GEM wiki/SourceWatch)" if p.startswith("plant site") else
             "township centre" if p.startswith("township") else "other (county/city seat, park, project area, wrong)")
        prec[k] = prec.get(k, 0) + 1
    for k, v in sorted(prec.items(), key=lambda kv: -kv[1]):
        say(f"  {k}: {v}")
    say("== disagreements between sources")
    for d in disagreements:
        say(d)

    # ------------------------------------------------------------------------------------------
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in records:
        w.writerow({c: (str(r[c]) if r[c] is not None else "") for c in COLUMNS})
    meta = io.StringIO()
    mw = csv.writer(meta, lineterminator="\n")
    mw.writerow(["key", "value"])
    mw.writerow(["as_of_year", AS_OF_YEAR])
    mw.writerow(["credits", CREDITS])
    mw.writerow(["enterprises_built_by", "scripts/catalogue/build_catalogue.py"])
    outputs = {os.path.join(CATALOGUE, "enterprises.csv"): out.getvalue(),
               os.path.join(CATALOGUE, "metadata.csv"): meta.getvalue()}
    if args.check:
        stale = [p for p, text in outputs.items() if not os.path.exists(p) or open(p, encoding="utf-8").read() != text]
        if stale:
            print("stale: " + ", ".join(os.path.relpath(p, ROOT) for p in stale))
            sys.exit(1)
        print("up to date")
        return
    for path, text in outputs.items():
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".build_catalogue.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    print(f"wrote {len(records)} enterprises and metadata.csv")


if __name__ == "__main__":
    main()
