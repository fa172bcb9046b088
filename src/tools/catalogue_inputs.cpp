// One path from a catalogue folder to what the analyses read: tables, partner inputs and defaults,
// and the effective flows of a planning year.
#include "tools/catalogue_inputs.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "catalogue/catalogue_layers.h"
#include "catalogue/catalogue_schema.h"
#include "catalogue/registry_import.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "core/parallel.h"
#include "geo/polygon_index.h"
#include "io/catalogue_reader.h"
#include "io/csv_reader.h"
#include "io/output_target.h"
#include "io/registry_boundaries.h"
#include "io/registry_file.h"
#include "tools/flow_estimates.h"

namespace circatlas::tools {

namespace {

// The enterprises table's room (CatalogueRequest::enterpriseRoom), given before the tables become layers.
void giveEnterprisesRoom(std::vector<catalogue::TableInput>& tables, std::size_t room) {
  for (auto& t : tables) {
    if (t.spec->name == "enterprises") t.room = room;
  }
}

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
        return std::stoi(std::string(*row.cells[*value]));
      } catch (const std::exception&) {
        core::InputError e("as_of_year is not a year: '" + std::string(*row.cells[*value]) + "'");
        e.setFile(path.string());
        e.setLine(row.line);
        throw e;
      }
    }
  }
  return std::nullopt;
}

core::Value typed(const core::FieldDef& field, const std::string& text) {
  if (text.empty()) return {};
  switch (field.type) {
    case core::FieldType::Integer:
      return static_cast<std::int64_t>(std::stoll(text));
    case core::FieldType::Real:
      return std::stod(text);
    default:
      return text;
  }
}

// A planner's registry in one file (a sheet, a GIS layer or a PG: table): its enterprises as
// io::readRegistryFile reads them (columns recognised, missing fields derived, address-only rows
// placed), the reference tables from the built-in catalogue, other tables as --with-builtin says.
catalogue::Catalogue loadRegistryFile(const CatalogueRequest& request, const core::DataPaths& paths) {
  catalogue::RegistryTable registry = io::readRegistryFile(request.source, paths);
  std::vector<catalogue::TableInput> own;
  own.push_back({catalogue::findTable("enterprises"), std::move(registry.enterprises)});
  auto tables =
      io::completeFromBuiltin(std::move(own), paths.catalogueDir(),
                              request.withBuiltin ? io::BuiltinTables::All : io::BuiltinTables::ReferenceOnly);
  // Stated quantities (产生量) become output flows when the sheet names their material.
  std::vector<std::string> notes;
  bool ownFlows = false;
  if (!registry.quantities.empty()) {
    const auto materials =
        std::find_if(tables.begin(), tables.end(), [](const auto& t) { return t.spec->name == "materials"; });
    core::TextTable flows = catalogue::quantityFlows(
        registry, materials == tables.end() ? core::TextTable{} : materials->table, registry.report.sourceLabel, notes);
    if (!flows.rows.empty()) {
      ownFlows = true;
      const auto builtin =
          std::find_if(tables.begin(), tables.end(), [](const auto& t) { return t.spec->name == "flows"; });
      if (builtin == tables.end()) {
        tables.push_back({catalogue::findTable("flows"), std::move(flows)});
      } else {
        // --with-builtin: the built-in flows (ids as builtin:…) and the registry's side by side.
        for (auto& row : flows.rows) {
          core::TextTable::Row r{row.line, {}};
          r.cells.resize(builtin->table.header.size());
          for (std::size_t c = 0; c < flows.header.size(); ++c) {
            if (const auto at = builtin->table.column(flows.header[c])) r.cells[*at] = row.cells[c];
          }
          builtin->table.rows.push_back(std::move(r));
        }
      }
    }
  }
  io::checkMaterialCodes(tables);
  std::vector<std::string> builtinTables;
  for (const auto& t : tables) {
    if (t.spec->name != "enterprises" && !(ownFlows && t.spec->name == "flows") && !io::isReferenceTable(t.spec->name))
      builtinTables.emplace_back(t.spec->name);
  }
  giveEnterprisesRoom(tables, request.enterpriseRoom);
  catalogue::Catalogue out = catalogue::catalogueFromTables(std::move(tables));
  out.builtinTables = std::move(builtinTables);
  out.builtin = false;
  out.notes = std::move(notes);
  // The path as the user gave it, with the sheet the reader chose ("reg.xlsx, sheet 企业名录") or
  // the layer the user named (a PG: table: "PG:dbname=bureau, layer reg").
  const std::string& label = registry.report.sourceLabel;
  auto part = label.find(", sheet ");
  if (part == std::string::npos) part = label.find(", layer ");
  // A PG: source may carry a password: never in an output (the terminal, an export's metadata).
  out.origin = io::maskSecrets(request.source.path) + (part == std::string::npos ? std::string() : label.substr(part));
  out.ownTables.emplace_back("enterprises");
  if (ownFlows) out.ownTables.emplace_back("flows");
  if (const auto b = asOfYear(paths.catalogueDir())) {
    out.asOfYear = b;
    out.asOfYearBasis = "as_of_year of the built-in metadata.csv (the registry file states none)";
  }
  return out;
}

