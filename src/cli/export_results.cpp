// Runs the analysis tools with their defaults and turns their results into export items.
#include "cli/export_results.h"

#include <algorithm>

#include "cli/boundaries_source.h"
#include "cli/result_output.h"

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "io/catalogue_reader.h"
#include "io/csv_reader.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/cluster_tool.h"
#include "tools/hotspots_tool.h"
#include "tools/overlay_tool.h"
#include "tools/partners_tool.h"
#include "tools/whatif_tool.h"

namespace circatlas::cli {

namespace {

/// Adds a result layer under its declared id, title and style (no style: the plain style, or none for tables).
class ResultCollector {
 public:
  ResultCollector(std::vector<tools::ExportItem>& items, const catalogue::Catalogue& registry,
                  const io::Boundaries& boundaries, const core::DataPaths& paths)
      : items_(items),
        stylesDir_(paths.stylesDir()),
        credits_(registry.builtin || !registry.builtinTables.empty() ? catalogueCredits(paths) : std::string()),
        source_((registry.builtin ? std::string("circatlas catalogue") : "registry " + registry.origin) +
                (boundaries.builtin ? " and the base map (data/)" : " and boundaries " + boundaries.label)) {}

  void add(const core::Layer& layer, const tools::ResultSpec& result, const std::string& producedBy,
           const std::string& parameters, const std::string& material = {}) {
    items_.push_back(resultItem(layer, result, material, stylesDir_, {source_, credits_, producedBy, parameters}));
  }

