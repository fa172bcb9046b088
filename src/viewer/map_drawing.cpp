// One draw path for the canvas, the image exports and the benchmark.
#include "viewer/map_drawing.h"

#include <QElapsedTimer>
#include <QPainter>

#include <algorithm>

namespace circatlas::viewer {

std::vector<DrawItem> drawItems(const LayerStack& stack) {
  std::vector<DrawItem> items;
  for (const auto& l : stack.layers()) {
    if (!l.visible || l.opacity <= 0.0) continue;
    items.push_back({l.id, l.display, l.style, l.labels, l.opacity, l.minFeatureMm});
  }
  return items;
}

render::RenderResult drawMap(QPainter& painter, const std::vector<DrawItem>& items,
                             const render::MapSettings& settings) {
  render::RenderResult all;
  const render::MapRenderer renderer(settings);
  std::size_t begin = 0;
  while (begin < items.size()) {
    std::size_t end = begin + 1;
    while (end < items.size() && items[end].opacity == items[begin].opacity) ++end;
    std::vector<render::RenderLayer> pass;
    for (std::size_t i = begin; i < end; ++i) {
      pass.push_back({items[i].id, items[i].layer.get(), items[i].style.get(), items[i].labels});
    }
    painter.save();
    painter.setOpacity(items[begin].opacity);
    render::RenderResult r = renderer.render(painter, pass);
    for (std::size_t i = begin; i < end; ++i) {
      if (items[i].minFeatureMm > 0) (void)drawMinimumSizes(painter, items[i], settings);
    }
    painter.restore();
    all.problems.insert(all.problems.end(), r.problems.begin(), r.problems.end());
    all.classCounts.insert(all.classCounts.end(), r.classCounts.begin(), r.classCounts.end());
    all.labelsPlaced += r.labelsPlaced;
    all.labelsDropped += r.labelsDropped;
    begin = end;
  }
  return all;
}

std::size_t drawMinimumSizes(QPainter& painter, const DrawItem& item, const render::MapSettings& settings) {
  if (!item.layer || !item.style || item.minFeatureMm <= 0) return 0;
  if (item.style->geometry != render::StyleGeometry::Polygon) return 0;
  std::optional<render::Color> colour;
  if (!item.style->classes.empty()) {
    const render::Symbol& symbol = item.style->classes.front().symbol;
    colour = symbol.stroke ? symbol.stroke : symbol.fill;
  }
  const render::Color c = colour.value_or(render::Color{0x33, 0x33, 0x33, 255});
  const double diameter = item.minFeatureMm * settings.pixelsPerMm();
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(c.r, c.g, c.b), std::max(1.5, 0.5 * settings.pixelsPerMm())));
  painter.setBrush(QColor(c.r, c.g, c.b, 70));
  std::size_t drawn = 0;
  const core::Layer& layer = *item.layer;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const core::Geometry& g = layer[i].geometry;
    if (g.isEmpty()) continue;
    const core::Extent e = g.envelope();
    const double w = std::abs(settings.toPixelX(e.maxX) - settings.toPixelX(e.minX));
    const double h = std::abs(settings.toPixelY(e.maxY) - settings.toPixelY(e.minY));
    if (std::max(w, h) >= diameter) continue;
    const QPointF centre(settings.toPixelX((e.minX + e.maxX) / 2), settings.toPixelY((e.minY + e.maxY) / 2));
    if (centre.x() < -diameter || centre.y() < -diameter || centre.x() > settings.widthPx + diameter ||
        centre.y() > settings.heightPx + diameter) {
      continue;
    }
    painter.drawEllipse(centre, diameter / 2, diameter / 2);
    ++drawn;
  }
  painter.restore();
  return drawn;
}

QColor mapBackground() { return {0xf7, 0xf5, 0xf0}; }

RenderedMap renderMap(const std::vector<DrawItem>& items, const render::MapSettings& settings) {
  QElapsedTimer timer;
  timer.start();
  RenderedMap out;
  out.settings = settings;
  out.image = QImage(settings.widthPx, settings.heightPx, QImage::Format_ARGB32_Premultiplied);
  out.image.fill(mapBackground());
  QPainter painter(&out.image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  out.result = drawMap(painter, items, settings);
  out.items = items;
  painter.end();
  out.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
  return out;
}

}  // namespace circatlas::viewer
