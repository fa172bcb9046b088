// `circatlas partners`: ranked candidate exchange partners for each residue, with reasons in words.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/network_source.h"
#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "core/error.h"
#include "io/layer_writer.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/partners_tool.h"

namespace circatlas::cli {

namespace {

struct PartnersOptions {
  CatalogueSource catalogue;
  tools::PartnersParams params;
  NetworkSource network;
  std::string lang{tools::spec::partners::lang.text};
  std::string out;
  bool overwrite = false;
  std::string schema;
  int year = 0;
  CLI::Option* detour = nullptr;
};

void runPartners(const PartnersOptions& options, const core::DataPaths& paths) {
  if (options.lang != "zh" && options.lang != "en") throw core::ParameterError("--lang must be zh or en");
  checkSchemaOption({options.out, options.overwrite, options.schema});
  checkTargets({layerFileTarget(options.out, options.overwrite, 2), networkCacheTarget(options.network)},
               networkInputs(options.network, options.catalogue), paths);
  const catalogue::Catalogue registry = loadCatalogue(options.catalogue, paths);
  printOrigin(registry);
  tools::PartnersParams params = options.params;
  tools::applyCatalogueDefaults(params, registry, options.year, options.detour->count() > 0);
  const auto road = loadPartnerNetwork(options.network, paths, params.detourFactor, options.overwrite, std::cout);
  if (road) {
    params.network = road->router.get();
    params.networkLabel = road->label;
  }
  // The command shows candidates only: no allocation. Without --out the table takes what it prints
  // from each row as it is made, so the rows and their texts are never all held at once.
  params.candidatesOnly = true;
  // The score's unit differs per row: CNY/yr when the supply's quantity is known, else a ranking
  // figure per unit of supply (the reason says which quantity it assumes).
  TablePrinter table({"#", "Supplier", "Material", "km", "Score", "Reason"}, {true, false, false, true, true, false});
  std::size_t rows = 0;
  const std::string reasonField = options.lang == "zh" ? "reason_zh" : "reason_en";
  std::vector<std::size_t> columns;  // of the fields below, looked up once
  const auto addRow = [&](const core::Schema& schema, const core::Feature& row) {
    if (columns.empty()) {
      for (const std::string_view f : {"rank", "supplier_name", "material", "km", "score", "score_unit"}) {
        columns.push_back(schema.require(f));
      }
      columns.push_back(schema.require(reasonField));
    }
    const auto cell = [&](std::size_t k) -> const core::Value& { return row.values.at(columns[k]); };
    table.addRow({core::toString(cell(0)), core::toString(cell(1)), core::toString(cell(2)),
                  formatReal(cell(3), "%.0f"), formatReal(cell(4), "%.0f") + " " + core::toString(cell(5)),
                  core::toString(cell(6))});
    ++rows;
  };
  if (options.out.empty()) params.candidateSink = addRow;
  const tools::PartnersResult result = tools::runPartners(tools::catalogueInput(registry), params);
  const auto& c = result.candidates;
  for (std::size_t i = 0; i < c.size(); ++i) addRow(c.schema(), c[i]);
  table.print(std::cout);
  const auto& u = result.unmatched;
  for (std::size_t i = 0; i < u.size(); ++i) {
    std::cout << "no partner: " << core::toString(u.value(i, "enterprise_name")) << " "
              << core::toString(u.value(i, "material")) << ": " << core::toString(u.value(i, "reason")) << '\n';
  }
  if (options.params.enterpriseId) {
    for (std::size_t i = 0; i < result.inactive.size(); ++i) {
      if (core::toString(result.inactive.value(i, "enterprise_id")) != *options.params.enterpriseId) continue;
      std::cout << "note: " << *options.params.enterpriseId << " is left out in " << params.year << ": "
                << core::toString(result.inactive.value(i, "reason")) << '\n';
    }
  }
  std::cout << rows << " candidate(s), " << u.size() << " residue(s) without a partner (" << result.parameters << ")\n";
  if (!options.out.empty()) {
    const core::Layer* out[] = {&result.candidates, &result.unmatched, &result.inactive};
    writeResults(out, {options.out, options.overwrite, options.schema},
                 {&registry, "circatlas partners", result.parameters}, paths);
    std::cout << "Wrote " << options.out << '\n';
  }
}

}  // namespace

void addPartnersCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<PartnersOptions>();
  CLI::App* cmd = app.add_subcommand(
      "partners",
      "For each residue an enterprise puts out, the nearby enterprises that could use it, ranked by net "
      "benefit (disposal cost avoided minus transport), with distance, cost and the reason in words.");
  cmd->add_option("--enterprise", options->params.enterpriseId, "Only this enterprise's residues (its id)");
  cmd->add_option("--material", options->params.materialCode, "Only this material (e.g. FLY_ASH)");
  cmd->add_option("--top", options->params.topK, tools::helpText(tools::spec::partners::top))
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  options->detour = finiteRange(cmd->add_option("--detour", options->params.detourFactor,
                                                tools::helpText(tools::spec::partners::detour) +
                                                    " (default: detour_factor of "
                                                    "exchange_parameters.csv, else " +
                                                    tools::defaultText(tools::spec::partners::detour) + ")"),
                                1.0, 10.0);
  cmd->add_option("--year", options->year,
                  tools::helpText(tools::spec::partners::year) + " (default: as_of_year of metadata.csv)");
  cmd->add_option("--lang", options->lang, tools::helpText(tools::spec::partners::lang))->capture_default_str();
  nonEmptyPath(cmd->add_option("--out,-o", options->out,
                               "Also write the candidate links to this file (.gpkg, .geojson, …) or PostGIS (PG:…)"));
  addOverwriteFlag(*cmd, options->overwrite);
  addSchemaOption(*cmd, options->schema);
  addPartnerNetworkOptions(*cmd, options->network);
  addCatalogueOption(*cmd, options->catalogue);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runPartners(*options, paths); }; });
}

}  // namespace circatlas::cli
