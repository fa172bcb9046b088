// `circatlas overlay`: county and prefecture for every feature, and summaries per unit for choropleth maps.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "catalogue/catalogue_layers.h"
#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/output_policy.h"
#include "cli/progress_bar.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "io/layer_writer.h"
#include "tools/catalogue_inputs.h"
#include "tools/overlay_tool.h"

namespace circatlas::cli {

namespace {

struct OverlayOptions {
  CatalogueSource catalogue;
  std::string boundaries;
  std::string out;
  bool overwrite = false;
  std::string schema;
};

void printSummary(const core::Layer& s, const io::Boundaries& boundaries);

void runOverlayCommand(const OverlayOptions& options, const core::DataPaths& paths) {
  std::vector<io::InputRef> inputs;
  addCatalogueInput(inputs, options.catalogue);
  addBoundariesInput(inputs, options.boundaries);
  checkSchemaOption({options.out, options.overwrite, options.schema});
  checkTargets({layerFileTarget(options.out, options.overwrite, 6)}, inputs, paths);
  // With --out every enterprise gets its codes: loaded with room for them.
  CatalogueSource source = options.catalogue;
  if (!options.out.empty()) source.request.enterpriseRoom = tools::kOverlayCodeFields;
  catalogue::Catalogue registry = loadCatalogue(source, paths);
  printOrigin(registry);
  const UsedBoundaries used = loadBoundaries(options.boundaries, registry, paths);
  withoutGansuProjects(registry, paths, &used);  // located on Gansu's counties once, not twice
  const core::Layer& counties = used.boundaries.units;
  const core::Layer& prefectures = used.boundaries.parents;
  const core::Layer miningBases = catalogue::miningBaseAreas(registry.miningBases, registry.miningBaseMembers);
  // Declared and estimated flows: the tonnes the summaries add up (inferred flows have no quantity).
  const std::vector<tools::FlowAmount> flows =
      tools::flowAmounts(tools::catalogueInput(registry), tools::planningYear(registry, 0).first);
  // The registry's own flows are needed no more (what is written names the registry, not its rows): a million
  // rows of text freed before the coded layer is made.
  registry.flows.clearFeatures();
  ProgressBar progress;
  // The registry's enterprises are needed no more: moved into the coded layer, not copied.
  const tools::OverlayResult r =
      tools::runOverlay({counties, prefectures, registry.enterprises, flows, &registry.parks, &registry.projects,
                         &miningBases, &progress, &used.unitOfEnterprise, !options.out.empty(), &registry.enterprises});
  progress.finish();
  // A registry none of whose sites lies in Gansu's counties (outside Gansu, no --boundaries) would
  // get Gansu's units with nothing in them: no summaries, and said so (as export does).
  const bool summaries = !used.boundaries.builtin || registry.builtin || !tools::countsNothing(r.countySummary);
  if (summaries) {
    printSummary(r.prefectureSummary, used.boundaries);
  } else {
    std::cout << "No summary per county or prefecture (county_summary, prefecture_summary): no site of the registry "
                 "lies in Gansu's counties (give the registry's own units with --boundaries FILE)\n";
  }
  if (!options.out.empty()) {
    std::vector<const core::Layer*> out = {&r.enterprises};
    if (summaries) {
      out.push_back(&r.countySummary);
      out.push_back(&r.prefectureSummary);
    }
    if (r.parks) out.push_back(&*r.parks);
    if (r.projects) out.push_back(&*r.projects);
    if (r.miningBases) out.push_back(&*r.miningBases);
    writeResults(out, {options.out, options.overwrite, options.schema},
                 {&registry, "circatlas overlay", "point in polygon against " + used.boundaries.label}, paths);
    std::cout << "Wrote " << options.out << '\n';
  }
}

// The summary per prefecture (or parent unit of --boundaries) as a table.
void printSummary(const core::Layer& s, const io::Boundaries& boundaries) {
  TablePrinter table({boundaries.builtin    ? "Prefecture"
                      : boundaries.oneLevel ? "Unit"
                                            : "Parent unit",
                      "Enterprises", "Demonstration units", "Parks", "Projects", "Power", "Mining", "Metals",
                      "Chemicals", "Building materials"},
                     {false, true, true, true, true, true, true, true, true, true});
  for (std::size_t i = 0; i < s.size(); ++i) {
    table.addRow({core::toString(s.value(i, "code")) + " " + core::toString(s.value(i, "name_zh")),
                  core::toString(s.value(i, "enterprises")), core::toString(s.value(i, "demonstration_units")),
                  core::toString(s.value(i, "parks")), core::toString(s.value(i, "projects")),
                  core::toString(s.value(i, "ind_power")), core::toString(s.value(i, "ind_mining")),
                  core::toString(s.value(i, "ind_metals")), core::toString(s.value(i, "ind_chemicals")),
                  core::toString(s.value(i, "ind_building_materials"))});
  }
  table.print(std::cout);
}

}  // namespace

void addOverlayCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<OverlayOptions>();
  CLI::App* cmd = app.add_subcommand(
      "overlay",
      "Give every enterprise, park, project and mining-base area its county and prefecture by location, "
      "and summarise per county and prefecture: counts by industry, demonstration units, tonnes of each "
      "residue produced and demanded.");
  nonEmptyPath(cmd->add_option("--out,-o", options->out,
                               "Write the coded layers and the summaries to this GeoPackage (or PostGIS: PG:…)"));
  addOverwriteFlag(*cmd, options->overwrite);
  addSchemaOption(*cmd, options->schema);
  addCatalogueOption(*cmd, options->catalogue);
  addBoundariesOption(*cmd, options->boundaries);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runOverlayCommand(*options, paths); }; });
}

}  // namespace circatlas::cli
