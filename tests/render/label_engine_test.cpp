// Label placement (collision grid, crowded candidates) and raster halos against stroked ones.
#include <gtest/gtest.h>

#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <cmath>

#include "render/label_engine.h"
#include "render/raster_halo.h"
#include "render/render_session.h"

namespace circatlas::render {
namespace {

class Labels : public ::testing::Test {
 protected:
  void SetUp() override {
    ensureRenderSession();
    style_.sizePt = 7.0;
    style_.placement = LabelPlacement::AroundPoint;
  }
  LabelEngine::Result place(LabelEngine& engine) {
    image_ = QImage(400, 300, QImage::Format_ARGB32_Premultiplied);
    image_.fill(Qt::white);
    QPainter painter(&image_);
    return engine.place(painter);
  }
  /// Pixels darker than the paper in the rectangle.
  int inked(int x0, int y0, int x1, int y1) const {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) n += qGray(image_.pixel(x, y)) < 200 ? 1 : 0;
    }
    return n;
  }
  LabelCandidate at(double x, double y) const { return {"Lanzhou", x, y, 4.0, 0.0, &style_}; }
  LabelStyle style_;
  QImage image_;
};

TEST_F(Labels, PointLabelWithEveryPositionCoveredIsDropped) {
  LabelEngine engine(400, 300, 96);
  engine.addObstacle(100, 100, 200, 100);
  engine.add(at(200, 150));
  const auto r = place(engine);
  EXPECT_EQ(r.placed, 0U);
  EXPECT_EQ(r.dropped, 1U);
}

TEST_F(Labels, PointLabelGoesLeftWhenTheRightIsTaken) {
  LabelEngine engine(400, 300, 96);
  engine.addObstacle(204, 0, 196, 300);  // everything right of the symbol
  engine.add(at(200, 150));
  const auto r = place(engine);
  EXPECT_EQ(r.placed, 1U);
}

TEST_F(Labels, TwoNearbySeatsBothGetTheirNamesTheFirstOneTakingTheLeft) {
  // Jiayuguan and Jiuquan: two city seats 20 px apart in a frame so low that only the right and left
  // positions fit (7 pt at 96 dpi is about 12 px high). Placed greedily right, the first name lay
  // on the second seat and covered both its places, so the second was dropped; the first now goes
  // left, since its right would cover another seat, and the second takes its right.
  style_.priority = 90;
  LabelEngine engine(400, 20, 96);
  engine.add(at(100, 10));
  engine.add(at(120, 10));
  const auto r = place(engine);
  EXPECT_EQ(r.placed, 2U);
  EXPECT_EQ(r.dropped, 0U);
  EXPECT_GT(inked(40, 0, 94, 20), 0) << "the first name, left of its seat";
  EXPECT_GT(inked(127, 0, 180, 20), 0) << "the second name, right of its seat";
}

TEST_F(Labels, ObstacleSpanningManyGridCellsBlocksFromItsFarEnd) {
  LabelEngine engine(400, 300, 96);
  // One box from beyond the left edge across the frame, y 136–164. Around a symbol of radius
  // 12 px at y 150 (gap 14.3 px, diagonal offset 10.7 px, text 10–11 px high), the side and
  // diagonal positions all reach into it; only above (y 125–136) and below (164–175) are free.
  engine.addObstacle(-50, 136, 450, 28);
  for (int i = 0; i < 3; ++i) engine.add({"Lanzhou", 200, 150, 12.0, 0.0, &style_});
  const auto r = place(engine);
  EXPECT_EQ(r.placed, 2U);
  EXPECT_EQ(r.dropped, 1U);
}

TEST_F(Labels, SmallObstacleUnderTheFarEndOfALabelMovesIt) {
  LabelEngine engine(400, 300, 96);
  // The label right of its point would run from x 206 to about 370 at y 145–155, across five
  // 32 px grid cells; the obstacle sits in the fourth only, so the label moves up and right.
  engine.addObstacle(300, 148, 4, 4);
  engine.add({"Lanzhou New Area Industrial Park", 200, 150, 4.0, 0.0, &style_});
  ASSERT_EQ(place(engine).placed, 1U);
  EXPECT_EQ(inked(210, 147, 290, 154), 0);
  EXPECT_GT(inked(210, 134, 290, 146), 0);
}

TEST_F(Labels, CrowdedCandidatesFillThePositionsAroundTheirPointOnce) {
  LabelEngine engine(400, 300, 96);
  for (int i = 0; i < 5000; ++i) engine.add(at(200, 150));
  const auto r = place(engine);
  EXPECT_GE(r.placed, 2U);
  EXPECT_LE(r.placed, 8U);
  EXPECT_EQ(r.placed + r.dropped, 5000U);
}

