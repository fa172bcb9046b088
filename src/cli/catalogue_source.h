// The catalogue a command works on: the built-in one, or a user's folder completed from it.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <string>

#include "core/layer.h"
#include "tools/partners_tool.h"

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

/// The partner tools' input from the loaded tables (profiles and exchange parameters when present).
[[nodiscard]] tools::CatalogueInput catalogueInput(const std::map<std::string, core::Layer>& layers);

/// The planning year and how it was chosen: `requested` when > 0; else `as_of_year` of the
/// folder's metadata.csv, else the built-in one's; else the current year (said so).
[[nodiscard]] std::pair<int, std::string> planningYear(const CatalogueSource& source, int requested);

/// A general exchange parameter (exchange_parameters.csv, no material) as a number, when present.
[[nodiscard]] std::optional<double> exchangeParameter(const std::map<std::string, core::Layer>& layers,
                                                      const std::string& name);

/// Fills params.year/yearBasis and, unless the user gave --detour, the detour factor from
/// exchange_parameters.csv.
void applyCatalogueDefaults(tools::PartnersParams& params, const std::map<std::string, core::Layer>& layers,
                            const CatalogueSource& source, int requestedYear, bool detourGiven);

/// The catalogue's effective flows in the planning year (planningYear(source, requestedYear)):
/// declared, estimated from capacity and inferred, for the facilities active that year
/// (tools::effectiveFlows). What hotspots, clusters, overlay and exported results read.
[[nodiscard]] core::Layer effectiveFlows(const std::map<std::string, core::Layer>& layers, const CatalogueSource& source,
                                         int requestedYear = 0);

}  // namespace circatlas::cli
