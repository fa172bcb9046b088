// The command line's side of the output policy (io/output_target.h): --overwrite and the checks every writing command
// makes first.
#pragma once

#include <string>
#include <vector>

#include "cli/catalogue_source.h"
#include "cli/network_source.h"
#include "core/data_paths.h"
#include "io/output_target.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace circatlas::cli {

/// Adds --overwrite ("replace an existing output") to a command that writes.
void addOverwriteFlag(CLI::App& cmd, bool& overwrite);

/// Refuses an empty value ("--out ''") at parsing, with the option's name: exit 2.
CLI::Option* nonEmptyPath(CLI::Option* option);

/// A layer-file target for `layers` layers: its format known from the extension, and several
/// layers only in a GeoPackage (core::ParameterError otherwise, before any work); a PostgreSQL
/// connection string ("PG:…") takes any number of tables. Empty path: no check.
[[nodiscard]] io::OutputTarget layerFileTarget(const std::string& path, bool overwrite, std::size_t layers,
                                               std::string role = "--out");

/// A file target named by `role` (default --out).
[[nodiscard]] io::OutputTarget fileTarget(const std::string& path, bool overwrite, std::string role = "--out");

/// What every command reads whatever its options: the data, styles and layers folders of `paths`.
[[nodiscard]] std::vector<io::InputRef> builtinInputs(const core::DataPaths& paths);

/// The --registry source (folder, file or PG: table, named by the option the user typed) and its
/// --mapping file, when given, as inputs.
void addCatalogueInput(std::vector<io::InputRef>& inputs, const CatalogueSource& catalogue);

/// The --network file (unless built in or not given) and the --registry inputs (addCatalogueInput).
[[nodiscard]] std::vector<io::InputRef> networkInputs(const NetworkSource& network, const CatalogueSource& catalogue);

/// Checks the targets against the given inputs and the built-in ones (io::checkOutputTargets, builtinInputs);
/// targets with an empty path are skipped (an option not given). Call before any heavy work.
void checkTargets(const std::vector<io::OutputTarget>& targets, std::vector<io::InputRef> inputs,
                  const core::DataPaths& paths);

}  // namespace circatlas::cli
