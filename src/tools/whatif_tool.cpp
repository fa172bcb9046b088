// What-if: the allocation with and without each proposed project, per material the project touches.
#include "tools/whatif_tool.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/error.h"
#include "tools/flow_estimates.h"

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
                                   {"kind", FieldType::String},
                                   {"status", FieldType::String},
                                   {"material", FieldType::String},
                                   {"direction", FieldType::String},
                                   {"project_quantity", FieldType::Real},
                                   {"quantity_basis", FieldType::String},
                                   {"matched_without", FieldType::Real},
                                   {"matched_with", FieldType::Real},
                                   {"matched_change", FieldType::Real},
                                   {"utilisation_without_pct", FieldType::Real},
                                   {"utilisation_with_pct", FieldType::Real},
                                   {"transport_cny_without", FieldType::Real},
                                   {"transport_cny_with", FieldType::Real},
                                   {"partners_in_reach", FieldType::Integer},
                                   {"why", FieldType::String},
                                   {"why_zh", FieldType::String}}));
}

// A reason in both languages: `why` (English, as the CLI prints it) and `why_zh`, as the
// partners tool gives reason_en and reason_zh.
struct Why {
  std::string en;
  std::string zh;
};

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// The material's Chinese name from the materials table (code, name_zh), else its code.
std::string materialZh(const core::Layer& materials, const std::string& code) {
  if (!materials.schema().indexOf("code") || !materials.schema().indexOf("name_zh")) return code;
  for (std::size_t i = 0; i < materials.size(); ++i) {
    if (core::toString(materials.value(i, "code")) != code) continue;
    const std::string zh = core::toString(materials.value(i, "name_zh"));
    return zh.empty() ? code : zh;
  }
  return code;
}

// Why the project changes what it changes, from the run with it: its partners in reach and theirs.
Why whyChange(const PartnersResult& with, const core::Layer& materials, const std::string& id,
              const std::string& material, bool input, std::optional<double> quantity, double change,
              std::int64_t& inReach) {
  const core::Layer& c = with.candidates;
  inReach = 0;
  std::int64_t quantified = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (core::toString(c.value(i, "material")) != material) continue;
    const bool mine = core::toString(c.value(i, input ? "receiver_id" : "supplier_id")) == id;
    if (!mine) continue;
    ++inReach;
    if (!core::isNull(c.value(i, input ? "supply" : "capacity"))) ++quantified;
  }
  const std::string partner = input ? "supplier" : "receiver";
  const std::string partnerZh = input ? "供应方" : "接收方";
  const std::string zh = materialZh(materials, material);
  const std::string n = std::to_string(inReach);
  if (!quantity) {
    return {"the project's " + std::string(input ? "intake" : "output") + " of " + material +
                " has no quantity, so nothing can be allocated to it",
            "项目的" + zh + (input ? "需求量" : "产生量") + "未知，无法为其分配"};
  }
  if (change > 0.5) {
    return {"takes up " + fmt("%.0f", change) + " of " + material + " from " + n + " " + partner + "(s) within reach",
            std::string(input ? "从" : "向") + "运距内的 " + n + " 个" + partnerZh + (input ? "接收 " : "输送 ") +
                fmt("%.0f", change) + " " + zh};
  }
  if (inReach == 0) {
    // The nearest partner beyond reach, from the unmatched list when the project is a supplier.
    const core::Layer& u = with.unmatched;
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (core::toString(u.value(i, "enterprise_id")) != id || core::toString(u.value(i, "material")) != material)
        continue;
      const auto km = core::toNumber(u.value(i, "nearest_km"));
      return {core::toString(u.value(i, "reason")), km ? "运距上限内没有" + zh + "的接收方；最近的" +
                                                             core::toString(u.value(i, "nearest_receiver_name")) +
                                                             "直线距离 " + fmt("%.0f", *km) + " 公里"
                                                       : "名录中没有" + zh + "的接收方"};
    }
    return {"no " + partner + " of " + material + " within the material's distance limit",
            "运距上限内没有" + zh + "的" + partnerZh};
  }
  if (quantified == 0) {
    return {n + " " + partner + "(s) within reach, none with a known " +
                (input ? "quantity (nor one inferable from their industry codes)" : "capacity"),
            "运距内有 " + n + " 个" + partnerZh + "，但都没有已知的" +
                (input ? "产生量（无法由行业代码推算）" : "处理能力")};
  }
  return {
      n + " " + partner + "(s) within reach, but their " + (input ? "supply" : "capacity") +
          " is already used by nearer or cheaper exchanges",
      "运距内有 " + n + " 个" + partnerZh + "，但其" + (input ? "供应量" : "处理能力") + "已被更近或更便宜的交换占用"};
}

}  // namespace

