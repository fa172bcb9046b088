// Private to src/io: export into a PostgreSQL/PostGIS database through GDAL's PostgreSQL driver, in one transaction.
#pragma once

#include <span>
#include <string>

#include "io/export_writer.h"

namespace circatlas::io::detail {

/// Writes the layers as tables of options.schema (created if missing; default public) in one
/// transaction: either every table and style is there afterwards, or none changed. Tables that
/// exist are replaced only in Overwrite or Append mode (others in the schema are never touched);
/// Refuse lists them in a core::ParameterError. Geometry tables get a GiST spatial index; styles
/// go to public.layer_styles as QGIS creates and reads it (f_table_catalog = the database,
/// f_table_schema = the schema), as the default style of each table. Exports into one database
/// are serialised by a transaction-scoped advisory lock, so two planners exporting at once both
/// finish complete. Throws core::IoError (cannot connect, write, commit: naming the database
/// without its password and quoting GDAL), core::ParameterError, core::Cancelled (rolled back).
ExportReport writePostgis(std::span<const ExportLayer> layers, const std::string& connection,
                          const ExportWriteOptions& options);

}  // namespace circatlas::io::detail
