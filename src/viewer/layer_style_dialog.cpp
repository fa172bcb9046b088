// The layer properties dialog: a form over LayerLook with a colour swatch and the layer's fields.
#include "viewer/layer_style_dialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

#include "viewer/field_display.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

LayerStyleDialog::LayerStyleDialog(const ViewerLayer& layer, render::Language language, QWidget* parent)
    : QDialog(parent),
      points_(core::isPuntal(layer.source->geometryType())),
      start_(layer.look ? *layer.look
                        : defaultLook(layer.source->geometryType(), layer.title.in(render::Language::Zh))),
      name_(new QLineEdit(this)),
      colorButton_(new QPushButton(this)),
      marker_(new QComboBox(this)),
      size_(new QDoubleSpinBox(this)),
      label_(new QComboBox(this)) {
  setWindowTitle(tr("Layer properties: %1").arg(qs(layer.title, language)));
  setObjectName(QStringLiteral("layerStyleDialog"));
  const struct {
    render::MarkerShape shape;
    QString name;
  } markers[] = {{render::MarkerShape::Circle, tr("Circle")},     {render::MarkerShape::Square, tr("Square")},
                 {render::MarkerShape::Triangle, tr("Triangle")}, {render::MarkerShape::Diamond, tr("Diamond")},
                 {render::MarkerShape::Star, tr("Star")},         {render::MarkerShape::Cross, tr("Cross")},
                 {render::MarkerShape::Hexagon, tr("Hexagon")}};
  for (const auto& m : markers) marker_->addItem(m.name, static_cast<int>(m.shape));
  size_->setDecimals(1);
  size_->setSingleStep(points_ ? 0.2 : 0.1);
  size_->setRange(points_ ? 0.5 : 0.1, points_ ? 12.0 : 5.0);
  size_->setSuffix(QStringLiteral(" mm"));
  label_->addItem(tr("(no labels)"), QString());
  for (const auto& field : layer.source->schema().fields()) {
    const QString alias = FieldDisplay::label(field.name, language);
    const QString name = qs(field.name);
    label_->addItem(alias == name ? name : alias + QStringLiteral(" (") + name + ')', name);
  }
  colorButton_->setToolTip(tr("Choose the colour of the symbol"));
  connect(colorButton_, &QPushButton::clicked, this, &LayerStyleDialog::chooseColor);

  auto* form = new QFormLayout;
  form->addRow(tr("Legend name"), name_);
  form->addRow(tr("Colour"), colorButton_);
  if (points_) form->addRow(tr("Marker"), marker_);
  marker_->setVisible(points_);
  form->addRow(points_ ? tr("Size") : tr("Line width"), size_);
  form->addRow(tr("Labels from"), label_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
  setLook(start_);
}

void LayerStyleDialog::setColor(const QColor& color) {
  if (!color.isValid()) return;
  color_ = color;
  QPixmap swatch(40, 14);
  swatch.fill(color);
  colorButton_->setIcon(swatch);
  colorButton_->setIconSize(swatch.size());
  colorButton_->setText(color.name());
}

void LayerStyleDialog::chooseColor() {
  // Non-blocking, so the event loop (and the tests) go on while it is open.
  auto* dialog = new QColorDialog(color_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QColorDialog::colorSelected, this, &LayerStyleDialog::setColor);
  dialog->open();
}

void LayerStyleDialog::setLook(const LayerLook& look) {
  name_->setText(qs(look.legendName));
  setColor(QColor(look.color.r, look.color.g, look.color.b, look.color.a));
  marker_->setCurrentIndex(std::max(0, marker_->findData(static_cast<int>(look.marker))));
  size_->setValue(look.sizeMm);
  label_->setCurrentIndex(std::max(0, label_->findData(qs(look.labelField))));
}

LayerLook LayerStyleDialog::look() const {
  LayerLook look = start_;
  look.legendName = utf8(name_->text().trimmed());
  if (look.legendName.empty()) look.legendName = start_.legendName;
  look.color = {static_cast<std::uint8_t>(color_.red()), static_cast<std::uint8_t>(color_.green()),
                static_cast<std::uint8_t>(color_.blue()), static_cast<std::uint8_t>(color_.alpha())};
  if (points_) look.marker = static_cast<render::MarkerShape>(marker_->currentData().toInt());
  look.sizeMm = size_->value();
  look.labelField = utf8(label_->currentData().toString());
  return look;
}

}  // namespace circatlas::viewer
