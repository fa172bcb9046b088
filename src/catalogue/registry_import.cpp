// Coordinate normalisation of user registries: column renaming, GCJ-02/BD-09 and CRS conversion.
#include "catalogue/registry_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "catalogue/admin_areas.h"
#include "catalogue/industry_classes.h"
#include "catalogue/registry_placement.h"

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/transformer.h"

namespace circatlas::catalogue {

namespace {

std::optional<double> parse(core::Cells::Cell s) {
  if (!s) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || end != s->data() + s->size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string degrees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.7f", v);
  return buf;
}

std::size_t requireColumn(core::TextTable& table, const std::string& name, const char* what) {
  if (const auto c = table.column(name)) return *c;
  core::InputError e(std::string("no ") + what + " column '" + name + "' (name it with --" +
                     (std::string(what) == "longitude" ? "lon" : "lat") + "-field)");
  e.setFile(table.source);
  throw e;
}

}  // namespace

void normaliseCoordinates(core::TextTable& table, const std::string& lonField, const std::string& latField,
                          geo::LonLatSystem system) {
  const std::size_t lonCol = requireColumn(table, lonField, "longitude");
  const std::size_t latCol = requireColumn(table, latField, "latitude");
  table.header[lonCol] = "lon";
  table.header[latCol] = "lat";
  if (system == geo::LonLatSystem::Wgs84 || system == geo::LonLatSystem::Cgcs2000) return;
  for (auto& row : table.rows) {
    const auto lon = parse(row.cells[lonCol]);
    const auto lat = parse(row.cells[latCol]);
    if (!lon || !lat || std::abs(*lon) > 180 || std::abs(*lat) > 90) continue;
    const core::LonLat wgs = geo::toWgs84({*lon, *lat}, system);
    row.cells[lonCol] = degrees(wgs.lon);
    row.cells[latCol] = degrees(wgs.lat);
  }
}

core::TextTable tableFromPointLayer(const core::Layer& layer, const std::string& source) {
  if (!core::isPuntal(layer.geometryType())) {
    core::InputError e("a registry needs point geometries, this layer holds " +
                       std::string(core::toString(layer.geometryType())));
    e.setFile(source).setLayer(layer.name());
    throw e;
  }
  core::Layer wgs84 = layer;
  if (wgs84.crs().empty()) {
    // No CRS declared (a Shapefile without its .prj): lon/lat degrees are assumed, which only
    // coordinates within ±180/±90 can be; metres from a projected CRS are a CRS problem.
    for (const auto& f : wgs84.features()) {
      if (f.geometry.isEmpty()) continue;
      const core::Coord c = f.geometry.coords()[0];
      if (std::abs(c.x) > 180.0 || std::abs(c.y) > 90.0 || !std::isfinite(c.x) || !std::isfinite(c.y)) {
        core::CrsError e(
            "the layer declares no coordinate system (a Shapefile without its .prj?) and its "
            "coordinates (" +
            degrees(c.x) + ", " + degrees(c.y) + ") are not lon/lat degrees; add the .prj or reproject to WGS 84");
        e.setFile(source).setLayer(layer.name()).setFeature(f.id.value());
        throw e;
      }
    }
    wgs84.setCrs(std::string(geo::kWgs84));
  } else if (wgs84.crs() != geo::kWgs84) {
    geo::transformLayer(wgs84, geo::kWgs84);
  }
  core::TextTable table;
  table.source = source;
  for (const auto& f : wgs84.schema().fields()) table.header.push_back(f.name);
  const bool hasLonLat = table.column("lon") || table.column("lat");
  if (!hasLonLat) {
    table.header.emplace_back("lon");
    table.header.emplace_back("lat");
  }
  const auto lonCol = table.column("lon");
  const auto latCol = table.column("lat");
  for (const auto& f : wgs84.features()) {
    core::TextTable::Row row{f.id.value(), {}};
    for (const auto& v : f.values) {
      row.cells.push_back(core::isNull(v) ? std::nullopt : std::optional<std::string>(core::toString(v)));
    }
    row.cells.resize(table.header.size());
    if (!f.geometry.isEmpty()) {
      row.cells[*lonCol] = degrees(f.geometry.coords()[0].x);
      row.cells[*latCol] = degrees(f.geometry.coords()[0].y);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

namespace {

// The enterprise columns written, in data/catalogue/enterprises.csv's order.
const char* const kOutputColumns[] = {"id",
                                      "name_zh",
                                      "name_en",
                                      "industry_code",
                                      "park_id",
                                      "status",
                                      "model",
                                      "op_status",
                                      "lon",
                                      "lat",
                                      "county_code",
                                      "prefecture_code",
                                      "capacity",
                                      "capacity_unit",
                                      "capacity_basis",
                                      "source",
                                      "location_precision",
                                      "notes",
                                      "owner",
                                      "fuel",
                                      "province_code",
                                      "start_year",
                                      "end_year",
                                      "source_id"};

bool hasCjk(std::string_view s) {
  // Lead bytes E3–E9 start the CJK blocks U+3000–U+9FFF in UTF-8.
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xE3 && b <= 0xE9;
  });
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

// A unified social credit code: 18 characters of digits and capital letters (GB 32100-2015).
std::optional<std::string> creditCode(std::string_view text) {
  std::string code;
  for (const char c : text) {
    if (c == ' ' || c == '-') continue;
    code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  const bool ok = code.size() == 18 && std::all_of(code.begin(), code.end(), [](char c) {
                    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
                  });
  return ok ? std::optional(code) : std::nullopt;
}

// A quantity cell: a number, optionally followed by a mass unit ("1.2万吨", "3500 t").
std::optional<double> quantityTonnes(std::string_view text, double headerFactor) {
  const std::string t = trimmed(text);
  double v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc{} || !std::isfinite(v)) return std::nullopt;
  const std::string unit = trimmed(std::string_view(end, static_cast<std::size_t>(t.data() + t.size() - end)));
  if (unit.empty()) return v * headerFactor;
  if (const auto u = headerMassUnit("q(" + unit + ")")) return v * u->toTonnes;
  return std::nullopt;
}

const char* originText(FieldOrigin o) {
  switch (o) {
    case FieldOrigin::Recognised:
      return "recognised";
    case FieldOrigin::Option:
      return "--field";
    case FieldOrigin::MappingFile:
      return "mapping file";
    case FieldOrigin::Derived:
      return "derived";
  }
  return "";
}

}  // namespace

std::vector<MappingGap> mappingGaps(const std::vector<ColumnChoice>& choices) {
  auto has = [&](std::string_view f) {
    return std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.field == f; });
  };
  std::vector<MappingGap> gaps;
  if (!has("name_zh") && !has("name_en") && !has("name")) gaps.push_back(MappingGap::NoNames);
  if (has("lat") && !has("lon")) gaps.push_back(MappingGap::NoLongitude);
  if (has("lon") && !has("lat")) gaps.push_back(MappingGap::NoLatitude);
  const bool placeable = std::any_of(choices.begin(), choices.end(), [](const auto& c) {
    return c.field == "lon" || c.field == "lat" || c.field == "address" || c.field == "township" ||
           c.field == "county" || c.field == "county_code" || c.field == "prefecture";
  });
  if (!placeable) gaps.push_back(MappingGap::NoLocation);
  return gaps;
}

std::vector<FieldReport> derivedFields(const core::TextTable& raw, const std::vector<ColumnChoice>& choices,
                                       const std::string& sourceLabel) {
  std::vector<FieldReport> fields;
  const auto nameChoice = std::find_if(choices.begin(), choices.end(), [](const auto& c) { return c.field == "name"; });
  auto has = [&](std::string_view f) {
    return std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.field == f; });
  };
  auto derived = [&](std::string field, std::string how) {
    fields.push_back({std::move(field), "", FieldOrigin::Derived, std::move(how)});
  };
  const bool nameIsCjk = [&] {
    if (nameChoice == choices.end()) return false;
    std::size_t cjk = 0;
    for (const auto& row : raw.rows) {
      const auto& v = row.cells[nameChoice->column];
      if (v && hasCjk(*v)) ++cjk;
    }
    return cjk * 2 >= raw.rows.size();
  }();
  // Derived fields, said once each.
  if (!has("id"))
    derived("id", has("credit_code") ? "the 统一社会信用代码 (credit code), else R + the row's line"
                                     : "R + the row's line in the sheet");
  if (!has("name_zh")) derived("name_zh", has("name") && nameIsCjk ? "the name column" : "copied from the name given");
  if (!has("name_en"))
    derived("name_en", has("name") && !nameIsCjk ? "the name column"
                                                 : "copied from the name given (no English name in the sheet)");
  if (!has("industry_code") && has("industry_name"))
    derived("industry_code", "industry names matched to GB/T 4754-2017 classes (see the matches)");
  if (!has("status")) derived("status", "none (the sheet states no circular-economy pilot status)");
  if (!has("lon")) derived("lon/lat", "township centre or county seat named by the address/township/county columns");
  if (!has("county_code"))
    derived("county_code", "point in polygon of data/basemap.gpkg counties (empty outside Gansu)");
  if (!has("prefecture_code")) derived("prefecture_code", "the prefecture of that county");
  if (!has("source")) derived("source", "'" + sourceLabel + "'");
  if (!has("location_precision"))
    derived("location_precision", "'as given' for the sheet's coordinates, else the placement's");
  if (!has("source_id") && has("credit_code")) derived("source_id", "the credit code");
  return fields;
}

