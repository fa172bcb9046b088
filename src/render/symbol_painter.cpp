// Markers, pens and brushes from style symbols.
#include "render/symbol_painter.h"

#include <QBrush>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>
#include <cmath>
#include <numbers>

namespace circatlas::render {

QColor toQColor(const Color& c, double opacity) {
  return QColor(c.r, c.g, c.b, static_cast<int>(std::lround(c.a * opacity)));
}

SymbolPainter::SymbolPainter(QPainter& painter, double pixelsPerMm) : painter_(painter), pxPerMm_(pixelsPerMm) {}

QPen SymbolPainter::pen(const Symbol& symbol, double widthMm) const {
  if (!symbol.stroke || widthMm <= 0) return QPen(Qt::NoPen);
  QPen p(toQColor(*symbol.stroke, symbol.opacity));
  const double widthPx = std::max(widthMm * pxPerMm_, 0.35);
  p.setWidthF(widthPx);
  p.setJoinStyle(Qt::RoundJoin);
  p.setCapStyle(symbol.dashMm.empty() ? Qt::RoundCap : Qt::FlatCap);
  if (!symbol.dashMm.empty()) {
    // Qt dash lengths are in units of the pen width
    QList<qreal> pattern;
    for (double d : symbol.dashMm) pattern.append(d * pxPerMm_ / widthPx);
    p.setDashPattern(pattern);
  }
  return p;
}

QBrush SymbolPainter::brush(const Symbol& symbol) const {
  if (!symbol.fill) return QBrush(Qt::NoBrush);
  return QBrush(toQColor(*symbol.fill, symbol.opacity));
}

namespace {

QPolygonF regularPolygon(const QPointF& c, double r, int n, double startDeg) {
  QPolygonF poly;
  for (int i = 0; i < n; ++i) {
    const double a = (startDeg + 360.0 * i / n) * std::numbers::pi / 180.0;
    poly << QPointF(c.x() + r * std::cos(a), c.y() - r * std::sin(a));
  }
  return poly;
}

}  // namespace

void SymbolPainter::drawMarker(const QPointF& p, const Symbol& symbol, double sizeMm) const {
  const double r = sizeMm * pxPerMm_ / 2.0;
  painter_.setPen(pen(symbol, symbol.strokeWidthMm));
  painter_.setBrush(brush(symbol));
  switch (symbol.marker) {
    case MarkerShape::Circle:
      painter_.drawEllipse(p, r, r);
      break;
    case MarkerShape::Square:
      painter_.drawRect(QRectF(p.x() - r * 0.886, p.y() - r * 0.886, r * 1.772, r * 1.772));
      break;
    case MarkerShape::Triangle:
      painter_.drawPolygon(regularPolygon(QPointF(p.x(), p.y() + r * 0.15), r * 1.15, 3, 90));
      break;
    case MarkerShape::Diamond:
      painter_.drawPolygon(regularPolygon(p, r * 1.1, 4, 90));
      break;
    case MarkerShape::Hexagon:
      painter_.drawPolygon(regularPolygon(p, r, 6, 0));
      break;
    case MarkerShape::Star: {
      QPolygonF star;
      for (int i = 0; i < 10; ++i) {
        const double rr = i % 2 == 0 ? r * 1.2 : r * 0.5;
        const double a = (90.0 + 36.0 * i) * std::numbers::pi / 180.0;
        star << QPointF(p.x() + rr * std::cos(a), p.y() - rr * std::sin(a));
      }
      painter_.drawPolygon(star);
      break;
    }
    case MarkerShape::Cross: {
      QPainterPath path;
      const double t = r * 0.35;
      path.addRect(QRectF(p.x() - r, p.y() - t, 2 * r, 2 * t));
      path.addRect(QRectF(p.x() - t, p.y() - r, 2 * t, 2 * r));
      painter_.drawPath(path.simplified());
      break;
    }
  }
}

void SymbolPainter::drawLegendPatch(const QRectF& rect, StyleGeometry geometry, const Symbol& symbol) const {
  switch (geometry) {
    case StyleGeometry::Point:
      drawMarker(rect.center(), symbol, std::min(symbol.sizeMm, rect.height() / pxPerMm_));
      break;
    case StyleGeometry::Line:
      painter_.setPen(pen(symbol, std::min(symbol.strokeWidthMm, rect.height() / pxPerMm_ * 0.6)));
      painter_.setBrush(Qt::NoBrush);
      painter_.drawLine(QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y()));
      break;
    case StyleGeometry::Polygon: {
      painter_.setPen(pen(symbol, std::min(symbol.strokeWidthMm, 0.5)));
      painter_.setBrush(brush(symbol));
      painter_.drawRect(rect.adjusted(0, rect.height() * 0.1, 0, -rect.height() * 0.1));
      break;
    }
  }
}

}  // namespace circatlas::render
