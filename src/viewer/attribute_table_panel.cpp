// The attribute table dock: layer choice, filter, sorting, TSV copy and selection synchronisation.
#include "viewer/attribute_table_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "viewer/feature_table_model.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

AttributeTablePanel::AttributeTablePanel(LayerStack& layers, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      layerBox_(new QComboBox(this)),
      filter_(new QLineEdit(this)),
      copy_(new QPushButton(this)),
      view_(new QTableView(this)),
      model_(new FeatureTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)) {
  auto* top = new QHBoxLayout;
  top->addWidget(layerBox_, 1);
  top->addWidget(filter_, 2);
  top->addWidget(copy_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addWidget(view_);

  filter_->setClearButtonEnabled(true);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(Qt::UserRole);
  proxy_->setFilterKeyColumn(-1);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  view_->setModel(proxy_);
  // Sorted only when a header is clicked (ascending, then descending); feature order until then.
  view_->horizontalHeader()->setSectionsClickable(true);
  view_->horizontalHeader()->setSortIndicatorShown(false);
  connect(view_->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
    QHeaderView* header = view_->horizontalHeader();
    const bool again = header->isSortIndicatorShown() && header->sortIndicatorSection() == column;
    const Qt::SortOrder order =
        again && header->sortIndicatorOrder() == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    header->setSortIndicatorShown(true);
    header->setSortIndicator(column, order);
    proxy_->sort(column, order);
  });
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);

  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  connect(copy_, &QPushButton::clicked, this, &AttributeTablePanel::copyToClipboard);
  connect(layerBox_, &QComboBox::currentIndexChanged, this, [this] { showLayer(currentLayerId()); });
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &AttributeTablePanel::tableSelectionChanged);
  connect(view_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& index) { emit zoomToFeature(currentLayerId(), proxy_->mapToSource(index).row()); });
  connect(&layers_, &LayerStack::structureChanged, this, &AttributeTablePanel::rebuildLayerList);
  connect(&layers_, &LayerStack::selectionChanged, this, &AttributeTablePanel::mapSelectionChanged);
  rebuildLayerList();
  retranslateUi();
}

QString AttributeTablePanel::currentLayerId() const { return layerBox_->currentData().toString(); }

bool AttributeTablePanel::showLayer(const QString& layerId) {
  const ViewerLayer* layer = layers_.find(utf8(layerId));
  if (!layer) {
    model_->setLayer(nullptr);
    return false;
  }
  const int index = layerBox_->findData(layerId);
  if (index >= 0 && index != layerBox_->currentIndex()) {
    layerBox_->setCurrentIndex(index);  // comes back here through currentIndexChanged
    return true;
  }
  if (model_->layer() != layer->source.get()) {
    model_->setLayer(layer->source);
    proxy_->sort(-1);
    view_->horizontalHeader()->setSortIndicatorShown(false);
    view_->resizeColumnsToContents();
    mapSelectionChanged();
  }
  return true;
}

void AttributeTablePanel::rebuildLayerList() {
  const QString current = currentLayerId();
  const QSignalBlocker block(layerBox_);
  layerBox_->clear();
  // Top layer first, as in the layer panel.
  for (auto it = layers_.layers().rbegin(); it != layers_.layers().rend(); ++it) {
    layerBox_->addItem(qs(it->title, language_), qs(it->id));
  }
  const int index = layerBox_->findData(current);
  layerBox_->setCurrentIndex(std::max(index, 0));
  model_->setLayer(nullptr);  // the layer may have been replaced by a new result
  showLayer(currentLayerId());
}

void AttributeTablePanel::setLanguage(render::Language language) {
  language_ = language;
  rebuildLayerList();
}

void AttributeTablePanel::tableSelectionChanged() {
  if (syncing_) return;
  Selection selection;
  selection.layerId = utf8(currentLayerId());
  for (const QModelIndex& row : view_->selectionModel()->selectedRows()) {
    selection.features.push_back(static_cast<std::size_t>(proxy_->mapToSource(row).row()));
  }
  std::sort(selection.features.begin(), selection.features.end());
  if (selection.features.empty()) selection.layerId.clear();
  syncing_ = true;
  layers_.setSelection(std::move(selection));
  syncing_ = false;
}

void AttributeTablePanel::mapSelectionChanged() {
  if (syncing_) return;
  const Selection& selection = layers_.selection();
  syncing_ = true;
  view_->selectionModel()->clearSelection();
  if (!selection.empty() && qs(selection.layerId) == currentLayerId()) {
    QItemSelection rows;
    for (std::size_t f : selection.features) {
      const QModelIndex source = model_->index(static_cast<int>(f), 0);
      const QModelIndex proxied = proxy_->mapFromSource(source);
      if (proxied.isValid()) rows.select(proxied, proxied);
    }
    view_->selectionModel()->select(rows, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (!rows.isEmpty()) view_->scrollTo(rows.indexes().first());
  }
  syncing_ = false;
}

QString AttributeTablePanel::tsv() const { return tableToTsv(*proxy_); }

void AttributeTablePanel::copyToClipboard() const { QApplication::clipboard()->setText(tsv()); }

void AttributeTablePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void AttributeTablePanel::retranslateUi() {
  filter_->setPlaceholderText(tr("Filter rows…"));
  copy_->setText(tr("Copy as TSV"));
  copy_->setToolTip(tr("Copy the visible rows to the clipboard as tab-separated text"));
}

}  // namespace circatlas::viewer
