// `circatlas validate`: checks the built-in catalogue, a catalogue folder, or a user's registry CSV.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "catalogue/catalogue_schema.h"
#include "catalogue/validator.h"
#include "cli/command.h"
#include "cli/registry_source.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "io/catalogue_reader.h"
#include "io/layer_reader.h"
#include "io/output_target.h"
#include "io/registry_file.h"

namespace circatlas::cli {

namespace {

struct ValidateOptions {
  RegistrySource source;
  std::string table = "enterprises";
};

void runValidate(const ValidateOptions& options, const core::DataPaths& paths) {
  const catalogue::AdminAreas admin(
      io::readLayer(paths.basemap().string(), {.layer = "counties", .sql = std::nullopt}));

  std::vector<catalogue::TableInput> tables;
  std::vector<catalogue::Problem> ignored;  // a sheet's columns no field took
  catalogue::ValidationOptions validation;
  std::string registryFile;
  std::filesystem::path registryFolder;
  const std::string& given = options.source.path;
  const std::filesystem::path path = given.empty() ? paths.catalogueDir() : std::filesystem::path(given);
  if (std::filesystem::is_directory(path)) {
    // A user's folder may hold only some tables (a registry and its flows); the others, such as
    // the materials code list, come from the built-in catalogue and are not reported on.
    tables = io::readCatalogueWithBuiltinFallback(path, paths.catalogueDir(), encodingPolicy(options.source));
    const bool anyHere = std::any_of(tables.begin(), tables.end(), [&](const auto& t) {
      return std::filesystem::path(t.table.source).parent_path() == path;
    });
    if (!anyHere) throw core::InputError(path.string() + ": holds no catalogue table (see data/catalogue/README.md)");
    if (!given.empty()) {
      registryFolder = path;
      validation.outsideGansuIsError = false;
    }
  } else {
    // A user's registry: one table checked against the built-in tables it may refer to. An
    // enterprise registry is read as a planner's sheet (columns recognised, the rest derived).
    const catalogue::TableSpec* spec = catalogue::findTable(options.table);
    if (!spec) throw core::ParameterError("unknown table '" + options.table + "'");
    for (auto& t : io::readCatalogueTables(paths.catalogueDir())) {
      if (t.spec->name != spec->name) tables.push_back(std::move(t));
    }
    if (spec->name == "enterprises") {
      catalogue::RegistryTable registry = io::readRegistryFile(options.source, paths);
      std::cout << formatReport(registry.report, registry.enterprises.rows.size());
      for (const auto& column : registry.report.ignoredColumns) {
        ignored.push_back({catalogue::Severity::Warning, path.string(), 1, column, "unknown column, ignored"});
      }
      if (registry.report.rowsInGansu == 0 && registry.report.rowsOutsideGansu > 0) {
        std::cout << "  the registry lies outside Gansu: its points are not checked against Gansu's counties\n";
        validation.reportOutsideGansu = false;
      }
      tables.push_back({spec, std::move(registry.enterprises)});
    } else {
      tables.push_back({spec, readTableFile(options.source, spec->hasPoint)});
    }
    registryFile = path.string();
    validation.outsideGansuIsError = false;
  }

  auto problems = catalogue::validate(tables, admin, validation);
  problems.insert(problems.begin(), ignored.begin(), ignored.end());
  auto isUsers = [&](const std::string& file) {
    if (!registryFile.empty()) return file == registryFile;
    if (!registryFolder.empty()) return std::filesystem::path(file).parent_path() == registryFolder;
    return true;
  };
  std::size_t shown = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& p : problems) {
    if (!isUsers(p.file)) continue;  // the built-in tables are not the user's
    std::cout << io::maskSecrets(catalogue::format(p)) << '\n';
    ++shown;
    (p.severity == catalogue::Severity::Error ? errors : warnings)++;
  }
  std::size_t rows = 0;
  for (const auto& t : tables) {
    if (isUsers(t.table.source)) rows += t.table.rows.size();
  }
  // A PG: source may carry a password: masked, as in every message.
  std::cout << io::maskSecrets(registryFile.empty() ? path.string() : registryFile) << ": " << rows << " rows checked, "
            << errors << " error(s), " << warnings << " warning(s)\n";
  if (errors > 0) {
    throw core::InputError(std::to_string(errors) + " validation error(s); see the list above");
  }
}

}  // namespace

void addValidateCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a catalogue folder (default: the built-in one) or a registry (CSV, XLSX, ODS, GIS layer; columns "
      "recognised or named with --field, missing fields derived and reported): required fields, types, code lists, "
      "references, duplicate ids, points inside Gansu and in their stated county. Lists every problem as "
      "file:line:field and exits with 3 if there are errors.");
  cmd->add_option(
      "PATH", options->source.path,
      "A catalogue folder, or one registry (CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON, FlatGeobuf …) of one "
      "catalogue table, enterprises by default");
  cmd->add_option("--table", options->table, "Which catalogue table a single registry follows")->capture_default_str();
  addRegistryOptions(*cmd, options->source);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runValidate(*options, paths); }; });
}

}  // namespace circatlas::cli
