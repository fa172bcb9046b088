// The canvas: wheel zoom around the cursor, panning, full extent, and export of the view.
#include <QDir>
#include <QFileInfo>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QWheelEvent>

#include <cmath>

#include "viewer/map_canvas.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using MapCanvasTest = ViewerTest;

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

TEST_F(MapCanvasTest, ExportsTheViewAsPngPdfAndSvg) {
  window->resize(900, 600);
  window->show();
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  for (const char* name : {"view.png", "view.pdf", "view.svg"}) {
    const QString path = QDir(dir.path()).filePath(name);
    ASSERT_TRUE(window->exportView(path)) << name;
    EXPECT_GT(QFileInfo(path).size(), 1000) << name;
  }
  const QImage png(QDir(dir.path()).filePath("view.png"));
  EXPECT_EQ(png.width(), window->canvas()->width() * 2);
}

}  // namespace
}  // namespace circatlas::viewer::testing
