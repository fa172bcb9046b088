// Style choice: which styles of styles/ fit a layer, and choosing one in the layer panel restyles the map.
#include <QComboBox>
#include <QListWidget>

#include <fstream>

#include "core/data_paths.h"
#include "definitions/definition_paths.h"
#include "test_support.h"
#include "viewer/layer_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/style_choice.h"
#include "viewer_fixture.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace circatlas::viewer::testing {
namespace {

using StyleChoiceTest = ViewerTest;

/// The next finished render after `previous` (the canvas redraws in a worker thread).
QImage renderAfter(MapCanvas* canvas, qint64 previous) {
  EXPECT_TRUE(waitUntil([&] {
    return !canvas->isRendering() && !canvas->lastRender().image.isNull() &&
           canvas->lastRender().image.cacheKey() != previous;
  }));
  return canvas->lastRender().image;
}

std::vector<std::string> namesOf(const std::vector<std::shared_ptr<const render::Style>>& styles) {
  std::vector<std::string> names;
  for (const auto& s : styles) names.push_back(s->name);
  return names;
}

TEST_F(StyleChoiceTest, OffersOnlyStylesWhoseGeometryAndFieldsFitTheLayer) {
  const StyleLibrary library = loadStyleLibrary(core::DataPaths::fromEnvironment().stylesDir());
  EXPECT_TRUE(library.problems.empty()) << library.problems.front();
  const auto& counties = *window->layers().find("counties")->source;
  const auto forCounties = namesOf(stylesFor(library, counties));
  // Polygon styles reading prefecture_code or nothing fit; hotspots (gi_z) and every point style do not.
  EXPECT_NE(std::find(forCounties.begin(), forCounties.end(), "counties_by_prefecture"), forCounties.end());
  EXPECT_NE(std::find(forCounties.begin(), forCounties.end(), "province"), forCounties.end());
  EXPECT_EQ(std::find(forCounties.begin(), forCounties.end(), "hotspots"), forCounties.end());
  EXPECT_EQ(std::find(forCounties.begin(), forCounties.end(), "enterprises"), forCounties.end());

  const auto& hotspots =
      *std::find_if(library.styles.begin(), library.styles.end(), [](const auto& s) { return s->name == "hotspots"; });
  EXPECT_EQ(styleMismatch(*hotspots, counties), "style 'hotspots' reads field 'gi_z', which layer 'counties' lacks");
  const auto& enterprises = *window->layers().find("enterprises")->source;
  EXPECT_NE(styleMismatch(*hotspots, enterprises).find("draws polygons"), std::string::npos);
}

TEST_F(StyleChoiceTest, AStyleFileThatDoesNotParseIsReportedAndTheOthersStillLoad) {
  const circatlas::test::TempDir dir;
  std::filesystem::copy_file(core::DataPaths::fromEnvironment().stylesDir() / "counties.json",
                             dir.path() / "counties.json");
  std::ofstream(dir.path() / "broken.json")
      << R"({"name": "broken", "geometry": "polygon", "symbol": {"fil": "#fff"}})";
  const StyleLibrary library = loadStyleLibrary(dir.path());
  ASSERT_EQ(library.styles.size(), 1u);
  ASSERT_EQ(library.problems.size(), 1u);
  EXPECT_NE(library.problems.front().find("broken.json"), std::string::npos) << library.problems.front();
  EXPECT_NE(library.problems.front().find("fil"), std::string::npos) << library.problems.front();
}

TEST_F(StyleChoiceTest, ChoosingAStyleInThePanelRestylesTheLayerAndTheMap) {
  LayerPanel* panel = window->findChild<LayerPanel*>();
  ASSERT_NE(panel, nullptr);
  // Highlight the counties row, then pick "counties_by_prefecture" in the style box.
  QListWidget* list = panel->list();
  for (int row = 0; row < list->count(); ++row) {
    const auto i = static_cast<std::size_t>(list->item(row)->data(Qt::UserRole).toInt());
    if (window->layers().at(i).id == "counties") list->setCurrentRow(row);
  }
  ASSERT_GE(panel->currentLayerIndex(), 0);
  QComboBox* box = panel->styleBox();
  ASSERT_TRUE(box->isEnabled());
  EXPECT_TRUE(box->currentText().contains("(counties)")) << box->currentText().toStdString();
  const int row = box->findText("(counties_by_prefecture)", Qt::MatchEndsWith);
  ASSERT_GE(row, 0);

  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  const QImage before = renderAfter(canvas, 0);
  box->setCurrentIndex(row);
  emit box->activated(row);
  EXPECT_EQ(window->layers().find("counties")->style->name, "counties_by_prefecture");
  const QImage after = renderAfter(canvas, before.cacheKey());
  // The counties are now filled with the style's fourteen prefecture colours, which the atlas's
  // own styles do not use: from next to none of the map to a good part of it (borders, markers and
  // the translucent mining-base areas cover the rest).
  const std::vector<QColor> classColours = [] {
    std::vector<QColor> colours;
    for (const auto& c : loadStyleLibrary(core::DataPaths::fromEnvironment().stylesDir()).styles) {
      if (c->name != "counties_by_prefecture") continue;
      for (const auto& k : c->classes) colours.emplace_back(k.symbol.fill->r, k.symbol.fill->g, k.symbol.fill->b);
    }
    return colours;
  }();
  ASSERT_EQ(classColours.size(), 14u);
  const auto shareInClassColours = [&](const QImage& image) {
    int n = 0, total = 0;
    for (int y = 0; y < image.height(); y += 2) {
      for (int x = 0; x < image.width(); x += 2) {
        const QColor c = image.pixelColor(x, y);
        ++total;
        n += std::any_of(classColours.begin(), classColours.end(), [&](const QColor& k) {
          return std::abs(c.red() - k.red()) < 6 && std::abs(c.green() - k.green()) < 6 &&
                 std::abs(c.blue() - k.blue()) < 6;
        });
      }
    }
    return static_cast<double>(n) / total;
  };
  EXPECT_LT(shareInClassColours(before), 0.01);
  EXPECT_GT(shareInClassColours(after), 0.03);  // 6–7 % with the docks of the default layout
}

}  // namespace
}  // namespace circatlas::viewer::testing
