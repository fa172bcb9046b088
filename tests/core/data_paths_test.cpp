// core::DataPaths: the environment read once, the configured folders as fallback, missing folders named.
#include "core/data_paths.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "core/error.h"
#include "test_support.h"

namespace circatlas::core {
namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(DataPaths, TheEnvironmentNamesEachFolder) {
  const ScopedEnv data("CIRCATLAS_DATA_DIR", "/somewhere/data");
  const ScopedEnv styles("CIRCATLAS_STYLES_DIR", "/somewhere/styles");
  const ScopedEnv layers("CIRCATLAS_LAYERS_DIR", "/somewhere/layers");
  const DataPaths p = DataPaths::fromEnvironment();
  EXPECT_EQ(p.data, "/somewhere/data");
  EXPECT_EQ(p.styles, "/somewhere/styles");
  EXPECT_EQ(p.layers, "/somewhere/layers");
}

TEST(DataPaths, UnsetOrEmptyVariablesFallBackToTheConfiguredFolders) {
  const ScopedEnv data("CIRCATLAS_DATA_DIR", "");
  const ScopedEnv styles("CIRCATLAS_STYLES_DIR", nullptr);
  const ScopedEnv layers("CIRCATLAS_LAYERS_DIR", nullptr);
  const DataPaths p = DataPaths::fromEnvironment();
  // The source tree's folders, which hold what the program ships with.
  EXPECT_TRUE(std::filesystem::exists(p.basemap())) << p.data;
  EXPECT_TRUE(std::filesystem::exists(p.stylesDir() / "counties.json")) << p.styles;
  EXPECT_TRUE(std::filesystem::exists(p.layersDir() / "atlas.json")) << p.layers;
  EXPECT_EQ(p.catalogueDir(), p.data / "catalogue");
}

TEST(DataPaths, AMissingFolderIsAnIoErrorNamingItAndItsVariable) {
  test::TempDir dir;
  const DataPaths p{.data = dir / "no-data", .styles = dir / "no-styles", .layers = dir.path()};
  try {
    (void)p.basemap();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_EQ(e.detail(), (dir / "no-data").string() + ": built-in data folder not found (set CIRCATLAS_DATA_DIR)");
  }
  try {
    (void)p.stylesDir();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_EQ(e.detail(), (dir / "no-styles").string() + ": styles folder not found (set CIRCATLAS_STYLES_DIR)");
  }
  EXPECT_EQ(p.layersDir(), dir.path());
}

}  // namespace
}  // namespace circatlas::core
