// AttributeTablePanel: one layer's attributes — sortable, filterable, selection shared with the map.
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

#include "render/style.h"

namespace circatlas::viewer {

class FeatureTableModel;
class LayerStack;

class AttributeTablePanel : public QWidget {
  Q_OBJECT

 public:
  AttributeTablePanel(LayerStack& layers, QWidget* parent = nullptr);

  /// Shows the layer's table (by id); false when there is no such layer.
  bool showLayer(const QString& layerId);
  [[nodiscard]] QString currentLayerId() const;
  [[nodiscard]] QTableView* view() const noexcept { return view_; }
  [[nodiscard]] QLineEdit* filterEdit() const noexcept { return filter_; }
  /// The visible (filtered, sorted) rows as TSV, also put on the clipboard by the button.
  [[nodiscard]] QString tsv() const;
  void copyToClipboard() const;
  void setLanguage(render::Language language);

 signals:
  /// The user asked to see a feature (double click on its row).
  void zoomToFeature(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuildLayerList();
  void tableSelectionChanged();
  void mapSelectionChanged();
  void retranslateUi();

  LayerStack& layers_;
  render::Language language_ = render::Language::Zh;
  QComboBox* layerBox_;
  QLineEdit* filter_;
  QPushButton* copy_;
  QTableView* view_;
  FeatureTableModel* model_;
  QSortFilterProxyModel* proxy_;
  bool syncing_ = false;
};

}  // namespace circatlas::viewer
