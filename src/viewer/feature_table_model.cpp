// Layer attributes as a Qt model, and tables as TSV.
#include "viewer/feature_table_model.h"

#include <QStringList>

#include "viewer/ui_support.h"

namespace circatlas::viewer {

FeatureTableModel::FeatureTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FeatureTableModel::setLayer(std::shared_ptr<const core::Layer> layer) {
  beginResetModel();
  layer_ = std::move(layer);
  endResetModel();
}

int FeatureTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !layer_ ? 0 : static_cast<int>(layer_->size());
}

int FeatureTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !layer_ ? 0 : static_cast<int>(layer_->schema().size());
}

QVariant FeatureTableModel::data(const QModelIndex& index, int role) const {
  if (!layer_ || !index.isValid()) return {};
  const core::Value& v =
      (*layer_)[static_cast<std::size_t>(index.row())].values[static_cast<std::size_t>(index.column())];
  if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return qs(core::toString(v));
  if (role == Qt::UserRole) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return QVariant::fromValue(static_cast<qlonglong>(*i));
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    return qs(core::toString(v));
  }
  if (role == Qt::TextAlignmentRole && (std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v))) {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  }
  return {};
}

QVariant FeatureTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !layer_) return {};
  if (orientation == Qt::Horizontal) return qs(layer_->schema()[static_cast<std::size_t>(section)].name);
  return section + 1;
}

QString tableToTsv(const QAbstractItemModel& model) {
  auto clean = [](QString s) {
    s.replace('\t', ' ');
    s.replace('\n', ' ');
    s.replace('\r', ' ');
    return s;
  };
  QStringList lines;
  QStringList header;
  for (int c = 0; c < model.columnCount(); ++c) header << clean(model.headerData(c, Qt::Horizontal).toString());
  lines << header.join('\t');
  for (int r = 0; r < model.rowCount(); ++r) {
    QStringList row;
    for (int c = 0; c < model.columnCount(); ++c) row << clean(model.index(r, c).data().toString());
    lines << row.join('\t');
  }
  return lines.join('\n') + '\n';
}

}  // namespace circatlas::viewer
