// Runs the analysis tools with their defaults and turns their results into export items.
#include "cli/export_results.h"

#include <algorithm>

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/style_parser.h"
#include "io/builtin_data.h"
#include "io/catalogue_reader.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"
#include "tools/catalogue_inputs.h"
#include "tools/cluster_tool.h"
#include "tools/hotspots_tool.h"
#include "tools/overlay_tool.h"
#include "tools/partners_tool.h"
#include "tools/whatif_tool.h"

namespace circatlas::cli {

namespace {

render::Style loadStyle(const std::string& name) { return render::parseStyleFile(render::stylesDir() / (name + ".json")); }

/// The credit line of the built-in catalogue's sources (data/catalogue/metadata.csv, key `credits`:
/// WRI's Global Power Plant Database and Global Energy Monitor, both CC BY 4.0); empty without it.
std::string catalogueCredits() {
  const auto path = io::builtinCatalogueDir() / "metadata.csv";
  if (!std::filesystem::exists(path)) return {};
  const core::TextTable t = io::readCsvTable(path.string());
  const auto key = t.column("key");
  const auto value = t.column("value");
  if (!key || !value) return {};
  for (const auto& row : t.rows) {
    if (row.cells[*key] == std::optional<std::string>("credits") && row.cells[*value]) return *row.cells[*value];
  }
  return {};
}

/// Adds a result layer; styleName empty means the plain style (or none for tables).
class ResultCollector {
 public:
  ResultCollector(std::vector<tools::ExportItem>& items, const catalogue::Catalogue& registry)
      : items_(items),
        credits_(registry.builtin || !registry.builtinTables.empty() ? catalogueCredits() : std::string()),
        source_(registry.builtin ? "circatlas catalogue and base map (data/)"
                                 : "registry " + registry.origin + " and the base map (data/)") {}

  void add(const core::Layer& layer, const std::string& name, render::LocalizedText title, const std::string& styleName,
           const std::string& producedBy, const std::string& parameters) {
    std::optional<render::Style> style;
    if (!styleName.empty()) style = loadStyle(styleName);
    items_.push_back({tools::renamedLayer(layer, name), std::move(title), std::move(style),
                      source_, credits_, producedBy, parameters, tools::resultsGroup(), false});
  }

