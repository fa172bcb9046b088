// The layer list: check boxes for visibility, buttons for order, removal, table and zoom, an opacity
// slider and the choice of style.
#include "viewer/layer_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "viewer/layer_stack.h"
#include "viewer/layer_style_dialog.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

LayerPanel::LayerPanel(LayerStack& layers, const core::DataPaths& paths, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      list_(new QListWidget(this)),
      opacityLabel_(new QLabel(this)),
      opacity_(new QSlider(Qt::Horizontal, this)),
      styleLabel_(new QLabel(this)),
      style_(new QComboBox(this)),
      library_(loadStyleLibrary(paths.stylesDir())),
      up_(new QToolButton(this)),
      down_(new QToolButton(this)),
      remove_(new QToolButton(this)),
      table_(new QToolButton(this)),
      zoom_(new QToolButton(this)),
      properties_(new QToolButton(this)) {
  opacity_->setRange(0, 100);
  opacity_->setValue(100);
  opacity_->setEnabled(false);  // until a layer is chosen
  up_->setArrowType(Qt::UpArrow);
  down_->setArrowType(Qt::DownArrow);
  auto* buttons = new QHBoxLayout;
  for (QToolButton* b : {up_, down_, table_, zoom_, remove_}) buttons->addWidget(b);
  buttons->addStretch();
  auto* opacityRow = new QHBoxLayout;
  opacityRow->addWidget(opacityLabel_);
  opacityRow->addWidget(opacity_, 1);
  opacityRow->addWidget(properties_);  // beside the slider, which gives way: the column stays narrow
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(list_);
  layout->addLayout(buttons);
  layout->addLayout(opacityRow);
  auto* styleRow = new QHBoxLayout;
  styleRow->addWidget(styleLabel_);
  styleRow->addWidget(style_, 1);
  layout->addLayout(styleRow);
  style_->setEnabled(false);
  style_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  style_->setMinimumContentsLength(12);

  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (rebuilding_) return;
    layers_.setVisible(static_cast<std::size_t>(item->data(Qt::UserRole).toInt()), item->checkState() == Qt::Checked);
  });
  connect(list_, &QListWidget::currentRowChanged, this, [this] {
    const int i = currentLayerIndex();
    const QSignalBlocker block(opacity_);
    opacity_->setEnabled(i >= 0);
    if (i >= 0)
      opacity_->setValue(static_cast<int>(std::lround(layers_.at(static_cast<std::size_t>(i)).opacity * 100)));
    fillStyles();
  });
  connect(style_, qOverload<int>(&QComboBox::activated), this, [this](int row) {
    const int i = currentLayerIndex();
    if (i < 0 || row < 0 || row >= static_cast<int>(choices_.size())) return;
    layers_.setStyle(static_cast<std::size_t>(i), choices_[static_cast<std::size_t>(row)]);
  });
  connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
    if (const int i = currentLayerIndex(); i >= 0) layers_.setOpacity(static_cast<std::size_t>(i), v / 100.0);
  });
  connect(up_, &QToolButton::clicked, this, [this] { moveCurrent(1); });
  connect(down_, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
  connect(remove_, &QToolButton::clicked, this, [this] {
    if (const int i = currentLayerIndex(); i >= 0) layers_.remove(static_cast<std::size_t>(i));
  });
  connect(table_, &QToolButton::clicked, this, [this] {
    if (const int i = currentLayerIndex(); i >= 0)
      emit openTableRequested(qs(layers_.at(static_cast<std::size_t>(i)).id));
  });
  connect(zoom_, &QToolButton::clicked, this, [this] {
    if (const int i = currentLayerIndex(); i >= 0)
      emit zoomToLayerRequested(qs(layers_.at(static_cast<std::size_t>(i)).id));
  });
  connect(properties_, &QToolButton::clicked, this, &LayerPanel::openProperties);
  connect(list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
    emit openTableRequested(qs(layers_.at(static_cast<std::size_t>(item->data(Qt::UserRole).toInt())).id));
  });
  connect(&layers_, &LayerStack::structureChanged, this, &LayerPanel::rebuild);
  rebuild();
  retranslateUi();
}

int LayerPanel::currentLayerIndex() const {
  const QListWidgetItem* item = list_->currentItem();
  return item ? item->data(Qt::UserRole).toInt() : -1;
}

