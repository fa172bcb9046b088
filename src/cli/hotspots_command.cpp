// `circatlas hotspots`: density surface (GeoTIFF) and county Gi* hot spots of a residue's production.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/output_policy.h"
#include "cli/progress_bar.h"
#include "cli/table_printer.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "core/staging_path.h"
#include "core/units.h"
#include "io/layer_writer.h"
#include "io/raster_writer.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/hotspots_tool.h"

namespace circatlas::cli {

namespace {

struct HotspotsOptions {
  CatalogueSource catalogue;
  std::string boundaries;
  tools::HotspotsParams params;
  std::string bandwidth = tools::defaultText(tools::spec::hotspots::bandwidth);
  std::string cell = tools::defaultText(tools::spec::hotspots::cell);
  std::string out;
  bool overwrite = false;
  int year = 0;
};

// The two files of a run appear together or not at all: both are written under hidden names
// beside their targets and renamed once both are complete; on failure the staged files go, and
// so does the folder if this run created it. Without Gi* (`gpkg` empty) the density goes alone.
void writeBoth(const tools::HotspotsResult& r, const tools::HotspotsParams& params, const std::filesystem::path& dir,
               const std::string& tif, const std::string& gpkg) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool created = !fs::exists(dir, ec) && fs::create_directories(dir, ec);
  if (ec) throw core::IoError(dir.string() + ": cannot create the folder (" + ec.message() + ")");
  const fs::path stagedTif = core::stagingPathBeside(tif, ".tif");
  const fs::path stagedGpkg = gpkg.empty() ? fs::path() : core::stagingPathBeside(gpkg, ".gpkg");
  try {
    io::writeGeoTiff({r.west, r.north, r.cellMeters, r.columns, r.rows, r.density, r.densityCrs,
                      params.material + " output density, units per km² per year (" + r.parameters + ")"},
                     stagedTif.string());
    if (!gpkg.empty()) io::writeLayer(r.counties, stagedGpkg.string());
    fs::rename(stagedTif, tif);
    if (!gpkg.empty()) fs::rename(stagedGpkg, gpkg);
  } catch (...) {
    fs::remove(stagedTif, ec);
    if (!gpkg.empty()) fs::remove(stagedGpkg, ec);
    if (created) fs::remove(dir, ec);  // only when empty: never a folder with anything else in it
    throw;
  }
  std::cout << "Wrote " << tif << (gpkg.empty() ? std::string() : " and " + gpkg) << '\n';
}

void runHotspotsCommand(const HotspotsOptions& options, const core::DataPaths& paths) {
  tools::HotspotsParams params = options.params;
  params.bandwidthMeters = core::parseDistanceMeters(options.bandwidth);
  params.cellMeters = core::parseDistanceMeters(options.cell);
  const std::filesystem::path dir(options.out);
  const std::string tif = (dir / (tools::resultId(tools::spec::hotspots::density, params.material) + ".tif")).string();
  const std::string gpkg = (dir / ("hotspots_" + params.material + ".gpkg")).string();
  if (!options.out.empty()) {
    std::vector<io::OutputTarget> targets{fileTarget(tif, options.overwrite), fileTarget(gpkg, options.overwrite)};
    for (auto& t : targets) t.createFolders = true;
    std::vector<io::InputRef> inputs;
    addCatalogueInput(inputs, options.catalogue);
    addBoundariesInput(inputs, options.boundaries);
    checkTargets(targets, inputs, paths);
  }
  const catalogue::Catalogue registry = loadCatalogue(options.catalogue, paths);
  printOrigin(registry);
  const UsedBoundaries used = loadBoundaries(options.boundaries, registry, paths);
  const core::Layer& counties = used.boundaries.units;
  const std::string unit = used.boundaries.builtin ? "County" : "Unit";
  ProgressBar progress;
  // The planning year's effective flows: declared, and estimated from capacity where none is declared.
  const auto [year, yearBasis] = tools::planningYear(registry, options.year);
  std::cout << "Planning year " << year << " (" << yearBasis << ")\n";
  const tools::CatalogueInput input = tools::catalogueInput(registry);
  const core::Layer flows = tools::quantifiedFlows(input, tools::flowAmounts(input, year));
  const tools::HotspotsResult r = tools::runHotspots(registry.enterprises, flows, counties, params, &progress);
  progress.finish();
  // No Gi* (too few units, or none holding a site: every z-score would be 0): said why, and the
  // density surface stands on its own.
  if (!r.giStar) {
    std::cout << "No Gi* per " << (used.boundaries.builtin ? "county" : "unit") << ": "
              << noGiStarReason(r, used.boundaries, params.material) << "; the density surface alone is mapped ("
              << r.parameters << ")\n";
    if (!options.out.empty()) writeBoth(r, params, dir, tif, "");
    return;
  }

  TablePrinter table({unit, "Output", "Gi* z", "p", "Class"}, {false, true, true, true, false});
  for (std::size_t i = 0; i < r.counties.size(); ++i) {
    const auto cls = core::toString(r.counties.value(i, "hotspot"));
    if (cls == "not significant") continue;
    table.addRow({core::toString(r.counties.value(i, "code")) + " " + core::toString(r.counties.value(i, "name_zh")),
                  formatReal(r.counties.value(i, "output"), "%.0f"), formatReal(r.counties.value(i, "gi_z"), "%.2f"),
                  formatReal(r.counties.value(i, "gi_p"), "%.3f"), cls});
  }
  table.print(std::cout);
  std::cout << (used.boundaries.builtin ? "Counties" : "Units") << " not listed are not significant at 90 % ("
            << r.parameters << ")\n";
  if (!options.out.empty()) writeBoth(r, params, dir, tif, gpkg);
}

}  // namespace

void addHotspotsCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<HotspotsOptions>();
  CLI::App* cmd =
      app.add_subcommand("hotspots",
                         "Where production of a residue is concentrated: a kernel density surface of its yearly output "
                         "(GeoTIFF) and Getis-Ord Gi* z-scores per county with permutation p-values.");
  namespace spec = tools::spec::hotspots;
  cmd->add_option("--material", options->params.material, tools::helpText(spec::material))->capture_default_str();
  cmd->add_option("--bandwidth", options->bandwidth, tools::helpText(spec::bandwidth))->capture_default_str();
  cmd->add_option("--cell", options->cell, tools::helpText(spec::cell))->capture_default_str();
  cmd->add_option("--permutations", options->params.permutations, tools::helpText(spec::permutations))
      ->check(CLI::Range(1, 99999))
      ->capture_default_str();
  cmd->add_option("--year", options->year,
                  tools::helpText(tools::spec::partners::year) + " (default: as_of_year of metadata.csv)");
  nonEmptyPath(
      cmd->add_option("--out,-o", options->out, "Folder for density_<MATERIAL>.tif and hotspots_<MATERIAL>.gpkg"));
  addOverwriteFlag(*cmd, options->overwrite);
  addCatalogueOption(*cmd, options->catalogue);
  addBoundariesOption(*cmd, options->boundaries);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runHotspotsCommand(*options, paths); }; });
}

}  // namespace circatlas::cli
