// Issue 19 item 7: a layer the planner adds gets a look of its own, named in the legend; its
// colour, size, labels and legend name are chosen in a dialog and kept in the project; the style
// list offers only the styles whose fields the layer has.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>

#include <algorithm>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "core/error.h"
#include "test_support.h"
#include "viewer/layer_look.h"
#include "viewer/layer_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/layer_style_dialog.h"
#include "viewer/legend_panel.h"
#include "viewer/map_canvas.h"
#include "viewer/project.h"
#include "viewer/style_choice.h"
#include "viewer/ui_support.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using LayerLooks = ViewerTest;

// Three wells around Lanzhou, with a name and nothing else.
constexpr const char* kWells = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "W1"}, "geometry": {"type": "Point", "coordinates": [103.70, 36.05]}},
  {"type": "Feature", "properties": {"name": "W2"}, "geometry": {"type": "Point", "coordinates": [103.85, 36.10]}},
  {"type": "Feature", "properties": {"name": "W3"}, "geometry": {"type": "Point", "coordinates": [103.95, 36.00]}}]})";

/// The index in the stack of the layer read from `file`.
std::size_t indexOfFile(const LayerStack& layers, const std::filesystem::path& file) {
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers.at(i).file == file.string()) return i;
  }
  ADD_FAILURE() << "no layer from " << file;
  return 0;
}

/// Highlights the layer's row in the layer panel.
LayerPanel* highlight(MainWindow& window, std::size_t index) {
  LayerPanel* panel = window.layerPanel();
  QListWidget* list = panel->list();
  for (int row = 0; row < list->count(); ++row) {
    if (static_cast<std::size_t>(list->item(row)->data(Qt::UserRole).toInt()) == index) list->setCurrentRow(row);
  }
  return panel;
}

/// `e` grown by `metres` on every side.
core::Extent around(core::Extent e, double metres) {
  e.minX -= metres;
  e.minY -= metres;
  e.maxX += metres;
  e.maxY += metres;
  return e;
}

/// The next finished render after `previous`.
QImage renderAfter(MapCanvas* canvas, qint64 previous) {
  EXPECT_TRUE(waitUntil([&] {
    return !canvas->isRendering() && !canvas->lastRender().image.isNull() &&
           canvas->lastRender().image.cacheKey() != previous;
  }));
  return canvas->lastRender().image;
}

int pixelsNear(const QImage& image, const QColor& colour) {
  int n = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      n += std::abs(c.red() - colour.red()) < 8 && std::abs(c.green() - colour.green()) < 8 &&
           std::abs(c.blue() - colour.blue()) < 8;
    }
  }
  return n;
}

TEST(LayerLook, DefaultLooksDifferFromEachOtherAndFromTheEnterprises) {
  const StyleLibrary library = loadStyleLibrary(core::DataPaths::fromEnvironment().stylesDir());
  std::vector<render::Color> builtin;
  for (const auto& style : library.styles) {
    for (std::size_t i = 0; i <= style->classes.size(); ++i) {
      if (i == style->classes.size() && !style->other) break;  // classAt(size) is `other`
      if (const auto& fill = style->classAt(i).symbol.fill) builtin.push_back(*fill);
    }
  }
  ASSERT_FALSE(builtin.empty());
  std::vector<LayerLook> taken;
  for (int n = 0; n < 4; ++n) {
    const LayerLook look = defaultLook(core::GeometryType::Point, "layer " + std::to_string(n), taken);
    for (const LayerLook& t : taken) {
      EXPECT_FALSE(look.color == t.color && look.marker == t.marker) << n;
    }
    EXPECT_EQ(std::find(builtin.begin(), builtin.end(), look.color), builtin.end()) << toHex(look.color);
    EXPECT_NE(look.marker, render::MarkerShape::Circle) << "enterprises are circles";
    taken.push_back(look);
  }
  // A removed layer's colour is given again before the palette goes round.
  taken.erase(taken.begin() + 1);
  EXPECT_EQ(defaultLook(core::GeometryType::Point, "again", taken).color,
            defaultLook(core::GeometryType::Point, "second", std::span(taken.data(), 1)).color);
}

