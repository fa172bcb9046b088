// Loads the registry a command works on as a typed catalogue, and says which one it is.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  cmd.add_option("--registry,--catalogue", source.request.source,
                 "A registry: a folder of catalogue tables (enterprises.csv, flows.csv, …, as `circatlas synth` "
                 "writes). Only the reference tables (materials, material_uses, industry_profiles, "
                 "exchange_parameters) are completed from the built-in catalogue; default: the built-in catalogue");
  cmd.add_option("--layer", source.request.layer, "Sheet or layer of a single-file --registry");
  cmd.add_flag("--with-builtin", source.request.withBuiltin,
               "Take the tables the --registry lacks (parks, projects, mining bases, …) from the built-in catalogue, "
               "their ids kept apart as builtin:ID");
}

catalogue::Catalogue loadCatalogue(const CatalogueSource& source) { return tools::loadCatalogue(source.request); }

void printOrigin(const catalogue::Catalogue& registry) {
  const std::string line = tools::describeOrigin(registry);
  if (!line.empty()) std::cout << line << '\n';
}

}  // namespace circatlas::cli
