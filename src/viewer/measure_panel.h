// MeasurePanel: the measure tool's result — legs and totals, geodesic and by road, with units.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace circatlas::viewer {

class MeasureTool;

/// Shows what the measure tool has measured: one row per leg (geodesic km, road km and how the
/// road figure was made) and the totals; follows the tool's changed() signal.
class MeasurePanel : public QWidget {
  Q_OBJECT

 public:
  explicit MeasurePanel(MeasureTool& tool, QWidget* parent = nullptr);

  [[nodiscard]] QTableWidget* table() const noexcept { return table_; }
  /// The totals line, e.g. "Total 620.8 km geodesic; by road first → last 780.8 km".
  [[nodiscard]] QString summaryText() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();

  MeasureTool& tool_;
  QLabel* help_;
  QLabel* summary_;
  QTableWidget* table_;
};

}  // namespace circatlas::viewer
