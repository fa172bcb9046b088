// LayerPanel: the layer list — visibility, labels, order, opacity, remove; top layer listed first.
#pragma once

#include <QWidget>

#include "render/style.h"

class QListWidget;
class QSlider;
class QToolButton;
class QLabel;

namespace circatlas::viewer {

class LayerStack;

class LayerPanel : public QWidget {
  Q_OBJECT

 public:
  LayerPanel(LayerStack& layers, QWidget* parent = nullptr);
  [[nodiscard]] QListWidget* list() const noexcept { return list_; }
  void setLanguage(render::Language language);
  /// Index in the stack of the highlighted row, or -1.
  [[nodiscard]] int currentLayerIndex() const;

 signals:
  void openTableRequested(const QString& layerId);
  void zoomToLayerRequested(const QString& layerId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  void moveCurrent(int towardsTop);
  void retranslateUi();

  LayerStack& layers_;
  render::Language language_ = render::Language::Zh;
  QListWidget* list_;
  QLabel* opacityLabel_;
  QSlider* opacity_;
  QToolButton* up_;
  QToolButton* down_;
  QToolButton* remove_;
  QToolButton* table_;
  QToolButton* zoom_;
  bool rebuilding_ = false;
};

}  // namespace circatlas::viewer
