// Registry options shared by the commands, the reader of single tables, and the read report.
#include "cli/registry_source.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "catalogue/registry_import.h"
#include "core/error.h"
#include "geo/web_map_coords.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"
#include "io/registry_file.h"

namespace circatlas::cli {

namespace {

bool isCsv(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".csv" || ext == ".txt";
}

}  // namespace

io::EncodingPolicy encodingPolicy(const RegistrySource& source) { return io::encodingPolicy(source.encoding); }

void addRegistryReadOptions(CLI::App& cmd, RegistrySource& source) {
  cmd.add_option("--lon-field", source.lonField,
                 "Column with longitudes (default: recognised, e.g. lon, longitude, 经度, X)");
  cmd.add_option("--lat-field", source.latField, "Column with latitudes (default: recognised, e.g. lat, 纬度, Y)");
  cmd.add_option("--coords", source.coords,
                 "Coordinate system of the registry: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu)")
      ->capture_default_str();
  cmd.add_option("--encoding", source.encoding,
                 "Text encoding of a CSV: auto (UTF-8, else GBK/GB18030 converted), utf8 (reject anything else) "
                 "or gb18030")
      ->capture_default_str();
  cmd.add_option("--field", source.fields,
                 "FIELD=COLUMN: the sheet's column for a registry field, e.g. name=企业名称, "
                 "industry_name=主营行业, address=生产地址; ignore=COLUMN keeps a recognised column out (repeatable)");
  cmd.add_option("--mapping", source.mappingFile, "A column mapping file (field=column lines, see --save-mapping)");
}

void addRegistryOptions(CLI::App& cmd, RegistrySource& source) {
  cmd.add_option("--layer", source.layer, "Sheet of a workbook or layer of a multi-layer source (GeoPackage …)");
  addRegistryReadOptions(cmd, source);
  cmd.add_option("--save-mapping", source.saveMapping,
                 "Write the column mapping used to this file for reuse with --mapping (never over an existing file)");
}

core::TextTable readTableFile(const RegistrySource& source, bool hasPoint) {
  const geo::LonLatSystem system = geo::parseLonLatSystem(source.coords);
  const io::EncodingPolicy encoding = encodingPolicy(source);
  const std::string lonField = source.lonField.value_or("lon");
  const std::string latField = source.latField.value_or("lat");
  if (isCsv(source.path)) {
    core::TextTable table = io::readCsvTable(source.path, encoding);
    if (table.rows.empty())
      throw core::InputError(source.path + ": the registry has no rows (only a header or nothing)");
    if (hasPoint) catalogue::normaliseCoordinates(table, lonField, latField, system);
    return table;
  }
  const core::Layer layer = io::readLayer(source.path, {.layer = source.layer, .sql = std::nullopt});
  if (layer.size() == 0) {
    core::InputError e("the registry has no features (an empty layer)");
    e.setFile(source.path).setLayer(layer.name());
    throw e;
  }
  core::TextTable table = catalogue::tableFromPointLayer(layer, source.path);
  catalogue::normaliseCoordinates(table, "lon", "lat", system);
  return table;
}

std::string formatReport(const catalogue::RegistryReport& report, std::size_t rows) {
  std::string out = report.sourceLabel + ": " + std::to_string(rows) + " rows read\n";
  std::string taken;
  std::string derived;
  for (const auto& f : report.fields) {
    if (f.origin == catalogue::FieldOrigin::Derived) {
      derived += "  derived " + f.field + ": " + f.how + "\n";
    } else {
      taken += (taken.empty() ? "  columns: " : "; ") + f.field + " ← " + f.column + " (" + f.how + ")";
    }
  }
  if (!taken.empty()) out += taken + "\n";
  out += derived;
  if (!report.ignoredColumns.empty()) {
    std::string list;
    for (const auto& c : report.ignoredColumns) list += (list.empty() ? "" : ", ") + c;
    out += "  not used: " + list + " (name them with --field FIELD=COLUMN)\n";
  }
  // Industry matches once per distinct text, with the rows that gave it.
  std::vector<std::pair<const catalogue::IndustryMatch*, std::vector<std::int64_t>>> matches;
  for (const auto& m : report.industries) {
    auto it = std::find_if(matches.begin(), matches.end(), [&](const auto& e) { return e.first->text == m.text; });
    if (it == matches.end()) {
      matches.push_back({&m, {}});
      it = std::prev(matches.end());
    }
    it->second.push_back(m.line);
  }
  for (const auto& [m, lines] : matches) {
    out += "  industry '" + m->text + "' → " +
           (m->code.empty() ? std::string("no class") : m->code + " " + m->className) + " (" + m->how + "), " +
           (lines.size() == 1 ? "line " + std::to_string(lines[0]) : std::to_string(lines.size()) + " rows") + "\n";
  }
  // Placed rows: the first ones, then a count by precision; unplaced rows: every one.
  constexpr std::size_t kShown = 20;
  for (std::size_t i = 0; i < report.placed.size() && i < kShown; ++i) {
    const auto& p = report.placed[i];
    out +=
        "  placed, line " + std::to_string(p.line) + ": " + p.name + " at " + p.placedAt + " (" + p.precision + ")\n";
  }
  if (report.placed.size() > kShown) {
    const auto townships = std::count_if(report.placed.begin(), report.placed.end(),
                                         [](const auto& p) { return p.precision == "township_centre"; });
    out += "  … " + std::to_string(report.placed.size() - kShown) + " more placed rows; in all " +
           std::to_string(townships) + " at township centres, " +
           std::to_string(static_cast<std::ptrdiff_t>(report.placed.size()) - townships) + " at county seats\n";
  }
  for (const auto& u : report.unplaced) {
    out += "  NOT placed, line " + std::to_string(u.line) + ": " + u.name + ": " + u.reason + "\n";
  }
  for (const auto& n : report.notes) out += "  note: " + n + "\n";
  out += "  " + std::to_string(report.rowsInGansu) + " rows in Gansu, " + std::to_string(report.rowsOutsideGansu) +
         " outside, " + std::to_string(report.unplaced.size()) + " without a location\n";
  return out;
}

}  // namespace circatlas::cli
