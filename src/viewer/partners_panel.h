// PartnersPanel: pick an enterprise, see its ranked exchange partners in a table and as links on the map.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "viewer/viewer_layer.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace circatlas::viewer {

class LayerStack;
struct AnalysisInputs;
class WorkerRun;

/// One ranked candidate as the table shows it.
struct PartnerRow {
  int rank = 0;
  QString receiver;
  QString material;
  QString materialZh;
  double km = 0.0;
  double transportCny = 0.0;
  double score = 0.0;
  QString scoreUnit;  ///< "CNY/yr", or "CNY/t" for a ranking figure per unit of supply (quantity unknown)
  QString reasonZh;
  QString reasonEn;
};

struct PartnersOutcome {
  std::vector<PartnerRow> rows;
  std::optional<ViewerLayer> links;
  QString error;
};

/// Runs PartnersTool for the chosen enterprise (and optionally one material) in a worker thread
/// (progress bar and Cancel); the candidates fill the table and replace the 'partner_candidates' layer.
class PartnersPanel : public QWidget {
  Q_OBJECT

 public:
  PartnersPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent = nullptr);

  /// Runs on another registry from now on: the enterprise and material lists are refilled, the
  /// table and links of the old registry are cleared, and a running search on it is cancelled.
  void setInputs(std::shared_ptr<const AnalysisInputs> inputs);
  [[nodiscard]] QComboBox* enterpriseBox() const noexcept { return enterprise_; }
  /// The id of the enterprise chosen, or empty.
  [[nodiscard]] QString enterprise() const;
  /// Chooses the enterprise by catalogue id (e.g. "E002") and runs; false if unknown.
  bool setEnterprise(const QString& id);
  void run();
  /// True from run() until its results are shown (not just until the worker returns).
  [[nodiscard]] bool isRunning() const noexcept { return running_; }
  [[nodiscard]] QTableWidget* table() const noexcept { return table_; }
  [[nodiscard]] const PartnersOutcome& lastOutcome() const noexcept { return outcome_; }
  void setLanguage(render::Language language);

 signals:
  void finished();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void done(PartnersOutcome outcome, bool cancelled);
  void fillTable();
  void fillChoices();
  void retranslateUi();

  LayerStack& layers_;
  std::shared_ptr<const AnalysisInputs> inputs_;
  render::Language language_ = render::Language::Zh;
  QLabel* enterpriseLabel_;
  QComboBox* enterprise_;
  QLabel* materialLabel_;
  QComboBox* material_;
  QPushButton* runButton_;
  WorkerRun* worker_;
  QLabel* summary_;
  QTableWidget* table_;
  PartnersOutcome outcome_;
  bool running_ = false;
  bool hasRun_ = false;
  /// Counts registry changes: a job started on an older registry is dropped when it returns.
  int generation_ = 0;
};

}  // namespace circatlas::viewer
