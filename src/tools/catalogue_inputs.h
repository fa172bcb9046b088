// The catalogue as every analysis sees it: its tables, the partner tools' input and defaults, and
// the effective flows of a planning year (declared, estimated from capacity, inferred).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "catalogue/catalogue.h"
#include "core/layer.h"
#include "tools/partners_tool.h"

namespace circatlas::tools {

/// The catalogue of `folder` (empty: the built-in data/catalogue), tables it lacks and reference
/// rows completed from the built-in catalogue (io::readCatalogueWithBuiltinFallback), with its
/// metadata (as_of_year of the folder's metadata.csv, else the built-in one's) and origin.
/// core::InputError for the first unknown material code (file, line, nearest known code) and for
/// a folder that holds no catalogue table of its own.
[[nodiscard]] catalogue::Catalogue loadCatalogue(const std::filesystem::path& folder);

/// The partner tools' input: with the coefficient table and exchange parameters.
[[nodiscard]] CatalogueInput catalogueInput(const catalogue::Catalogue& catalogue);

/// The planning year and how it was chosen: `requested` when > 0; else the catalogue's
/// as_of_year (and which metadata.csv gave it); else the current year (said so).
[[nodiscard]] std::pair<int, std::string> planningYear(const catalogue::Catalogue& catalogue, int requested);

/// A general exchange parameter (exchange_parameters.csv, no material) as a number, when present.
[[nodiscard]] std::optional<double> exchangeParameter(const catalogue::Catalogue& catalogue, const std::string& name);

/// Fills params.year/yearBasis (planningYear) and, unless `detourGiven`, the detour factor from
/// exchange_parameters.csv.
void applyCatalogueDefaults(PartnersParams& params, const catalogue::Catalogue& catalogue, int requestedYear,
                            bool detourGiven);

/// The catalogue's effective flows in planning year `year` (0: every facility that is not
/// retired, mothballed or planned), as a table in flows.csv's schema: for every enterprise active
/// in that year (activityOf), its declared flows, then its estimated (capacity × coefficient) and
/// inferred flows from the coefficient table (facilityFlows). Estimated and inferred rows carry
/// `year` = the planning year (when > 0), their method and the coefficient's source.
[[nodiscard]] core::Layer effectiveFlows(const CatalogueInput& input, int year, double operatingDaysPerYear = 310.0);

}  // namespace circatlas::tools
