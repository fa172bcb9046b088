// Where the built-in Gansu dataset lives, and the names of its layers.
#pragma once

#include <filesystem>

namespace circatlas::io {

/// The data/ folder: $CIRCATLAS_DATA_DIR when set, else the folder the build was configured with.
/// Throws core::IoError when neither exists.
[[nodiscard]] std::filesystem::path builtinDataDir();

/// data/basemap.gpkg: boundaries (province, prefectures, counties), seats, China for the
/// locator inset, rivers. See data/README.md.
[[nodiscard]] std::filesystem::path basemapPath();

}  // namespace circatlas::io