TEST(LayerLook, TheStyleOfALookDrawsItsColourSizeAndLabelsUnderItsName) {
  LayerLook look;
  look.color = {10, 200, 30, 255};
  look.marker = render::MarkerShape::Star;
  look.sizeMm = 4.5;
  look.labelField = "name";
  look.legendName = "井";
  const render::Style points = styleFromLook(look, core::GeometryType::Point);
  EXPECT_EQ(points.name, kLookStyleName);
  EXPECT_EQ(points.title.zh, "井");
  EXPECT_EQ(points.title.en, "井");
  ASSERT_TRUE(points.classAt(0).symbol.fill);
  EXPECT_EQ(*points.classAt(0).symbol.fill, look.color);
  EXPECT_EQ(points.classAt(0).symbol.marker, render::MarkerShape::Star);
  EXPECT_DOUBLE_EQ(points.classAt(0).symbol.sizeMm, 4.5);
  ASSERT_TRUE(points.label);
  EXPECT_EQ(points.label->field.en, "name");
  const render::Style lines = styleFromLook(look, core::GeometryType::LineString);
  EXPECT_EQ(lines.geometry, render::StyleGeometry::Line);
  EXPECT_DOUBLE_EQ(lines.classAt(0).symbol.strokeWidthMm, 4.5);
  EXPECT_EQ(*lines.classAt(0).symbol.stroke, look.color);
  look.labelField.clear();
  EXPECT_FALSE(styleFromLook(look, core::GeometryType::Polygon).label);
  EXPECT_EQ(colorFromHex(toHex({1, 2, 3, 255})), (render::Color{1, 2, 3, 255}));
  EXPECT_EQ(colorFromHex("#0102037f"), (render::Color{1, 2, 3, 127}));
  EXPECT_FALSE(colorFromHex("red"));
  EXPECT_FALSE(colorFromHex("#12345g"));
}

TEST_F(LayerLooks, AnAddedLayerHasItsOwnSymbolAndItsNameInTheLegend) {
  test::TempDir dir;
  const auto wells = test::writeFile(dir / "wells.geojson", kWells);
  const auto more = test::writeFile(dir / "more_wells.geojson", kWells);
  window->resize(1200, 800);
  window->show();
  ASSERT_TRUE(window->openFile(qs(wells.string())));
  ASSERT_TRUE(window->openFile(qs(more.string())));
  const ViewerLayer& first = window->layers().at(indexOfFile(window->layers(), wells));
  const ViewerLayer& second = window->layers().at(indexOfFile(window->layers(), more));
  ASSERT_TRUE(first.look && second.look);
  EXPECT_NE(first.look->color, second.look->color);
  EXPECT_EQ(first.style->name, kLookStyleName);
  // Not the power plants' orange circle the plain style shares with the enterprises.
  const render::Symbol& symbol = first.style->classAt(0).symbol;
  EXPECT_NE(symbol.marker, render::MarkerShape::Circle);
  EXPECT_NE(*symbol.fill, (render::Color{0xe6, 0x55, 0x0d, 255}));
  window->canvas()->zoomToExtent(around(first.display->extent(), 20000));
  ASSERT_TRUE(waitUntil([&] {
    return !window->canvas()->isRendering() && window->legendPanel()->labels().contains("wells") &&
           window->legendPanel()->labels().contains("more_wells");
  })) << window->legendPanel()->labels().join(", ").toStdString();
}

