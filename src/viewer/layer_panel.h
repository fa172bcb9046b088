// LayerPanel: the layer list — visibility, labels, order, opacity, remove; top layer listed first.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "core/data_paths.h"
#include "render/style.h"
#include "viewer/style_choice.h"

class QListWidget;
class QSlider;
class QToolButton;
class QLabel;
class QComboBox;

namespace circatlas::viewer {

class LayerStack;
class LayerStyleDialog;

class LayerPanel : public QWidget {
  Q_OBJECT

 public:
  /// The style choices are the styles of `paths`.
  LayerPanel(LayerStack& layers, const core::DataPaths& paths, QWidget* parent = nullptr);
  [[nodiscard]] QListWidget* list() const noexcept { return list_; }
  void setLanguage(render::Language language);
  /// Index in the stack of the highlighted row, or -1.
  [[nodiscard]] int currentLayerIndex() const;
  /// The style choice for the highlighted layer: the styles of styles/ that can draw it.
  [[nodiscard]] QComboBox* styleBox() const noexcept { return style_; }
  /// "Properties…": enabled for a layer the planner added; opens the LayerStyleDialog.
  [[nodiscard]] QToolButton* propertiesButton() const noexcept { return properties_; }
  /// Opens the properties dialog of the highlighted layer (non-blocking; its look is applied
  /// when the planner presses OK). Returns the dialog, or nullptr for a layer without a look.
  LayerStyleDialog* openProperties();

 signals:
  void openTableRequested(const QString& layerId);
  void zoomToLayerRequested(const QString& layerId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  void moveCurrent(int towardsTop);
  void retranslateUi();
  /// Lists the styles that fit the highlighted layer, its current one selected.
  void fillStyles();

  LayerStack& layers_;
  render::Language language_ = render::Language::Zh;
  QListWidget* list_;
  QLabel* opacityLabel_;
  QSlider* opacity_;
  QLabel* styleLabel_;
  QComboBox* style_;
  StyleLibrary library_;
  /// What the style box lists, in its order.
  std::vector<std::shared_ptr<const render::Style>> choices_;
  QToolButton* up_;
  QToolButton* down_;
  QToolButton* remove_;
  QToolButton* table_;
  QToolButton* zoom_;
  QToolButton* properties_;
  bool rebuilding_ = false;
};

}  // namespace circatlas::viewer
