// Legend entries from styles and their layout: heading, layer titles, patches and labels.
#include "render/legend.h"

#include <QFontMetricsF>
#include <QPainter>

#include "render/render_session.h"
#include "render/symbol_painter.h"

namespace circatlas::render {

std::vector<LegendGroup> buildLegend(std::span<const RenderLayer> layers, const RenderResult& result,
                                     Language language) {
  std::vector<LegendGroup> groups;
  // topmost first: points, then lines, then areas, as a reader scans them
  for (std::size_t k = layers.size(); k-- > 0;) {
    const RenderLayer& rl = layers[k];
    if (!rl.style || !rl.style->showInLegend || k >= result.classCounts.size()) continue;
    const Style& style = *rl.style;
    const auto& counts = result.classCounts[k];
    LegendGroup group;
    const bool single = style.renderer == SymbolRenderer::Single;
    if (!single) group.title = style.title.in(language);
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] == 0) continue;
      const StyleClass& c = style.classAt(i);
      std::string label = c.label.in(language);
      if (label.empty()) label = style.title.in(language);
      group.entries.push_back({label, style.geometry, c.symbol});
    }
    if (!group.entries.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

double drawLegend(QPainter& painter, double x, double y, double width, const std::vector<LegendGroup>& groups,
                  const std::string& heading, double dpi, bool draw) {
  const double mm = dpi / 25.4;
  const QFont headingFont = mapFont(9.0, dpi, true);
  const QFont titleFont = mapFont(7.0, dpi, true);
  const QFont entryFont = mapFont(6.5, dpi);
  const double patchW = 6.0 * mm;
  const double patchH = 3.6 * mm;
  const double rowH = 4.6 * mm;
  SymbolPainter symbols(painter, mm);
  double cy = y;
  if (draw) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
  }
  auto text = [&](const QFont& font, const std::string& s, double tx, double ty, const QColor& color) {
    QFontMetricsF fm(font);
    if (draw) {
      painter.setFont(font);
      painter.setPen(color);
      painter.drawText(QPointF(tx, ty + fm.ascent()), QString::fromStdString(s));
    }
    return fm.height();
  };
  cy += text(headingFont, heading, x, cy, QColor(30, 30, 30)) + 1.5 * mm;
  for (const LegendGroup& g : groups) {
    if (!g.title.empty()) cy += text(titleFont, g.title, x, cy, QColor(50, 50, 50)) + 0.8 * mm;
    for (const LegendEntry& e : g.entries) {
      if (draw) {
        symbols.drawLegendPatch(QRectF(x + 0.5 * mm, cy + (rowH - patchH) / 2, patchW, patchH), e.geometry, e.symbol);
      }
      QFontMetricsF fm(entryFont);
      const QString label = fm.elidedText(QString::fromStdString(e.label), Qt::ElideRight, width - patchW - 2.5 * mm);
      if (draw) {
        painter.setFont(entryFont);
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(x + patchW + 2.0 * mm, cy + rowH / 2 + (fm.ascent() - fm.descent()) / 2), label);
      }
      cy += rowH;
    }
    cy += 1.8 * mm;
  }
  if (draw) painter.restore();
  return cy - y;
}

}  // namespace circatlas::render