TEST_F(LayerLooks, TheStyleListOffersOnlyStylesWhoseFieldsTheLayerHas) {
  test::TempDir dir;
  const auto wells = test::writeFile(dir / "wells.geojson", kWells);
  ASSERT_TRUE(window->openFile(qs(wells.string())));
  const std::size_t index = indexOfFile(window->layers(), wells);
  // The seats' styles label name_zh / name_en, which the wells lack: not offered.
  const StyleLibrary library = loadStyleLibrary(core::DataPaths::fromEnvironment().stylesDir());
  const auto& seats = *std::find_if(library.styles.begin(), library.styles.end(),
                                    [](const auto& s) { return s->name == "county_seats"; });
  EXPECT_EQ(styleMismatch(*seats, *window->layers().at(index).source),
            "style 'county_seats' reads field 'name_zh', which layer 'wells' lacks");
  QComboBox* box = highlight(*window, index)->styleBox();
  ASSERT_TRUE(box->isEnabled());
  QStringList offered;
  for (int i = 0; i < box->count(); ++i) offered << box->itemText(i);
  for (const char* other : {"(county_seats)", "(prefecture_seats)", "(enterprises)", "(parks)", "(projects)"}) {
    EXPECT_FALSE(offered.join('|').contains(other)) << other << " offered: " << offered.join(" | ").toStdString();
  }
  EXPECT_TRUE(box->currentText().endsWith("(layer_look)")) << box->currentText().toStdString();
  // The seats still get their own styles.
  const auto& seatLayer = *window->layers().find("county_seats")->source;
  EXPECT_EQ(styleMismatch(*seats, seatLayer), "");
}

TEST_F(LayerLooks, ThePropertiesDialogSetsColourSizeLabelsAndLegendName) {
  test::TempDir dir;
  const auto wells = test::writeFile(dir / "wells.geojson", kWells);
  window->resize(1200, 800);
  window->show();
  ASSERT_TRUE(window->openFile(qs(wells.string())));
  const std::size_t index = indexOfFile(window->layers(), wells);
  window->canvas()->zoomToExtent(around(window->layers().at(index).display->extent(), 20000));
  const QImage before = renderAfter(window->canvas(), 0);
  LayerPanel* panel = highlight(*window, index);
  EXPECT_TRUE(panel->propertiesButton()->isEnabled());
  LayerStyleDialog* dialog = panel->openProperties();
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->nameEdit()->text(), QStringLiteral("wells"));
  const QColor lime(60, 230, 20);
  dialog->setColor(lime);
  dialog->nameEdit()->setText(QStringLiteral("Monitoring wells"));
  dialog->sizeBox()->setValue(6.0);
  dialog->markerBox()->setCurrentIndex(dialog->markerBox()->findData(static_cast<int>(render::MarkerShape::Square)));
  const int nameRow = dialog->labelBox()->findData(QStringLiteral("name"));
  ASSERT_GT(nameRow, 0);
  dialog->labelBox()->setCurrentIndex(nameRow);
  EXPECT_EQ(dialog->labelBox()->count(), 2) << "no labels, and the layer's one field";
  dialog->accept();

  const ViewerLayer& layer = window->layers().at(index);
  EXPECT_EQ(layer.title.en, "Monitoring wells");
  ASSERT_TRUE(layer.look);
  EXPECT_EQ(layer.look->labelField, "name");
  EXPECT_TRUE(layer.labels);
  EXPECT_EQ(*layer.style->classAt(0).symbol.fill, (render::Color{60, 230, 20, 255}));
  EXPECT_EQ(layer.style->classAt(0).symbol.marker, render::MarkerShape::Square);
  EXPECT_DOUBLE_EQ(layer.style->classAt(0).symbol.sizeMm, 6.0);
  const QImage after = renderAfter(window->canvas(), before.cacheKey());
  EXPECT_EQ(pixelsNear(before, lime), 0);
  EXPECT_GT(pixelsNear(after, lime), 3 * 100) << "three squares of 6 mm";
  ASSERT_TRUE(waitUntil([&] { return window->legendPanel()->labels().contains("Monitoring wells"); }))
      << window->legendPanel()->labels().join(", ").toStdString();
  // The layer list shows the new name too.
  EXPECT_FALSE(panel->list()->findItems("Monitoring wells", Qt::MatchExactly).isEmpty());
}

