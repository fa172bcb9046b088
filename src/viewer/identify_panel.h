// IdentifyPanel: the features under the last click, as a tree of layer → feature → field = value.
#pragma once

#include <QWidget>

#include <vector>

#include "viewer/identify.h"

class QTreeWidget;
class QLabel;

namespace circatlas::viewer {

class IdentifyPanel : public QWidget {
  Q_OBJECT

 public:
  IdentifyPanel(const LayerStack& layers, QWidget* parent = nullptr);

  /// Shows the hits (topmost layer first); the first feature of each layer is expanded.
  void showHits(const std::vector<IdentifyHit>& hits);
  void setLanguage(render::Language language);
  [[nodiscard]] QTreeWidget* tree() const noexcept { return tree_; }

 signals:
  /// The user picked a feature in the tree.
  void featureActivated(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();

  const LayerStack& layers_;
  render::Language language_ = render::Language::Zh;
  std::vector<IdentifyHit> hits_;
  QLabel* hint_;
  QTreeWidget* tree_;
};

}  // namespace circatlas::viewer
