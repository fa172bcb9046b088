// The catalogue a command works on: the built-in one, or a user's folder completed from it.
#pragma once

#include <map>
#include <string>

#include "core/layer.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// --catalogue DIR: a folder in catalogue form (e.g. a registry written by `circatlas synth`).
struct CatalogueSource {
  std::string folder;  ///< empty: the built-in data/catalogue
};

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source);

/// Every catalogue table as a typed layer, by table name; tables missing from the folder come
/// from the built-in catalogue.
[[nodiscard]] std::map<std::string, core::Layer> loadCatalogue(const CatalogueSource& source);

/// The named layer, or core::InputError naming the table.
[[nodiscard]] const core::Layer& requireLayer(const std::map<std::string, core::Layer>& layers, const std::string& name);

}  // namespace circatlas::cli