RegistryTable toCatalogueForm(const core::TextTable& raw, const std::vector<ColumnChoice>& choices,
                              const RegistryContext& context) {
  RegistryTable result;
  RegistryReport& report = result.report;
  report.sourceLabel = context.sourceLabel;
  std::map<std::string, const ColumnChoice*, std::less<>> byField;
  for (const auto& c : choices) byField.emplace(c.field, &c);
  auto has = [&](std::string_view f) { return byField.count(f) > 0; };
  auto fail = [&](const std::string& message) {
    core::InputError e(message);
    e.setFile(raw.source);
    throw e;
  };
  for (const MappingGap gap : mappingGaps(choices)) {
    if (gap == MappingGap::NoNames) {
      fail("no column of names (名称, 企业名称, 单位名称, name …); name it with --field name=COLUMN");
    }
    if (gap == MappingGap::NoLatitude) fail("no latitude column 'lat' (name it with --lat-field)");
    if (gap == MappingGap::NoLongitude) fail("no longitude column 'lon' (name it with --lon-field)");
  }
  for (std::size_t i = 0; i < raw.header.size(); ++i) {
    if (std::none_of(choices.begin(), choices.end(), [&](const auto& c) { return c.column == i; })) {
      report.ignoredColumns.push_back(raw.header[i]);
    }
  }
  for (const auto& c : choices) {
    std::string how = originText(c.origin);
    if (!c.unit.empty()) how += "; " + c.unit + " × " + std::to_string(static_cast<long long>(c.toTonnes)) + " → t";
    else if (c.field == "generated" || c.field == "utilised") how += "; no unit in the header: read as t";
    report.fields.push_back({c.field, raw.header[c.column], c.origin, how});
  }

  core::TextTable& out = result.enterprises;
  out.source = raw.source;
  for (const char* c : kOutputColumns) {
    // Optional catalogue columns appear only when the sheet gives them (or they are derived).
    const std::string_view name = c;
    const bool always = name == "id" || name == "name_zh" || name == "name_en" || name == "industry_code" ||
                        name == "status" || name == "lon" || name == "lat" || name == "county_code" ||
                        name == "prefecture_code" || name == "source" || name == "location_precision" ||
                        name == "notes" || name == "source_id";
    if (always || has(name)) out.header.emplace_back(c);
  }
  const auto col = [&](std::string_view name) { return *out.column(name); };

  for (auto& f : derivedFields(raw, choices, context.sourceLabel)) report.fields.push_back(std::move(f));

  std::map<std::string, std::int64_t, std::less<>> firstLineOfId;
  for (const auto& row : raw.rows) {
    auto get = [&](std::string_view field) -> std::string {
      const auto it = byField.find(field);
      if (it == byField.end()) return {};
      const auto& v = row.cells[it->second->column];
      return v ? trimmed(*v) : std::string();
    };
    core::TextTable::Row r{row.line, {}};
    r.cells.resize(out.header.size());
    auto set = [&](std::string_view field, const std::string& value) {
      if (!value.empty()) r.cells[col(field)] = value;
    };
    // Catalogue fields the sheet gives are copied as they are.
    for (const auto& h : out.header) {
      if (has(h)) set(h, get(h));
    }
    std::vector<std::string> notes;
    if (has("notes")) notes.push_back(get("notes"));

    const std::string credit = get("credit_code");
    const auto code = creditCode(credit);
    if (!has("id")) {
      std::string id = code ? *code : "R" + std::to_string(row.line);
      if (const auto [it, inserted] = firstLineOfId.emplace(id, row.line); !inserted) {
        report.notes.push_back("line " + std::to_string(row.line) + ": credit code " + id + " also on line " +
                               std::to_string(it->second) + "; id " + id + "-" + std::to_string(row.line) + " given");
        id += "-" + std::to_string(row.line);
      }
      set("id", id);
    }
    if (!credit.empty() && !code) {
      report.notes.push_back("line " + std::to_string(row.line) + ": '" + credit +
                             "' is not an 18-character credit code; the id is the row's");
    }
    if (!has("source_id") && !credit.empty()) set("source_id", credit);

    const std::string name = get("name");
    if (!has("name_zh")) set("name_zh", has("name") ? name : get("name_en"));
    if (!has("name_en")) set("name_en", has("name") ? name : get("name_zh"));
    const std::string label = !get("name_zh").empty() ? get("name_zh") : name.empty() ? get("name_en") : name;

    // Industry: a code column may hold "C3011" or "3011 水泥制造"; a name column is matched.
    const std::string industryCode = get("industry_code");
    const std::string industryName = get("industry_name");
    const bool plainCode = industryCode.size() == 4 && std::all_of(industryCode.begin(), industryCode.end(),
                                                                   [](char c) { return c >= '0' && c <= '9'; });
    if (!industryCode.empty() && !plainCode) {
      IndustryMatch m = context.industries.match(industryCode);
      m.line = row.line;
      if (!m.code.empty()) set("industry_code", m.code);
      report.industries.push_back(std::move(m));
    } else if (industryCode.empty() && !industryName.empty()) {
      IndustryMatch m = context.industries.match(industryName);
      m.line = row.line;
      set("industry_code", m.code);
      report.industries.push_back(std::move(m));
    }
    if (!has("status")) set("status", "none");
    if (!has("source")) set("source", context.sourceLabel);

    // Location: the sheet's coordinates, else a placement.
    std::optional<core::LonLat> point;
    std::optional<std::string> placedCounty;
    const std::string lonText = get("lon");
    const std::string latText = get("lat");
    if (!lonText.empty() || !latText.empty()) {
      const auto lon = parse(lonText);
      const auto lat = parse(latText);
      if (lon && lat && std::abs(*lon) <= 180 && std::abs(*lat) <= 90) {
        point = geo::toWgs84({*lon, *lat}, context.system);
        if (context.system != geo::LonLatSystem::Wgs84 && context.system != geo::LonLatSystem::Cgcs2000) {
          set("lon", degrees(point->lon));
          set("lat", degrees(point->lat));
        }
      }
      if (!has("location_precision")) set("location_precision", "as given");
    } else {
      const auto placed = context.gazetteer.place(
          {get("address"), get("township"), has("county") ? get("county") : get("county_code"), get("prefecture")});
      if (const auto* p = std::get_if<Placement>(&placed)) {
        point = p->at;
        placedCounty = p->countyCode;
        set("lon", degrees(p->at.lon));
        set("lat", degrees(p->at.lat));
        if (!has("location_precision") || get("location_precision").empty()) {
          // The radius lets the validator accept a point a little across the county line (two
          // township centres of the gazetteer lie 25–30 m outside their county).
          r.cells[col("location_precision")] =
              p->precision + (p->precision == "township_centre" ? " ±10 km" : " (the county named by the sheet)");
        }
        notes.push_back(p->precision == "township_centre"
                            ? "placed at the centre of " + p->description +
                                  " named by the sheet (township centres: Vonng/adcode, CC BY 4.0)"
                            : "placed at the " + p->description + " named by the sheet");
        report.placed.push_back({row.line, label, p->description, p->precision});
      } else {
        if (!has("location_precision") || get("location_precision").empty()) {
          r.cells[col("location_precision")] = "not placed";
        }
        report.unplaced.push_back({row.line, label, std::get<std::string>(placed)});
      }
    }
    if (point) {
      const auto county = placedCounty ? placedCounty : context.admin.countyAt(*point);
      (county ? report.rowsInGansu : report.rowsOutsideGansu)++;
      if (!has("county_code") && county) set("county_code", *county);
      if (!has("prefecture_code") && county) {
        const std::string stated = get("county_code");
        const std::string& basis = stated.empty() ? *county : stated;
        if (const auto prefecture = context.admin.prefectureOf(basis)) set("prefecture_code", *prefecture);
      }
    }
    // Quantities with their units, in tonnes.
    if (has("generated") || has("utilised")) {
      RegistryTable::Quantity q{row.line, core::text(r.cells[col("id")]), get("material"), {}, {}};
      for (const char* f : {"generated", "utilised"}) {
        const std::string text = get(f);
        if (text.empty()) continue;
        const auto t = quantityTonnes(text, byField.at(f)->toTonnes);
        if (!t) {
          report.notes.push_back("line " + std::to_string(row.line) + ": " + f + " '" + text + "' is not a quantity");
          continue;
        }
        (std::string_view(f) == "generated" ? q.generatedTonnes : q.utilisedTonnes) = *t;
      }
      if (q.generatedTonnes || q.utilisedTonnes) result.quantities.push_back(std::move(q));
    }
    std::string joined;
    for (const auto& n : notes) {
      if (!n.empty()) joined += (joined.empty() ? "" : "; ") + n;
    }
    set("notes", joined);
    r.cells.shrink_to_fit();  // the room the cells grew into, given back before the next of a million rows
    out.rows.push_back(std::move(r));
  }
  return result;
}

