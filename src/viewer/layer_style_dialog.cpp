// The layer properties dialog: a form over LayerLook with a colour swatch, the layer's fields and
// a preview of the symbol drawn by the renderer's own symbol painter.
#include "viewer/layer_style_dialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

#include "render/symbol_painter.h"
#include "viewer/field_display.h"
#include "viewer/map_drawing.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

// Room for the largest marker (12 mm) at 96 dpi.
constexpr int kPreviewWidth = 120;
constexpr int kPreviewHeight = 56;

}  // namespace

LayerStyleDialog::LayerStyleDialog(const ViewerLayer& layer, render::Language language, QWidget* parent)
    : QDialog(parent),
      type_(layer.source->geometryType()),
      points_(core::isPuntal(type_)),
      start_(layer.look ? *layer.look : defaultLook(type_, layer.title.in(render::Language::Zh))),
      name_(new QLineEdit(this)),
      colorButton_(new QPushButton(this)),
      marker_(new QComboBox(this)),
      size_(new QDoubleSpinBox(this)),
      label_(new QComboBox(this)),
      preview_(new QLabel(this)) {
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
  preview_->setObjectName(QStringLiteral("symbolPreview"));
  preview_->setFixedSize(kPreviewWidth, kPreviewHeight);
  preview_->setFrameShape(QFrame::StyledPanel);
  preview_->setToolTip(tr("The symbol as it will be drawn"));
  connect(marker_, &QComboBox::currentIndexChanged, this, &LayerStyleDialog::updatePreview);
  connect(size_, &QDoubleSpinBox::valueChanged, this, &LayerStyleDialog::updatePreview);

  auto* form = new QFormLayout;
  form->addRow(tr("Legend name"), name_);
  form->addRow(tr("Colour"), colorButton_);
  if (points_) form->addRow(tr("Marker"), marker_);
  marker_->setVisible(points_);
  form->addRow(points_ ? tr("Size") : tr("Line width"), size_);
  form->addRow(tr("Labels from"), label_);
  form->addRow(tr("Preview"), preview_);
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
  updatePreview();
}

void LayerStyleDialog::updatePreview() {
  // Built like the layer's style (styleFromLook), so the preview is the symbol the map will draw.
  const render::Style style = styleFromLook(look(), type_);
  if (style.classes.empty()) return;
  const render::Symbol& symbol = style.classes.front().symbol;
  QImage image(kPreviewWidth, kPreviewHeight, QImage::Format_ARGB32_Premultiplied);
  image.fill(mapBackground());
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  const render::SymbolPainter symbols(painter, logicalDpiX() / 25.4);
  if (points_) {
    symbols.drawMarker(QPointF(kPreviewWidth / 2.0, kPreviewHeight / 2.0), symbol, symbol.sizeMm);
  } else {
    // At the chosen width (a legend patch caps it), so the width field shows in the preview.
    painter.setPen(symbols.pen(symbol, symbol.strokeWidthMm));
    const QRectF box(14, 12, kPreviewWidth - 28, kPreviewHeight - 24);
    if (style.geometry == render::StyleGeometry::Line) {
      painter.drawLine(QPointF(box.left(), box.bottom()), QPointF(box.right(), box.top()));
    } else {
      painter.setBrush(symbols.brush(symbol));
      painter.drawRect(box);
    }
  }
  painter.end();
  preview_->setPixmap(QPixmap::fromImage(image));
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
