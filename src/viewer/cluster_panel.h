// ClusterPanel: DBSCAN of the enterprises with live parameters; hulls replace the 'cluster_hulls' layer.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "tools/cluster_tool.h"
#include "viewer/viewer_layer.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace circatlas::viewer {

class LayerStack;
struct AnalysisInputs;
class WorkerRun;

/// What a clustering run produced (computed in a worker thread).
struct ClusterOutcome {
  std::optional<ViewerLayer> hulls;
  std::size_t clusters = 0;
  std::size_t noise = 0;
  std::size_t points = 0;
  QString error;
};

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

 signals:
  void finished();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void parametersEdited();
  void done(ClusterOutcome result, bool cancelled);
  void retranslateUi();
  void saveSettings() const;

  LayerStack& layers_;
  std::shared_ptr<const AnalysisInputs> inputs_;
  QDoubleSpinBox* eps_;
  QComboBox* unit_;
  QSpinBox* minPoints_;
  QCheckBox* dbscanStar_;
  WorkerRun* worker_;
  QLabel* summary_;
  QLabel* epsLabel_;
  QLabel* minPointsLabel_;
  QTimer* debounce_;
  bool rerun_ = false;
  ClusterOutcome outcome_;
};

}  // namespace circatlas::viewer
