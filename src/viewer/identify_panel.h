// IdentifyPanel: the features under the last click, as a tree of layer → feature → field = value.
#pragma once

#include <QWidget>

#include <vector>

#include "viewer/field_display.h"
#include "viewer/identify.h"

class QTreeWidget;
class QLabel;

namespace circatlas::viewer {

class IdentifyPanel : public QWidget {
  Q_OBJECT

 public:
  IdentifyPanel(const LayerStack& layers, QWidget* parent = nullptr);

  /// Shows the hits in the order given (orderForListing: enterprises first), compactly: one node
  /// per layer with its count, only the first feature opened; fields by their zh/en names with
  /// translated values, codes with names and formatted numbers; the full text and the raw field
  /// name and value in tooltips.
  void showHits(const std::vector<IdentifyHit>& hits);
  /// Takes the names codes stand for from the map's layers and `catalogue` (materials, parks), and
  /// the industry classes of paths.data.
  void setNames(const catalogue::Catalogue* catalogue, const core::DataPaths& paths);
  [[nodiscard]] const FieldDisplay& fieldDisplay() const noexcept { return display_; }
  void setLanguage(render::Language language);
  [[nodiscard]] QTreeWidget* tree() const noexcept { return tree_; }
  /// The widest field column allowed: this share of the tree's width (the values get the rest).
  static constexpr double kFieldColumnShare = 0.5;

 signals:
  /// The user picked a feature in the tree.
  void featureActivated(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;
  /// Refits the field column when the tree's viewport changes width.
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retranslateUi();
  /// Sizes the field column to its names, at most kFieldColumnShare of the tree, so the values
  /// (elided, whole in their tooltips) fit beside it without a horizontal scroll.
  void fitFieldColumn();

  const LayerStack& layers_;
  render::Language language_ = render::Language::Zh;
  std::vector<IdentifyHit> hits_;
  FieldDisplay display_;
  QLabel* hint_;
  QTreeWidget* tree_;
};

}  // namespace circatlas::viewer
