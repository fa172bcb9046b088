// AnalysisInputs: the registry (catalogue) and boundaries the analysis panels run their tools on.
#pragma once

#include <memory>
#include <string>

#include "catalogue/catalogue.h"
#include "core/data_paths.h"
#include "core/layer.h"
#include "core/progress.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::viewer {

/// Read once, shared read-only by the panels and their worker threads. The viewer holds one
/// current AnalysisInputs (the built-in catalogue, or a registry the planner opened with
/// File > Open registry…); every analysis dock runs on it.
struct AnalysisInputs {
  /// Every catalogue table as a typed layer (enterprises, flows, materials, …). The panels pass
  /// it to the tools as the commands do: tools::catalogueInput and tools::applyCatalogueDefaults
  /// (tools/catalogue_inputs.h).
  catalogue::Catalogue catalogue;
  /// County boundaries (WGS 84) for the prefectures of cluster members.
  core::Layer counties{"counties", "", core::GeometryType::MultiPolygon, {}};
  /// Prefecture boundaries (WGS 84) for the allocation's per-prefecture table.
  core::Layer prefectures{"prefectures", "", core::GeometryType::MultiPolygon, {}};
  /// The registry lies in Gansu (tools::registryInGansu, as `circatlas allocate` decides): then
  /// Gansu's 2015 targets and its prefectures apply to its allocation.
  bool inGansu = true;
  /// What was asked for (empty source: the built-in catalogue), to reopen it in a project.
  tools::CatalogueRequest request;

  /// The folders the inputs came from (built-in catalogue, base map); the panels' result styles
  /// are read from its styles.
  core::DataPaths paths;

  /// A short name for dock titles and the status bar: the registry's file or folder name with
  /// its sheet/layer ("reg.xlsx / 企业"), or empty for the built-in catalogue (the caller says so
  /// in the UI language).
  [[nodiscard]] std::string shortName() const;
  /// Where the provenance of a result says its data came from (origin and tables).
  [[nodiscard]] std::string provenance(const char* tables) const;

  /// The registry `request` names, through tools::loadCatalogue (a catalogue folder, a single
  /// CSV/XLSX/GPKG/… registry, or the built-in catalogue), with the basemap counties and prefectures. Throws the
  /// loader's io and input errors (file, layer, line, field). Reports its stages to `progress`
  /// when given and throws core::Cancelled between them when it asks to stop.
  [[nodiscard]] static std::shared_ptr<const AnalysisInputs> load(const tools::CatalogueRequest& request,
                                                                  const core::DataPaths& paths,
                                                                  core::Progress* progress = nullptr);
  /// The built-in catalogue (data/catalogue) and basemap counties of `paths`. Throws io errors.
  [[nodiscard]] static std::shared_ptr<const AnalysisInputs> loadBuiltin(const core::DataPaths& paths);
};

}  // namespace circatlas::viewer
