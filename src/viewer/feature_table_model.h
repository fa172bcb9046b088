// FeatureTableModel: a layer's attributes as a Qt table model (one row per feature, one column per field).
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "core/layer.h"

class QAbstractItemModel;

namespace circatlas::viewer {

/// Read-only. Sorting goes through Qt::UserRole: numbers as numbers, text as text, so a
/// QSortFilterProxyModel sorts 9 before 10. Row i is feature i of the layer.
class FeatureTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit FeatureTableModel(QObject* parent = nullptr);

  /// Shows another layer (or none); the model keeps the layer alive.
  void setLayer(std::shared_ptr<const core::Layer> layer);
  [[nodiscard]] const core::Layer* layer() const noexcept { return layer_.get(); }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  std::shared_ptr<const core::Layer> layer_;
};

/// The model's visible rows as tab-separated text with a header line (for the clipboard);
/// tabs and line breaks inside values become spaces.
[[nodiscard]] QString tableToTsv(const QAbstractItemModel& model);

}  // namespace circatlas::viewer