// The read options a folder registry or the built-in catalogue cannot take: they name the
// columns, sheet or coordinates of a single file. Throws core::ParameterError for the first one given.
void checkFileOnlyOptions(const catalogue::RegistrySource& source) {
  std::string given;
  if (source.layer) given = "--layer " + *source.layer;
  else if (source.lonField) given = "--lon-field " + *source.lonField;
  else if (source.latField) given = "--lat-field " + *source.latField;
  else if (!source.fields.empty()) given = "--field " + source.fields.front();
  else if (source.mappingFile) given = "--mapping " + *source.mappingFile;
  else if (source.saveMapping) given = "--save-mapping " + *source.saveMapping;
  else if (source.coords != catalogue::RegistrySource{}.coords) given = "--coords " + source.coords;
  else if (source.path.empty() && source.encoding != catalogue::RegistrySource{}.encoding)
    given = "--encoding " + source.encoding;
  if (given.empty()) return;
  if (source.path.empty()) {
    throw core::ParameterError(given + ": applies to a single-file --registry (a sheet or GIS layer); none was given");
  }
  throw core::ParameterError(given + ": " + source.path +
                             " is a folder registry, whose tables follow the catalogue's columns in WGS 84 "
                             "(data/catalogue/README.md); this option applies to a single-file registry "
                             "(a sheet or GIS layer)");
}

}  // namespace

catalogue::Catalogue loadCatalogue(const CatalogueRequest& request, const core::DataPaths& paths) {
  const auto builtinDir = paths.catalogueDir();
  const std::filesystem::path folder = request.source.path;
  if (!folder.empty() && !std::filesystem::is_directory(folder)) {
    std::error_code ec;
    if (request.source.path.starts_with("PG:") || std::filesystem::exists(folder, ec))
      return loadRegistryFile(request, paths);
    throw core::IoError(request.source.path + ": no such file or folder");
  }
  checkFileOnlyOptions(request.source);
  // A user's folder is read as --encoding says (GBK converted by default, as validate reads it);
  // the built-in catalogue is UTF-8.
  const io::EncodingPolicy encoding =
      folder.empty() ? io::EncodingPolicy::Reject : io::encodingPolicy(request.source.encoding);
  const auto dir = folder.empty() ? builtinDir : folder;
  auto tables = io::readCatalogueWithBuiltinFallback(
      dir, builtinDir, encoding, request.withBuiltin ? io::BuiltinTables::All : io::BuiltinTables::ReferenceOnly);
  io::checkMaterialCodes(tables);  // an unknown code names its file, line and the nearest known code
  std::vector<std::string> ownTables;
  std::vector<std::string> builtinTables;
  for (const auto& spec : catalogue::catalogueTables()) {
    const auto table = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.spec == &spec; });
    if (table == tables.end()) continue;
    std::error_code ec;
    const bool own = std::filesystem::equivalent(std::filesystem::path(table->table.source).parent_path(), dir, ec);
    if (own) ownTables.emplace_back(spec.name);
    else if (!io::isReferenceTable(spec.name)) builtinTables.emplace_back(spec.name);
  }
  // The rows move into the layers: a million-row registry is not held twice.
  giveEnterprisesRoom(tables, request.enterpriseRoom);
  catalogue::Catalogue out = catalogue::catalogueFromTables(std::move(tables));
  out.builtin = folder.empty();
  out.origin = folder.empty() ? "the built-in catalogue (data/catalogue)" : folder.string();
  out.ownTables = std::move(ownTables);
  out.builtinTables = std::move(builtinTables);
  // A folder without a single table of its own would silently be the built-in catalogue.
  if (!folder.empty() && out.ownTables.empty()) {
    throw core::InputError(folder.string() +
                           ": holds no catalogue table (enterprises.csv, flows.csv, …; see "
                           "data/catalogue/README.md)");
  }
  if (const auto y = folder.empty() ? std::nullopt : asOfYear(folder)) {
    out.asOfYear = y;
    out.asOfYearBasis = "as_of_year of the folder's metadata.csv";
  } else if (const auto b = asOfYear(builtinDir)) {
    out.asOfYear = b;
    out.asOfYearBasis = "as_of_year of the built-in metadata.csv";
  }
  return out;
}

