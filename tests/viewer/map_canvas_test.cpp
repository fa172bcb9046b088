// The canvas: wheel zoom around the cursor, panning, full extent, and export of the view as a figure page.
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "render/figure_layout.h"
#include "render/scale_bar.h"
#include "test_support.h"
#include "viewer/layer_look.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/view_export.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using MapCanvasTest = ViewerTest;

// Three wells around Lanzhou.
constexpr const char* kWells = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "W1"}, "geometry": {"type": "Point", "coordinates": [103.70, 36.05]}},
  {"type": "Feature", "properties": {"name": "W2"}, "geometry": {"type": "Point", "coordinates": [103.85, 36.10]}},
  {"type": "Feature", "properties": {"name": "W3"}, "geometry": {"type": "Point", "coordinates": [103.95, 36.00]}}]})";

/// Pixels within `tolerance` of `colour` in every channel.
int pixelsNear(const QImage& image, const QColor& colour, int tolerance = 8) {
  int n = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      n += std::abs(c.red() - colour.red()) < tolerance && std::abs(c.green() - colour.green()) < tolerance &&
           std::abs(c.blue() - colour.blue()) < tolerance;
    }
  }
  return n;
}

TEST_F(MapCanvasTest, WheelZoomKeepsTheMapPointUnderTheCursor) {
  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  const QPointF cursor(canvas->width() * 0.3, canvas->height() * 0.7);
  const core::Coord before = canvas->toMap(cursor);
  const double resolution = canvas->unitsPerPixel();

  QWheelEvent wheel(cursor, canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(canvas, &wheel);

  EXPECT_LT(canvas->unitsPerPixel(), resolution * 0.7);  // two notches in
  const QPointF after = canvas->toPixel(before);
  EXPECT_LT(std::abs(after.x() - cursor.x()), 1.0);
  EXPECT_LT(std::abs(after.y() - cursor.y()), 1.0);
}

TEST_F(MapCanvasTest, DragPanMovesTheMapWithTheCursor) {
  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  const QPointF from(400, 300);
  const core::Coord grabbed = canvas->toMap(from);
  canvas->panByPixels({120, -40});
  const QPointF now = canvas->toPixel(grabbed);
  EXPECT_NEAR(now.x(), 520, 1e-6);
  EXPECT_NEAR(now.y(), 260, 1e-6);
  canvas->zoomToFullExtent();
  const QPointF home = canvas->toPixel(window->layers().homeExtent().center());
  EXPECT_NEAR(home.x(), canvas->width() / 2.0, 1.0);
}

TEST_F(MapCanvasTest, ShiftDragZoomsToTheBox) {
  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  const QPointF a(300, 200);
  const QPointF b(500, 300);  // 200 × 100 px, the canvas's aspect or wider
  const core::Coord ma = canvas->toMap(a);
  const core::Coord mb = canvas->toMap(b);
  QMouseEvent press(QEvent::MouseButtonPress, a, canvas->mapToGlobal(a), Qt::LeftButton, Qt::LeftButton,
                    Qt::ShiftModifier);
  QMouseEvent move(QEvent::MouseMove, b, canvas->mapToGlobal(b), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
  QMouseEvent release(QEvent::MouseButtonRelease, b, canvas->mapToGlobal(b), Qt::LeftButton, Qt::NoButton,
                      Qt::ShiftModifier);
  QCoreApplication::sendEvent(canvas, &press);
  QCoreApplication::sendEvent(canvas, &move);
  QCoreApplication::sendEvent(canvas, &release);
  // Both corners are inside the new view, and the box fills most of its width or height.
  const QPointF pa = canvas->toPixel(ma);
  const QPointF pb = canvas->toPixel(mb);
  EXPECT_TRUE(QRectF(canvas->rect()).contains(pa));
  EXPECT_TRUE(QRectF(canvas->rect()).contains(pb));
  EXPECT_GT(std::max((pb.x() - pa.x()) / canvas->width(), (pb.y() - pa.y()) / canvas->height()), 0.85);
}

// Issue 19 item 9: the view is exported as a figure page laid out like the presets' — title,
// legend of the visible layers (an added layer under its legend name, in its look), scale bar,
// north arrow, credits — with the map frame showing the view; not the bare canvas.
TEST_F(MapCanvasTest, ExportsTheViewAsAFigurePageWithLegendAndScaleBar) {
  window->resize(900, 600);
  window->show();
  const circatlas::test::TempDir dir;
  const auto wells = circatlas::test::writeFile(dir / "wells.geojson", kWells);
  ASSERT_TRUE(window->openFile(QString::fromStdString(wells.string())));
  const std::size_t index = window->layers().size() - 1;
  ASSERT_EQ(window->layers().at(index).file, wells.string());
  LayerLook look = *window->layers().at(index).look;
  look.color = {60, 230, 20, 255};
  look.sizeMm = 4.0;
  look.legendName = "Monitoring wells";
  window->layers().setLook(index, look);
  // Lanzhou and its wells, about 60 km across.
  core::Extent around = window->layers().at(index).display->extent();
  around.expand(core::Coord{around.minX - 25000, around.minY - 25000});
  around.expand(core::Coord{around.maxX + 25000, around.maxY + 25000});
  window->canvas()->zoomToExtent(around);

  // What the page draws: the view in its frame, a scale bar, the legend.
  const render::FigureReport report = exportView(window->viewFigure(), dir / "report.png");
  EXPECT_GT(report.scaleBar.lengthKm, 0.0);
  EXPECT_LT(report.scaleBar.lengthKm, 60.0);
  const auto& labels = report.legendLabels;
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Monitoring wells"), labels.end());
  const core::Extent shown = report.mapSettings.extent;
  const core::Extent view = window->canvas()->settings().extent;
  EXPECT_TRUE(shown.minX <= view.minX && shown.maxX >= view.maxX && shown.minY <= view.minY && shown.maxY >= view.maxY)
      << "the frame shows the whole view";
  EXPECT_LT(shown.width() * shown.height(), 2.0 * view.width() * view.height()) << "and not much more";

  for (const char* name : {"view.png", "view.pdf", "view.svg"}) {
    const QString path = QDir(QString::fromStdString(dir.path().string())).filePath(name);
    ASSERT_TRUE(window->exportView(path)) << name;
    EXPECT_GT(QFileInfo(path).size(), 1000) << name;
  }
  // The PDF's text: title, legend heading and the layer's legend name, the scale bar's length, north.
  const auto pdf = dir / "view.pdf";
  const auto text = circatlas::test::runCommand("pdftotext -layout '" + pdf.string() + "' -");
  ASSERT_EQ(text.exitCode, 0) << text.output;
  for (const std::string& expected :
       {std::string("Map view"), std::string("Legend"), std::string("Monitoring wells"),
        render::scaleBarLabel(report.scaleBar.lengthKm, render::Language::En), std::string("Map date")}) {
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected << " in\n" << text.output;
  }
  // The PNG is the A4 page at 200 dpi, not the canvas: the map frame, the wells in their colour
  // in it, and the legend beside it (dark text right of the frame).
  const QImage png(QString::fromStdString((dir / "view.png").string()));
  EXPECT_EQ(png.width(), 2339);
  EXPECT_EQ(png.height(), 1654);
  const auto [fx, fy, fw, fh] = render::FigureLayout(297.0, 210.0, 200.0).mapFramePx();
  const QImage frame = png.copy(QRect(int(fx), int(fy), int(fw), int(fh)));
  EXPECT_GT(pixelsNear(frame, QColor(60, 230, 20)), 3 * 400) << "three 4 mm markers at 200 dpi";
  const QImage panel = png.copy(QRect(int(fx + fw) + 20, int(fy), png.width() - int(fx + fw) - 20, int(fh)));
  EXPECT_GT(pixelsNear(panel, QColor(40, 40, 40), 40), 200) << "legend text";
  EXPECT_GT(pixelsNear(panel, QColor(60, 230, 20)), 50) << "the wells' legend patch";
}

// A failed export says why in a message box and leaves nothing behind: no file, no temporary file.
TEST_F(MapCanvasTest, AFailedViewExportShowsWhyAndLeavesNothingBehind) {
  window->resize(900, 600);
  window->show();
  const circatlas::test::TempDir dir;
  const auto missing = dir / "missing" / "view.pdf";
  EXPECT_FALSE(window->exportView(QString::fromStdString(missing.string())));
  QMessageBox* box = nullptr;
  ASSERT_TRUE(waitUntil([&] { return (box = window->findChild<QMessageBox*>("errorBox")) != nullptr; }, 5000));
  EXPECT_TRUE(box->text().contains("view.pdf")) << box->text().toStdString();
  box->close();
  EXPECT_FALSE(std::filesystem::exists(dir / "missing"));

  // The page is drawn, but it cannot take the place of a folder of that name: the temporary file is removed.
  const auto blocked = dir / "view.png";
  std::filesystem::create_directory(blocked);
  (void)circatlas::test::writeFile(blocked / "keep.txt", "kept");
  EXPECT_THROW((void)exportView(window->viewFigure(), blocked), core::IoError);
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    left.push_back(entry.path().lexically_relative(dir.path()).string());
  }
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"view.png", "view.png/keep.txt"}));
}

// A disk that fills up while the page is written: the export fails with a message, and the
// half-written temporary file is gone.
TEST_F(MapCanvasTest, AViewExportOntoAFullDiskLeavesNoHalfWrittenFile) {
  window->resize(900, 600);
  window->show();
  const circatlas::test::TempDir dir;
  const circatlas::test::TmpfsMount disk(dir / "small", "size=64k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
  EXPECT_FALSE(window->exportView(QString::fromStdString((dir / "small" / "view.png").string())));
  ASSERT_TRUE(waitUntil([&] { return window->findChild<QMessageBox*>("errorBox") != nullptr; }, 5000));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "small"));
}

}  // namespace
}  // namespace circatlas::viewer::testing
