// Private to src/io: the pieces of the layer writer that other writers (GeoPackage export) reuse.
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.h"

namespace circatlas::io::detail {

/// How features are committed while a layer is written.
struct LayerWriteTuning {
  /// Features per transaction (drivers that have transactions, such as GeoPackage).
  std::size_t featuresPerTransaction = 100000;
  /// Called after each committed chunk with the number of features written so far; may throw
  /// to abort (cancellation), which leaves the dataset to be discarded by the caller.
  std::function<void(std::size_t)> afterChunk;
  /// Extra GDAL layer creation options (GeoJSON: RFC7946=YES), set after the writer's own.
  std::vector<std::pair<std::string, std::string>> layerOptions;
  /// Creates the layer and its fields only; the features are written by someone else.
  bool schemaOnly = false;
};

/// The OGR geometry of g (nullptr for GeometryType::None); rings are closed.
std::unique_ptr<OGRGeometry> toOgr(const core::Geometry& g);

/// Creates a layer named after `layer` in ds (driver: its GDAL short name) and writes its fields
/// and features. `target` names the final file in messages. Throws core::IoError / core::CrsError
/// naming file, layer and feature. Returns the new OGR layer (owned by ds).
OGRLayer& writeLayerInto(GDALDataset& ds, const std::string& driver, const core::Layer& layer,
                         const std::string& target, const LayerWriteTuning& tuning = {});

/// A folder beside the target, removed with whatever is left in it on scope exit. Throws
/// core::IoError naming the target when the folder cannot be created (read-only, missing).
class StagingDir {
 public:
  explicit StagingDir(const std::filesystem::path& target);
  ~StagingDir();
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace circatlas::io::detail
