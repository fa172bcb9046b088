// North arrow and graticule: both follow the projection, so a conic's converging meridians show.
#include "render/map_decorations.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "geo/analysis_crs.h"
#include "geo/transformer.h"
#include "render/render_session.h"

namespace circatlas::render {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

double trueNorthDegrees(const MapSettings& settings) {
  const geo::Transformer toLonLat(settings.crs, geo::kWgs84);
  const core::Coord c = settings.extent.center();
  const core::Coord ll = toLonLat.forward(c);
  const core::Coord north = toLonLat.inverse(core::Coord{ll.x, std::min(ll.y + 0.1, 89.9)});
  // clockwise from up: atan2 of east offset over north offset in map units
  return std::atan2(north.x - c.x, north.y - c.y) * 180.0 / kPi;
}

void drawNorthArrow(QPainter& painter, double cx, double cy, double heightPx, double rotationDeg, double dpi,
                    Language language) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.translate(cx, cy);
  painter.rotate(rotationDeg);
  const double h = heightPx;
  const double w = h * 0.36;
  QPolygonF left, right;
  left << QPointF(0, -h / 2) << QPointF(-w / 2, h / 2) << QPointF(0, h * 0.28);
  right << QPointF(0, -h / 2) << QPointF(w / 2, h / 2) << QPointF(0, h * 0.28);
  QPen pen(QColor(30, 30, 30));
  pen.setWidthF(0.15 * dpi / 25.4);
  pen.setJoinStyle(Qt::MiterJoin);
  painter.setPen(pen);
  painter.setBrush(QColor(30, 30, 30));
  painter.drawPolygon(left);
  painter.setBrush(QColor(255, 255, 255));
  painter.drawPolygon(right);
  const QFont font = mapFont(8.0, dpi, true);
  const QFontMetricsF fm(font);
  const QString n = language == Language::Zh ? QString::fromUtf8("北") : QStringLiteral("N");
  painter.setFont(font);
  painter.drawText(QPointF(-fm.horizontalAdvance(n) / 2, -h / 2 - 0.8 * dpi / 25.4), n);
  painter.restore();
}

namespace {

std::string degreeLabel(double v, bool longitude) {
  const double a = std::abs(v);
  char buf[32];
  if (a == std::floor(a)) std::snprintf(buf, sizeof buf, "%d°", static_cast<int>(a));
  else std::snprintf(buf, sizeof buf, "%.1f°", a);
  return std::string(buf) + (longitude ? (v >= 0 ? "E" : "W") : (v >= 0 ? "N" : "S"));
}

// Where a pixel polyline crosses the horizontal y = edge (or vertical x = edge), if it does.
std::optional<double> crossing(const std::vector<QPointF>& pts, double edge, bool horizontal) {
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double a = horizontal ? pts[i - 1].y() : pts[i - 1].x();
    const double b = horizontal ? pts[i].y() : pts[i].x();
    if ((a - edge) * (b - edge) <= 0 && a != b) {
      const double t = (edge - a) / (b - a);
      return horizontal ? pts[i - 1].x() + t * (pts[i].x() - pts[i - 1].x())
                        : pts[i - 1].y() + t * (pts[i].y() - pts[i - 1].y());
    }
  }
  return std::nullopt;
}

}  // namespace

void drawGraticule(QPainter& painter, const MapSettings& s) {
  const geo::Transformer toLonLat(s.crs, geo::kWgs84);
  // the frame's geographic range, from points along its edges
  double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
  for (int i = 0; i <= 20; ++i) {
    const double t = i / 20.0;
    for (const core::Coord px : {core::Coord{t * s.widthPx, 0}, core::Coord{t * s.widthPx, double(s.heightPx)},
                                 core::Coord{0, t * s.heightPx}, core::Coord{double(s.widthPx), t * s.heightPx}}) {
      const core::Coord ll = toLonLat.forward(s.toMap(px.x, px.y));
      minLon = std::min(minLon, ll.x);
      maxLon = std::max(maxLon, ll.x);
      minLat = std::min(minLat, ll.y);
      maxLat = std::max(maxLat, ll.y);
    }
  }
  const double span = std::max(maxLon - minLon, maxLat - minLat);
  const double step = span > 12 ? 5.0 : span > 5 ? 2.0 : span > 2 ? 1.0 : 0.5;
  const double mm = s.pixelsPerMm();

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(QColor(90, 110, 130, 110));
  pen.setWidthF(0.15 * mm);
  const QFont font = mapFont(5.5, s.dpi);
  const QFontMetricsF fm(font);
  painter.setFont(font);

  auto project = [&](double lon, double lat) {
    const core::Coord m = toLonLat.inverse(core::Coord{lon, lat});
    return QPointF(s.toPixelX(m.x), s.toPixelY(m.y));
  };
  auto drawLine = [&](const std::vector<QPointF>& pts) {
    painter.save();
    painter.setClipRect(QRectF(0, 0, s.widthPx, s.heightPx));
    painter.setPen(pen);
    painter.drawPolyline(pts.data(), static_cast<int>(pts.size()));
    painter.restore();
  };
  painter.setPen(QColor(70, 70, 70));
  for (double lon = std::ceil(minLon / step) * step; lon <= maxLon; lon += step) {
    std::vector<QPointF> pts;
    for (double lat = minLat - step; lat <= maxLat + step; lat += step / 20) pts.push_back(project(lon, lat));
    drawLine(pts);
    if (const auto x = crossing(pts, s.heightPx, true); x && *x > 0 && *x < s.widthPx) {
      const QString t = QString::fromStdString(degreeLabel(lon, true));
      painter.setPen(QColor(70, 70, 70));
      painter.drawText(QPointF(*x - fm.horizontalAdvance(t) / 2, s.heightPx + 0.8 * mm + fm.ascent()), t);
    }
  }
  for (double lat = std::ceil(minLat / step) * step; lat <= maxLat; lat += step) {
    std::vector<QPointF> pts;
    for (double lon = minLon - step; lon <= maxLon + step; lon += step / 20) pts.push_back(project(lon, lat));
    drawLine(pts);
    if (const auto y = crossing(pts, 0, false); y && *y > 0 && *y < s.heightPx) {
      const QString t = QString::fromStdString(degreeLabel(lat, false));
      painter.save();
      painter.setPen(QColor(70, 70, 70));
      painter.translate(-0.8 * mm - fm.descent(), *y);
      painter.rotate(-90);
      painter.drawText(QPointF(-fm.horizontalAdvance(t) / 2, 0), t);
      painter.restore();
    }
  }
  painter.restore();
}

}  // namespace circatlas::render
