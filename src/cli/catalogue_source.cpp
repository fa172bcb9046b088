// Loads catalogue tables (folder first, built-in for the rest) into typed layers.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "io/catalogue_reader.h"

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  cmd.add_option("--catalogue", source.folder,
                 "A catalogue folder (enterprises.csv, flows.csv, …; tables it lacks come from the built-in one)");
}

std::map<std::string, core::Layer> loadCatalogue(const CatalogueSource& source) {
  const auto dir = source.folder.empty() ? io::builtinCatalogueDir() : std::filesystem::path(source.folder);
  std::map<std::string, core::Layer> layers;
  for (const auto& table : io::readCatalogueWithBuiltinFallback(dir)) {
    layers.emplace(std::string(table.spec->name), catalogue::toLayer(table));
  }
  return layers;
}

const core::Layer& requireLayer(const std::map<std::string, core::Layer>& layers, const std::string& name) {
  const auto it = layers.find(name);
  if (it == layers.end()) throw core::InputError("the catalogue has no table '" + name + "'");
  return it->second;
}

}  // namespace circatlas::cli
