// `circatlas info`: describes any GDAL vector source, or the built-in Gansu data when none is given.
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "catalogue/catalogue_layers.h"
#include "cli/command.h"
#include "cli/table_printer.h"
#include "core/error.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/transformer.h"
#include "io/catalogue_reader.h"
#include "io/dataset_info.h"
#include "io/layer_reader.h"

namespace circatlas::cli {

namespace {

struct InfoOptions {
  std::string source;
  std::optional<std::string> layer;
  bool checkGeometry = false;
};

// Thousands separators for counts and areas: 425,809.
std::string withThousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return value < 0 ? "-" + digits : digits;
}

std::string formatExtent(const io::LayerInfo& layer) {
  if (!layer.extent || layer.extent->isEmpty()) return "-";
  const core::Extent& e = *layer.extent;
  bool geographic = false;
  try {
    geographic = !layer.crsDefinition.empty() && geo::isGeographic(layer.crsDefinition);
  } catch (const core::CrsError&) {
    // An unknown CRS is reported in the CRS column; the extent is still worth printing.
  }
  if (geographic) {
    return formatFixed(e.minX, 3) + "–" + formatFixed(e.maxX, 3) + "°E, " + formatFixed(e.minY, 3) + "–" +
           formatFixed(e.maxY, 3) + "°N";
  }
  return formatFixed(e.minX, 1) + ", " + formatFixed(e.minY, 1) + " – " + formatFixed(e.maxX, 1) + ", " +
         formatFixed(e.maxY, 1);
}

void printLayers(const io::DatasetInfo& info, std::ostream& out) {
  TablePrinter table({"Layer", "Features", "Geometry", "CRS", "Extent"}, {false, true, false, false, false});
  for (const auto& l : info.layers) {
    table.addRow(
        {l.name, l.featureCount ? withThousands(*l.featureCount) : "?", l.geometryType, l.crsLabel, formatExtent(l)});
  }
  table.print(out);
}

void printFields(const io::LayerInfo& layer, std::ostream& out) {
  out << "\nFields of '" << layer.name << "':\n";
  TablePrinter table({"Field", "Type"});
  for (const auto& f : layer.schema.fields()) table.addRow({f.name, std::string(core::toString(f.type))});
  table.print(out);
}

// The province outline's geodesic area and the unit counts, so a planner sees at once that the
// built-in boundaries are complete.
void printBuiltinSummary(const std::string& basemap, std::ostream& out) {
  const core::Layer province = io::readLayer(basemap, {.layer = "province", .sql = std::nullopt});
  double areaM2 = 0.0;
  for (const auto& f : province.features()) areaM2 += geo::geodesicAreaSquareMeters(f.geometry);
  const core::Layer counties = io::readLayer(basemap, {.layer = "counties", .sql = std::nullopt});
  const core::Layer prefectures = io::readLayer(basemap, {.layer = "prefectures", .sql = std::nullopt});
  out << "Gansu Province 甘肃省: " << prefectures.size() << " prefecture-level divisions, " << counties.size()
      << " county-level units (86 counties and districts, plus Jiayuguan which has none), area "
      << withThousands(std::llround(areaM2 / 1e6)) << " km² (geodesic on WGS 84).\n";
}

// The catalogue tables, so a planner sees how much of the programme the built-in data carries.
void printCatalogue(const std::filesystem::path& dir, std::ostream& out) {
  const auto tables = io::readCatalogueTables(dir);
  out << "\nCatalogue: " << dir.string() << " (CSV; see data/catalogue/README.md)\n";
  TablePrinter table({"Layer", "Features", "Geometry", "File"}, {false, true, false, false});
  for (const auto& t : tables) {
    const bool points = t.spec->hasPoint;
    table.addRow({std::string(t.spec->name), withThousands(static_cast<long long>(t.table.rows.size())),
                  points ? "Point" : "None (table)", std::string(t.spec->file)});
  }
  table.print(out);
}

// Polygons GEOS finds invalid (self-intersections, with GEOS's reason and location; zero-area rings
// among them), one line each naming file, layer and feature; returns how many.
std::size_t printGeometryProblems(const std::string& source, const std::string& layerName, std::ostream& out) {
  const core::Layer layer = io::readLayer(source, {.layer = layerName, .sql = std::nullopt});
  if (!core::isPolygonal(layer.geometryType())) return 0;
  std::size_t problems = 0;
  for (const auto& f : layer.features()) {
    if (f.geometry.isEmpty()) continue;
    const auto reason = geo::invalidityReason(f.geometry);
    if (!reason) continue;
    // Whether MakeValid leaves any area tells a repairable crossing (a bow-tie, whose halves
    // cancel in the signed area) from a polygon that has none (a ring along one line).
    bool repairable = false;
    try {
      repairable = geo::planarArea(geo::makeValid(f.geometry)) > 0.0;
    } catch (const core::InputError&) {
      // GEOS cannot repair it: reported as not repairable
    }
    const std::string what =
        "invalid polygon: " + *reason +
        (repairable ? " (GEOS MakeValid can repair it)" : " (zero area: nothing is left to repair)");
    out << source << ": layer '" << layerName << "', feature " << f.id.value() << ": " << what << '\n';
    ++problems;
  }
  return problems;
}

void runInfo(const InfoOptions& options, const core::DataPaths& paths) {
  std::ostream& out = std::cout;
  const bool builtin = options.source.empty();
  const std::string source = builtin ? paths.basemap().string() : options.source;
  const io::DatasetInfo info = io::describeDataset(source);
  if (builtin) {
    out << "Built-in Gansu data: " << source << " (" << info.driver << ")\n";
    printBuiltinSummary(source, out);
    out << '\n';
  } else {
    out << source << " (" << info.driver << ")\n";
  }
  // --check-geometry: every polygon of the shown layers is checked; any problem fails the command.
  auto checkGeometry = [&](const std::vector<io::LayerInfo>& layers) {
    if (!options.checkGeometry) return;
    std::size_t problems = 0;
    for (const auto& l : layers) problems += printGeometryProblems(source, l.name, out);
    if (problems > 0) {
      throw core::InputError(source + ": " + std::to_string(problems) + " invalid polygon(s); see the list above");
    }
    out << "Geometry check: every polygon is valid.\n";
  };
  if (!options.layer) {
    printLayers(info, out);
    if (builtin) printCatalogue(paths.catalogueDir(), out);
    checkGeometry(info.layers);
    return;
  }
  for (const auto& l : info.layers) {
    if (l.name != *options.layer) continue;
    io::DatasetInfo one{info.source, info.driver, {l}};
    printLayers(one, out);
    printFields(l, out);
    checkGeometry(one.layers);
    return;
  }
  std::string names;
  for (const auto& l : info.layers) names += (names.empty() ? "" : ", ") + l.name;
  throw core::ParameterError(source + ": no layer named '" + *options.layer +
                             "' (layers: " + (names.empty() ? "none" : names) + ")");
}

}  // namespace

void addInfoCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<InfoOptions>();
  CLI::App* cmd = app.add_subcommand("info",
                                     "List the layers of a data source: feature counts, geometry type, "
                                     "CRS and extent. Without SOURCE, describe the built-in Gansu data.");
  cmd->add_option("SOURCE", options->source, "Any vector source GDAL opens (GeoPackage, Shapefile, GeoJSON, CSV, …)");
  cmd->add_option("--layer,-l", options->layer, "Show only this layer, with its fields");
  cmd->add_flag("--check-geometry", options->checkGeometry,
                "Check every polygon (GEOS validity, zero area); exit 3 naming each bad feature");
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runInfo(*options, paths); }; });
}

}  // namespace circatlas::cli