 private:
  std::vector<tools::ExportItem>& items_;
  std::string credits_;
  std::string source_;  ///< which registry the results came from
};

}  // namespace

const std::vector<std::string>& resultGroups() {
  static const std::vector<std::string> groups{"clusters", "overlay", "hotspots", "partners", "allocation", "whatif"};
  return groups;
}

ExportResults computeResults(const std::vector<std::string>& groups, const catalogue::Catalogue& registry,
                             const std::string& material) {
  for (const auto& g : groups) {
    if (std::find(resultGroups().begin(), resultGroups().end(), g) == resultGroups().end()) {
      throw core::ParameterError("unknown result group '" + g +
                                 "' (use clusters, overlay, hotspots, partners, allocation, whatif or none)");
    }
  }
  auto wanted = [&](const std::string& g) { return std::find(groups.begin(), groups.end(), g) != groups.end(); };
  ExportResults out;
  ResultCollector add(out.items, registry);
  const std::string basemap = io::basemapPath().string();
  const core::Layer counties = io::readLayer(basemap, {.layer = "counties", .sql = std::nullopt});
  const core::Layer& enterprises = registry.enterprises;
  // As the commands: the planning year's effective flows (declared, estimated, inferred) and the
  // partner tools' inputs and defaults from the same catalogue.
  const tools::CatalogueInput input = tools::catalogueInput(registry);
  tools::PartnersParams partners;
  tools::applyCatalogueDefaults(partners, registry, 0, false);
  const core::Layer& flows = registry.flows;  // clusters, as circatlas cluster
  const core::Layer effective = tools::effectiveFlows(input, partners.year, partners.operatingDaysPerYear);

  if (wanted("clusters")) {
    const auto r = tools::runCluster(enterprises, flows, counties, &registry.parks, {});
    const std::string by = "circatlas cluster";
    add.add(r.members, "cluster_members", {"聚类成员企业", "Cluster members"}, "enterprises", by, r.parameters);
    add.add(r.convexHulls, "cluster_hulls", {"企业聚类（凸包）", "Enterprise clusters (convex hulls)"}, "clusters", by, r.parameters);
    add.add(r.concaveHulls, "cluster_concave_hulls", {"企业聚类（凹包）", "Enterprise clusters (concave hulls)"}, "clusters", by,
            r.parameters);
  }
  if (wanted("overlay")) {
    const core::Layer prefectures = io::readLayer(basemap, {.layer = "prefectures", .sql = std::nullopt});
    const core::Layer miningBases =
        catalogue::miningBaseAreas(registry.miningBases, registry.miningBaseMembers);
    const auto r = tools::runOverlay({counties, prefectures, enterprises, effective, &registry.parks,
                                      &registry.projects, &miningBases});
    const std::string by = "circatlas overlay";
    const std::string p = "point in polygon against the base map's counties and prefectures";
    add.add(r.enterprises, "overlay_enterprises", {"企业（含所在县、市）", "Enterprises with county and prefecture"}, "enterprises", by, p);
    if (r.parks) add.add(*r.parks, "overlay_parks", {"园区（含所在县、市）", "Parks with county and prefecture"}, "parks", by, p);
    if (r.projects) add.add(*r.projects, "overlay_projects", {"项目（含所在县、市）", "Projects with county and prefecture"}, "projects", by, p);
    if (r.miningBases) {
      add.add(*r.miningBases, "overlay_mining_bases", {"矿业基地（含所涉县、市）", "Mining bases with counties and prefectures"},
              "mining_bases", by, p);
    }
    add.add(r.countySummary, "county_summary", {"分县汇总", "Summary per county"}, "", by, p);
    add.add(r.prefectureSummary, "prefecture_summary", {"分市汇总", "Summary per prefecture"}, "", by, p);
  }
  if (wanted("hotspots")) {
    tools::HotspotsParams params;
    params.material = material;
    auto r = tools::runHotspots(enterprises, effective, counties, params);
    add.add(r.counties, "hotspots_" + material, {"热点分析（Gi*）：" + material, "Hot spots (Gi*): " + material}, "hotspots",
            "circatlas hotspots", r.parameters);
    ExportResults::Raster raster;
    raster.values = std::move(r.density);
    raster.view = {r.west, r.north, r.cellMeters, r.columns, r.rows, {}, r.densityCrs,
                   material + " output density, units per km² per year (" + r.parameters + ")"};
    raster.suffix = "_density_" + material + ".tif";
    out.density = std::move(raster);
    out.density->view.values = out.density->values;
  }
  if (wanted("partners") || wanted("allocation")) {
    const auto r = tools::runPartners(input, partners);
    const std::string by = "circatlas partners";
    if (wanted("partners")) {
      add.add(r.candidates, "partner_candidates", {"候选交换伙伴", "Candidate exchange partners"}, "partner_links", by, r.parameters);
    }
    if (wanted("allocation")) {
      add.add(r.optimal, "allocation_optimal", {"最优分配（最小费用最大流）", "Optimal allocation (min-cost max-flow)"},
              "partner_links", "circatlas allocate", r.parameters);
      add.add(r.greedy, "allocation_greedy", {"贪心分配（就近优先）", "Greedy allocation (nearest first)"}, "partner_links",
              "circatlas allocate", r.parameters);
      add.add(r.summary, "allocation_summary", {"分配汇总（按物料）", "Allocation summary per material"}, "", "circatlas allocate",
              r.parameters);
      add.add(r.unmatched, "unmatched_residues", {"无受纳方的废弃物", "Residues without a receiver"}, "", "circatlas allocate",
              r.parameters);
    }
  }
  if (wanted("whatif")) {
    tools::WhatIfParams whatif;
    whatif.partners = partners;
    const auto r = tools::runWhatIf(input, registry.projects, registry.projectFlows, whatif);
    add.add(r.table, "whatif", {"项目情景比较", "What-if per proposed project"}, "", "circatlas whatif", r.parameters);
  }
  return out;
}

}  // namespace circatlas::cli
