// Broken layer sets, figure presets and styles through `circatlas figure`: each mistake is named
// with file:line:column and JSON path (or the file that is missing), exits with its code, writes
// no figure; and a definition cannot make circatlas read outside the data folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

// A small valid set of definitions, line by line, so the line:column in messages can be checked by eye.
const char* const kLayerSet = R"({
  "name": "atlas",
  "layers": [
    {"id": "province", "title": "Gansu", "source": "basemap.gpkg", "layer": "province", "style": "province"}
  ],
  "locator": [
    {"id": "china", "title": "China", "source": "basemap.gpkg", "layer": "china_outline", "style": "outline"}
  ]
}
)";
const char* const kPreset = R"({
  "name": "test",
  "title": "Test figure",
  "layers": ["province"],
  "page": {"size": "A4", "orientation": "landscape"},
  "dpi": 30
}
)";
const char* const kStyle = R"({
  "name": "province",
  "title": "Provincial boundary",
  "geometry": "polygon",
  "symbol": {"stroke": "#4a4539", "stroke_width": 0.6, "fill": "none"}
}
)";
const char* const kOutlineStyle = R"({
  "name": "outline",
  "title": "China",
  "geometry": "polygon",
  "symbol": {"stroke": "#8a8a8a", "stroke_width": 0.2, "fill": "none"},
  "legend": false
}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) ADD_FAILURE() << "'" << from << "' not in the definition";
  else text.replace(at, from.size(), to);
  return text;
}

class DefinitionFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "layers" / "figures");
    std::filesystem::create_directories(dir_ / "styles");
    write("layers/atlas.json", kLayerSet);
    write("layers/figures/test.json", kPreset);
    write("styles/province.json", kStyle);
    write("styles/outline.json", kOutlineStyle);
  }
  std::string path(const std::string& relative) const { return (dir_ / relative).string(); }
  void write(const std::string& relative, const std::string& text) const { writeFile(dir_ / relative, text); }

  /// `circatlas figure --preset test` with these definitions; SVG is the quickest format.
  test::CommandResult figure(const std::string& extraEnv = "") const {
    return runCommand("CIRCATLAS_LAYERS_DIR='" + path("layers") + "' CIRCATLAS_STYLES_DIR='" + path("styles") + "' " +
                      extraEnv + " '" + CIRCATLAS_EXE + "' figure --preset test --out '" + path("figure.svg") + "'");
  }
  void expectRefused(const test::CommandResult& r, int exitCode, const std::string& fragment) const {
    EXPECT_EQ(r.exitCode, exitCode) << r.output;
    EXPECT_NE(r.output.find(fragment), std::string::npos) << "missing: " << fragment << "\n" << r.output;
    EXPECT_FALSE(std::filesystem::exists(path("figure.svg"))) << "a figure was written despite the error";
  }

  TempDir dir_;
};

TEST_F(DefinitionFiles, TheValidDefinitionsDrawAFigure) {
  const auto r = figure();
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(path("figure.svg")));
}

// Syntax errors point at the offending token (here the end of "style", which follows a missing comma).
TEST_F(DefinitionFiles, LayerSetSyntaxErrorNamesFileLineAndColumn) {
  write("layers/atlas.json", replaced(kLayerSet, "\"layer\": \"province\",", "\"layer\": \"province\""));
  expectRefused(figure(), 2, path("layers/atlas.json") + ":4:94: in layer set: invalid JSON: syntax error");
}

TEST_F(DefinitionFiles, StyleSyntaxErrorNamesFileLineAndColumn) {
  write("styles/province.json", replaced(kStyle, "\"stroke_width\": 0.6,", "\"stroke_width\": 0.6"));
  expectRefused(figure(), 2,
                path("styles/province.json") + ":5:60: layer 'province': in style: invalid JSON: syntax error");
}

TEST_F(DefinitionFiles, UnknownKeysAreNamedWithTheKnownOnes) {
  write("layers/figures/test.json", replaced(kPreset, "\"dpi\": 30", "\"dpi\": 30, \"colour\": \"red\""));
  expectRefused(figure(), 2,
                path("layers/figures/test.json") +
                    ":6:14: in figure preset 'test' at /colour: unknown key 'colour' (known keys: dpi, extent, lang, "
                    "layers, name, page, subtitle, title)");
}

