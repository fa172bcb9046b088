// Greedy priority placement with a collision test against placed label boxes, and halo drawing.
#include "render/label_engine.h"

#include <QFontMetricsF>
#include <QGlyphRun>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QTextLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>

#include "render/raster_halo.h"
#include "render/render_session.h"
#include "render/symbol_painter.h"

namespace circatlas::render {

namespace {

// Side of a collision grid cell: about one short label, so a test looks at a few cells.
constexpr double kGridCellPx = 32.0;

}  // namespace

LabelEngine::BoxGrid::BoxGrid(double widthPx, double heightPx)
    : columns_(std::max(1, static_cast<int>(std::ceil(widthPx / kGridCellPx)))),
      rows_(std::max(1, static_cast<int>(std::ceil(heightPx / kGridCellPx)))),
      cells_(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_)) {}

int LabelEngine::BoxGrid::column(double x) const noexcept {
  return std::clamp(static_cast<int>(std::floor(x / kGridCellPx)), 0, columns_ - 1);
}

int LabelEngine::BoxGrid::row(double y) const noexcept {
  return std::clamp(static_cast<int>(std::floor(y / kGridCellPx)), 0, rows_ - 1);
}

// Boxes reaching beyond the frame are clamped into its edge cells, so they are still found.
void LabelEngine::BoxGrid::insert(const Box& b) {
  const std::size_t index = boxes_.size();
  boxes_.push_back(b);
  for (int r = row(b.y0); r <= row(b.y1); ++r) {
    for (int c = column(b.x0); c <= column(b.x1); ++c) {
      cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(c)].push_back(
          index);
    }
  }
}

bool LabelEngine::BoxGrid::overlaps(const Box& b) const noexcept {
  for (int r = row(b.y0); r <= row(b.y1); ++r) {
    for (int c = column(b.x0); c <= column(b.x1); ++c) {
      for (const std::size_t i :
           cells_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(c)]) {
        const Box& o = boxes_[i];
        if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
      }
    }
  }
  return false;
}

LabelEngine::LabelEngine(double widthPx, double heightPx, double dpi)
    : width_(widthPx), height_(heightPx), dpi_(dpi), obstacles_(widthPx, heightPx), placed_(widthPx, heightPx) {}

