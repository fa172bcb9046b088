// Where an analysis command's --out goes: a file (io::writeLayers), or PostGIS tables in --schema
// with their declared titles, styles (layer_styles, so QGIS draws them as circatlas does) and
// provenance, as `circatlas export` writes them.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "catalogue/catalogue.h"
#include "core/data_paths.h"
#include "core/layer.h"
#include "tools/analysis_spec.h"
#include "tools/export_tool.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// An analysis command's --out, --overwrite and --schema.
struct ResultOutput {
  std::string path;  ///< a file (.gpkg, .csv, …) or a PostgreSQL connection (PG:…)
  bool overwrite = false;
  std::string schema;  ///< PostgreSQL: the tables' schema (created if missing); empty: public
};

/// What made the results, recorded with each table.
struct ResultProvenance {
  const catalogue::Catalogue* registry = nullptr;  ///< the registry analysed; null: places given by file or coordinates
  std::string producedBy;                          ///< "circatlas cluster"
  std::string parameters;                          ///< the result's parameters line
};

/// Where a result layer came from, as its export item records it.
struct ResultOrigin {
  std::string source;      ///< which registry (and boundaries) the result came from
  std::string credit;      ///< the data's credit line
  std::string producedBy;  ///< "circatlas cluster"
  std::string parameters;  ///< the result's parameters line
};

/// The export item of a result layer: under its declared id and title (with `material` for ids
/// with "{material}") and its declared style from `stylesDir` (none: the plain style, or none for
/// tables), in the results group, unchecked. `circatlas export --results` and writeResults share it.
[[nodiscard]] tools::ExportItem resultItem(const core::Layer& layer, const tools::ResultSpec& spec,
                                           std::string_view material, const std::filesystem::path& stylesDir,
                                           ResultOrigin origin);

/// Adds --schema (PostgreSQL targets only) to a command.
void addSchemaOption(CLI::App& cmd, std::string& schema);

/// core::ParameterError when --schema is given with a file target: checked before the work.
void checkSchemaOption(const ResultOutput& out);

/// The credit line of the built-in catalogue's sources (data/catalogue/metadata.csv, key `credits`);
/// empty without it.
[[nodiscard]] std::string catalogueCredits(const core::DataPaths& paths);

/// Writes the result layers to out.path. A file gets the layers as io::writeLayers writes them. A
/// PostgreSQL target gets one table per layer in out.schema, through tools::runExport: one
/// transaction, GiST indexes, existing tables replaced only with out.overwrite, and for each layer
/// its declared title (tools::findResult), its style in layer_styles and `provenance` as metadata.
void writeResults(std::span<const core::Layer* const> layers, const ResultOutput& out,
                  const ResultProvenance& provenance, const core::DataPaths& paths);

}  // namespace circatlas::cli
