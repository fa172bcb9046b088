// The measure tool: clicks between two seats give PROJ's geodesic and the road distance of `circatlas route`.
#include <geodesic.h>

#include <QAction>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QProcess>
#include <QRegularExpression>

#include <optional>

#include "viewer/identify.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/measure_panel.h"
#include "viewer/measure_tool.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

namespace net = analysis::network;

class MeasureToolTest : public ViewerTest {
 protected:
  void SetUp() override {
    ViewerTest::SetUp();
    window->resize(1400, 900);
    window->show();
    window->measureAction()->setChecked(true);
  }

  // The seat's point as the atlas has it (WGS 84).
  core::LonLat seat(const char* nameEn) const {
    const ViewerLayer* seats = window->layers().find("prefecture_seats");
    EXPECT_NE(seats, nullptr);
    for (std::size_t i = 0; i < seats->source->size(); ++i) {
      if (core::toString(seats->source->value(i, "name_en")) == nameEn) {
        const core::Coord c = (*seats->source)[i].geometry.coords()[0];
        return {c.x, c.y};
      }
    }
    ADD_FAILURE() << "no prefecture seat " << nameEn;
    return {};
  }

  QPointF pixelOf(core::LonLat p) const {
    const auto map = window->canvas()->fromLonLat({p.lon, p.lat});
    EXPECT_TRUE(map);
    return window->canvas()->toPixel(*map);
  }

  void send(QEvent::Type type, QPointF at, Qt::MouseButton button) {
    MapCanvas* canvas = window->canvas();
    const Qt::MouseButtons held = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(button);
    QMouseEvent event(type, at, canvas->mapToGlobal(at), button, held, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas, &event);
  }
  void click(QPointF at, Qt::MouseButton button = Qt::LeftButton) {
    send(QEvent::MouseButtonPress, at, button);
    send(QEvent::MouseButtonRelease, at, button);
  }
  // What Qt delivers for a double click: press, release, double-click, release.
  void doubleClick(QPointF at) {
    click(at);
    send(QEvent::MouseButtonDblClick, at, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, at, Qt::LeftButton);
  }
};

// PROJ's own geodesic routine on WGS 84, called here directly rather than through geo/.
double projGeodesicMeters(core::LonLat a, core::LonLat b) {
  geod_geodesic g{};
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  double s12 = 0;
  geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
  return s12;
}

struct CliRoute {
  double km = 0;
  QString status;
};

// `circatlas route FROM TO --metric length` on the built-in network, as a planner would run it.
std::optional<CliRoute> cliRoute(core::LonLat a, core::LonLat b) {
  QProcess cli;
  auto place = [](core::LonLat p) { return QString::number(p.lon, 'f', 8) + ',' + QString::number(p.lat, 'f', 8); };
  cli.start(QStringLiteral(CIRCATLAS_CLI), {"route", place(a), place(b), "--metric", "length"});
  if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
    ADD_FAILURE() << "circatlas route failed: " << cli.readAllStandardError().toStdString();
    return std::nullopt;
  }
  const QString out = QString::fromUtf8(cli.readAllStandardOutput());
  const auto distance = QRegularExpression(R"(distance ([0-9.]+) km)").match(out);
  const auto status = QRegularExpression(R"(status: ([a-z: ]+) —)").match(out);
  if (!distance.hasMatch() || !status.hasMatch()) {
    ADD_FAILURE() << "unexpected output of circatlas route:\n" << out.toStdString();
    return std::nullopt;
  }
  return CliRoute{distance.captured(1).toDouble(), status.captured(1)};
}

TEST_F(MeasureToolTest, LanzhouToJiuquanIsTheProjGeodesicAndTheRoadDistanceOfCircatlasRoute) {
  const core::LonLat lanzhou = seat("Lanzhou");
  const core::LonLat jiuquan = seat("Jiuquan");
  click(pixelOf(lanzhou));
  doubleClick(pixelOf(jiuquan));

  MeasureTool* tool = window->measureTool();
  const Measurement& m = tool->measurement();
  ASSERT_EQ(m.points.size(), 2u);
  EXPECT_TRUE(m.finished);
  EXPECT_NEAR(m.points[0].lon, lanzhou.lon, 1e-6);
  EXPECT_NEAR(m.points[1].lat, jiuquan.lat, 1e-6);
  EXPECT_TRUE(window->layers().selection().empty()) << "a measuring click must not identify";

  // Independent values: PROJ's geod_inverse on the clicked points, and 620.8 km from PROJ's `geod`
  // utility for the seats (103.8236°E 36.0580°N → 98.5108°E 39.7440°N: 620.844 km).
  EXPECT_NEAR(m.geodesicMeters, projGeodesicMeters(m.points[0], m.points[1]), 1e-3);
  EXPECT_NEAR(m.geodesicMeters / 1000.0, 620.8, 0.5);

  ASSERT_TRUE(waitUntil([&] { return !tool->isRouting() && m.roadFirstToLast.has_value(); }));
  EXPECT_TRUE(m.roadError.isEmpty()) << m.roadError.toStdString();
  const RoadDistance road = *m.roadFirstToLast;
  EXPECT_EQ(road.status, net::PairStatus::Routed);
  EXPECT_GT(road.meters, m.geodesicMeters * 1.05) << "the road winds: longer than the geodesic";
  const auto cli = cliRoute(m.points[0], m.points[1]);
  ASSERT_TRUE(cli);
  EXPECT_EQ(cli->status, QStringLiteral("routed"));
  EXPECT_NEAR(road.meters / 1000.0, cli->km, 0.051);  // the CLI prints one decimal

  const QString summary = window->measurePanel()->summaryText();
  EXPECT_TRUE(summary.contains(QStringLiteral("along the network"))) << summary.toStdString();
  EXPECT_TRUE(summary.contains(QLocale().toString(road.meters / 1000.0, 'f', 1) + QStringLiteral(" km")))
      << summary.toStdString();
}