TEST_F(DefinitionFiles, WrongTypesAreNamedWithTheJsonPath) {
  write("styles/province.json", replaced(kStyle, "\"stroke_width\": 0.6", "\"stroke_width\": \"thin\""));
  expectRefused(
      figure(), 2,
      path("styles/province.json") +
          ":5:35: layer 'province': in style 'province' at /symbol/stroke_width: expected a number, got \"thin\"");
}

TEST_F(DefinitionFiles, AStyleNamingAFontIsToldThatFontsAreFixed) {
  // Figures use DejaVu Sans and Noto Sans CJK SC (installed with the project); a style cannot pick
  // another font, so a "font" key is refused like any unknown key rather than silently ignored.
  write("styles/province.json",
        replaced(kStyle, "\"geometry\": \"polygon\",", "\"geometry\": \"polygon\", \"font\": \"SimSun\","));
  expectRefused(
      figure(), 2,
      path("styles/province.json") + ":4:26: layer 'province': in style 'province' at /font: unknown key 'font'");
}

TEST_F(DefinitionFiles, ReferencesToMissingFilesNameThem) {
  write("layers/atlas.json", replaced(kLayerSet, "\"source\": \"basemap.gpkg\", \"layer\": \"province\"",
                                      "\"source\": \"nothing.gpkg\", \"layer\": \"province\""));
  expectRefused(figure(), 4, "layer 'province': ");
  expectRefused(figure(), 4, "nothing.gpkg: no such file or directory");
  write("layers/atlas.json", replaced(kLayerSet, "\"style\": \"province\"", "\"style\": \"nostyle\""));
  expectRefused(figure(), 4, "layer 'province': " + path("styles/nostyle.json") + ": cannot open file");
}

TEST_F(DefinitionFiles, PresetListingAnUnknownLayerNamesTheLayersThereAre) {
  write("layers/figures/test.json", replaced(kPreset, "[\"province\"]", "[\"roads\"]"));
  expectRefused(figure(), 2,
                "figure preset 'test' lists layer 'roads', which the layer set does not define (layers: province)");
}

TEST_F(DefinitionFiles, DataPathsCannotLeaveTheDataFolder) {
  write("layers/atlas.json", replaced(kLayerSet, "\"source\": \"basemap.gpkg\", \"layer\": \"province\"",
                                      "\"source\": \"../../secret.gpkg\", \"layer\": \"province\""));
  expectRefused(
      figure(), 2,
      path("layers/atlas.json") +
          ":4:42: in layer set 'atlas' at /layers/0/source: '../../secret.gpkg': '..' would leave the data folder");
  const std::string absolute = path("secret.gpkg");
  write("layers/atlas.json", replaced(kLayerSet, "\"source\": \"basemap.gpkg\", \"layer\": \"province\"",
                                      "\"source\": \"" + absolute + "\", \"layer\": \"province\""));
  expectRefused(figure(), 2,
                "at /layers/0/source: '" + absolute + "': data paths are relative to the data folder, not absolute");
}

TEST_F(DefinitionFiles, ASymbolicLinkCannotLeadOutOfTheDataFolder) {
  std::filesystem::create_directories(dir_ / "data");
  std::filesystem::create_directories(dir_ / "outside");
  write("outside/secret.gpkg", "not for the atlas");
  std::filesystem::create_directory_symlink(dir_ / "outside", dir_ / "data" / "escape");
  write("layers/atlas.json", replaced(kLayerSet, "\"source\": \"basemap.gpkg\", \"layer\": \"province\"",
                                      "\"source\": \"escape/secret.gpkg\", \"layer\": \"province\""));
  expectRefused(figure("CIRCATLAS_DATA_DIR='" + path("data") + "'"), 2,
                "at /layers/0/source: 'escape/secret.gpkg': a symbolic link leads out of the data folder (to " +
                    std::filesystem::weakly_canonical(dir_ / "outside" / "secret.gpkg").string() + ")");
}

}  // namespace
}  // namespace circatlas