LayerStyleDialog* LayerPanel::openProperties() {
  const int i = currentLayerIndex();
  if (i < 0 || !layers_.at(static_cast<std::size_t>(i)).look) return nullptr;
  auto* dialog = new LayerStyleDialog(layers_.at(static_cast<std::size_t>(i)), language_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // The layer is found again by id: the stack may change while the dialog is open.
  connect(dialog, &QDialog::accepted, this, [this, dialog, id = layers_.at(static_cast<std::size_t>(i)).id] {
    if (const auto index = layers_.indexOf(id)) layers_.setLook(*index, dialog->look());
  });
  dialog->open();
  return dialog;
}

void LayerPanel::rebuild() {
  const int current = currentLayerIndex();
  rebuilding_ = true;
  list_->clear();
  const auto& layers = layers_.layers();
  for (std::size_t k = layers.size(); k-- > 0;) {
    auto* item = new QListWidgetItem(qs(layers[k].title, language_), list_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(layers[k].visible ? Qt::Checked : Qt::Unchecked);
    item->setData(Qt::UserRole, static_cast<int>(k));
    item->setToolTip(qs(layers[k].id) + QStringLiteral(" · ") +
                     tr("%n feature(s)", nullptr, static_cast<int>(layers[k].source->size())));
    if (static_cast<int>(k) == current) list_->setCurrentItem(item);
  }
  rebuilding_ = false;
  fillStyles();
}

void LayerPanel::fillStyles() {
  const QSignalBlocker block(style_);
  style_->clear();
  choices_.clear();
  const int i = currentLayerIndex();
  style_->setEnabled(i >= 0);
  properties_->setEnabled(i >= 0 && layers_.at(static_cast<std::size_t>(i)).look.has_value());
  if (i < 0) return;
  const ViewerLayer& layer = layers_.at(static_cast<std::size_t>(i));
  choices_ = stylesFor(library_, *layer.source);
  // An added layer's own look stays a choice after another style was picked.
  if (layer.look && (!layer.style || layer.style->name != kLookStyleName)) {
    choices_.insert(choices_.begin(),
                    std::make_shared<const render::Style>(styleFromLook(*layer.look, layer.source->geometryType())));
  }
  const auto named = [&](const std::string& name) {
    return std::any_of(choices_.begin(), choices_.end(), [&](const auto& s) { return s->name == name; });
  };
  // The layer's own style (an analysis result's, or the plain one of a file) stays a choice, and
  // the plain style is always there to fall back on.
  if (layer.style && !named(layer.style->name)) choices_.insert(choices_.begin(), layer.style);
  if (const auto plain = std::make_shared<const render::Style>(defaultStyleFor(layer.source->geometryType()));
      !named(plain->name)) {
    choices_.push_back(plain);
  }
  for (const auto& s : choices_) {
    const QString title = s->title.empty() ? tr("Plain") : qs(s->title, language_);
    style_->addItem(title + QStringLiteral("  (") + qs(s->name) + ')');
    if (s == layer.style || (layer.style && s->name == layer.style->name)) style_->setCurrentIndex(style_->count() - 1);
  }
}

void LayerPanel::moveCurrent(int towardsTop) {
  const int i = currentLayerIndex();
  const int to = i + towardsTop;
  if (i < 0 || to < 0 || to >= static_cast<int>(layers_.size())) return;
  layers_.move(static_cast<std::size_t>(i), static_cast<std::size_t>(to));
  for (int row = 0; row < list_->count(); ++row) {
    if (list_->item(row)->data(Qt::UserRole).toInt() == to) list_->setCurrentRow(row);
  }
}

void LayerPanel::setLanguage(render::Language language) {
  language_ = language;
  rebuild();
}

void LayerPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void LayerPanel::retranslateUi() {
  opacityLabel_->setText(tr("Opacity"));
  styleLabel_->setText(tr("Style"));
  QString styleTip = tr("Draw the layer with another style from the styles folder");
  for (const auto& problem : library_.problems) styleTip += QStringLiteral("\n⚠ ") + qs(problem);
  style_->setToolTip(styleTip);
  up_->setToolTip(tr("Move the layer up"));
  down_->setToolTip(tr("Move the layer down"));
  remove_->setText(tr("Remove"));
  table_->setText(tr("Table"));
  zoom_->setText(tr("Zoom"));
  table_->setToolTip(tr("Open the attribute table of the layer"));
  zoom_->setToolTip(tr("Zoom to the layer"));
  properties_->setText(tr("Properties…"));
  properties_->setToolTip(tr("Colour, size, labels and legend name of a layer you added"));
  rebuild();
}

}  // namespace circatlas::viewer
