// Label halos for raster targets: the text drawn into a mask, grown by the halo radius, painted once.
#pragma once

#include <QImage>
#include <QList>
#include <cstdint>
#include <vector>

#include "render/style.h"

class QGlyphRun;
class QPainter;
class QPointF;
class QRectF;

namespace circatlas::render {

/// Draws the halo of a text line on a raster painter whose device transform is at most a
/// translation. Stroking the outlines of the glyphs, as vector output does, cost about 200 µs a
/// label; this draws the text's coverage into a scratch mask, grows it by the halo radius (each
/// pixel's coverage read as a distance to the glyph's edge, so the grown edge stays antialiased
/// where the stroke's edge was) and blends it once in the halo colour: some 15 µs. The same idea
/// as Mapnik's "fast" halo rasterizer. Reuses its scratch buffers; not thread-safe, one per render.
class RasterHalo {
 public:
  /// True when the painter is a raster engine without scaling or rotation.
  [[nodiscard]] static bool suits(const QPainter& painter);

  /// The halo of laid-out text: `runs` drawn at `origin` (painter coordinates, as for
  /// QPainter::drawGlyphRun), inside the box `bounds` relative to origin; radiusPx in device pixels.
  void draw(QPainter& painter, const QPointF& origin, const QList<QGlyphRun>& runs, const QRectF& bounds,
            const Halo& halo, double radiusPx);

 private:
  struct Tap {
    std::ptrdiff_t offset;  // in the grown buffer
    int bias;               // (radius - distance) × 255
  };
  void setRadius(double radiusPx, int stride);

  double radiusPx_ = -1.0;
  int stride_ = 0;
  int reach_ = 0;
  std::vector<Tap> taps_;
  QImage text_;
  QImage halo_;
  /// The grown coverage (may exceed 0–255 before clamping), with a border of reach_ pixels so
  /// taps need no bounds checks.
  std::vector<std::int16_t> grown_;
};

}  // namespace circatlas::render
