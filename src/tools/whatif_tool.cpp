// What-if: the allocation with and without each proposed project, per material the project touches.
#include "tools/whatif_tool.h"

#include <map>
#include <set>

#include "core/error.h"

namespace circatlas::tools {

namespace {

// Appends a row given by field name; fields the layer lacks are ignored, missing ones are null.
void appendRow(core::Layer& layer, core::Geometry geometry, const std::map<std::string, core::Value>& values) {
  core::Feature f{core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)), std::move(geometry), {}};
  for (const auto& field : layer.schema().fields()) {
    const auto it = values.find(field.name);
    f.values.push_back(it == values.end() ? core::Value() : it->second);
  }
  layer.add(std::move(f));
}

struct MaterialTotals {
  double supplied = 0, matched = 0, transport = 0;
};

std::map<std::string, MaterialTotals> totals(const PartnersResult& r) {
  std::map<std::string, MaterialTotals> out;
  const auto& s = r.summary;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out[core::toString(s.value(i, "material"))] = {std::get<double>(s.value(i, "supplied")),
                                                   std::get<double>(s.value(i, "matched_optimal")),
                                                   std::get<double>(s.value(i, "transport_cny"))};
  }
  return out;
}

core::Layer resultTable() {
  using core::FieldType;
  return core::Layer("whatif", "", core::GeometryType::None,
                     core::Schema({{"project_id", FieldType::String},
                                   {"project_name", FieldType::String},
                                   {"status", FieldType::String},
                                   {"material", FieldType::String},
                                   {"direction", FieldType::String},
                                   {"project_quantity", FieldType::Real},
                                   {"matched_without", FieldType::Real},
                                   {"matched_with", FieldType::Real},
                                   {"matched_change", FieldType::Real},
                                   {"utilisation_without_pct", FieldType::Real},
                                   {"utilisation_with_pct", FieldType::Real},
                                   {"transport_cny_without", FieldType::Real},
                                   {"transport_cny_with", FieldType::Real}}));
}

}  // namespace

WhatIfResult runWhatIf(const CatalogueInput& base, const core::Layer& projects, const core::Layer& projectFlows,
                       const WhatIfParams& params, core::Progress* progress) {
  core::advance(progress, 0.0, "allocation without the projects");
  PartnersParams partners = params.partners;
  partners.topK = 1;  // only the allocation matters here
  const auto before = totals(runPartners(base, partners));

  std::set<std::string> wanted(params.projectIds.begin(), params.projectIds.end());
  std::set<std::string> known;
  WhatIfResult result{resultTable(), runPartners(base, partners).parameters};
  for (std::size_t p = 0; p < projects.size(); ++p) {
    core::advance(progress, static_cast<double>(p + 1) / static_cast<double>(projects.size() + 1), "allocation with a project");
    const std::string id = core::toString(projects.value(p, "id"));
    known.insert(id);
    if (!wanted.empty() && !wanted.contains(id)) continue;
    if (projects[p].geometry.isEmpty()) continue;
    core::Layer enterprises = base.enterprises;
    core::Layer flows = base.flows;
    appendRow(enterprises, projects[p].geometry,
              {{"id", id}, {"name_zh", projects.value(p, "name_zh")}, {"name_en", projects.value(p, "name_en")},
               {"industry_code", std::string()}});
    std::vector<std::size_t> mine;
    for (std::size_t f = 0; f < projectFlows.size(); ++f) {
      if (core::toString(projectFlows.value(f, "project_id")) != id) continue;
      mine.push_back(f);
      appendRow(flows, core::Geometry(),
                {{"enterprise_id", id}, {"material_code", projectFlows.value(f, "material_code")},
                 {"direction", projectFlows.value(f, "direction")}, {"quantity", projectFlows.value(f, "quantity")}});
    }
    if (mine.empty()) continue;  // nothing to measure: the project declares no flows
    const auto after = totals(runPartners({enterprises, flows, base.materials, base.materialUses}, partners));
    for (const std::size_t f : mine) {
      const std::string material = core::toString(projectFlows.value(f, "material_code"));
      const MaterialTotals b = before.contains(material) ? before.at(material) : MaterialTotals{};
      const MaterialTotals a = after.contains(material) ? after.at(material) : MaterialTotals{};
      auto pct = [](const MaterialTotals& t) { return t.supplied > 0 ? core::Value(100.0 * t.matched / t.supplied) : core::Value(); };
      appendRow(result.table, core::Geometry(),
                {{"project_id", id}, {"project_name", projects.value(p, "name_zh")},
                 {"status", projects.value(p, "status")}, {"material", material},
                 {"direction", projectFlows.value(f, "direction")},
                 {"project_quantity", projectFlows.value(f, "quantity")}, {"matched_without", b.matched},
                 {"matched_with", a.matched}, {"matched_change", a.matched - b.matched},
                 {"utilisation_without_pct", pct(b)}, {"utilisation_with_pct", pct(a)},
                 {"transport_cny_without", b.transport}, {"transport_cny_with", a.transport}});
    }
  }
  for (const auto& id : wanted) {
    if (!known.contains(id)) throw core::ParameterError("unknown project '" + id + "'");
  }
  core::advance(progress, 1.0, "done");
  return result;
}

}  // namespace circatlas::tools
