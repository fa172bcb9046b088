// Command-line options and loading for a user's registry, shared by every command that accepts one.
#pragma once

#include <string>

#include "catalogue/registry_table.h"
#include "core/text_table.h"
#include "io/text_encoding.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// Where a registry comes from and how to read its columns, coordinates and text.
using RegistrySource = catalogue::RegistrySource;

/// The encoding policy named by source.encoding (io::encodingPolicy).
[[nodiscard]] io::EncodingPolicy encodingPolicy(const RegistrySource& source);

/// Adds the options that say how to read a registry's columns, coordinates and text: --lon-field,
/// --lat-field, --coords, --encoding, --field and --mapping. Every command that reads a registry
/// takes them (validate and, through addCatalogueOption, every analysis).
void addRegistryReadOptions(CLI::App& cmd, RegistrySource& source);

/// Adds --layer, the read options (addRegistryReadOptions) and --save-mapping to a subcommand.
void addRegistryOptions(CLI::App& cmd, RegistrySource& source);

/// Reads a single-file registry that follows a catalogue table other than enterprises (flows …)
/// as a text table: CSV through the CSV reader, anything else GDAL opens as a point layer, with
/// WGS 84 `lon`/`lat` columns when the table has points. Enterprises go through
/// io::readRegistryFile instead. Throws the io/catalogue errors, core::ParameterError for unknown
/// --coords or --encoding values.
[[nodiscard]] core::TextTable readTableFile(const RegistrySource& source, bool hasPoint);

/// The report of a registry read, as lines for the terminal: columns taken and how, derived
/// fields, industry matches, placed and unplaced rows, other notes.
[[nodiscard]] std::string formatReport(const catalogue::RegistryReport& report, std::size_t rows);

}  // namespace circatlas::cli
