// Raster label halos by growing a mask of the text (greyscale dilation with an antialiased disc).
#include "render/raster_halo.h"

#include <QGlyphRun>
#include <QPaintEngine>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace circatlas::render {

bool RasterHalo::suits(const QPainter& painter) {
  const QPaintEngine* engine = painter.paintEngine();
  return engine && engine->type() == QPaintEngine::Raster &&
         painter.deviceTransform().type() <= QTransform::TxTranslate;
}

namespace {

// Thin stems spread their coverage over two pixels, which the distance estimate below reads as a
// thinner glyph; this allowance makes up for it (calibrated against stroked halos on the 100 k
// benchmark, where it minimises the difference).
constexpr double kStemAllowancePx = 0.3;

int reachFor(double radiusPx) { return static_cast<int>(std::ceil(radiusPx + kStemAllowancePx + 1.0)); }

}  // namespace

void RasterHalo::setRadius(double radiusPx, int stride) {
  if (radiusPx == radiusPx_ && stride == stride_) return;
  radiusPx_ = radiusPx;
  stride_ = stride;
  // A pixel of coverage c has the glyph's edge about c - 0.5 px beyond its centre, so a pixel d
  // away lies d - c + 0.5 px from the glyph and is covered by the halo by r + 0.5 minus that
  // distance, clamped to 0–1: bias (r - d) plus c. Taps reach as far as that can be positive.
  reach_ = reachFor(radiusPx);
  taps_.clear();
  for (int dy = -reach_; dy <= reach_; ++dy) {
    for (int dx = -reach_; dx <= reach_; ++dx) {
      const double bias = radiusPx + kStemAllowancePx - std::hypot(dx, dy);
      if (bias > -1.0)
        taps_.push_back({static_cast<std::ptrdiff_t>(dy) * stride + dx, static_cast<int>(std::lround(bias * 255.0))});
    }
  }
}

void RasterHalo::draw(QPainter& painter, const QPointF& origin, const QList<QGlyphRun>& runs, const QRectF& bounds,
                      const Halo& halo, double radiusPx) {
  if (runs.isEmpty() || bounds.isEmpty() || radiusPx <= 0.0 || halo.color.a == 0) return;
  // Work in device pixels: the mask keeps the text's sub-pixel phase, so it lines up with the
  // text the painter draws afterwards.
  const QTransform device = painter.deviceTransform();
  const QPointF at = origin + QPointF(device.dx(), device.dy());
  // margin around the text box: the halo's reach plus a pixel for glyphs overhanging their advance
  const int reach = reachFor(radiusPx);
  const int x0 = static_cast<int>(std::floor(at.x() + bounds.left())) - reach - 1;
  const int y0 = static_cast<int>(std::floor(at.y() + bounds.top())) - reach - 1;
  const int w = static_cast<int>(std::ceil(at.x() + bounds.right())) + reach + 2 - x0;
  const int h = static_cast<int>(std::ceil(at.y() + bounds.bottom())) + reach + 2 - y0;
  const int stride = w + 2 * reach;
  setRadius(radiusPx, stride);
  if (text_.width() < w || text_.height() < h) {
    text_ = QImage(std::max(w, text_.width()), std::max(h, text_.height()), QImage::Format_ARGB32_Premultiplied);
    halo_ = QImage(text_.size(), QImage::Format_ARGB32_Premultiplied);
  }
  for (int y = 0; y < h; ++y) std::memset(text_.scanLine(y), 0, static_cast<std::size_t>(w) * 4);
  {
    QPainter mask(&text_);
    mask.setClipRect(0, 0, w, h);
    mask.setRenderHint(QPainter::TextAntialiasing, true);
    mask.setPen(Qt::black);
    for (const QGlyphRun& run : runs) mask.drawGlyphRun(at - QPointF(x0, y0), run);
  }

  // Scattered from the inked pixels (a fraction of the box) rather than gathered at every pixel.
  grown_.assign(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h + 2 * reach), 0);
  for (int y = 0; y < h; ++y) {
    const auto* in = reinterpret_cast<const QRgb*>(text_.constScanLine(y));
    std::int16_t* row = grown_.data() + static_cast<std::ptrdiff_t>(y + reach) * stride + reach;
    for (int x = 0; x < w; ++x) {
      const int c = qAlpha(in[x]);
      if (c == 0) continue;
      for (const Tap& t : taps_) {
        std::int16_t& g = row[x + t.offset];
        g = static_cast<std::int16_t>(std::max<int>(g, c + t.bias));
      }
    }
  }
  const std::uint32_t a = halo.color.a;
  const std::uint32_t r = halo.color.r * a / 255;
  const std::uint32_t g = halo.color.g * a / 255;
  const std::uint32_t b = halo.color.b * a / 255;
  for (int y = 0; y < h; ++y) {
    auto* out = reinterpret_cast<QRgb*>(halo_.scanLine(y));
    const std::int16_t* row = grown_.data() + static_cast<std::ptrdiff_t>(y + reach) * stride + reach;
    for (int x = 0; x < w; ++x) {
      const auto m = static_cast<std::uint32_t>(std::clamp<int>(row[x], 0, 255));
      out[x] = ((a * m / 255) << 24) | ((r * m / 255) << 16) | ((g * m / 255) << 8) | (b * m / 255);
    }
  }
  painter.drawImage(QPointF(x0 - device.dx(), y0 - device.dy()), halo_, QRectF(0, 0, w, h));
}

}  // namespace circatlas::render
