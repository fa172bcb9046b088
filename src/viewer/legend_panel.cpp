// Draws the shared legend into an image shown in a scrollable dock.
#include "viewer/legend_panel.h"

#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

#include "render/legend.h"
#include "viewer/map_drawing.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent), image_(new QLabel) {
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(image_);
  scroll->setWidgetResizable(false);
  scroll->setFrameShape(QFrame::NoFrame);
  image_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(scroll);
}

void LegendPanel::showLegend(const RenderedMap& map) {
  std::vector<render::RenderLayer> layers;
  for (const DrawItem& item : map.items) layers.push_back({item.id, item.layer.get(), item.style.get(), item.labels});
  const auto groups = render::buildLegend(layers, map.result, map.settings.language);
  labels_.clear();
  for (const auto& g : groups) {
    if (!g.title.empty()) labels_ << qs(g.title);
    for (const auto& e : g.entries) labels_ << qs(e.label);
  }
  const double dpi = map.settings.dpi;
  const double widthPx = 260.0;
  QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
  QPainter measure(&probe);
  const double height = render::drawLegend(measure, 0, 0, widthPx, groups, {}, dpi, false);
  measure.end();
  QImage image(static_cast<int>(widthPx) + 8, static_cast<int>(height) + 8, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  render::drawLegend(painter, 4, 4, widthPx, groups, {}, dpi);
  painter.end();
  image_->setPixmap(QPixmap::fromImage(image));
  image_->adjustSize();
}

}  // namespace circatlas::viewer
