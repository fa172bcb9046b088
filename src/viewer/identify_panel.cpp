// Fills the identify tree from hits: one node per layer, per feature, per field.
#include "viewer/identify_panel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <utility>

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
  // Field names sized by fitFieldColumn, values in the rest of the dock's width: no sideways scroll.
  tree_->header()->setSectionResizeMode(0, QHeaderView::Interactive);
  tree_->header()->setStretchLastSection(true);
  tree_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  tree_->setTextElideMode(Qt::ElideRight);  // cut text keeps its full form in the tooltip
  tree_->viewport()->installEventFilter(this);
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

void IdentifyPanel::setNames(const catalogue::Catalogue* catalogue, const core::DataPaths& paths) {
  display_.collectNames(layers_, catalogue, paths);
}

void IdentifyPanel::showHits(const std::vector<IdentifyHit>& hits) {
  hits_ = hits;
  tree_->clear();
  // One node per layer, in the order of the first hit of each (hits of a layer may not be adjacent).
  std::vector<std::pair<std::string, QTreeWidgetItem*>> layerItems;
  bool first = true;
  for (const IdentifyHit& hit : hits) {
    const ViewerLayer* layer = layers_.find(hit.layerId);
    if (!layer || hit.feature >= layer->source->size()) continue;
    auto found =
        std::find_if(layerItems.begin(), layerItems.end(), [&](const auto& p) { return p.first == hit.layerId; });
    if (found == layerItems.end()) {
      layerItems.emplace_back(hit.layerId, new QTreeWidgetItem(tree_, {qs(layer->title, language_)}));
      found = std::prev(layerItems.end());
      found->second->setFirstColumnSpanned(true);  // layer and feature names use the whole width
      found->second->setExpanded(first);
    }
    QTreeWidgetItem* layerItem = found->second;
    const core::Layer& source = *layer->source;
    const QString name = qs(featureName(source, hit.feature, language_ == render::Language::Zh));
    auto* featureItem = new QTreeWidgetItem(layerItem, {name});
    featureItem->setToolTip(0, name);
    featureItem->setFirstColumnSpanned(true);
    featureItem->setData(0, Qt::UserRole, qs(hit.layerId));
    featureItem->setData(0, Qt::UserRole + 1, static_cast<int>(hit.feature));
    const auto& fields = source.schema().fields();
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const core::Value& v = source[hit.feature].values[f];
      const QString shown = display_.value(fields[f].name, v, language_);
      if (shown.isEmpty()) continue;  // compact: empty fields are left out
      auto* field = new QTreeWidgetItem(featureItem, {FieldDisplay::label(fields[f].name, language_), shown});
      const QString raw = qs(core::toString(v));
      field->setToolTip(0, field->text(0) + QStringLiteral(" (") + qs(fields[f].name) + ')');
      field->setToolTip(1, raw == shown ? shown : shown + QStringLiteral("\n") + qs(fields[f].name) + " = " + raw);
      if (FieldDisplay::isQuantity(fields[f].name)) field->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    featureItem->setExpanded(first);
    first = false;
  }
  for (auto& [id, item] : layerItems) {
    if (item->childCount() > 1) item->setText(0, item->text(0) + QStringLiteral(" (%1)").arg(item->childCount()));
  }
  hint_->setVisible(hits.empty());
  fitFieldColumn();
}

void IdentifyPanel::fitFieldColumn() {
  const QFontMetrics metrics(tree_->font());
  int widest = metrics.horizontalAdvance(tree_->headerItem()->text(0));
  for (int l = 0; l < tree_->topLevelItemCount(); ++l) {
    const QTreeWidgetItem* layer = tree_->topLevelItem(l);
    for (int f = 0; f < layer->childCount(); ++f) {
      const QTreeWidgetItem* feature = layer->child(f);
      for (int k = 0; k < feature->childCount(); ++k)
        widest = std::max(widest, metrics.horizontalAdvance(feature->child(k)->text(0)));
    }
  }
  // Fields sit two levels deep; a few pixels of the delegate's margins beside the text.
  const int wanted = widest + 2 * tree_->indentation() + 12;
  const int cap = static_cast<int>(kFieldColumnShare * tree_->viewport()->width());
  tree_->setColumnWidth(0, std::max(40, std::min(wanted, cap)));
}

bool IdentifyPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == tree_->viewport() && event->type() == QEvent::Resize) fitFieldColumn();
  return QWidget::eventFilter(watched, event);
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
