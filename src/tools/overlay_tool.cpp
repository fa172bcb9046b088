// Assigns county and prefecture codes by location and aggregates catalogue features per unit.
#include "tools/overlay_tool.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/error.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "tools/analysis_specs.h"
#include "tools/layer_fields.h"

namespace circatlas::tools {

namespace {

std::vector<core::Geometry> shapes(const core::Layer& l) {
  std::vector<core::Geometry> out;
  out.reserve(l.size());
  for (const auto& f : l.features()) out.push_back(f.geometry);
  return out;
}

const char* industryGroup(const std::string& code) {
  if (code.size() < 2) return "ind_other";
  const int division = (code[0] - '0') * 10 + (code[1] - '0');
  if (division == 44) return "ind_power";
  if (division >= 6 && division <= 12) return "ind_mining";
  if (division == 31 || division == 32) return "ind_metals";
  if (division >= 25 && division <= 29) return "ind_chemicals";
  if (division == 30) return "ind_building_materials";
  return "ind_other";
}

constexpr const char* kGroups[] = {"ind_power", "ind_mining", "ind_metals", "ind_chemicals", "ind_building_materials",
                                   "ind_other"};

// Locates a point layer's features in the counties and returns the county index per feature.
std::vector<std::optional<std::size_t>> locate(const core::Layer& points, const std::vector<core::Geometry>& counties) {
  if (!points.empty() && !core::isPuntal(points.geometryType())) {
    core::InputError e("expected a point layer, got " + std::string(core::toString(points.geometryType())));
    e.setLayer(points.name());
    throw e;
  }
  std::vector<core::Coord> at;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].geometry.isEmpty()) continue;
    at.push_back(points[i].geometry.coords()[0]);
    rows.push_back(i);
  }
  const auto found = geo::locateAll(counties, at);
  std::vector<std::optional<std::size_t>> out(points.size());
  for (std::size_t k = 0; k < rows.size(); ++k) out[rows[k]] = found[k];
  return out;
}

core::Layer withCodes(const core::Layer& in, const std::vector<std::optional<std::size_t>>& county,
                      const core::Layer& counties, const ResultSpec& result) {
  core::Schema schema = in.schema();
  schema.add({"overlay_county", core::FieldType::String});
  schema.add({"overlay_county_name", core::FieldType::String});
  schema.add({"overlay_prefecture", core::FieldType::String});
  core::Layer out(std::string(result.id), in.crs(), in.geometryType(), std::move(schema));
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    core::Feature f = in[i];
    if (county[i]) {
      f.values.emplace_back(text(counties, *county[i], "code"));
      f.values.emplace_back(text(counties, *county[i], "name_zh"));
      f.values.emplace_back(text(counties, *county[i], "prefecture_code"));
    } else {
      f.values.insert(f.values.end(), 3, core::Value());
    }
    out.add(std::move(f));
  }
  return out;
}

// Totals of one administrative unit.
struct Totals {
  std::int64_t enterprises = 0, demonstration = 0, parks = 0, projects = 0;
  std::map<std::string, std::int64_t> groups;
  std::map<std::string, double> quantities;  // "out_FLY_ASH" → units per year
};

core::Layer summaryLayer(std::string_view name, const core::Layer& units, const std::map<std::string, Totals>& totals,
                         const std::set<std::string>& quantityFields) {
  using core::FieldType;
  core::Schema schema({{"code", FieldType::String},
                       {"name_zh", FieldType::String},
                       {"name_en", FieldType::String},
                       {"enterprises", FieldType::Integer},
                       {"demonstration_units", FieldType::Integer},
                       {"parks", FieldType::Integer},
                       {"projects", FieldType::Integer}});
  for (const char* g : kGroups) schema.add({g, FieldType::Integer});
  for (const auto& q : quantityFields) schema.add({q, FieldType::Real});
  core::Layer out(std::string(name), units.crs(), core::GeometryType::MultiPolygon, std::move(schema));
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string code = text(units, i, "code");
    const auto it = totals.find(code);
    const Totals t = it == totals.end() ? Totals{} : it->second;
    core::Feature f{core::FeatureId(static_cast<std::int64_t>(i + 1)), units[i].geometry, {}};
    f.geometry.promoteToMulti();
    f.values = {code,          units.value(i, "name_zh"), units.value(i, "name_en"),
                t.enterprises, t.demonstration,           t.parks,
                t.projects};
    for (const char* g : kGroups) f.values.emplace_back(t.groups.contains(g) ? t.groups.at(g) : std::int64_t{0});
    for (const auto& q : quantityFields) f.values.emplace_back(t.quantities.contains(q) ? t.quantities.at(q) : 0.0);
    out.add(std::move(f));
  }
  return out;
}

bool demonstrationPark(const std::string& level) {
  return level == "national_pilot" || level == "provincial_demonstration" || level == "demonstration_project";
}

}  // namespace

