// `circatlas whatif`: how much more residue each proposed project would put to use, and at what transport.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "io/layer_writer.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/whatif_tool.h"

namespace circatlas::cli {

namespace {

struct WhatIfOptions {
  CatalogueSource catalogue;
  tools::WhatIfParams params;
  /// The reasons' language: partners' (a what-if is partner matching with a project switched on).
  std::string lang{tools::spec::partners::lang.text};
  std::string out;
  bool overwrite = false;
  std::string schema;
  int year = 0;
  CLI::Option* detour = nullptr;
};

void runWhatIf(const WhatIfOptions& options, const core::DataPaths& paths) {
  std::vector<io::InputRef> inputs;
  addCatalogueInput(inputs, options.catalogue);
  checkSchemaOption({options.out, options.overwrite, options.schema});
  checkTargets({layerFileTarget(options.out, options.overwrite, 1)}, inputs, paths);
  catalogue::Catalogue registry = loadCatalogue(options.catalogue, paths);
  printOrigin(registry);
  withoutGansuProjects(registry, paths);
  if (registry.projects.size() == 0) {
    std::cout << "No project to evaluate: the registry has none"
              << (registry.builtin ? "" : " (Gansu's projects apply only to a registry in Gansu, with --with-builtin)")
              << '\n';
  }
  tools::WhatIfParams params = options.params;
  tools::applyCatalogueDefaults(params.partners, registry, options.year, options.detour->count() > 0);
  const tools::WhatIfResult result =
      tools::runWhatIf(tools::catalogueInput(registry), registry.projects, registry.projectFlows, params);
  const auto& t = result.table;
  TablePrinter table({"Project", "Status", "Material", "Takes/puts out", "Matched without", "Matched with", "Change",
                      "Utilisation %", "Transport CNY with"},
                     {false, false, false, true, true, true, true, false, true});
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string material = core::toString(t.value(i, "material"));
    table.addRow({core::toString(t.value(i, "project_id")) + " " + core::toString(t.value(i, "project_name")),
                  core::toString(t.value(i, "status")),
                  material.empty() ? std::string("-") : material + " (" + core::toString(t.value(i, "direction")) + ")",
                  formatReal(t.value(i, "project_quantity"), "%.0f"), formatReal(t.value(i, "matched_without"), "%.0f"),
                  formatReal(t.value(i, "matched_with"), "%.0f"), formatReal(t.value(i, "matched_change"), "%+.0f"),
                  formatReal(t.value(i, "utilisation_without_pct"), "%.1f") + " → " +
                      formatReal(t.value(i, "utilisation_with_pct"), "%.1f"),
                  formatReal(t.value(i, "transport_cny_with"), "%.3g")});
  }
  table.print(std::cout);
  const char* whyField = options.lang == "zh" ? "why_zh" : "why";
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string material = core::toString(t.value(i, "material"));
    std::cout << core::toString(t.value(i, "project_id")) << (material.empty() ? "" : " " + material) << ": "
              << core::toString(t.value(i, whyField)) << '\n';
  }
  std::cout << t.size() << " project-material row(s) (" << result.parameters << ")\n";
  if (!options.out.empty()) {
    const core::Layer* out[] = {&t};
    writeResults(out, {options.out, options.overwrite, options.schema},
                 {&registry, "circatlas whatif", result.parameters}, paths);
    std::cout << "Wrote " << options.out << '\n';
  }
}

}  // namespace

void addWhatIfCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<WhatIfOptions>();
  CLI::App* cmd = app.add_subcommand(
      "whatif",
      "Switch proposed resource-utilisation projects on one at a time and report the change in matched "
      "residue, utilisation and transport for each: the numbers to rank proposals by.");
  cmd->add_option("--project", options->params.projectIds, "Project id(s); default: every project with flows");
  nonEmptyPath(
      cmd->add_option("--out,-o", options->out, "Write the table to this file (.gpkg, .csv, …) or PostGIS (PG:…)"));
  addOverwriteFlag(*cmd, options->overwrite);
  addSchemaOption(*cmd, options->schema);
  cmd->add_option("--lang", options->lang, tools::helpText(tools::spec::partners::lang))
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  options->detour = finiteRange(cmd->add_option("--detour", options->params.partners.detourFactor,
                                                tools::helpText(tools::spec::partners::detour) +
                                                    " (default: detour_factor of "
                                                    "exchange_parameters.csv, else " +
                                                    tools::defaultText(tools::spec::partners::detour) + ")"),
                                1.0, 10.0);
  cmd->add_option("--year", options->year,
                  tools::helpText(tools::spec::partners::year) +
                      "; those under construction or proposed are switched on "
                      "one at a time (default: as_of_year of metadata.csv)");
  addCatalogueOption(*cmd, options->catalogue);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runWhatIf(*options, paths); }; });
}

}  // namespace circatlas::cli
