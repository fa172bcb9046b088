// The analysis results `circatlas export` adds to the atlas layers: each tool run with its defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "cli/boundaries_source.h"
#include "core/data_paths.h"
#include "core/layer.h"
#include "io/raster_writer.h"
#include "io/registry_boundaries.h"
#include "tools/export_tool.h"

namespace circatlas::cli {

/// The result groups `--results` accepts, in export order.
[[nodiscard]] const std::vector<std::string>& resultGroups();

/// Result layers and the one raster (the hotspots density surface).
struct ExportResults {
  std::vector<tools::ExportItem> items;
  struct Raster {
    std::vector<double> values;
    io::RasterView view;  ///< its values point into `values`
    std::string suffix;   ///< file name suffix: "_density_FLY_ASH.tif"
  };
  std::optional<Raster> density;
  /// Groups left out and why (hotspots of a material the registry gives no quantity of, when
  /// other groups were asked for too), for the command to print.
  std::vector<std::string> notes;
};

/// Runs the analyses of the named groups (clusters, overlay, hotspots, partners, allocation,
/// whatif) on the catalogue tables and the boundaries' units and parents (the base map's counties
/// and prefectures, or --boundaries), each with its
/// default parameters (hotspots for `material`), on the planning year's effective flows
/// (tools::effectiveFlows) with the catalogue's defaults (applyCatalogueDefaults), as the commands. Layers are named
/// for the export (overlay_enterprises, cluster_hulls, …) and styled like the viewer. core::ParameterError for an
/// unknown group. Base map and styles are those of `paths`.
/// The enterprises' units found by loadBoundaries (`used.unitOfEnterprise`) are reused by overlay and clusters.
[[nodiscard]] ExportResults computeResults(const std::vector<std::string>& groups, const catalogue::Catalogue& registry,
                                           const UsedBoundaries& used, const std::string& material,
                                           const core::DataPaths& paths);

}  // namespace circatlas::cli