OverlayResult runOverlay(const OverlayInput& in) {
  core::advance(in.progress, 0.0, "locating enterprises");
  const std::vector<core::Geometry> counties = shapes(in.counties);
  const auto enterpriseCounty = locate(in.enterprises, counties);

  std::map<std::string, Totals> byCounty;
  std::map<std::string, std::size_t> countyOfEnterprise;
  for (std::size_t i = 0; i < in.enterprises.size(); ++i) {
    if (!enterpriseCounty[i]) continue;
    const std::string code = text(in.counties, *enterpriseCounty[i], "code");
    countyOfEnterprise[text(in.enterprises, i, "id")] = *enterpriseCounty[i];
    Totals& t = byCounty[code];
    ++t.enterprises;
    ++t.groups[industryGroup(text(in.enterprises, i, "industry_code"))];
    const auto status = in.enterprises.schema().indexOf("status") ? text(in.enterprises, i, "status") : "none";
    if (!status.empty() && status != "none") ++t.demonstration;
  }
  std::set<std::string> quantityFields;
  for (std::size_t i = 0; i < in.flows.size(); ++i) {
    const auto* q = std::get_if<double>(&in.flows[i].values[in.flows.schema().require("quantity")]);
    const auto it = countyOfEnterprise.find(text(in.flows, i, "enterprise_id"));
    if (!q || it == countyOfEnterprise.end()) continue;
    const std::string field =
        (text(in.flows, i, "direction") == "output" ? "out_" : "in_") + text(in.flows, i, "material_code");
    quantityFields.insert(field);
    byCounty[text(in.counties, it->second, "code")].quantities[field] += *q;
  }

  OverlayResult result{withCodes(in.enterprises, enterpriseCounty, in.counties, spec::overlay::enterprises),
                       std::nullopt,
                       std::nullopt,
                       std::nullopt,
                       core::Layer("x", "", core::GeometryType::None, core::Schema()),
                       core::Layer("x", "", core::GeometryType::None, core::Schema())};
  core::advance(in.progress, 0.5, "locating parks, projects and mining bases");
  if (in.parks && in.parks->size() > 0) {
    const auto where = locate(*in.parks, counties);
    for (std::size_t i = 0; i < in.parks->size(); ++i) {
      if (!where[i]) continue;
      Totals& t = byCounty[text(in.counties, *where[i], "code")];
      ++t.parks;
      if (demonstrationPark(text(*in.parks, i, "level"))) ++t.demonstration;
    }
    result.parks = withCodes(*in.parks, where, in.counties, spec::overlay::parks);
  }
  if (in.projects && in.projects->size() > 0) {
    const auto where = locate(*in.projects, counties);
    for (std::size_t i = 0; i < in.projects->size(); ++i) {
      if (where[i]) ++byCounty[text(in.counties, *where[i], "code")].projects;
    }
    result.projects = withCodes(*in.projects, where, in.counties, spec::overlay::projects);
  }
  if (in.miningBases && in.miningBases->size() > 0) {
    const geo::PolygonIndex index(counties);
    core::Schema schema = in.miningBases->schema();
    schema.add({"counties", core::FieldType::String});
    schema.add({"prefectures", core::FieldType::String});
    core::Layer out(std::string(spec::overlay::miningBases.id), in.miningBases->crs(), in.miningBases->geometryType(),
                    std::move(schema));
    for (const auto& base : in.miningBases->features()) {
      std::string countyList;
      std::set<std::string> prefectureSet;
      for (const std::size_t c : index.candidates(base.geometry.envelope())) {
        if (geo::polygonIntersection(base.geometry, counties[c]).isEmpty()) continue;
        countyList += (countyList.empty() ? "" : ";") + text(in.counties, c, "code");
        prefectureSet.insert(text(in.counties, c, "prefecture_code"));
      }
      std::string prefectureList;
      for (const auto& p : prefectureSet) prefectureList += (prefectureList.empty() ? "" : ";") + p;
      core::Feature f = base;
      f.values.emplace_back(countyList);
      f.values.emplace_back(prefectureList);
      out.add(std::move(f));
    }
    result.miningBases = std::move(out);
  }

  core::advance(in.progress, 0.8, "summaries per county and prefecture");
  std::map<std::string, Totals> byPrefecture;
  for (const auto& [code, t] : byCounty) {
    std::string prefecture;
    for (std::size_t i = 0; i < in.counties.size(); ++i) {
      if (text(in.counties, i, "code") == code) prefecture = text(in.counties, i, "prefecture_code");
    }
    Totals& p = byPrefecture[prefecture];
    p.enterprises += t.enterprises;
    p.demonstration += t.demonstration;
    p.parks += t.parks;
    p.projects += t.projects;
    for (const auto& [g, n] : t.groups) p.groups[g] += n;
    for (const auto& [q, v] : t.quantities) p.quantities[q] += v;
  }
  result.countySummary = summaryLayer(spec::overlay::countySummary.id, in.counties, byCounty, quantityFields);
  result.prefectureSummary =
      summaryLayer(spec::overlay::prefectureSummary.id, in.prefectures, byPrefecture, quantityFields);
  return result;
}

bool countsNothing(const core::Layer& summary) {
  for (const char* name : {"enterprises", "parks", "projects"}) {
    const auto field = summary.schema().indexOf(name);
    if (!field) continue;
    for (const auto& f : summary.features()) {
      const std::string v = core::toString(f.values[*field]);
      if (!v.empty() && v != "0") return false;
    }
  }
  return true;
}

}  // namespace circatlas::tools