WhatIfResult runWhatIf(const CatalogueInput& base, const core::Layer& projects, const core::Layer& projectFlows,
                       const WhatIfParams& params, core::Progress* progress) {
  core::advance(progress, 0.0, "allocation without the projects");
  PartnersParams partners = params.partners;
  partners.topK = std::max<std::size_t>(partners.allocationTopK, 1);  // every partner the allocation may use
  const PartnersResult baseline = runPartners(base, partners);
  const auto before = totals(baseline);

  // Enterprises under construction or proposed in the planning year are projects too.
  std::vector<std::size_t> planned;
  const ActivityOf activity(base.enterprises);
  for (std::size_t i = 0; i < base.enterprises.size(); ++i) {
    if (base.enterprises[i].geometry.isEmpty()) continue;
    const int year = partners.year > 0 ? partners.year : 99999;
    if (activity(i, year) == Activity::Planned) planned.push_back(i);
  }

  std::set<std::string> wanted(params.projectIds.begin(), params.projectIds.end());
  std::set<std::string> known;
  WhatIfResult result{resultTable(), baseline.parameters};
  const std::size_t steps = projects.size() + planned.size() + 1;
  std::size_t step = 0;
  auto addRows = [&](const std::string& id, const core::Value& name, const std::string& kind, const core::Value& status,
                     const PartnersResult& with,
                     const std::vector<std::tuple<std::string, bool, std::optional<double>, std::string>>& flows) {
    const auto after = totals(with);
    for (const auto& [material, input, quantity, basis] : flows) {
      const MaterialTotals b = before.contains(material) ? before.at(material) : MaterialTotals{};
      const MaterialTotals a = after.contains(material) ? after.at(material) : MaterialTotals{};
      auto pct = [](const MaterialTotals& t) {
        return t.supplied > 0 ? core::Value(100.0 * t.matched / t.supplied) : core::Value();
      };
      std::int64_t inReach = 0;
      const Why why = whyChange(with, base.materials, id, material, input, quantity, a.matched - b.matched, inReach);
      appendRow(result.table, core::Geometry(),
                {{"project_id", id},
                 {"project_name", name},
                 {"kind", kind},
                 {"status", status},
                 {"material", material},
                 {"direction", std::string(input ? "input" : "output")},
                 {"project_quantity", quantity ? core::Value(*quantity) : core::Value()},
                 {"quantity_basis", basis},
                 {"matched_without", b.matched},
                 {"matched_with", a.matched},
                 {"matched_change", a.matched - b.matched},
                 {"utilisation_without_pct", pct(b)},
                 {"utilisation_with_pct", pct(a)},
                 {"transport_cny_without", b.transport},
                 {"transport_cny_with", a.transport},
                 {"partners_in_reach", inReach},
                 {"why", why.en},
                 {"why_zh", why.zh}});
    }
  };
  // A project that cannot change anything still gets a row, with the reason in words.
  auto addReason = [&](const std::string& id, const core::Value& name, const std::string& kind,
                       const core::Value& status, const Why& why) {
    appendRow(result.table, core::Geometry(),
              {{"project_id", id},
               {"project_name", name},
               {"kind", kind},
               {"status", status},
               {"matched_change", 0.0},
               {"partners_in_reach", std::int64_t{0}},
               {"why", why.en},
               {"why_zh", why.zh}});
  };
  for (std::size_t p = 0; p < projects.size(); ++p) {
    core::advance(progress, static_cast<double>(++step) / static_cast<double>(steps), "allocation with a project");
    const std::string id = core::toString(projects.value(p, "id"));
    known.insert(id);
    if (!wanted.empty() && !wanted.contains(id)) continue;
    if (projects[p].geometry.isEmpty()) {
      addReason(id, projects.value(p, "name_zh"), "project", projects.value(p, "status"),
                {"the project has no location, so no partner distance can be measured",
                 "项目没有位置，无法量测与伙伴的距离"});
      continue;
    }
    core::Layer enterprises = base.enterprises;
    core::Layer flows = base.flows;
    appendRow(enterprises, projects[p].geometry,
              {{"id", id},
               {"name_zh", projects.value(p, "name_zh")},
               {"name_en", projects.value(p, "name_en")},
               {"industry_code", std::string()},
               {"op_status", std::string("operating")}});
    std::vector<std::tuple<std::string, bool, std::optional<double>, std::string>> mine;
    for (std::size_t f = 0; f < projectFlows.size(); ++f) {
      if (core::toString(projectFlows.value(f, "project_id")) != id) continue;
      const std::string material = core::toString(projectFlows.value(f, "material_code"));
      const bool input = core::toString(projectFlows.value(f, "direction")) == "input";
      // The row's own basis (reported, or estimated from the project's capacity by the coefficient table).
      std::string basis = projectFlows.schema().indexOf("basis") ? core::toString(projectFlows.value(f, "basis")) : "";
      if (basis.empty()) basis = "reported";
      mine.emplace_back(material, input, core::toNumber(projectFlows.value(f, "quantity")), basis);
      appendRow(flows, core::Geometry(),
                {{"enterprise_id", id},
                 {"material_code", projectFlows.value(f, "material_code")},
                 {"direction", projectFlows.value(f, "direction")},
                 {"quantity", projectFlows.value(f, "quantity")},
                 {"basis", basis}});
    }
    if (mine.empty()) {
      addReason(id, projects.value(p, "name_zh"), "project", projects.value(p, "status"),
                {"the project names no material it takes or puts out and no capacity (no row in project_flows), "
                 "so switching it on changes nothing",
                 "项目没有列出输入或输出的物料，也没有处理能力（project_flows 中无记录），启用它不会改变结果"});
      continue;
    }
    CatalogueInput withProject{enterprises, flows, base.materials, base.materialUses, base.profiles, base.parameters};
    addRows(id, projects.value(p, "name_zh"), "project", projects.value(p, "status"),
            runPartners(withProject, partners), mine);
  }
  for (const std::size_t row : planned) {
    core::advance(progress, static_cast<double>(++step) / static_cast<double>(steps),
                  "allocation with a planned facility");
    const std::string id = core::toString(base.enterprises.value(row, "id"));
    if (!wanted.empty() && !wanted.contains(id)) continue;
    known.insert(id);
    PartnersParams switched = partners;
    switched.switchedOn.push_back(id);
    const PartnersResult with = runPartners(base, switched);
    std::vector<std::tuple<std::string, bool, std::optional<double>, std::string>> mine;
    for (std::size_t f = 0; f < with.flows.size(); ++f) {
      if (core::toString(with.flows.value(f, "enterprise_id")) != id) continue;
      mine.emplace_back(core::toString(with.flows.value(f, "material")),
                        core::toString(with.flows.value(f, "direction")) == "input",
                        core::toNumber(with.flows.value(f, "quantity")), core::toString(with.flows.value(f, "basis")));
    }
    if (mine.empty()) {
      addReason(id, base.enterprises.value(row, "name_zh"), "planned facility",
                core::Value(core::toString(base.enterprises.value(row, "op_status"))),
                {"the facility's industry (" + core::toString(base.enterprises.value(row, "industry_code")) +
                     ") takes or puts out no material of the coefficient table, so switching it on changes nothing",
                 "该设施的行业（" + core::toString(base.enterprises.value(row, "industry_code")) +
                     "）在系数表中没有输入或输出的物料，启用它不会改变结果"});
      continue;
    }
    addRows(id, base.enterprises.value(row, "name_zh"), "planned facility",
            core::Value(core::toString(base.enterprises.value(row, "op_status"))), with, mine);
  }
  for (const auto& id : wanted) {
    if (!known.contains(id)) throw core::ParameterError("unknown project '" + id + "'");
  }
  core::advance(progress, 1.0, "done");
  return result;
}

}  // namespace circatlas::tools
