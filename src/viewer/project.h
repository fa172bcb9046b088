// Project: what a planner's working session is made of — layers, order, looks, view, registry and
// analysis parameters — as a JSON file with paths relative to it, so a project folder can be shared.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/extent.h"
#include "viewer/layer_look.h"

namespace circatlas::viewer {

/// One layer of the map, bottom first in Project::layers.
struct ProjectLayer {
  std::string id;     ///< the viewer's layer id (atlas ids, analysis result ids)
  std::string file;   ///< for a layer the planner added: its file (absolute in memory)
  std::string layer;  ///< that file's layer
  bool visible = true;
  bool labels = true;
  double opacity = 1.0;
  std::string style;  ///< style name (styles/<name>.json, or kLookStyleName); empty: the layer's own
  /// An added layer's look (colour, size, labels, legend name), restored before `style`.
  std::optional<LayerLook> look;
};

/// The analysis docks' parameters; the results are recomputed from them and the registry.
struct ProjectAnalyses {
  double clusterEpsMeters = 0.0;  ///< 0: the declared default
  int clusterMinPoints = 0;
  bool clusterDbscanStar = false;
  std::string partnersEnterprise;
  std::string allocationMaterial;
  bool allocationRun = false;
  std::string whatIfProject;
  bool whatIfRun = false;  ///< the what-if of whatIfProject was shown: rerun after the allocation
};

struct Project {
  /// The analysis registry: empty for the built-in catalogue; a file or folder (absolute in memory).
  std::string registry;
  std::string registryLayer;
  std::vector<ProjectLayer> layers;
  /// The view in the display CRS (render::displayCrs()), named in the file.
  std::optional<core::Extent> view;
  ProjectAnalyses analyses;
  std::string language;  ///< "zh_CN" or "en"; empty: keep the current one
};

/// The project as JSON text; paths are written relative to `folder` (the project file's folder)
/// when they lie under it or beside it, else absolute.
[[nodiscard]] std::string projectToJson(const Project& project, const std::filesystem::path& folder);
/// Reads project JSON; relative paths are resolved against `folder`. Throws core::InputError
/// naming `fileName` and the key for anything that is not a circatlas project.
[[nodiscard]] Project projectFromJson(const std::string& json, const std::filesystem::path& folder,
                                      const std::string& fileName);

/// Writes the project file (staged beside it and renamed, so a failed write leaves the old one).
/// Throws core::IoError naming the file.
void writeProjectFile(const Project& project, const std::filesystem::path& path);
/// Reads a project file. Throws core::IoError (cannot read) or core::InputError (not a project).
[[nodiscard]] Project readProjectFile(const std::filesystem::path& path);

}  // namespace circatlas::viewer
