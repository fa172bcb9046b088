// Draws symbols (markers, line strokes, fills) with a QPainter; shared by the map and the legend.
#pragma once

#include "render/style.h"

class QPainter;
class QPen;
class QBrush;
class QColor;
class QRectF;
class QPointF;

namespace circatlas::render {

/// Converts style symbols to Qt pens and brushes at a given resolution and draws markers and
/// legend patches. Holds a reference to the painter; does not own it.
class SymbolPainter {
 public:
  SymbolPainter(QPainter& painter, double pixelsPerMm);

  [[nodiscard]] QPen pen(const Symbol& symbol, double widthMm) const;
  [[nodiscard]] QBrush brush(const Symbol& symbol) const;

  /// A marker centred at p, sizeMm across.
  void drawMarker(const QPointF& p, const Symbol& symbol, double sizeMm) const;
  /// A legend patch for the symbol inside rect: a marker, a short line or a filled box.
  void drawLegendPatch(const QRectF& rect, StyleGeometry geometry, const Symbol& symbol) const;

  [[nodiscard]] double pixelsPerMm() const noexcept { return pxPerMm_; }

 private:
  QPainter& painter_;
  double pxPerMm_;
};

/// The Qt colour of a style colour with an extra opacity factor.
[[nodiscard]] QColor toQColor(const Color& c, double opacity = 1.0);

}  // namespace circatlas::render
