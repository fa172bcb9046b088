// The list of declared analyses, for whoever needs them all (help, checks, figure presets).
#include "tools/analysis_specs.h"

namespace circatlas::tools {

const std::vector<AnalysisSpec>& analyses() {
  namespace s = spec;
  static const std::vector<AnalysisSpec> all{
      {"cluster",
       {"企业聚类", "Enterprise clusters"},
       {{"enterprises"}, {"flows"}, {"counties"}, {"parks", true}},
       {s::cluster::eps, s::cluster::minPoints, s::cluster::dbscanStar, s::cluster::concaveRatio},
       {s::cluster::members, s::cluster::membership, s::cluster::convexHulls, s::cluster::concaveHulls},
       "clusters"},
      {"overlay",
       {"行政区叠加", "Administrative overlay"},
       {{"counties"},
        {"prefectures"},
        {"enterprises"},
        {"flows"},
        {"parks", true},
        {"projects", true},
        {"mining_bases", true}},
       {},
       {s::overlay::enterprises, s::overlay::parks, s::overlay::projects, s::overlay::miningBases,
        s::overlay::countySummary, s::overlay::prefectureSummary},
       "overlay"},
      {"hotspots",
       {"热点分析", "Hot spots"},
       {{"enterprises"}, {"flows"}, {"counties"}},
       {s::hotspots::material, s::hotspots::bandwidth, s::hotspots::cell, s::hotspots::permutations, s::hotspots::seed},
       {s::hotspots::counties},
       "hotspots",
       {s::hotspots::density}},
      {"partners",
       {"候选交换伙伴", "Exchange partners"},
       {{"enterprises"},
        {"flows"},
        {"materials"},
        {"material_uses"},
        {"industry_profiles", true},
        {"exchange_parameters", true}},
       {s::partners::top, s::partners::allocationTop, s::partners::detour, s::partners::operatingDays,
        s::partners::year, s::partners::lang},
       {s::partners::candidates, s::partners::unmatched, s::partners::inactive},
       "partners"},
      {"allocate",
       {"废弃物分配", "Residue allocation"},
       {{"enterprises"},
        {"flows"},
        {"materials"},
        {"material_uses"},
        {"industry_profiles", true},
        {"exchange_parameters", true},
        {"prefectures"}},
       {s::partners::detour, s::partners::year},
       {s::allocate::optimal, s::allocate::greedy, s::allocate::summary, s::partners::unmatched, s::partners::inactive,
        s::allocate::byPrefecture},
       "allocation"},
      {"whatif",
       {"项目情景", "What-if per project"},
       {{"enterprises"}, {"flows"}, {"materials"}, {"material_uses"}, {"projects"}, {"project_flows"}},
       {s::partners::detour, s::partners::year},
       {s::whatif::table},
       "whatif"},
      {"distances",
       {"距离矩阵", "Distance matrix"},
       {{"network"}},
       {s::network::source, s::network::mode, s::network::joinTolerance, s::network::metric, s::network::detour,
        s::network::snap},
       {s::distances::matrix, s::distances::routes}},
      {"route",
       {"路线", "Route"},
       {{"network"}},
       {s::network::source, s::network::mode, s::network::joinTolerance, s::network::metric, s::network::detour,
        s::network::snap},
       {s::route::line}},
  };
  return all;
}

const std::vector<std::string>& exportGroups() {
  static const std::vector<std::string> groups = [] {
    std::vector<std::string> out;
    for (const auto& a : analyses()) {
      if (!a.exportGroup.empty()) out.emplace_back(a.exportGroup);
    }
    return out;
  }();
  return groups;
}

const ResultSpec* findResult(std::string_view layer) {
  for (const auto& a : analyses()) {
    for (const auto& r : a.results) {
      const std::string_view id = r.id;
      constexpr std::string_view token = "{material}";
      const auto at = id.find(token);
      if (at == std::string_view::npos) {
        if (id == layer) return &r;
        continue;
      }
      const std::string_view head = id.substr(0, at);
      const std::string_view tail = id.substr(at + token.size());
      if (layer.size() > head.size() + tail.size() && layer.starts_with(head) && layer.ends_with(tail)) return &r;
    }
  }
  return nullptr;
}

}  // namespace circatlas::tools
