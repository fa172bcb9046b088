// A core::DataPaths value is what the loaders read: one pointing to a copy is honoured, the
// environment is not consulted below main.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/data_paths.h"
#include "core/error.h"
#include "definitions/figure_preset.h"
#include "definitions/layer_set.h"
#include "test_support.h"
#include "tools/catalogue_inputs.h"

namespace circatlas {
namespace {

namespace fs = std::filesystem;

// A copy of the shipped data/, styles/ and layers/ in a temporary folder, for a test to change.
struct CopiedFolders {
  test::TempDir dir;
  core::DataPaths paths;

  CopiedFolders() {
    const core::DataPaths shipped = core::DataPaths::fromEnvironment();
    paths = {.data = dir / "data", .styles = dir / "styles", .layers = dir / "layers"};
    fs::create_directories(paths.data);
    fs::copy(shipped.catalogueDir(), paths.catalogueDir(), fs::copy_options::recursive);
    fs::copy(shipped.basemap(), paths.basemap());
    fs::copy(shipped.stylesDir(), paths.styles, fs::copy_options::recursive);
    fs::copy(shipped.layersDir(), paths.layers, fs::copy_options::recursive);
  }
};

TEST(DataPathsUse, TheCatalogueIsReadFromTheGivenDataFolder) {
  CopiedFolders copy;
  test::writeFile(copy.paths.catalogueDir() / "metadata.csv", "key,value\nas_of_year,2031\n");
  const catalogue::Catalogue fromCopy = tools::loadCatalogue({}, copy.paths);
  EXPECT_EQ(fromCopy.asOfYear, 2031);
  const catalogue::Catalogue shipped = tools::loadCatalogue({}, core::DataPaths::fromEnvironment());
  EXPECT_NE(shipped.asOfYear, 2031);
  EXPECT_EQ(fromCopy.enterprises.size(), shipped.enterprises.size());
}

TEST(DataPathsUse, FigurePresetsAndTheLayerSetComeFromTheGivenLayersFolder) {
  CopiedFolders copy;
  fs::copy_file(copy.paths.layers / "figures" / "overview.json", copy.paths.layers / "figures" / "copied.json");
  fs::remove(copy.paths.layers / "figures" / "network.json");
  const auto names = definitions::builtinPresetNames(copy.paths);
  EXPECT_NE(std::find(names.begin(), names.end(), "copied"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "network"), names.end());
  EXPECT_EQ(definitions::loadBuiltinPreset(copy.paths, "copied").name, "overview");
  EXPECT_FALSE(definitions::loadBuiltinLayerSet(copy.paths).layers.empty());
}

TEST(DataPathsUse, AMissingDataFolderIsReportedNotReplacedByTheShippedOne) {
  CopiedFolders copy;
  fs::remove_all(copy.paths.data);
  EXPECT_THROW((void)tools::loadCatalogue({}, copy.paths), core::IoError);
}

}  // namespace
}  // namespace circatlas
