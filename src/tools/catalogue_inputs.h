// The catalogue as every analysis sees it: its tables, the partner tools' input and defaults, and
// the effective flows of a planning year (declared, estimated from capacity, inferred).
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "catalogue/catalogue.h"
#include "catalogue/registry_table.h"
#include "core/data_paths.h"
#include "core/layer.h"
#include "tools/flow_estimates.h"
#include "tools/partners_tool.h"

namespace circatlas::tools {

/// Where a command's or the viewer's catalogue comes from (--registry / --catalogue, --layer, the
/// registry read options, --with-builtin).
struct CatalogueRequest {
  /// source.path empty: the built-in data/catalogue. A folder of catalogue tables (enterprises.csv,
  /// flows.csv, …). A single file (CSV, XLSX, GeoPackage, …) or a PG: source: a registry of
  /// enterprises, read with the rest of `source` (layer, lon/lat columns, coords, encoding, --field
  /// and --mapping), which apply to a single-file source only (a folder takes the encoding).
  catalogue::RegistrySource source;
  /// Tables the source lacks (parks, projects, mining bases, …) from the built-in catalogue, with
  /// their ids kept apart ("builtin:E002"). The reference tables (materials, material_uses,
  /// industry_profiles, exchange_parameters) are always completed from the built-in ones.
  bool withBuiltin = false;
  /// Values each enterprise has room for beyond its columns (catalogue::TableInput::room): the fields
  /// the command appends to every enterprise, e.g. tools::kOverlayCodeFields.
  std::size_t enterpriseRoom = 0;
};

/// The catalogue of `request.source.path` with its origin, which tables are its own and which came
/// from the built-in catalogue, and its metadata (as_of_year of the source's metadata.csv, else
/// the built-in one's). The reference tables are extended row by row from the built-in catalogue
/// (io::readCatalogueWithBuiltinFallback); any other table the source lacks is empty unless
/// `withBuiltin`. core::InputError for the first unknown material code (file, line, nearest known
/// code), for a folder that holds no catalogue table of its own, and the errors of
/// io::readRegistryFile for a single-file or PG: source; core::ParameterError for a read option
/// (--layer, --field, …) that does not apply to the source; core::IoError for a source that does
/// not exist.
/// The built-in catalogue, base map and gazetteer are those of `paths`.
[[nodiscard]] catalogue::Catalogue loadCatalogue(const CatalogueRequest& request, const core::DataPaths& paths);

/// The unit of `units` (polygons in the registry's CRS, WGS 84) each of the registry's enterprises lies
/// in, by point in polygon (geo::locateAll), as an index into `units`: nullopt for an enterprise
/// without a location or outside every unit. One entry per enterprise row.
[[nodiscard]] std::vector<std::optional<std::size_t>> enterpriseUnits(const catalogue::Catalogue& registry,
                                                                      const core::Layer& units);

/// True when `registry` is the built-in catalogue, or has located enterprises and every one lies
/// in Gansu's counties (the base map of `paths`): then Gansu's base map, projects and 2015 targets
/// apply to it. Throws the io errors of reading the base map.
[[nodiscard]] bool registryInGansu(const catalogue::Catalogue& registry, const core::DataPaths& paths);

/// registryInGansu from the county of every enterprise row found on Gansu's counties already
/// (enterpriseUnits on the base map's counties, as cli::loadBoundaries finds them when no other
/// boundaries are given): a million enterprises are not located a second time.
[[nodiscard]] bool registryInGansu(const catalogue::Catalogue& registry,
                                   std::span<const std::optional<std::size_t>> gansuCounties);

/// One line for the user: which registry the analysis ran on and what it took from the built-in
/// catalogue, e.g. "Registry: reg (enterprises, flows); reference tables completed from the
/// built-in catalogue". Empty for the built-in catalogue itself.
[[nodiscard]] std::string describeOrigin(const catalogue::Catalogue& catalogue);

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
/// `options.quantifiedOnly`: only the rows with a quantity (for totals of tonnes: overlay, hotspots).
[[nodiscard]] core::Layer effectiveFlows(const CatalogueInput& input, int year, const EstimateOptions& options = {});

/// What totals of tonnes add up (overlay, hotspots): the effective flows of planning year `year` that have a
/// quantity (effectiveFlows' rows with `quantifiedOnly`, in the same order with the same numbers), each with its
/// enterprise's row in `input.enterprises`. A million registry flows without a million method and source texts.
[[nodiscard]] std::vector<FlowAmount> flowAmounts(const CatalogueInput& input, int year,
                                                  const EstimateOptions& options = {});

/// `amounts` (flowAmounts of `input`) as a table of flows.csv's columns enterprise_id, material_code,
/// direction and quantity (typed as flows.csv types them), one row per amount in the same order.
[[nodiscard]] core::Layer quantifiedFlows(const CatalogueInput& input, std::span<const FlowAmount> amounts);

}  // namespace circatlas::tools
