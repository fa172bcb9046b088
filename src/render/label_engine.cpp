// Greedy priority placement with a collision test against placed label boxes, and halo drawing.
#include "render/label_engine.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "render/render_session.h"
#include "render/symbol_painter.h"

namespace circatlas::render {

LabelEngine::LabelEngine(double widthPx, double heightPx, double dpi) : width_(widthPx), height_(heightPx), dpi_(dpi) {}

void LabelEngine::add(LabelCandidate candidate) {
  if (!candidate.style || candidate.text.empty()) return;
  candidates_.push_back(std::move(candidate));
}

void LabelEngine::addObstacle(double x, double y, double w, double h) { obstacles_.push_back({x, y, x + w, y + h}); }

bool LabelEngine::free(const Box& b, bool mayCoverSymbols) const noexcept {
  if (b.x0 < 0 || b.y0 < 0 || b.x1 > width_ || b.y1 > height_) return false;
  auto overlaps = [&b](const Box& o) { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1; };
  return std::none_of(placed_.begin(), placed_.end(), overlaps) &&
         (mayCoverSymbols || std::none_of(obstacles_.begin(), obstacles_.end(), overlaps));
}

namespace {

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
  std::vector<std::size_t> order(candidates_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    return candidates_[a].style->priority > candidates_[b].style->priority;
  });
  const double pxPerMm = dpi_ / 25.4;
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
    QFont font = mapFont(style.sizePt, dpi_, style.bold);
    if (style.letterSpacingPercent != 100.0) font.setLetterSpacing(QFont::PercentageSpacing, style.letterSpacingPercent);
    const QString text = QString::fromUtf8(c.text.data(), static_cast<qsizetype>(c.text.size()));
    const QFontMetricsF fm(font);
    const double w = fm.horizontalAdvance(text);
    const double ascent = fm.ascent();
    const double descent = fm.descent();
    const double h = ascent + descent;
    const double halo = style.halo ? style.halo->widthMm * pxPerMm : 0.0;

    // top-left corners of the text box for each candidate position
    std::vector<QPointF> positions;
    if (style.placement == LabelPlacement::AroundPoint) {
      const double gap = c.symbolRadiusPx + 0.6 * pxPerMm;
      const double d = gap * 0.75;
      positions = {{c.x + gap, c.y - h / 2},         {c.x + d, c.y - d - h},     {c.x + d, c.y + d},
                   {c.x - gap - w, c.y - h / 2},     {c.x - d - w, c.y - d - h}, {c.x - d - w, c.y + d},
                   {c.x - w / 2, c.y - gap - h},     {c.x - w / 2, c.y + gap}};
    } else {
      positions = {{c.x - w / 2, c.y - h / 2}};
      if (style.placement == LabelPlacement::Interior) {
        positions.emplace_back(c.x - w / 2, c.y - h * 1.5);
        positions.emplace_back(c.x - w / 2, c.y + h * 0.5);
      }
    }

    bool done = false;
    for (const QPointF& topLeft : positions) {
      Box box{topLeft.x() - halo, topLeft.y() - halo, topLeft.x() + w + halo, topLeft.y() + h + halo};
      if (style.placement == LabelPlacement::Line && c.angleDeg != 0.0) {
        // the axis-aligned bounds of the rotated box: conservative, never lets rotated labels touch
        const double a = c.angleDeg * 3.14159265358979 / 180.0;
        const double bw = std::abs(w * std::cos(a)) + std::abs(h * std::sin(a));
        const double bh = std::abs(w * std::sin(a)) + std::abs(h * std::cos(a));
        box = {c.x - bw / 2 - halo, c.y - bh / 2 - halo, c.x + bw / 2 + halo, c.y + bh / 2 + halo};
      }
      if (!free(box, style.priority >= kCoversSymbolsPriority)) continue;
      placed_.push_back(box);
      if (style.placement == LabelPlacement::Line && c.angleDeg != 0.0) {
        painter.save();
        painter.translate(c.x, c.y);
        painter.rotate(-c.angleDeg);
        drawHaloText(painter, QPointF(-w / 2, ascent - h / 2), font, text, style, pxPerMm);
        painter.restore();
      } else {
        drawHaloText(painter, QPointF(topLeft.x(), topLeft.y() + ascent), font, text, style, pxPerMm);
      }
      done = true;
      break;
    }
    if (done) ++result.placed;
    else ++result.dropped;
  }
  painter.restore();
  return result;
}

}  // namespace circatlas::render
