// Loads the registry a command works on as a typed catalogue, and says which one it is.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/registry_source.h"

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  // Two options rather than one with two names, so that messages name the one the user typed.
  auto given = [&source](const char* option) {
    return [&source, option](const std::string& value) {
      source.request.source.path = value;
      source.option = option;
    };
  };
  CLI::Option* registry = cmd.add_option_function<std::string>(
      "--registry", given("--registry"),
      "A registry: a folder of catalogue tables (enterprises.csv, flows.csv, …, as `circatlas synth` writes), or one "
      "file of enterprises (CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON, FlatGeobuf) or a PG: table, its columns "
      "recognised or named with --field. Only the reference tables (materials, material_uses, industry_profiles, "
      "exchange_parameters) are completed from the built-in catalogue; default: the built-in catalogue");
  cmd.add_option_function<std::string>("--catalogue", given("--catalogue"), "The same as --registry")
      ->excludes(registry);
  cmd.add_option("--layer", source.request.source.layer, "Sheet or layer of a single-file --registry");
  addRegistryReadOptions(cmd, source.request.source);
  cmd.add_flag("--with-builtin", source.request.withBuiltin,
               "Take the tables the --registry lacks (parks, projects, mining bases, …) from the built-in catalogue, "
               "their ids kept apart as builtin:ID");
}

catalogue::Catalogue loadCatalogue(const CatalogueSource& source, const core::DataPaths& paths) {
  return tools::loadCatalogue(source.request, paths);
}

void printOrigin(const catalogue::Catalogue& registry) {
  const std::string line = tools::describeOrigin(registry);
  if (!line.empty()) std::cout << line << '\n';
}

const catalogue::Catalogue& RegistryOnDemand::get() {
  if (!loaded_) {
    loaded_ = loadCatalogue(source_, paths_);
    printOrigin(*loaded_);
  }
  return *loaded_;
}

}  // namespace circatlas::cli
