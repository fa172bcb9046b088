// The registry a command works on: the built-in catalogue, or a user's folder of catalogue tables.
#pragma once

#include <string>

#include "catalogue/catalogue.h"
#include "tools/catalogue_inputs.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// --registry SOURCE (alias --catalogue), --layer, --with-builtin.
struct CatalogueSource {
  tools::CatalogueRequest request;  ///< request.source empty: the built-in data/catalogue
};

/// Adds --registry (alias --catalogue), --layer and --with-builtin to an analysis command.
void addCatalogueOption(CLI::App& cmd, CatalogueSource& source);

/// The registry of the source (tools::loadCatalogue). Partner inputs, defaults and effective
/// flows come from tools/catalogue_inputs.h, the one path the viewer uses too.
[[nodiscard]] catalogue::Catalogue loadCatalogue(const CatalogueSource& source);

/// Prints which registry the analysis runs on (tools::describeOrigin) to stdout; nothing for the
/// built-in catalogue.
void printOrigin(const catalogue::Catalogue& registry);

}  // namespace circatlas::cli
