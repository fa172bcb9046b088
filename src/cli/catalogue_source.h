// The catalogue a command works on: the built-in one, or a user's folder completed from it.
#pragma once

#include <string>

#include "catalogue/catalogue.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// --catalogue DIR: a folder in catalogue form (e.g. a registry written by `circatlas synth`).
struct CatalogueSource {
  std::string folder;  ///< empty: the built-in data/catalogue
};

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source);

/// The catalogue of the source (tools::loadCatalogue): every table as a typed layer, tables
/// missing from the folder from the built-in catalogue. Partner inputs, defaults and effective
/// flows come from tools/catalogue_inputs.h, the one path the viewer uses too.
[[nodiscard]] catalogue::Catalogue loadCatalogue(const CatalogueSource& source);

}  // namespace circatlas::cli
