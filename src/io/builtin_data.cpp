// Locates the built-in dataset: environment override first, then the configured source folder.
#include "io/builtin_data.h"

#include <cstdlib>

#include "core/error.h"

namespace circatlas::io {

std::filesystem::path builtinDataDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("CIRCATLAS_DATA_DIR"); env && *env) {
    dir = env;
  } else {
    dir = CIRCATLAS_DATA_DIR;
  }
  if (!std::filesystem::is_directory(dir)) {
    throw core::IoError(dir.string() + ": built-in data folder not found (set CIRCATLAS_DATA_DIR)");
  }
  return dir;
}

std::filesystem::path basemapPath() { return builtinDataDir() / "basemap.gpkg"; }

}  // namespace circatlas::io
