// `circatlas export`: the atlas's source layers and analysis results, styled and documented, to a GeoPackage (or
// per-layer files).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "atlas/atlas_data.h"
#include "catalogue/catalogue_layers.h"
#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/export_results.h"
#include "cli/output_policy.h"
#include "cli/progress_bar.h"
#include "core/error.h"
#include "definitions/layer_set.h"
#include "io/export_writer.h"
#include "io/layer_writer.h"
#include "io/raster_writer.h"
#include "tools/analysis_specs.h"
#include "tools/export_tool.h"

namespace circatlas::cli {

namespace {

/// Catalogue tables exported as attribute tables (no geometry) beside the atlas layers.
const std::vector<std::string> kTables{"flows", "materials"};

struct ExportOptions {
  std::string out;
  std::vector<std::string> layers;
  std::vector<std::string> results{"all"};
  bool overwrite = false;
  bool append = false;
  bool strict = false;
  std::string format;
  std::string schema;
  std::string qgisProject;
  std::string crs = "EPSG:4326";
  std::string lang = "zh";
  std::string material = "FLY_ASH";
  CatalogueSource catalogue;
  std::string boundaries;
};

// The targets of an export (the GeoPackage and the density raster beside it, or the per-layer
// folder holding the raster) checked against the output policy before anything is computed.
void checkExportTargets(const ExportOptions& o, const core::DataPaths& paths) {
  io::OutputTarget target = fileTarget(o.out, o.overwrite);
  target.append = o.append;
  bool folder = false;
  if (!io::isDatabaseTarget(o.out)) {
    const std::string driver = io::exportDriverFor(o.out, o.format.empty() ? std::nullopt : std::optional(o.format));
    if (!io::isMultiLayerDriver(driver)) {
      folder = true;
      target.path = io::exportFolderFor(o.out);
      target.shape = io::TargetShape::Folder;
      target.ownEntries = {"*.geojson", "*.json", "*.shp",  "*.shx", "*.dbf", "*.prj", "*.cpg",
                           "*.fgb",     "*.csv",  "*.csvt", "*.qml", "*.sld", "*.tif", "*.qgz"};
    }
  }
  std::vector<io::OutputTarget> targets{target};
  const bool hotspots = std::any_of(o.results.begin(), o.results.end(),
                                    [](const std::string& r) { return r == "all" || r == "hotspots"; });
  if (hotspots && !folder && !io::isDatabaseTarget(o.out)) {
    const std::filesystem::path b(o.out);
    io::OutputTarget raster =
        fileTarget((b.parent_path() /
                    (b.stem().string() + "_" + tools::resultId(tools::spec::hotspots::density, o.material) + ".tif"))
                       .string(),
                   o.overwrite, "--out (density raster)");
    raster.append = o.append;
    targets.push_back(raster);
  }
  if (!o.qgisProject.empty()) targets.push_back(fileTarget(o.qgisProject, o.overwrite, "--qgis-project"));
  std::vector<io::InputRef> inputs;
  addCatalogueInput(inputs, o.catalogue);
  addBoundariesInput(inputs, o.boundaries);
  checkTargets(targets, inputs, paths);
}

// With a user's registry the atlas's catalogue layers (enterprises, parks, projects, mining bases)
// are the registry's, never the built-in ones beside it: each is replaced by the registry's table,
// or left out when the registry has no such records.
void useRegistryLayers(std::vector<tools::ExportItem>& items, const catalogue::Catalogue& registry) {
  std::vector<tools::ExportItem> kept;
  for (auto& item : items) {
    const std::string prefix = "catalogue, layer ";
    if (!item.source.starts_with(prefix)) {
      kept.push_back(std::move(item));
      continue;
    }
    const std::string table = item.source.substr(prefix.size());
    std::optional<core::Layer> own;
    if (table == "mining_base_areas") {
      own = catalogue::miningBaseAreas(registry.miningBases, registry.miningBaseMembers);
    } else if (const core::Layer* t = registry.find(table)) {
      own = *t;
    }
    if (!own || own->size() == 0) continue;
    const bool fromBuiltin =
        std::find(registry.builtinTables.begin(), registry.builtinTables.end(),
                  table == "mining_base_areas" ? "mining_bases" : table) != registry.builtinTables.end();
    item.layer = tools::renamedLayer(*own, item.layer.name());
    item.source = fromBuiltin ? "circatlas catalogue, " + table + " (--with-builtin, ids as builtin:…)"
                              : "registry " + registry.origin + ", " + table;
    if (!fromBuiltin) item.credit.clear();
    kept.push_back(std::move(item));
  }
  items = std::move(kept);
}

// A registry counted on the user's own boundaries, or lying wholly outside Gansu, is exported
// without Gansu's base map (counties, rivers, roads, seats …): with --boundaries, their units (and
// parents) take its place. Returns the note saying so, or "" when the base map stays.
std::string useBoundaryLayers(std::vector<tools::ExportItem>& items, const UsedBoundaries& used) {
  const io::Boundaries& b = used.boundaries;
  const bool outsideGansu = b.builtin && used.located > 0 && used.inside == 0;
  if (b.builtin && !outsideGansu) return {};
  std::vector<tools::ExportItem> kept;
  std::size_t dropped = 0;
  for (auto& item : items) {
    if (item.source.starts_with("catalogue, layer ") || item.source.starts_with("registry ") ||
        item.source.starts_with("circatlas catalogue")) {
      kept.push_back(std::move(item));
    } else {
      ++dropped;
    }
  }
  if (!b.builtin) {
    const auto add = [&](const core::Layer& layer, const std::string& name, render::LocalizedText title) {
      kept.insert(kept.begin(), {tools::renamedLayer(layer, name), std::move(title), std::nullopt,
                                 "boundaries " + b.label, "", "", "", tools::baseMapGroup(), true});
    };
    if (!b.oneLevel) add(b.parents, "boundary_parents", {"上级行政区", "Parent units"});
    add(b.units, "boundaries", {"行政区", "Administrative units"});
  }
  items = std::move(kept);
  if (dropped == 0) return {};
  return std::to_string(dropped) + " layers of Gansu's base map left out: " +
         (b.builtin ? std::string("the registry lies outside Gansu") : "the analysis used --boundaries " + b.label);
}

void runExportCommand(const ExportOptions& o, const core::DataPaths& paths) {
  checkExportTargets(o, paths);
  tools::ExportParams params;
  params.out = o.out;
  if (!o.format.empty()) params.format = o.format;
  params.existing = o.overwrite ? io::ExistingTarget::Overwrite
                    : o.append  ? io::ExistingTarget::Append
                                : io::ExistingTarget::Refuse;
  params.crs = o.crs;
  params.strict = o.strict;
  params.schema = o.schema;
  params.qgisProjectFile = o.qgisProject;
  params.presets = paths;
  if (!o.schema.empty() && io::exportDriverFor(o.out, params.format) != "PostgreSQL") {
    throw core::ParameterError("--schema applies to PostgreSQL targets (PG:…) only");
  }
  params.language = o.lang == "en" ? render::Language::En : render::Language::Zh;
  params.toolVersion = std::string("circatlas ") + CIRCATLAS_VERSION;

  // Source layers: the atlas's, by id, and the catalogue tables named in --layers (all by default).
  std::vector<std::string> atlasIds;
  std::vector<std::string> tables;
  const definitions::LayerSet set = definitions::loadBuiltinLayerSet(paths);
  for (const auto& id : o.layers) {
    if (std::find(kTables.begin(), kTables.end(), id) != kTables.end()) tables.push_back(id);
    else if (id != "none") atlasIds.push_back(id);
  }
  const bool allSources = o.layers.empty();
  if (allSources) tables = kTables;

  ProgressBar bar;
  std::vector<tools::ExportItem> items;
  if (allSources || !atlasIds.empty()) {
    core::NullProgress quiet;
    const atlas::AtlasData data = atlas::AtlasData::load(set, paths, quiet);
    items = tools::atlasItems(data, atlasIds);
  }
  catalogue::Catalogue registry = loadCatalogue(o.catalogue, paths);
  printOrigin(registry);
  const UsedBoundaries boundaries = loadBoundaries(o.boundaries, registry, paths);
  withoutGansuProjects(registry, paths, &boundaries);  // located on Gansu's counties once, not twice
  if (!registry.builtin) useRegistryLayers(items, registry);
  const std::string baseMapNote = useBoundaryLayers(items, boundaries);
  for (const auto& t : tables) {
    // A table the --catalogue folder lacks comes from the built-in catalogue; the source says which.
    const std::filesystem::path own = std::filesystem::path(o.catalogue.request.source.path) / (t + ".csv");
    const bool fromFolder = !registry.builtin && registry.isOwn(t);
    const core::Layer* table = registry.find(t);
    if (!table) throw core::ParameterError("the catalogue has no table '" + t + "'");
    items.push_back({tools::renamedLayer(*table, t),
                     {t, t},
                     std::nullopt,
                     fromFolder ? own.string() : "catalogue, " + t + ".csv",
                     fromFolder ? "" : "circatlas catalogue (see data/catalogue)",
                     "",
                     "",
                     tools::tablesGroup(),
                     false});
  }
  std::vector<std::string> groups;
  for (const auto& r : o.results) {
    if (r == "all") groups = resultGroups();
    else if (r != "none") groups.push_back(r);
  }
  ExportResults results = computeResults(groups, registry, boundaries, o.material, paths);
  if (!baseMapNote.empty()) results.notes.push_back(baseMapNote);
  for (const auto& note : results.notes) std::cerr << "Note: " << note << '\n';
  for (auto& item : results.items) items.push_back(std::move(item));
  if (items.empty()) throw core::ParameterError("nothing to export: --layers none and --results none");

  tools::ExportSummary summary = tools::runExport(std::move(items), params, bar);
  std::string raster;
  if (results.density && summary.report.driver == "PostgreSQL") {
    summary.report.notes.emplace_back(
        "the hotspots density raster is not written to PostGIS (raster export needs a file)");
  } else if (results.density) {
    // A raster does not fit the vector formats: beside the GeoPackage, or inside the folder of
    // per-layer files (so that exports in two formats never share a file).
    const std::filesystem::path target(summary.report.driver == "GPKG" ? o.out : io::exportFolderFor(o.out));
    raster = summary.report.driver == "GPKG"
                 ? (target.parent_path() / (target.stem().string() + results.density->suffix)).string()
                 : (target / ("hotspots" + results.density->suffix)).string();
    results.density->view.values = results.density->values;
    io::writeGeoTiff(results.density->view, raster);
  }
  bar.finish();
  std::cout << "Wrote " << summary.report.layers << " layers (" << summary.styledLayers << " styled) as "
            << summary.report.driver << " in " << params.crs << ":\n";
  for (const auto& f : summary.report.files) std::cout << "  " << f << '\n';
  if (!raster.empty()) std::cout << "  " << raster << "  (density surface, GeoTIFF)\n";
  for (const auto& n : summary.report.notes) std::cout << "Note: " << n << '\n';
  for (const auto& w : summary.report.warnings) std::cerr << "Warning: " << w << '\n';
}

}  // namespace

void addExportCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export the atlas's layers and the analysis results to one GeoPackage that QGIS opens looking as in "
      "circatlas (styles in layer_styles, sources, licences and parameters in the metadata), or to "
      "GeoJSON, Shapefile, FlatGeobuf or CSV files, one per layer.");
  cmd->add_option("--out,-o", o->out,
                  "Output .gpkg, or .geojson/.shp/.fgb/.csv (a folder of exactly that name, one file per layer), or a "
                  "PostGIS database as PG:\"service=NAME\" or PG:\"dbname=… host=…\" (password from ~/.pgpass or "
                  "PGPASSWORD, never on the command line)")
      ->required();
  cmd->add_option("--layers", o->layers,
                  "Source layers by id (layers/atlas.json) and tables flows, materials; default: all; 'none'")
      ->delimiter(',');
  cmd->add_option("--results", o->results,
                  [] {
                    std::string groups;
                    for (const auto& g : resultGroups()) groups += g + ", ";
                    return "Results: " + groups + "all or none";
                  }())
      ->delimiter(',')
      ->capture_default_str();
  auto* overwrite = cmd->add_flag("--overwrite", o->overwrite, "Replace an existing target");
  auto* append =
      cmd->add_flag("--append", o->append, "Add the layers to an existing target (same-named layers are replaced)");
  overwrite->excludes(append);
  cmd->add_flag("--strict", o->strict,
                "Refuse to write what the format would lose (Shapefile: text over 254 bytes) instead of warning");
  cmd->add_option("--format", o->format,
                  "GDAL driver: GPKG, GeoJSON, ESRI Shapefile, FlatGeobuf, CSV or PostgreSQL (default: from --out)")
      ->check(CLI::IsMember({"GPKG", "GeoJSON", "ESRI Shapefile", "FlatGeobuf", "CSV", "PostgreSQL"}));
  cmd->add_option("--qgis-project", o->qgisProject,
                  "Also write a QGIS project (.qgz) of the exported layers, beside the output or inside its folder "
                  "(a GeoPackage always holds one in its qgis_projects table)");
  cmd->add_option("--schema", o->schema,
                  "PostgreSQL targets: the schema of the tables (created if missing; default public)");
  cmd->add_option("--crs", o->crs,
                  "CRS of the exported layers: an EPSG code, a PROJ string or WKT (GeoJSON: EPSG:4326 only)")
      ->capture_default_str();
  cmd->add_option("--lang", o->lang, "Language of style legends and labels")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cmd->add_option("--material", o->material, "Material of the hotspots result")->capture_default_str();
  // The tables (flows, materials) and the results come from this folder; the atlas's layers stay the built-in ones.
  addCatalogueOption(*cmd, o->catalogue);
  addBoundariesOption(*cmd, o->boundaries);
  cmd->callback([o, &action, &paths] { action = [o, &paths] { runExportCommand(*o, paths); }; });
}

}  // namespace circatlas::cli
