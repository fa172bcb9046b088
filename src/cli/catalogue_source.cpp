// Loads the catalogue a command works on (folder first, built-in for the rest) as a typed value.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include "tools/catalogue_inputs.h"

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  cmd.add_option("--catalogue", source.folder,
                 "A catalogue folder (enterprises.csv, flows.csv, …; tables it lacks come from the built-in one)");
}

catalogue::Catalogue loadCatalogue(const CatalogueSource& source) { return tools::loadCatalogue(source.folder); }

}  // namespace circatlas::cli
