// Assigns county and prefecture codes by location and aggregates catalogue features per unit.
#include "tools/overlay_tool.h"

#include <array>
#include <cassert>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

constexpr const char* kGroups[] = {"ind_power", "ind_mining", "ind_metals", "ind_chemicals", "ind_building_materials",
                                   "ind_other"};
constexpr std::size_t kGroupCount = std::size(kGroups);

// The industry group of an industry code, as an index into kGroups.
std::size_t industryGroup(std::string_view code) {
  constexpr std::size_t power = 0, mining = 1, metals = 2, chemicals = 3, buildingMaterials = 4, other = 5;
  if (code.size() < 2) return other;
  const int division = (code[0] - '0') * 10 + (code[1] - '0');
  if (division == 44) return power;
  if (division >= 6 && division <= 12) return mining;
  if (division == 31 || division == 32) return metals;
  if (division >= 25 && division <= 29) return chemicals;
  if (division == 30) return buildingMaterials;
  return other;
}

void requirePoints(const core::Layer& points) {
  if (!points.empty() && !core::isPuntal(points.geometryType())) {
    core::InputError e("expected a point layer, got " + std::string(core::toString(points.geometryType())));
    e.setLayer(points.name());
    throw e;
  }
}

// Locates a point layer's features in the counties and returns the county index per feature.
std::vector<std::optional<std::size_t>> locate(const core::Layer& points, const std::vector<core::Geometry>& counties) {
  requirePoints(points);
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

// `rows` false: the result's fields only. `consumed`: `in` itself, whose features are moved instead of copied.
core::Layer withCodes(const core::Layer& in, const std::vector<std::optional<std::size_t>>& county,
                      const core::Layer& counties, const ResultSpec& result, bool rows = true,
                      core::Layer* consumed = nullptr) {
  core::Schema schema = in.schema();
  schema.add({"overlay_county", core::FieldType::String});
  schema.add({"overlay_county_name", core::FieldType::String});
  schema.add({"overlay_prefecture", core::FieldType::String});
  static_assert(kOverlayCodeFields == 3, "the fields added here");
  core::Layer out(std::string(result.id), in.crs(), in.geometryType(), std::move(schema));
  if (!rows) return out;
  assert(!consumed || consumed == &in);
  out.reserve(in.size());
  const std::size_t code = counties.schema().require("code");
  const std::size_t name = counties.schema().require("name_zh");
  const std::size_t prefecture = counties.schema().require("prefecture_code");
  for (std::size_t i = 0; i < in.size(); ++i) {
    // Exactly three more: growing by push_back would double the vector, a million times over. A registry
    // loaded with this room (kOverlayCodeFields) has it already, and its features stay where they are.
    core::Feature f = consumed ? std::move(consumed->mutableFeatures()[i]) : copyWithRoom(in[i], kOverlayCodeFields);
    f.values.reserve(f.values.size() + kOverlayCodeFields);
    if (county[i]) {
      const auto& unit = counties[*county[i]].values;
      f.values.emplace_back(core::toString(unit[code]));
      f.values.emplace_back(core::toString(unit[name]));
      f.values.emplace_back(core::toString(unit[prefecture]));
    } else {
      f.values.insert(f.values.end(), 3, core::Value());
    }
    out.add(std::move(f));
  }
  if (consumed) consumed->clearFeatures();
  return out;
}

// Totals of one administrative unit.
struct Totals {
  std::int64_t enterprises = 0, demonstration = 0, parks = 0, projects = 0;
  std::array<std::int64_t, kGroupCount> groups{};  // enterprises per industry group (kGroups)
  std::map<std::string, double> quantities;        // "out_FLY_ASH" → units per year
};

// The quantity fields of the summaries, "out_" or "in_" and the material code, numbered as met.
class QuantityFields {
 public:
  std::size_t of(const std::string& material, bool output) {
    const Key key{material, output};
    if (const auto it = index_.find(key); it != index_.end()) return it->second;
    // The key kept must outlive this flow: its text is copied once per field.
    const std::string& kept = names_.emplace_back((key.second ? "out_" : "in_") + std::string(key.first));
    const std::size_t prefix = key.second ? 4 : 3;
    index_.emplace(Key{std::string_view(kept).substr(prefix), key.second}, names_.size() - 1);
    return names_.size() - 1;
  }
  [[nodiscard]] const std::string& name(std::size_t field) const { return names_[field]; }
  [[nodiscard]] std::set<std::string> names() const { return {names_.begin(), names_.end()}; }

 private:
  using Key = std::pair<std::string_view, bool>;  // material code (a view into names_), output
  std::map<Key, std::size_t> index_;
  std::deque<std::string> names_;  // a deque: the keys' views stay valid as it grows
};

void addTo(Totals& sum, const Totals& t) {
  sum.enterprises += t.enterprises;
  sum.demonstration += t.demonstration;
  sum.parks += t.parks;
  sum.projects += t.projects;
  for (std::size_t g = 0; g < kGroupCount; ++g) sum.groups[g] += t.groups[g];
  for (const auto& [q, v] : t.quantities) sum.quantities[q] += v;
}

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
    for (const std::int64_t n : t.groups) f.values.emplace_back(n);
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
  requirePoints(in.enterprises);
  std::vector<std::optional<std::size_t>> located;
  if (!in.enterpriseCounties) located = locate(in.enterprises, counties);
  const auto& enterpriseCounty = in.enterpriseCounties ? *in.enterpriseCounties : located;
  if (enterpriseCounty.size() != in.enterprises.size()) {
    throw std::logic_error("runOverlay: " + std::to_string(enterpriseCounty.size()) + " counties given for " +
                           std::to_string(in.enterprises.size()) + " enterprises");
  }

  // Totals per county (by index into the counties), then by code.
  std::vector<Totals> perCounty(in.counties.size());
  const std::size_t industryField = in.enterprises.schema().require("industry_code");
  const auto statusField = in.enterprises.schema().indexOf("status");
  for (std::size_t i = 0; i < in.enterprises.size(); ++i) {
    if (!enterpriseCounty[i]) continue;
    const auto& values = in.enterprises[i].values;
    Totals& t = perCounty[*enterpriseCounty[i]];
    ++t.enterprises;
    ++t.groups[industryGroup(core::toString(values[industryField]))];
    const std::string status = statusField ? core::toString(values[*statusField]) : "none";
    if (!status.empty() && status != "none") ++t.demonstration;
  }
  // Tonnes per county and quantity field ("out_FLY_ASH"): the fields are few, numbered as met.
  QuantityFields fields;
  std::vector<std::vector<double>> tonnes(in.counties.size());
  for (const FlowAmount& flow : in.flows) {
    if (flow.enterpriseRow >= in.enterprises.size()) {
      throw std::logic_error("runOverlay: a flow of enterprise row " + std::to_string(flow.enterpriseRow) + " of " +
                             std::to_string(in.enterprises.size()));
    }
    const auto county = enterpriseCounty[flow.enterpriseRow];
    if (!county) continue;
    const std::size_t field = fields.of(flow.material, flow.output);
    auto& sums = tonnes[*county];
    if (sums.size() <= field) sums.resize(field + 1, 0.0);
    sums[field] += flow.quantity;
  }
  std::map<std::string, Totals> byCounty;
  for (std::size_t c = 0; c < perCounty.size(); ++c) {
    for (std::size_t f = 0; f < tonnes[c].size(); ++f) perCounty[c].quantities[fields.name(f)] += tonnes[c][f];
    if (perCounty[c].enterprises > 0) addTo(byCounty[text(in.counties, c, "code")], perCounty[c]);
  }
  const std::set<std::string> quantityFields = fields.names();

  OverlayResult result{withCodes(in.enterprises, enterpriseCounty, in.counties, spec::overlay::enterprises,
                                 in.codedEnterprises, in.consumedEnterprises),
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
    addTo(byPrefecture[prefecture], t);
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
