// ClusterPanel: DBSCAN of the enterprises with live parameters; hulls replace the 'cluster_hulls' layer.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "tools/cluster_tool.h"
#include "viewer/viewer_layer.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace circatlas::viewer {

class LayerStack;
struct AnalysisInputs;
class WorkerRun;

/// A hull smaller than this on screen (mm at the map's DPI, about 11 px on a 96 dpi screen) is
/// drawn as a ring of this size, so a cluster of a few neighbouring plants is visible at province scale.
inline constexpr double kMinimumHullMm = 3.0;

/// One cluster as the list shows it.
struct ClusterRow {
  std::size_t feature = 0;  ///< index in the 'cluster_hulls' layer
  long long clusterId = 0;
  long long members = 0;
  QString industries;  ///< the largest industry classes, "3011 ×4; 4411 ×2; …"
  double shannon = 0.0;
  double residuesTonnes = 0.0;  ///< declared outputs in tonnes per year (materials measured in t)
  QString prefectures;
};

/// What a clustering run produced (computed in a worker thread).
struct ClusterOutcome {
  std::vector<ClusterRow> rows;
  std::optional<ViewerLayer> hulls;
  std::size_t clusters = 0;
  std::size_t noise = 0;
  std::size_t points = 0;
  QString error;
};

/// The job the panel runs in its worker thread: ClusterTool (as `circatlas cluster`), then the
/// cluster list and the hull layer in the display CRS. Checks `progress` at every stage, the
/// viewer's own included, and throws core::Cancelled at the first check after Cancel.
[[nodiscard]] ClusterOutcome runClusterJob(const AnalysisInputs& inputs, const tools::ClusterParams& params,
                                           core::Progress& progress);

/// Runs ClusterTool whenever a parameter changes (after a short pause, one run at a time; a
/// change during a run starts one more run with the latest values) and puts the convex hulls on
/// the map as layer 'cluster_hulls'. A change during a run cancels it and starts over with the new
/// values; Cancel stops a run (the tool checks between its stages and hulls).
class ClusterPanel : public QWidget {
  Q_OBJECT

 public:
  ClusterPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent = nullptr);

  [[nodiscard]] tools::ClusterParams params() const;
  /// Sets the parameters shown (eps in metres, shown in km when ≥ 1 km); triggers a run.
  void setParams(double epsMeters, int minPoints, bool dbscanStar);
  /// Runs on another registry from now on (a running job on the old one is cancelled and run again).
  void setInputs(std::shared_ptr<const AnalysisInputs> inputs);
  [[nodiscard]] const std::shared_ptr<const AnalysisInputs>& inputs() const noexcept { return inputs_; }
  /// Starts a run now with the current parameters.
  void run();
  /// Stops the running computation; the map keeps the last finished clusters.
  void cancel();
  /// True while a run is due, computing, or not yet shown.
  [[nodiscard]] bool isRunning() const;
  [[nodiscard]] const ClusterOutcome& lastOutcome() const noexcept { return outcome_; }
  /// The clusters of the last run, largest first; a click on a row zooms to it.
  [[nodiscard]] QTableWidget* list() const noexcept { return list_; }

 signals:
  void finished();
  /// The planner picked a cluster in the list: its feature in the 'cluster_hulls' layer.
  void clusterActivated(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void parametersEdited();
  void done(ClusterOutcome result, bool cancelled);
  void retranslateUi();
  void fillList();
  void saveSettings() const;

  LayerStack& layers_;
  std::shared_ptr<const AnalysisInputs> inputs_;
  QDoubleSpinBox* eps_;
  QComboBox* unit_;
  QSpinBox* minPoints_;
  QCheckBox* dbscanStar_;
  WorkerRun* worker_;
  QLabel* summary_;
  QTableWidget* list_;
  QLabel* epsLabel_;
  QLabel* minPointsLabel_;
  QTimer* debounce_;
  bool rerun_ = false;
  ClusterOutcome outcome_;
};

}  // namespace circatlas::viewer
