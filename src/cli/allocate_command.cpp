// `circatlas allocate`: the province-wide allocation of residues, optimal beside greedy, per material.
#include <CLI/CLI.hpp>

#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/network_source.h"
#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "core/data_paths.h"
#include "io/layer_reader.h"
#include "io/layer_writer.h"
#include "tools/allocation_regions.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/partners_tool.h"

namespace circatlas::cli {

namespace {

struct AllocateOptions {
  CatalogueSource catalogue;
  std::string boundaries;
  tools::PartnersParams params;
  NetworkSource network;
  std::string out;
  bool overwrite = false;
  std::string schema;
  int year = 0;
  CLI::Option* detour = nullptr;
};

void printRegions(const core::Layer& regions, const std::string& label);

void runAllocate(const AllocateOptions& options, const core::DataPaths& paths) {
  checkSchemaOption({options.out, options.overwrite, options.schema});
  std::vector<io::InputRef> inputs = networkInputs(options.network, options.catalogue);
  addBoundariesInput(inputs, options.boundaries);
  checkTargets({layerFileTarget(options.out, options.overwrite, 5), networkCacheTarget(options.network)}, inputs,
               paths);
  const catalogue::Catalogue registry = loadCatalogue(options.catalogue, paths);
  printOrigin(registry);
  tools::PartnersParams params = options.params;
  params.topK = 1;  // the listing is not shown here; the allocation uses allocationTopK
  tools::applyCatalogueDefaults(params, registry, options.year, options.detour->count() > 0);
  const auto road = loadPartnerNetwork(options.network, paths, params.detourFactor, options.overwrite, std::cout);
  if (road) {
    params.network = road->router.get();
    params.networkLabel = road->label;
  }
  const tools::CatalogueInput input = tools::catalogueInput(registry);
  const tools::PartnersResult result = tools::runPartners(input, params);
  const auto& s = result.summary;
  TablePrinter table({"Material", "Unit", "Supplied", "Matched (optimal)", "Matched (greedy)", "Utilisation %", "t·km",
                      "Transport CNY", "Receivers of unknown capacity"},
                     {false, false, true, true, true, true, true, true, true});
  for (std::size_t i = 0; i < s.size(); ++i) {
    table.addRow({core::toString(s.value(i, "material_zh")) + " " + core::toString(s.value(i, "material")),
                  core::toString(s.value(i, "unit")), formatReal(s.value(i, "supplied"), "%.0f"),
                  formatReal(s.value(i, "matched_optimal"), "%.0f"), formatReal(s.value(i, "matched_greedy"), "%.0f"),
                  formatReal(s.value(i, "utilisation_pct"), "%.1f"), formatReal(s.value(i, "unit_km"), "%.3g"),
                  formatReal(s.value(i, "transport_cny"), "%.3g"),
                  core::toString(s.value(i, "receivers_without_capacity"))});
  }
  table.print(std::cout);
  if (result.homeProvince.empty()) {
    std::cout << "\nNo home province (no record gives a province, county or prefecture code): every residue "
                 "counts as home:\n";
  } else {
    std::cout << "\nHome province " << result.homeProvince
              << " (its own residues only; facilities outside it are partners):\n";
  }
  TablePrinter home(
      {"Material", "Supplied", "Matched", "Utilisation %", "Exported", "Imported", "Supplies of unknown quantity"},
      {false, true, true, true, true, true, true});
  for (std::size_t i = 0; i < s.size(); ++i) {
    home.addRow({core::toString(s.value(i, "material")), formatReal(s.value(i, "home_supplied"), "%.0f"),
                 formatReal(s.value(i, "home_matched"), "%.0f"), formatReal(s.value(i, "home_utilisation_pct"), "%.1f"),
                 formatReal(s.value(i, "exported"), "%.0f"), formatReal(s.value(i, "imported"), "%.0f"),
                 core::toString(s.value(i, "supplies_without_quantity"))});
  }
  home.print(std::cout);
  // Gansu's targets, and its prefectures as the regions, only for a registry in Gansu; a registry
  // elsewhere is summed on its own --boundaries (their parents), or not per region at all.
  const bool inGansu = tools::registryInGansu(registry, paths);
  for (const auto& benchmark : tools::utilisationBenchmarks()) {
    if (!inGansu && benchmark.gansuOnly) {
      std::string title(benchmark.titleEn);
      title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
      std::cout << "Gansu's " << title << " (" << benchmark.source << ") are not applied: the registry lies outside "
                << "Gansu.\n";
      continue;
    }
    std::cout << benchmark.titleEn << " (" << benchmark.source << "): ";
    for (std::size_t i = 0; i < benchmark.figures.size(); ++i) {
      const auto& figure = benchmark.figures[i];
      const auto reached = tools::homeUtilisationPct(figure, s, registry.materials);
      std::cout << (i > 0 ? "; " : "") << figure.labelEn << ' ' << formatReal(figure.pct, "%.0f") << " % (here "
                << (reached ? formatReal(*reached, "%.1f") + " %" : std::string("no supply")) << ')';
    }
    std::cout << ".\n";
  }
  std::optional<core::Layer> regions;
  std::string regionLabel = "prefecture";
  if (!options.boundaries.empty()) {
    const UsedBoundaries used = loadBoundaries(options.boundaries, registry, paths);
    regions = tools::allocationByPrefecture(input, result, used.boundaries.parents);
    regionLabel = used.boundaries.oneLevel ? "unit of --boundaries" : "parent unit of --boundaries";
  } else if (inGansu) {
    const core::Layer prefectures =
        io::readLayer(paths.basemap().string(), {.layer = "prefectures", .sql = std::nullopt});
    regions = tools::allocationByPrefecture(input, result, prefectures);
  } else {
    std::cout << "\nNo summary per region: the registry lies outside Gansu's prefectures (give its own units with "
                 "--boundaries FILE).\n";
  }
  if (regions) printRegions(*regions, regionLabel);
  std::cout << result.optimal.size() << " exchange(s) in the optimal allocation, " << result.greedy.size()
            << " in greedy nearest-first (" << result.parameters << ")\n";
  if (!options.out.empty()) {
    std::vector<const core::Layer*> out{&result.optimal, &result.greedy, &result.summary, &result.unmatched,
                                        &result.inactive};
    if (regions) out.push_back(&*regions);
    writeResults(out, {options.out, options.overwrite, options.schema},
                 {&registry, "circatlas allocate", result.parameters}, paths);
    std::cout << "Wrote " << options.out << '\n';
  }
}

// The allocation summed per region (a Gansu prefecture, or a unit of --boundaries).
void printRegions(const core::Layer& regions, const std::string& label) {
  TablePrinter byPrefecture({label == "prefecture" ? "Prefecture" : "Unit", "Supplied t", "Matched t", "Utilisation %",
                             "Received t", "t·km", "Transport CNY"},
                            {false, true, true, true, true, true, true});
  for (std::size_t i = 0; i < regions.size(); ++i) {
    byPrefecture.addRow(
        {core::toString(regions.value(i, "name_zh")), formatReal(regions.value(i, "supplied_t"), "%.0f"),
         formatReal(regions.value(i, "matched_t"), "%.0f"), formatReal(regions.value(i, "utilisation_pct"), "%.1f"),
         formatReal(regions.value(i, "received_t"), "%.0f"), formatReal(regions.value(i, "t_km"), "%.3g"),
         formatReal(regions.value(i, "transport_cny"), "%.3g")});
  }
  std::cout << "\nPer " << label << " (materials counted in tonnes; suppliers and receivers placed by location):\n";
  byPrefecture.print(std::cout);
}

}  // namespace

void addAllocateCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<AllocateOptions>();
  CLI::App* cmd =
      app.add_subcommand("allocate",
                         "The set of exchanges that uses the most residue at the least transport (min-cost max-flow), "
                         "beside greedy nearest-first, with utilisation per material against the 2015 targets and "
                         "per prefecture.");
  nonEmptyPath(cmd->add_option("--out,-o", options->out,
                               "Write the allocation layers to this GeoPackage (or PostGIS: PG:\"service=NAME\")"));
  addOverwriteFlag(*cmd, options->overwrite);
  addSchemaOption(*cmd, options->schema);
  options->detour = finiteRange(cmd->add_option("--detour", options->params.detourFactor,
                                                tools::helpText(tools::spec::partners::detour) +
                                                    " (default: detour_factor of "
                                                    "exchange_parameters.csv, else " +
                                                    tools::defaultText(tools::spec::partners::detour) + ")"),
                                1.0, 10.0);
  cmd->add_option("--year", options->year,
                  tools::helpText(tools::spec::partners::year) + " (default: as_of_year of metadata.csv)");
  addPartnerNetworkOptions(*cmd, options->network);
  addCatalogueOption(*cmd, options->catalogue);
  addBoundariesOption(*cmd, options->boundaries);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runAllocate(*options, paths); }; });
}

}  // namespace circatlas::cli