TEST_F(Labels, WithinOnePriorityTheHigherRankTakesTheOnlyFreePosition) {
  // Only the position right of the symbol is free: bands above and below, a block on the left.
  auto run = [this](double shortRank, double longRank) {
    LabelEngine engine(400, 300, 96);
    engine.addObstacle(0, 0, 400, 138);
    engine.addObstacle(0, 162, 400, 138);
    engine.addObstacle(0, 138, 196, 24);
    engine.add({"Xi", 200, 150, 4.0, 0.0, &style_, shortRank});                        // added first
    engine.add({"Datang Xigu power station", 200, 150, 4.0, 0.0, &style_, longRank});  // added second
    const auto r = place(engine);
    EXPECT_EQ(r.placed, 1U);
    return inked(250, 138, 400, 162);  // only the long name reaches this far right
  };
  EXPECT_GT(run(0.1, 0.9), 0);  // the larger plant keeps its name
  EXPECT_EQ(run(0.9, 0.1), 0);  // the smaller one, ranked higher, takes the place
  EXPECT_EQ(run(0.5, 0.5), 0);  // equal ranks: the order they were added
}

// Darkness (0–255 per pixel, summed) of a halo drawn black on white.
double ink(const QImage& image) {
  double sum = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) sum += 255 - qGray(image.pixel(x, y));
  }
  return sum;
}

TEST(RasterHalo, CoversWhatTheStrokedHaloCovers) {
  ensureRenderSession();
  Halo halo;
  halo.color = {0, 0, 0, 255};
  const double radiusPx = 2.0;
  for (const char* label : {"Lanzhou", "兰州新区"}) {
    SCOPED_TRACE(label);
    const QFont font = mapFont(9, 96);
    const QString text = QString::fromUtf8(label);
    QTextLayout layout(text, font);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setNumColumns(static_cast<int>(text.size()));
    layout.endLayout();
    const QPointF origin(20.3, 10.6);

    QImage stroked(160, 40, QImage::Format_ARGB32_Premultiplied);
    stroked.fill(Qt::white);
    {
      QPainter p(&stroked);
      p.setRenderHint(QPainter::Antialiasing);
      QPainterPath path;
      path.addText(origin + QPointF(0, line.ascent()), font, text);
      QPen pen(Qt::black);
      pen.setWidthF(2 * radiusPx);
      pen.setJoinStyle(Qt::RoundJoin);
      p.strokePath(path, pen);
      p.fillPath(path, Qt::black);  // under the text the raster halo is solid too
    }
    QImage grown(160, 40, QImage::Format_ARGB32_Premultiplied);
    grown.fill(Qt::white);
    {
      QPainter p(&grown);
      ASSERT_TRUE(RasterHalo::suits(p));
      RasterHalo().draw(p, origin, layout.glyphRuns(), line.naturalTextRect(), halo, radiusPx);
    }
    const double want = ink(stroked);
    ASSERT_GT(want, 0.0);
    EXPECT_NEAR(ink(grown) / want, 1.0, 0.1);
    // and in the same place: pixel by pixel the two differ on the halo's edge only
    double diff = 0;
    for (int y = 0; y < 40; ++y) {
      for (int x = 0; x < 160; ++x) diff += std::abs(qGray(stroked.pixel(x, y)) - qGray(grown.pixel(x, y)));
    }
    EXPECT_LT(diff / want, 0.12);
  }
}

TEST(RasterHalo, OnlyForUnscaledRasterPainters) {
  QImage image(10, 10, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&image);
  EXPECT_TRUE(RasterHalo::suits(p));
  p.translate(3.5, 2.0);
  EXPECT_TRUE(RasterHalo::suits(p));
  p.scale(2.0, 2.0);
  EXPECT_FALSE(RasterHalo::suits(p));
}

// Labels from the user's data: control characters would draw as boxes and break SVG's XML.
TEST(PrintableLabel, TabsAndLineBreaksBecomeSpacesOtherControlsAreDroppedHanIsKept) {
  EXPECT_EQ(printableLabel("Lan\x01zhou\tCity"), "Lanzhou City");
  EXPECT_EQ(printableLabel("兰州\r\n西固"), "兰州  西固");
  EXPECT_EQ(printableLabel("\x7f\x1b金昌\x00"), std::string("金昌"));
  EXPECT_EQ(printableLabel(std::string_view("\t\x02 ", 3)), "");
  EXPECT_EQ(printableLabel("白银市"), "白银市");
}

}  // namespace
}  // namespace circatlas::render