std::string describeOrigin(const catalogue::Catalogue& catalogue) {
  if (catalogue.builtin) return {};
  const auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::string line = "Registry: " + catalogue.origin + " (" + list(catalogue.ownTables) + ")";
  std::vector<std::string> reference;
  for (const auto& spec : catalogue::catalogueTables()) {
    if (io::isReferenceTable(spec.name) && !catalogue.isOwn(spec.name)) reference.emplace_back(spec.name);
  }
  if (!catalogue.builtinTables.empty()) {
    line += "; from the built-in catalogue (--with-builtin, ids as builtin:…): " + list(catalogue.builtinTables);
  }
  if (!reference.empty()) line += "; reference tables from the built-in catalogue: " + list(reference);
  for (const auto& note : catalogue.notes) line += "\nNote: " + note;
  return line;
}

CatalogueInput catalogueInput(const catalogue::Catalogue& catalogue) {
  return {catalogue.enterprises,       catalogue.flows,
          catalogue.materials,         catalogue.materialUses,
          &catalogue.industryProfiles, &catalogue.exchangeParameters};
}

std::pair<int, std::string> planningYear(const catalogue::Catalogue& catalogue, int requested) {
  if (requested > 0) return {requested, "--year"};
  if (catalogue.asOfYear) return {*catalogue.asOfYear, catalogue.asOfYearBasis};
  const auto now = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return {static_cast<int>(now.year()), "no as_of_year in metadata.csv: the current year"};
}