// The dialog previews the symbol as it will be drawn: a new colour, a bigger marker or another
// shape shows in the swatch at once, before the dialog is accepted.
TEST_F(LayerLooks, ThePropertiesDialogPreviewsTheSymbolAsItChanges) {
  test::TempDir dir;
  const auto wells = test::writeFile(dir / "wells.geojson", kWells);
  ASSERT_TRUE(window->openFile(qs(wells.string())));
  const std::size_t index = indexOfFile(window->layers(), wells);
  LayerStyleDialog dialog(window->layers().at(index), render::Language::En);
  const auto swatch = [&dialog] { return dialog.preview()->pixmap().toImage(); };
  const QColor lime(60, 230, 20);
  const QColor navy(20, 30, 150);
  dialog.setColor(lime);
  dialog.sizeBox()->setValue(4.0);
  const QImage limeSwatch = swatch();
  ASSERT_FALSE(limeSwatch.isNull());
  EXPECT_GT(pixelsNear(limeSwatch, lime), 50) << "a 4 mm marker in the chosen colour";
  EXPECT_EQ(pixelsNear(limeSwatch, navy), 0);

  dialog.setColor(navy);
  const QImage navySwatch = swatch();
  EXPECT_EQ(pixelsNear(navySwatch, lime), 0);
  EXPECT_GT(pixelsNear(navySwatch, navy), 50);

  // A bigger marker covers more of the swatch; a square more than a circle of the same size.
  dialog.sizeBox()->setValue(8.0);
  const int circle = pixelsNear(swatch(), navy);
  EXPECT_GT(circle, 2 * pixelsNear(navySwatch, navy));
  dialog.markerBox()->setCurrentIndex(dialog.markerBox()->findData(static_cast<int>(render::MarkerShape::Square)));
  EXPECT_GT(pixelsNear(swatch(), navy), circle);
  // Nothing is applied before the dialog is accepted.
  EXPECT_NE(*window->layers().at(index).style->classAt(0).symbol.fill, (render::Color{20, 30, 150, 255}));
}

TEST_F(LayerLooks, TheLookIsSavedInTheProjectAndComesBack) {
  test::TempDir dir;
  const auto wells = test::writeFile(dir / "wells.geojson", kWells);
  ASSERT_TRUE(window->openFile(qs(wells.string())));
  const std::size_t index = indexOfFile(window->layers(), wells);
  LayerLook look = *window->layers().at(index).look;
  look.color = {12, 34, 56, 255};
  look.marker = render::MarkerShape::Triangle;
  look.sizeMm = 3.4;
  look.labelField = "name";
  look.legendName = "监测井";
  window->layers().setLook(index, look);
  const QString file = qs((dir / "wells.circatlas").string());
  ASSERT_TRUE(window->saveProject(file));

  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  ASSERT_TRUE(window->openProject(file));
  const std::size_t again = indexOfFile(window->layers(), wells);
  const ViewerLayer& layer = window->layers().at(again);
  ASSERT_TRUE(layer.look);
  EXPECT_EQ(*layer.look, look);
  EXPECT_EQ(layer.title.zh, "监测井");
  EXPECT_EQ(layer.style->name, kLookStyleName);
  EXPECT_EQ(*layer.style->classAt(0).symbol.fill, look.color);
  EXPECT_TRUE(layer.labels);

  // The project folder shared elsewhere: the layer comes from its new place, with its look.
  test::TempDir moved;
  std::filesystem::copy(dir.path(), moved.path(), std::filesystem::copy_options::recursive);
  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  ASSERT_TRUE(window->openProject(qs((moved / "wells.circatlas").string())));
  const ViewerLayer& there = window->layers().at(indexOfFile(window->layers(), moved / "wells.geojson"));
  ASSERT_TRUE(there.look);
  EXPECT_EQ(*there.look, look);
  EXPECT_EQ(there.title.zh, "监测井");
}

TEST(ProjectFileLook, ABadLookIsRefusedNamingFileLayerAndKey) {
  const std::string json = R"({"format": "circatlas-project", "version": 1, "layers": [
    {"id": "file:w", "file": "w.geojson", "layer": "w", "look": {"color": "green", "marker": "star"}}]})";
  try {
    (void)projectFromJson(json, "/p", "p.circatlas");
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("p.circatlas: layers[0].look.color"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace circatlas::viewer::testing