TEST_F(MeasureToolTest, ALegBeyondTheNetworkFallsBackToTheStraightLineAndSaysSo) {
  // Lanzhou, Wuwei, then a point in the Badain Jaran desert over 50 km from every trunk line.
  const core::LonLat desert{100.5, 41.5};
  click(pixelOf(seat("Lanzhou")));
  click(pixelOf(seat("Wuwei")));
  click(pixelOf(desert));
  QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
  QCoreApplication::sendEvent(window->canvas(), &esc);

  MeasureTool* tool = window->measureTool();
  const Measurement& m = tool->measurement();
  ASSERT_EQ(m.points.size(), 3u);
  ASSERT_TRUE(m.finished);
  ASSERT_EQ(m.legGeodesicMeters.size(), 2u);
  EXPECT_NEAR(m.geodesicMeters, m.legGeodesicMeters[0] + m.legGeodesicMeters[1], 1e-6);
  ASSERT_TRUE(waitUntil([&] { return !tool->isRouting() && m.roadFirstToLast.has_value(); }));
  ASSERT_EQ(m.legRoad.size(), 2u);
  EXPECT_EQ(m.legRoad[0].status, net::PairStatus::Routed);
  EXPECT_EQ(m.legRoad[1].status, net::PairStatus::FallbackNotSnapped);
  EXPECT_TRUE(m.legRoad[1].fellBack());
  // The fallback is the router's straight line × 1.3 (in the conformal analysis CRS, within 1 % of the geodesic).
  EXPECT_NEAR(m.legRoad[1].meters / m.legGeodesicMeters[1], 1.3, 0.013);
  const auto cli = cliRoute(m.points.front(), m.points.back());
  ASSERT_TRUE(cli);
  EXPECT_EQ(cli->status, QStringLiteral("fallback: not snapped"));
  EXPECT_NEAR(m.roadFirstToLast->meters / 1000.0, cli->km, 0.051);
  EXPECT_TRUE(window->measurePanel()->summaryText().contains(QStringLiteral("1 leg fell back to a straight line")))
      << window->measurePanel()->summaryText().toStdString();

  // A right click clears; switching the tool off gives clicks back to identify.
  click(pixelOf(seat("Lanzhou")), Qt::RightButton);
  EXPECT_TRUE(m.points.empty());
  window->measureAction()->setChecked(false);
  EXPECT_EQ(window->canvas()->mapTool(), nullptr);
  click(pixelOf(seat("Lanzhou")));
  EXPECT_TRUE(m.points.empty());
  EXPECT_FALSE(window->layers().selection().empty());
}

// Item 8: a click near a seat snaps to it, the point carries the seat's name, and the label says
// what is measured. Only the seats are shown, so the nearest point feature is known.
TEST_F(MeasureToolTest, AClickNearASeatSnapsToItAndTheMeasurementIsLabelledWithTheNames) {
  LayerStack& stack = window->layers();
  for (std::size_t i = 0; i < stack.layers().size(); ++i) {
    if (stack.layers()[i].id != "prefecture_seats") stack.setVisible(i, false);
  }
  const core::LonLat jiuquan = seat("Jiuquan");
  const core::LonLat lanzhou = seat("Lanzhou");
  click(pixelOf(jiuquan) + QPointF(6, -4));
  doubleClick(pixelOf(lanzhou) + QPointF(-5, 5));

  const Measurement& m = window->measureTool()->measurement();
  ASSERT_EQ(m.points.size(), 2u);
  // Snapped onto the seat (through the display CRS and back), not where the click fell (about 10 km off).
  EXPECT_NEAR(m.points[0].lon, jiuquan.lon, 1e-9);
  EXPECT_NEAR(m.points[0].lat, jiuquan.lat, 1e-9);
  EXPECT_NEAR(m.points[1].lon, lanzhou.lon, 1e-9);
  EXPECT_NEAR(m.points[1].lat, lanzhou.lat, 1e-9);
  ASSERT_EQ(m.names.size(), 2u);
  EXPECT_EQ(m.names[0], QStringLiteral("Jiuquan"));
  EXPECT_EQ(m.names[1], QStringLiteral("Lanzhou"));
  EXPECT_EQ(window->measureTool()->subject(), QStringLiteral("Jiuquan → Lanzhou"));
  EXPECT_TRUE(window->measurePanel()->summaryText().startsWith(QStringLiteral("Jiuquan → Lanzhou")))
      << window->measurePanel()->summaryText().toStdString();
  EXPECT_NEAR(m.geodesicMeters / 1000.0, 620.8, 0.5) << "the seats' distance (PROJ geod), not the clicks'";

  // Far from every point feature the click stays where it fell.
  EXPECT_FALSE(snapPoint(stack, {1e8, 1e8}, 1000.0, false).has_value());
}

}  // namespace
}  // namespace circatlas::viewer::testing