 private:
  std::vector<tools::ExportItem>& items_;
  std::filesystem::path stylesDir_;
  std::string credits_;
  std::string source_;  ///< which registry the results came from
};

}  // namespace

const std::vector<std::string>& resultGroups() { return tools::exportGroups(); }

ExportResults computeResults(const std::vector<std::string>& groups, const catalogue::Catalogue& registry,
                             const UsedBoundaries& used, const std::string& material, const core::DataPaths& paths) {
  const io::Boundaries& boundaries = used.boundaries;
  for (const auto& g : groups) {
    if (std::find(resultGroups().begin(), resultGroups().end(), g) == resultGroups().end()) {
      std::string known;
      for (const auto& k : resultGroups()) known += k + ", ";
      known.resize(known.size() - 2);  // the groups are declared, never empty
      throw core::ParameterError("unknown result group '" + g + "' (use " + known + " or none)");
    }
  }
  auto wanted = [&](const std::string& g) { return std::find(groups.begin(), groups.end(), g) != groups.end(); };
  ExportResults out;
  ResultCollector add(out.items, registry, boundaries, paths);
  const core::Layer& counties = boundaries.units;
  const core::Layer& enterprises = registry.enterprises;
  // As the commands: the planning year's effective flows (declared, estimated, inferred) and the
  // partner tools' inputs and defaults from the same catalogue.
  const tools::CatalogueInput input = tools::catalogueInput(registry);
  tools::PartnersParams partners;
  tools::applyCatalogueDefaults(partners, registry, 0, false);
  const core::Layer& flows = registry.flows;  // clusters, as circatlas cluster
  // Only quantified flows: overlay and hotspots add up tonnes.
  const std::vector<tools::FlowAmount> amounts =
      tools::flowAmounts(input, partners.year, {.operatingDaysPerYear = partners.operatingDaysPerYear});
  const core::Layer effective = tools::quantifiedFlows(input, amounts);

  if (wanted("clusters")) {
    tools::ClusterParams params;
    params.enterpriseCounties = &used.unitOfEnterprise;  // located on these units by loadBoundaries
    const auto r = tools::runCluster(enterprises, flows, counties, &registry.parks, params);
    const std::string by = "circatlas cluster";
    add.add(r.members, tools::spec::cluster::members, by, r.parameters);
    add.add(r.convexHulls, tools::spec::cluster::convexHulls, by, r.parameters);
    add.add(r.concaveHulls, tools::spec::cluster::concaveHulls, by, r.parameters);
  }
  if (wanted("overlay")) {
    const core::Layer& prefectures = boundaries.parents;
    const core::Layer miningBases = catalogue::miningBaseAreas(registry.miningBases, registry.miningBaseMembers);
    tools::OverlayInput overlayInput{counties,        prefectures,        enterprises, amounts,
                                     &registry.parks, &registry.projects, &miningBases};
    overlayInput.enterpriseCounties = &used.unitOfEnterprise;  // located on these units by loadBoundaries
    const auto r = tools::runOverlay(overlayInput);
    const std::string by = "circatlas overlay";
    const std::string p =
        "point in polygon against " +
        (boundaries.builtin ? std::string("the base map's counties and prefectures") : boundaries.label);
    namespace spec = tools::spec::overlay;
    add.add(r.enterprises, spec::enterprises, by, p);
    if (r.parks) add.add(*r.parks, spec::parks, by, p);
    if (r.projects) add.add(*r.projects, spec::projects, by, p);
    if (r.miningBases) add.add(*r.miningBases, spec::miningBases, by, p);
    // A registry none of whose sites lies in the base map's counties (a registry outside Gansu, no
    // --boundaries) would get Gansu's counties with nothing in them: left out, and said so.
    if (boundaries.builtin && !registry.builtin && tools::countsNothing(r.countySummary)) {
      out.notes.emplace_back(
          "county_summary and prefecture_summary left out: no site of the registry lies in Gansu's counties (give "
          "the registry's own units with --boundaries FILE)");
    } else {
      add.add(r.countySummary, spec::countySummary, by, p);
      add.add(r.prefectureSummary, spec::prefectureSummary, by, p);
    }
  }
  const bool quantified = tools::hasOutputToMap(enterprises, effective, material);
  // With other groups, a registry that states no quantity of the material (a bureau's list of
  // names and places) still gets its other results; asked alone, the tool's error stands.
  if (wanted("hotspots") && !quantified && groups.size() > 1) {
    out.notes.push_back("hotspots left out: the registry gives no quantified output of " + material +
                        " (declared, or estimated from a capacity) to map");
  } else if (wanted("hotspots")) {
    tools::HotspotsParams params;
    params.material = material;
    auto r = tools::runHotspots(enterprises, effective, counties, params);
    if (r.giStar) {
      add.add(r.counties, tools::spec::hotspots::counties, "circatlas hotspots", r.parameters, material);
    } else {
      out.notes.push_back(tools::resultId(tools::spec::hotspots::counties, material) + " (Gi*) left out: " +
                          noGiStarReason(r, boundaries, material) + "; the density surface is written");
    }
    ExportResults::Raster raster;
    raster.values = std::move(r.density);
    raster.view = {
        r.west, r.north, r.cellMeters, r.columns,
        r.rows, {},      r.densityCrs, material + " output density, units per km² per year (" + r.parameters + ")"};
    raster.suffix = "_" + tools::resultId(tools::spec::hotspots::density, material) + ".tif";
    out.density = std::move(raster);
    out.density->view.values = out.density->values;
  }
  if (wanted("partners") || wanted("allocation")) {
    const auto r = tools::runPartners(input, partners);
    const std::string by = "circatlas partners";
    if (wanted("partners")) {
      add.add(r.candidates, tools::spec::partners::candidates, by, r.parameters);
    }
    if (wanted("allocation")) {
      const std::string allocate = "circatlas allocate";
      add.add(r.optimal, tools::spec::allocate::optimal, allocate, r.parameters);
      add.add(r.greedy, tools::spec::allocate::greedy, allocate, r.parameters);
      add.add(r.summary, tools::spec::allocate::summary, allocate, r.parameters);
      add.add(r.unmatched, tools::spec::partners::unmatched, allocate, r.parameters);
    }
  }
  if (wanted("whatif")) {
    tools::WhatIfParams whatif;
    whatif.partners = partners;
    const auto r = tools::runWhatIf(input, registry.projects, registry.projectFlows, whatif);
    add.add(r.table, tools::spec::whatif::table, "circatlas whatif", r.parameters);
  }
  return out;
}

}  // namespace circatlas::cli
