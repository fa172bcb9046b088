// Reads the data, styles and layers folders from the environment (the program's only place that does).
#include "core/data_paths.h"

#include <cstdlib>
#include <string>

#include "core/error.h"

namespace circatlas::core {

namespace {

std::filesystem::path fromVariable(const char* name, const char* configured) {
  if (const char* env = std::getenv(name); env && *env) return env;
  return configured;
}

std::filesystem::path checked(const std::filesystem::path& dir, const char* what, const char* variable) {
  if (!std::filesystem::is_directory(dir)) {
    throw IoError(dir.string() + ": " + what + " folder not found (set " + variable + ")");
  }
  return dir;
}

}  // namespace

DataPaths DataPaths::fromEnvironment() {
  return {.data = fromVariable("CIRCATLAS_DATA_DIR", CIRCATLAS_DATA_DIR),
          .styles = fromVariable("CIRCATLAS_STYLES_DIR", CIRCATLAS_STYLES_DIR),
          .layers = fromVariable("CIRCATLAS_LAYERS_DIR", CIRCATLAS_LAYERS_DIR)};
}

std::filesystem::path DataPaths::dataDir() const { return checked(data, "built-in data", "CIRCATLAS_DATA_DIR"); }
std::filesystem::path DataPaths::stylesDir() const { return checked(styles, "styles", "CIRCATLAS_STYLES_DIR"); }
std::filesystem::path DataPaths::layersDir() const { return checked(layers, "layers", "CIRCATLAS_LAYERS_DIR"); }
std::filesystem::path DataPaths::basemap() const { return dataDir() / "basemap.gpkg"; }
std::filesystem::path DataPaths::catalogueDir() const { return dataDir() / "catalogue"; }

}  // namespace circatlas::core