std::optional<double> exchangeParameter(const catalogue::Catalogue& catalogue, const std::string& name) {
  const core::Layer& l = catalogue.exchangeParameters;
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (core::toString(l.value(i, "parameter")) != name || !core::toString(l.value(i, "material_code")).empty())
      continue;
    try {
      return std::stod(core::toString(l.value(i, "value")));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void applyCatalogueDefaults(PartnersParams& params, const catalogue::Catalogue& catalogue, int requestedYear,
                            bool detourGiven) {
  const auto [year, basis] = planningYear(catalogue, requestedYear);
  params.year = year;
  params.yearBasis = basis;
  if (!detourGiven) {
    if (const auto d = exchangeParameter(catalogue, "detour_factor")) params.detourFactor = *d;
  }
}

namespace {

// As the partner search: year 0 counts every facility that is not retired, mothballed or planned.
std::vector<std::size_t> activeRows(const core::Layer& enterprises, int year) {
  std::vector<std::size_t> active;
  const ActivityOf activity(enterprises);
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    if (activity(i, year > 0 ? year : 99999) == Activity::Active) active.push_back(i);
  }
  return active;
}

}  // namespace

core::Layer effectiveFlows(const CatalogueInput& input, int year, const EstimateOptions& options) {
  // The flows are this function's own: their texts are moved into the features, not copied.
  auto flows =
      facilityFlows(input.enterprises, activeRows(input.enterprises, year), input.flows, input.profiles, options);
  const core::Schema& schema = input.flows.schema();
  core::Layer out(input.flows.name(), input.flows.crs(), input.flows.geometryType(), schema);
  out.reserve(flows.size());
  // What each column of the flows table is filled with, decided once.
  enum class Column { EnterpriseId, Material, Direction, Quantity, Basis, Method, Source, Year, Other };
  std::vector<Column> columns;
  columns.reserve(schema.size());
  for (std::size_t c = 0; c < schema.size(); ++c) {
    const std::string_view name = schema[c].name;
    columns.push_back(name == "enterprise_id"   ? Column::EnterpriseId
                      : name == "material_code" ? Column::Material
                      : name == "direction"     ? Column::Direction
                      : name == "quantity"      ? Column::Quantity
                      : name == "basis"         ? Column::Basis
                      : name == "method"        ? Column::Method
                      : name == "source"        ? Column::Source
                      : name == "year"          ? Column::Year
                                                : Column::Other);
  }
  const core::Value yearValue =
      year > 0 && schema.indexOf("year") ? typed(schema[*schema.indexOf("year")], std::to_string(year)) : core::Value();
  const std::size_t idField = input.enterprises.schema().require("id");
  for (auto& f : flows) {
    if (options.quantifiedOnly && !f.quantity) continue;
    const std::string id = core::toString(input.enterprises[f.enterpriseRow].values[idField]);
    core::Feature feature;
    feature.id = core::FeatureId(static_cast<std::int64_t>(out.size()));
    feature.values.resize(schema.size());
    for (std::size_t c = 0; c < schema.size(); ++c) {
      switch (columns[c]) {
        case Column::EnterpriseId:
          feature.values[c] = id;
          continue;
        case Column::Material:
          feature.values[c] = std::move(f.material);
          continue;
        case Column::Direction:
          feature.values[c] = std::string(f.output ? "output" : "input");
          continue;
        case Column::Quantity:
          feature.values[c] = f.quantity ? core::Value(*f.quantity) : core::Value();
          continue;
        case Column::Basis:
          feature.values[c] = std::move(f.basis);
          continue;
        case Column::Method:
          feature.values[c] = std::move(f.method);
          continue;
        case Column::Source:
          feature.values[c] = std::move(f.source);
          continue;
        case Column::Year:
        case Column::Other:
          break;
      }
      // Declared rows keep their own year and other columns.
      if (f.flowRow) feature.values[c] = input.flows[*f.flowRow].values[c];
      else if (columns[c] == Column::Year) feature.values[c] = yearValue;
    }
    out.add(std::move(feature));
  }
  return out;
}

std::vector<FlowAmount> flowAmounts(const CatalogueInput& input, int year, const EstimateOptions& options) {
  return flowAmounts(input.enterprises, activeRows(input.enterprises, year), input.flows, input.profiles, options);
}

core::Layer quantifiedFlows(const CatalogueInput& input, std::span<const FlowAmount> amounts) {
  const core::Schema& from = input.flows.schema();
  core::Schema schema;
  for (const char* name : {"enterprise_id", "material_code", "direction", "quantity"}) {
    schema.add(from[from.require(name)]);
  }
  core::Layer out(input.flows.name(), input.flows.crs(), input.flows.geometryType(), std::move(schema));
  // The features are made side by side.
  std::vector<core::Feature> features(amounts.size());
  const std::size_t idField = input.enterprises.schema().require("id");
  core::parallelFor(amounts.size(), 0, 1 << 13, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      const FlowAmount& f = amounts[j];
      core::Feature& feature = features[j];
      feature.id = core::FeatureId(static_cast<std::int64_t>(j));
      feature.values.reserve(4);
      feature.values.emplace_back(core::toString(input.enterprises[f.enterpriseRow].values[idField]));
      feature.values.emplace_back(f.material);
      feature.values.emplace_back(std::string(f.output ? "output" : "input"));
      feature.values.emplace_back(f.quantity);
    }
  });
  out.assignFeatures(std::move(features));
  return out;
}

std::vector<std::optional<std::size_t>> enterpriseUnits(const catalogue::Catalogue& registry,
                                                        const core::Layer& units) {
  std::vector<core::Coord> points;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < registry.enterprises.size(); ++i) {
    const core::Geometry& g = registry.enterprises[i].geometry;
    if (g.isEmpty()) continue;
    points.push_back(g.coords()[0]);
    rows.push_back(i);
  }
  std::vector<core::Geometry> shapes;
  shapes.reserve(units.size());
  for (const auto& f : units.features()) shapes.push_back(f.geometry);
  const auto found = geo::locateAll(shapes, points);
  std::vector<std::optional<std::size_t>> out(registry.enterprises.size());
  for (std::size_t k = 0; k < rows.size(); ++k) out[rows[k]] = found[k];
  return out;
}

bool registryInGansu(const catalogue::Catalogue& registry, const core::DataPaths& paths) {
  if (registry.builtin) return true;
  return registryInGansu(registry, enterpriseUnits(registry, io::builtinBoundaries(paths.basemap()).units));
}

bool registryInGansu(const catalogue::Catalogue& registry, std::span<const std::optional<std::size_t>> gansuCounties) {
  if (registry.builtin) return true;
  if (gansuCounties.size() != registry.enterprises.size()) {
    throw std::logic_error("registryInGansu: " + std::to_string(gansuCounties.size()) + " counties given for " +
                           std::to_string(registry.enterprises.size()) + " enterprises");
  }
  std::size_t located = 0;
  for (std::size_t i = 0; i < gansuCounties.size(); ++i) {
    if (registry.enterprises[i].geometry.isEmpty()) continue;
    ++located;
    if (!gansuCounties[i]) return false;
  }
  return located > 0;
}

}  // namespace circatlas::tools
