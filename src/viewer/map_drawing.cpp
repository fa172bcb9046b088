// One draw path for the canvas, the image exports and the benchmark.
#include "viewer/map_drawing.h"

#include <QElapsedTimer>
#include <QPainter>

namespace circatlas::viewer {

std::vector<DrawItem> drawItems(const LayerStack& stack) {
  std::vector<DrawItem> items;
  for (const auto& l : stack.layers()) {
    if (!l.visible || l.opacity <= 0.0) continue;
    items.push_back({l.id, l.display, l.style, l.labels, l.opacity});
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
    painter.restore();
    all.problems.insert(all.problems.end(), r.problems.begin(), r.problems.end());
    all.classCounts.insert(all.classCounts.end(), r.classCounts.begin(), r.classCounts.end());
    all.labelsPlaced += r.labelsPlaced;
    all.labelsDropped += r.labelsDropped;
    begin = end;
  }
  return all;
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