namespace {

std::string folded(std::string_view text) {
  std::string s(text);
  const auto first = s.find_first_not_of(" \t");
  const auto last = s.find_last_not_of(" \t");
  s = first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string lineList(const std::vector<std::int64_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (lines.size() > 10) out += " … (" + std::to_string(lines.size()) + " rows)";
  return out;
}

}  // namespace

core::TextTable quantityFlows(const RegistryTable& registry, const core::TextTable& materials,
                              const std::string& source, std::vector<std::string>& notes) {
  core::TextTable flows;
  flows.source = source;
  flows.header = {"enterprise_id", "material_code", "direction", "quantity", "year", "basis", "method", "source"};
  std::map<std::string, std::string> codeOf;  // folded code, name_zh or name_en → code
  const auto code = materials.column("code");
  for (const auto& row : materials.rows) {
    if (!code || !row.cells[*code]) continue;
    for (const char* f : {"code", "name_zh", "name_en"}) {
      const auto c = materials.column(f);
      if (c && row.cells[*c]) codeOf.emplace(folded(*row.cells[*c]), *row.cells[*code]);
    }
  }
  std::vector<std::int64_t> noMaterial;
  std::map<std::string, std::vector<std::int64_t>> unknown;
  std::vector<std::int64_t> utilised;
  for (const auto& q : registry.quantities) {
    if (q.utilisedTonnes) utilised.push_back(q.line);
    if (!q.generatedTonnes) continue;
    if (folded(q.material).empty()) {
      noMaterial.push_back(q.line);
      continue;
    }
    const auto it = codeOf.find(folded(q.material));
    if (it == codeOf.end()) {
      unknown[q.material].push_back(q.line);
      continue;
    }
    char quantity[64];
    std::snprintf(quantity, sizeof quantity, "%.6g", *q.generatedTonnes);
    flows.rows.push_back(
        {q.line,
         {q.enterpriseId, it->second, std::string("output"), std::string(quantity), std::nullopt,
          std::string("reported"),
          "产生量 (generated) as the registry states it, in t/a; material '" + q.material + "' → " + it->second,
          source + ", line " + std::to_string(q.line)}});
  }
  if (!noMaterial.empty()) {
    notes.push_back("产生量 (generated) of lines " + lineList(noMaterial) +
                    " not used as flows: the sheet names no material (add a column such as 固废名称, or --field "
                    "material=COLUMN)");
  }
  for (const auto& [text, lines] : unknown) {
    notes.push_back("产生量 (generated) of lines " + lineList(lines) + " not used as flows: material '" + text +
                    "' is no code or name of materials.csv");
  }
  if (!utilised.empty()) {
    notes.push_back("综合利用量 (utilised) of lines " + lineList(utilised) +
                    " kept out of the flows: it is the part already used (by the enterprise or others), not a further "
                    "output to place");
  }
  return flows;
}

}  // namespace circatlas::catalogue
