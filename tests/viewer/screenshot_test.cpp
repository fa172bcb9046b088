// The viewer as a user starts it, on a real X server (Xvfb): the window is not blank and its map
// frame shows Gansu. Runs the built circatlas-viewer with its hidden --screenshot option.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QRect>

#include <string>

#include "test_support.h"

namespace circatlas::viewer::testing {
namespace {

TEST(ViewerScreenshot, UnderXvfbTheWindowShowsGansuFillingTheMapFrame) {
  const circatlas::test::TempDir dir;
  const auto png = dir / "viewer.png";
  const auto run = circatlas::test::runCommand("xvfb-run -a -s '-screen 0 1600x1000x24' '" CIRCATLAS_VIEWER_PATH
                                               "' --timing --screenshot '" +
                                               png.string() + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("first map drawn"), std::string::npos) << run.output;
  QImage shot(QString::fromStdString(png.string()));
  ASSERT_FALSE(shot.isNull()) << run.output;
  EXPECT_GE(shot.width(), 800);

  // Gansu's counties are filled #f6f3ea (styles/counties.json), nothing else is: where that colour
  // lies is where the province is drawn.
  const QColor countyFill(0xf6, 0xf3, 0xea);
  int countyPixels = 0, total = 0;
  QRect gansu;
  QRgb first = shot.pixel(0, 0);
  bool uniform = true;
  for (int y = 0; y < shot.height(); y += 2) {
    for (int x = 0; x < shot.width(); x += 2) {
      ++total;
      const QRgb p = shot.pixel(x, y);
      uniform = uniform && p == first;
      const QColor c(p);
      if (std::abs(c.red() - countyFill.red()) <= 2 && std::abs(c.green() - countyFill.green()) <= 2 &&
          std::abs(c.blue() - countyFill.blue()) <= 2) {
        ++countyPixels;
        gansu |= QRect(x, y, 1, 1);
      }
    }
  }
  EXPECT_FALSE(uniform) << "blank window";
  // The province covers a good part of the window (about 5 % at the default 1400 × 900, where the
  // docks take more than half; a blank or failed map gives none). Plain county fill is what is
  // counted: the 233 enterprise symbols in Gansu and the cluster hulls over them cover part of it
  // (2.4 % of the samples are left with the surveyed catalogue)…
  EXPECT_GT(countyPixels, total / 50) << countyPixels << " of " << total;
  // …and spans it as Gansu does: long west–east (92–109°E) and shorter north–south.
  EXPECT_GT(gansu.width(), shot.width() / 4) << gansu.width();
  EXPECT_GT(gansu.width(), gansu.height()) << gansu.width() << " × " << gansu.height();
}

}  // namespace
}  // namespace circatlas::viewer::testing
