// LayerStyleDialog: the properties of a layer the planner added — colour, marker, size, labels,
// legend name — with a live preview of the symbol.
#pragma once

#include <QDialog>

#include "viewer/layer_look.h"
#include "viewer/viewer_layer.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace circatlas::viewer {

/// Edits a LayerLook for one layer; the caller applies look() when the dialog is accepted
/// (LayerStack::setLook). The label field is one of the layer's own fields, so a look never
/// reads a field the layer lacks.
class LayerStyleDialog : public QDialog {
  Q_OBJECT

 public:
  /// Starts from the layer's look (or a default one when it has none).
  LayerStyleDialog(const ViewerLayer& layer, render::Language language, QWidget* parent = nullptr);

  /// The look as the dialog's fields now say.
  [[nodiscard]] LayerLook look() const;
  /// Fills the fields from `look` (a label field the layer lacks is shown as no labels).
  void setLook(const LayerLook& look);

  [[nodiscard]] QLineEdit* nameEdit() const noexcept { return name_; }
  [[nodiscard]] QPushButton* colorButton() const noexcept { return colorButton_; }
  [[nodiscard]] QComboBox* markerBox() const noexcept { return marker_; }
  [[nodiscard]] QDoubleSpinBox* sizeBox() const noexcept { return size_; }
  [[nodiscard]] QComboBox* labelBox() const noexcept { return label_; }
  /// The preview of the symbol as the fields now say (drawn at its size on screen), updated as
  /// colour, marker and size change.
  [[nodiscard]] QLabel* preview() const noexcept { return preview_; }
  /// The colour the swatch shows (set by the colour dialog, or directly).
  void setColor(const QColor& color);

 private:
  void chooseColor();
  void updatePreview();

  core::GeometryType type_;
  bool points_;
  LayerLook start_;
  QColor color_;
  QLineEdit* name_;
  QPushButton* colorButton_;
  QComboBox* marker_;
  QDoubleSpinBox* size_;
  QComboBox* label_;
  QLabel* preview_;
};

}  // namespace circatlas::viewer
