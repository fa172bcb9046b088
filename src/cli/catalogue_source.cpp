// Loads catalogue tables (folder first, built-in for the rest) into typed layers.
#include "cli/catalogue_source.h"

#include <CLI/CLI.hpp>

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "io/catalogue_reader.h"
#include "io/csv_reader.h"

#include <chrono>
#include <filesystem>

namespace circatlas::cli {

void addCatalogueOption(CLI::App& cmd, CatalogueSource& source) {
  cmd.add_option("--catalogue", source.folder,
                 "A catalogue folder (enterprises.csv, flows.csv, …; tables it lacks come from the built-in one)");
}

std::map<std::string, core::Layer> loadCatalogue(const CatalogueSource& source) {
  const auto dir = source.folder.empty() ? io::builtinCatalogueDir() : std::filesystem::path(source.folder);
  std::map<std::string, core::Layer> layers;
  bool anyOwn = false;
  const auto tables = io::readCatalogueWithBuiltinFallback(dir);
  io::checkMaterialCodes(tables);  // an unknown code names its file, line and the nearest known code
  for (const auto& table : tables) {
    std::error_code ec;
    anyOwn = anyOwn || std::filesystem::equivalent(std::filesystem::path(table.table.source).parent_path(), dir, ec);
    layers.emplace(std::string(table.spec->name), catalogue::toLayer(table));
  }
  // A folder without a single table of its own would silently be the built-in catalogue.
  if (!source.folder.empty() && !anyOwn) {
    throw core::InputError(source.folder + ": holds no catalogue table (enterprises.csv, flows.csv, …; see "
                           "data/catalogue/README.md)");
  }
  return layers;
}

const core::Layer& requireLayer(const std::map<std::string, core::Layer>& layers, const std::string& name) {
  const auto it = layers.find(name);
  if (it == layers.end()) throw core::InputError("the catalogue has no table '" + name + "'");
  return it->second;
}

tools::CatalogueInput catalogueInput(const std::map<std::string, core::Layer>& layers) {
  const auto optionalLayer = [&](const char* name) -> const core::Layer* {
    const auto it = layers.find(name);
    return it == layers.end() ? nullptr : &it->second;
  };
  return {requireLayer(layers, "enterprises"), requireLayer(layers, "flows"), requireLayer(layers, "materials"),
          requireLayer(layers, "material_uses"), optionalLayer("industry_profiles"), optionalLayer("exchange_parameters")};
}

namespace {

std::optional<int> asOfYear(const std::filesystem::path& dir) {
  const auto path = dir / "metadata.csv";
  if (!std::filesystem::exists(path)) return std::nullopt;
  const core::TextTable t = io::readCsvTable(path.string(), io::EncodingPolicy::Reject);
  const auto key = t.column("key");
  const auto value = t.column("value");
  if (!key || !value) return std::nullopt;
  for (const auto& row : t.rows) {
    if (row.cells[*key] && *row.cells[*key] == "as_of_year" && row.cells[*value]) {
      try {
        return std::stoi(*row.cells[*value]);
      } catch (const std::exception&) {
        core::InputError e("as_of_year is not a year: '" + *row.cells[*value] + "'");
        e.setFile(path.string());
        e.setLine(row.line);
        throw e;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::pair<int, std::string> planningYear(const CatalogueSource& source, int requested) {
  if (requested > 0) return {requested, "--year"};
  if (!source.folder.empty()) {
    if (const auto y = asOfYear(source.folder)) return {*y, "as_of_year of the folder's metadata.csv"};
  }
  if (const auto y = asOfYear(io::builtinCatalogueDir())) return {*y, "as_of_year of the built-in metadata.csv"};
  const auto now = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return {static_cast<int>(now.year()), "no as_of_year in metadata.csv: the current year"};
}

std::optional<double> exchangeParameter(const std::map<std::string, core::Layer>& layers, const std::string& name) {
  const auto it = layers.find("exchange_parameters");
  if (it == layers.end()) return std::nullopt;
  const core::Layer& l = it->second;
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (core::toString(l.value(i, "parameter")) != name || !core::toString(l.value(i, "material_code")).empty()) continue;
    try {
      return std::stod(core::toString(l.value(i, "value")));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void applyCatalogueDefaults(tools::PartnersParams& params, const std::map<std::string, core::Layer>& layers,
                            const CatalogueSource& source, int requestedYear, bool detourGiven) {
  const auto [year, basis] = planningYear(source, requestedYear);
  params.year = year;
  params.yearBasis = basis;
  if (!detourGiven) {
    if (const auto d = exchangeParameter(layers, "detour_factor")) params.detourFactor = *d;
  }
}

}  // namespace circatlas::cli
