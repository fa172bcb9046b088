// Fills the identify tree from hits: one node per layer, per feature, per field.
#include "viewer/identify_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "viewer/ui_support.h"

namespace circatlas::viewer {

IdentifyPanel::IdentifyPanel(const LayerStack& layers, QWidget* parent)
    : QWidget(parent), layers_(layers), hint_(new QLabel(this)), tree_(new QTreeWidget(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  hint_->setWordWrap(true);
  layout->addWidget(hint_);
  layout->addWidget(tree_);
  tree_->setColumnCount(2);
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
    const QVariant layer = item->data(0, Qt::UserRole);
    if (layer.isValid()) emit featureActivated(layer.toString(), item->data(0, Qt::UserRole + 1).toInt());
  });
  retranslateUi();
}

void IdentifyPanel::setLanguage(render::Language language) {
  language_ = language;
  showHits(hits_);
}

void IdentifyPanel::showHits(const std::vector<IdentifyHit>& hits) {
  hits_ = hits;
  tree_->clear();
  QTreeWidgetItem* layerItem = nullptr;
  std::string currentLayer;
  for (const IdentifyHit& hit : hits) {
    const ViewerLayer* layer = layers_.find(hit.layerId);
    if (!layer || hit.feature >= layer->source->size()) continue;
    if (!layerItem || currentLayer != hit.layerId) {
      layerItem = new QTreeWidgetItem(tree_, {qs(layer->title, language_)});
      layerItem->setExpanded(true);
      currentLayer = hit.layerId;
    }
    const core::Layer& source = *layer->source;
    auto* featureItem =
        new QTreeWidgetItem(layerItem, {qs(featureName(source, hit.feature, language_ == render::Language::Zh))});
    featureItem->setData(0, Qt::UserRole, qs(hit.layerId));
    featureItem->setData(0, Qt::UserRole + 1, static_cast<int>(hit.feature));
    const auto& fields = source.schema().fields();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      new QTreeWidgetItem(featureItem, {qs(fields[f].name), qs(core::toString(source[hit.feature].values[f]))});
    }
    featureItem->setExpanded(layerItem->childCount() == 1);
  }
  hint_->setVisible(hits.empty());
}

void IdentifyPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void IdentifyPanel::retranslateUi() {
  tree_->setHeaderLabels({tr("Feature / field"), tr("Value")});
  hint_->setText(tr("Click the map to list the features under the cursor."));
}

}  // namespace circatlas::viewer
