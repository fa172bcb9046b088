// AllocationPanel: the province-wide residue allocation and the what-if of one proposed project, with the flows on the
// map.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "viewer/viewer_layer.h"

class QComboBox;
class QTabWidget;
class QLabel;
class QPushButton;
class QTableWidget;

namespace circatlas::viewer {

class LayerStack;
struct AnalysisInputs;
class WorkerRun;

/// One material of the allocation summary (units of the material: t for solids).
struct AllocationRow {
  QString material;  ///< code, e.g. FLY_ASH
  QString materialZh;
  QString unit;
  double supplied = 0.0;        ///< per year
  double matchedOptimal = 0.0;  ///< per year, min-cost max-flow
  double matchedGreedy = 0.0;   ///< per year, greedy nearest-first
  double utilisationPct = 0.0;  ///< matchedOptimal / supplied
  double unitKm = 0.0;          ///< t·km (unit·km) of the optimal exchanges
  double transportCny = 0.0;    ///< CNY per year of the optimal exchanges
};

/// One utilisation figure of tools::utilisationBenchmarks() beside what the allocation reaches.
struct TargetRow {
  QString benchmarkEn;  ///< e.g. "Targets for 2015"
  QString benchmarkZh;
  QString source;  ///< the document
  QString figureEn;
  QString figureZh;
  double targetPct = 0.0;
  std::optional<double> reachedPct;  ///< the home province's utilisation of those materials; none without supply
};

/// One prefecture of tools::allocationByPrefecture (tonnes per year).
struct PrefectureRow {
  QString name;  ///< name_zh
  double supplied = 0.0;
  double matched = 0.0;
  std::optional<double> utilisationPct;  ///< none without supply
  double received = 0.0;
  double tonneKm = 0.0;
  double transportCny = 0.0;
};

struct AllocationOutcome {
  std::vector<AllocationRow> rows;
  std::vector<TargetRow> targets;          ///< as `circatlas allocate` prints them
  std::vector<PrefectureRow> prefectures;  ///< as `circatlas allocate` prints them
  /// Gansu's targets (and prefectures) left out: the registry lies outside Gansu, as in the CLI.
  std::vector<TargetRow> notApplied;
  std::size_t exchanges = 0;  ///< optimal exchanges drawn on the map
  std::optional<ViewerLayer> flows;
  QString parameters;
  QString error;
};

/// One material a project takes in or puts out, with the allocation without and with it.
struct WhatIfRow {
  QString material;
  QString direction;                      ///< input or output
  std::optional<double> projectQuantity;  ///< per year; none when the source gives none
  double matchedWithout = 0.0;
  double matchedWith = 0.0;
  double matchedChange = 0.0;  ///< what the project adds (with − without)
  std::optional<double> utilisationWithoutPct;
  std::optional<double> utilisationWithPct;
  double transportCnyWith = 0.0;
  QString why;    ///< the tool's reason for the change (e.g. why it is +0), in English
  QString whyZh;  ///< the same in Chinese (shown in the Chinese UI)
};

struct WhatIfOutcome {
  QString projectId;
  std::vector<WhatIfRow> rows;
  QString error;
};

/// Runs PartnersTool's allocation for one material or all (as `circatlas allocate`, straight line ×
/// detour) and WhatIfTool for one proposed project (as `circatlas whatif --project`) in a worker
/// thread with progress and Cancel; shows the summary numbers in tables (per material, against
/// the 2015 targets and per prefecture, as the command prints them; the what-if with the tool's
/// reason per material) and replaces the 'allocation_optimal' layer with the optimal exchanges.
class AllocationPanel : public QWidget {
  Q_OBJECT

 public:
  AllocationPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent = nullptr);

  /// Runs on another registry from now on: the material and project lists are refilled, the
  /// tables and flows of the old registry are cleared, and a running job on it is cancelled.
  void setInputs(std::shared_ptr<const AnalysisInputs> inputs);
  [[nodiscard]] QComboBox* projectBox() const noexcept { return project_; }
  /// The material chosen (empty: all) and the proposed project chosen (empty: none).
  [[nodiscard]] QString material() const;
  [[nodiscard]] QString project() const;
  /// Whether an allocation has been shown since the registry was opened.
  [[nodiscard]] bool hasAllocation() const noexcept { return hasAllocation_; }
  /// Whether a what-if has been shown since the registry was opened.
  [[nodiscard]] bool hasWhatIf() const noexcept { return hasWhatIf_; }
  /// Chooses the material by code; empty for all. False if unknown.
  bool setMaterial(const QString& code);
  /// Chooses the proposed project by id (e.g. "J003"). False if unknown or without flows.
  bool setProject(const QString& id);
  /// Starts the allocation for the chosen material; false while a run is going.
  bool runAllocation();
  /// Starts the what-if of the chosen project; false while a run is going.
  bool runWhatIf();
  /// Asks the running job to stop; the tables and the map keep the last finished results.
  void cancel();
  /// True from a run's start until its results are shown.
  [[nodiscard]] bool isRunning() const noexcept { return running_; }
  /// Whether the last run ended by Cancel.
  [[nodiscard]] bool lastRunCancelled() const noexcept { return lastCancelled_; }
  [[nodiscard]] const AllocationOutcome& lastAllocation() const noexcept { return allocation_; }
  [[nodiscard]] const WhatIfOutcome& lastWhatIf() const noexcept { return whatIf_; }
  [[nodiscard]] QTableWidget* allocationTable() const noexcept { return allocationTable_; }
  [[nodiscard]] QTableWidget* whatIfTable() const noexcept { return whatIfTable_; }
  [[nodiscard]] QTableWidget* targetsTable() const noexcept { return targetsTable_; }
  [[nodiscard]] QTableWidget* prefectureTable() const noexcept { return prefectureTable_; }
  [[nodiscard]] QTabWidget* allocationTabs() const noexcept { return allocationTabs_; }
  /// The what-if's reasons, one line per material.
  [[nodiscard]] QLabel* whatIfReasons() const noexcept { return whatIfReasons_; }
  [[nodiscard]] QLabel* summaryLabel() const noexcept { return summary_; }

 signals:
  void finished();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void setBusy(bool busy);
  void allocationDone(AllocationOutcome outcome, bool cancelled);
  void whatIfDone(WhatIfOutcome outcome, bool cancelled);
  void fillAllocation();
  void fillWhatIf();
  void fillTargets();
  void fillPrefectures();
  void fillChoices();
  void retranslateUi();

  LayerStack& layers_;
  std::shared_ptr<const AnalysisInputs> inputs_;
  QLabel* materialLabel_;
  QComboBox* material_;
  QPushButton* allocateButton_;
  QLabel* projectLabel_;
  QComboBox* project_;
  QPushButton* whatIfButton_;
  WorkerRun* worker_;
  QLabel* summary_;
  QTabWidget* allocationTabs_;
  QTableWidget* allocationTable_;
  QTableWidget* targetsTable_;
  QTableWidget* prefectureTable_;
  QLabel* whatIfSummary_;
  QLabel* whatIfReasons_;
  QTableWidget* whatIfTable_;
  AllocationOutcome allocation_;
  WhatIfOutcome whatIf_;
  bool hasAllocation_ = false;
  bool hasWhatIf_ = false;
  bool running_ = false;
  bool lastCancelled_ = false;
  /// Counts registry changes: a job started on an older registry is dropped when it returns.
  int generation_ = 0;
};

}  // namespace circatlas::viewer