std::string printableLabel(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (byte >= 0x20 && byte != 0x7f) {
      out += c;  // UTF-8 continuation and lead bytes are all >= 0x80
    }
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

void LabelEngine::add(LabelCandidate candidate) {
  if (!candidate.style) return;
  candidate.text = printableLabel(candidate.text);
  if (candidate.text.empty()) return;
  candidates_.push_back(std::move(candidate));
}

void LabelEngine::addObstacle(double x, double y, double w, double h) { obstacles_.insert({x, y, x + w, y + h}); }

bool LabelEngine::free(const Box& b, bool mayCoverSymbols) const noexcept {
  if (b.x0 < 0 || b.y0 < 0 || b.x1 > width_ || b.y1 > height_) return false;
  return !placed_.overlaps(b) && (mayCoverSymbols || !obstacles_.overlaps(b));
}

namespace {

// The top-left corners of the text box of a point label, best first: right, upper right, lower
// right, left, upper left, lower left, above, below.
std::array<QPointF, 8> aroundPoint(const LabelCandidate& c, double w, double h, double pxPerMm) {
  const double gap = c.symbolRadiusPx + 0.6 * pxPerMm;
  const double d = gap * 0.75;
  return {{{c.x + gap, c.y - h / 2},
           {c.x + d, c.y - d - h},
           {c.x + d, c.y + d},
           {c.x - gap - w, c.y - h / 2},
           {c.x - d - w, c.y - d - h},
           {c.x - d - w, c.y + d},
           {c.x - w / 2, c.y - gap - h},
           {c.x - w / 2, c.y + gap}}};
}

// A style's font and its metrics, built once per render rather than once per candidate.
struct StyleFont {
  QFont font;
  double ascent;
  double descent;
  QFontMetricsF metrics;
};

void drawHaloText(QPainter& painter, const QPointF& baseline, const QFont& font, const QString& text,
                  const LabelStyle& style, double pxPerMm) {
  if (style.halo && style.halo->widthMm > 0) {
    QPainterPath path;
    path.addText(baseline, font, text);
    QPen pen(toQColor(style.halo->color));
    pen.setWidthF(2.0 * style.halo->widthMm * pxPerMm);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.strokePath(path, pen);
  }
  painter.setPen(toQColor(style.color));
  painter.setFont(font);
  painter.drawText(baseline, text);
}

}  // namespace

LabelEngine::Result LabelEngine::place(QPainter& painter, const QPainterPath* focus) {
  const bool rasterHalos = RasterHalo::suits(painter);
  RasterHalo rasterHalo;
  std::map<const LabelStyle*, StyleFont> fonts;
  std::vector<std::size_t> order(candidates_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const LabelCandidate& ca = candidates_[a];
    const LabelCandidate& cb = candidates_[b];
    if (ca.style->priority != cb.style->priority) return ca.style->priority > cb.style->priority;
    return ca.rank > cb.rank;
  });
  const double pxPerMm = dpi_ / 25.4;
  // The points of the labels that may cover symbols (city seats). Such a label first tries the
  // positions that leave every other such point uncovered: of two seats 20 km apart (Jiayuguan and
  // Jiuquan) the first one's name no longer lies on the second one's marker and takes its places.
  BoxGrid seats(width_, height_);
  for (const LabelCandidate& c : candidates_) {
    if (c.style->priority >= kCoversSymbolsPriority && c.style->placement == LabelPlacement::AroundPoint) {
      seats.insert({c.x - 0.5, c.y - 0.5, c.x + 0.5, c.y + 0.5});
    }
  }
  Result result;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  for (const std::size_t i : order) {
    const LabelCandidate& c = candidates_[i];
    const LabelStyle& style = *c.style;
    if (focus && !focus->contains(QPointF(c.x, c.y))) {
      ++result.dropped;
      continue;
    }
    auto found = fonts.find(&style);
    if (found == fonts.end()) {
      QFont font = mapFont(style.sizePt, dpi_, style.bold);
      if (style.letterSpacingPercent != 100.0)
        font.setLetterSpacing(QFont::PercentageSpacing, style.letterSpacingPercent);
      const QFontMetricsF fm(font);
      found = fonts.emplace(&style, StyleFont{font, fm.ascent(), fm.descent(), fm}).first;
    }
    const QFont& font = found->second.font;
    const double ascent = found->second.ascent;
    const double descent = found->second.descent;
    const double h = ascent + descent;
    const double halo = style.halo ? style.halo->widthMm * pxPerMm : 0.0;
    const bool mayCoverSymbols = style.priority >= kCoversSymbolsPriority;
    if (style.placement == LabelPlacement::AroundPoint) {
      // Each position's box grows away from the symbol with the text's width, so when even the
      // zero-width boxes are all taken, no text fits: drop it before measuring the text.
      const auto corners = aroundPoint(c, 0.0, h, pxPerMm);
      if (std::none_of(corners.begin(), corners.end(), [&](const QPointF& p) {
            return free({p.x() - halo, p.y() - halo, p.x() + halo, p.y() + h + halo}, mayCoverSymbols);
          })) {
        ++result.dropped;
        continue;
      }
    }
    const QString text = QString::fromUtf8(c.text.data(), static_cast<qsizetype>(c.text.size()));
    const double w = found->second.metrics.horizontalAdvance(text);

    // top-left corners of the text box for each candidate position
    std::vector<QPointF> positions;
    if (style.placement == LabelPlacement::AroundPoint) {
      const auto corners = aroundPoint(c, w, h, pxPerMm);
      positions.assign(corners.begin(), corners.end());
    } else {
      positions = {{c.x - w / 2, c.y - h / 2}};
      if (style.placement == LabelPlacement::Interior) {
        positions.emplace_back(c.x - w / 2, c.y - h * 1.5);
        positions.emplace_back(c.x - w / 2, c.y + h * 0.5);
      }
    }

    const auto boxAt = [&](const QPointF& topLeft) {
      if (style.placement == LabelPlacement::Line && c.angleDeg != 0.0) {
        // the axis-aligned bounds of the rotated box: conservative, never lets rotated labels touch
        const double a = c.angleDeg * 3.14159265358979 / 180.0;
        const double bw = std::abs(w * std::cos(a)) + std::abs(h * std::sin(a));
        const double bh = std::abs(w * std::sin(a)) + std::abs(h * std::cos(a));
        return Box{c.x - bw / 2 - halo, c.y - bh / 2 - halo, c.x + bw / 2 + halo, c.y + bh / 2 + halo};
      }
      return Box{topLeft.x() - halo, topLeft.y() - halo, topLeft.x() + w + halo, topLeft.y() + h + halo};
    };
    // Best position that covers no other seat, else the best free one.
    const QPointF* chosen = nullptr;
    for (const bool spareSeats : {mayCoverSymbols, false}) {
      for (const QPointF& topLeft : positions) {
        const Box box = boxAt(topLeft);
        if (free(box, mayCoverSymbols) && !(spareSeats && seats.overlaps(box))) {
          chosen = &topLeft;
          break;
        }
      }
      if (chosen || !spareSeats) break;
    }
    bool done = false;
    if (chosen) {
      const QPointF& topLeft = *chosen;
      placed_.insert(boxAt(topLeft));
      if (style.placement == LabelPlacement::Line && c.angleDeg != 0.0) {
        painter.save();
        painter.translate(c.x, c.y);
        painter.rotate(-c.angleDeg);
        drawHaloText(painter, QPointF(-w / 2, ascent - h / 2), font, text, style, pxPerMm);
        painter.restore();
      } else if (rasterHalos && style.halo) {
        // shaped once, drawn twice: into the halo's mask and as the text
        QTextLayout layout(text, font);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setNumColumns(static_cast<int>(text.size()));
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        const QPointF origin(topLeft.x(), topLeft.y() + ascent - line.ascent());
        rasterHalo.draw(painter, origin, runs, line.naturalTextRect(), *style.halo, style.halo->widthMm * pxPerMm);
        painter.setPen(toQColor(style.color));
        for (const QGlyphRun& run : runs) painter.drawGlyphRun(origin, run);
      } else {
        drawHaloText(painter, QPointF(topLeft.x(), topLeft.y() + ascent), font, text, style, pxPerMm);
      }
      done = true;
    }
    if (done) ++result.placed;
    else ++result.dropped;
  }
  painter.restore();
  return result;
}

}  // namespace circatlas::render
