// Loads catalogue tables (folder first, built-in for the rest) into typed layers.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include "tools/catalogue_inputs.h"

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  cmd.add_option("--catalogue", source.folder,
                 "A catalogue folder (enterprises.csv, flows.csv, …; tables it lacks come from the built-in one)");
}

// Everything below forwards to tools/catalogue_inputs, the one path the viewer uses too.

std::map<std::string, core::Layer> loadCatalogue(const CatalogueSource& source) {
  return tools::loadCatalogueTables(source.folder);
}

const core::Layer& requireLayer(const std::map<std::string, core::Layer>& layers, const std::string& name) {
  return tools::requireTable(layers, name);
}

tools::CatalogueInput catalogueInput(const std::map<std::string, core::Layer>& layers) {
  return tools::catalogueInput(layers);
}

std::pair<int, std::string> planningYear(const CatalogueSource& source, int requested) {
  return tools::planningYear(source.folder, requested);
}

std::optional<double> exchangeParameter(const std::map<std::string, core::Layer>& layers, const std::string& name) {
  return tools::exchangeParameter(layers, name);
}

void applyCatalogueDefaults(tools::PartnersParams& params, const std::map<std::string, core::Layer>& layers,
                            const CatalogueSource& source, int requestedYear, bool detourGiven) {
  tools::applyCatalogueDefaults(params, layers, source.folder, requestedYear, detourGiven);
}

core::Layer effectiveFlows(const std::map<std::string, core::Layer>& layers, const CatalogueSource& source,
                           int requestedYear) {
  return tools::effectiveFlows(tools::catalogueInput(layers), tools::planningYear(source.folder, requestedYear).first);
}

}  // namespace circatlas::cli
