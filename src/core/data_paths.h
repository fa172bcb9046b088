// Where the built-in data, the styles and the layer definitions live: one value, made once in main.
#pragma once

#include <filesystem>

namespace circatlas::core {

/// The three folders of built-in definitions. A program's main makes it once (fromEnvironment) and
/// passes it down; nothing below main reads the environment for these folders, so a test or a caller
/// can point a run at a copy by passing another value.
struct DataPaths {
  std::filesystem::path data;    ///< data/: basemap.gpkg, catalogue/, network/, gazetteer/, industry/
  std::filesystem::path styles;  ///< styles/: one style per JSON file
  std::filesystem::path layers;  ///< layers/: the atlas layer set and figures/ presets

  /// $CIRCATLAS_DATA_DIR, $CIRCATLAS_STYLES_DIR and $CIRCATLAS_LAYERS_DIR where set and not empty,
  /// else the source tree's folders the build was configured with. Checks nothing: a missing folder
  /// is reported when it is first used, so `--help` works without data.
  [[nodiscard]] static DataPaths fromEnvironment();

  /// `data`; core::IoError naming the folder (and $CIRCATLAS_DATA_DIR) when it is not a folder.
  [[nodiscard]] std::filesystem::path dataDir() const;
  /// `styles`; core::IoError naming the folder (and $CIRCATLAS_STYLES_DIR) when it is not a folder.
  [[nodiscard]] std::filesystem::path stylesDir() const;
  /// `layers`; core::IoError naming the folder (and $CIRCATLAS_LAYERS_DIR) when it is not a folder.
  [[nodiscard]] std::filesystem::path layersDir() const;

  /// dataDir()/basemap.gpkg: boundaries (province, prefectures, counties), seats, China for the
  /// locator inset, rivers. See data/README.md.
  [[nodiscard]] std::filesystem::path basemap() const;
  /// dataDir()/catalogue: the built-in catalogue tables (CSV).
  [[nodiscard]] std::filesystem::path catalogueDir() const;
};

}  // namespace circatlas::core
