// The catalogue as every analysis sees it: its tables, the partner tools' input and defaults, and
// the effective flows of a planning year (declared, estimated from capacity, inferred).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/layer.h"
#include "tools/partners_tool.h"

namespace circatlas::tools {

/// Catalogue tables as typed layers, by table name.
using CatalogueTables = std::map<std::string, core::Layer>;

/// Every catalogue table of `folder` (empty: the built-in data/catalogue), tables it lacks and
/// reference rows completed from the built-in catalogue (io::readCatalogueWithBuiltinFallback).
/// core::InputError for the first unknown material code (file, line, nearest known code) and for
/// a folder that holds no catalogue table of its own.
[[nodiscard]] CatalogueTables loadCatalogueTables(const std::filesystem::path& folder);

/// The named layer, or core::InputError naming the table.
[[nodiscard]] const core::Layer& requireTable(const CatalogueTables& tables, const std::string& name);

/// The partner tools' input: with the coefficient table and exchange parameters when present.
[[nodiscard]] CatalogueInput catalogueInput(const CatalogueTables& tables);

/// The planning year and how it was chosen: `requested` when > 0; else `as_of_year` of the
/// folder's metadata.csv (folder empty: the built-in one), else the built-in one's; else the
/// current year (said so).
[[nodiscard]] std::pair<int, std::string> planningYear(const std::filesystem::path& folder, int requested);

/// A general exchange parameter (exchange_parameters.csv, no material) as a number, when present.
[[nodiscard]] std::optional<double> exchangeParameter(const CatalogueTables& tables, const std::string& name);

/// Fills params.year/yearBasis (planningYear) and, unless `detourGiven`, the detour factor from
/// exchange_parameters.csv.
void applyCatalogueDefaults(PartnersParams& params, const CatalogueTables& tables, const std::filesystem::path& folder,
                            int requestedYear, bool detourGiven);

/// The catalogue's effective flows in planning year `year` (0: every facility that is not
/// retired, mothballed or planned), as a table in flows.csv's schema: for every enterprise active
/// in that year (activityOf), its declared flows, then its estimated (capacity × coefficient) and
/// inferred flows from the coefficient table (facilityFlows). Estimated and inferred rows carry
/// `year` = the planning year (when > 0), their method and the coefficient's source.
[[nodiscard]] core::Layer effectiveFlows(const CatalogueInput& input, int year, double operatingDaysPerYear = 310.0);

}  // namespace circatlas::tools
