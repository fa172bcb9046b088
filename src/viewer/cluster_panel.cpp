// The clustering dock: parameters, a worker-thread run of ClusterTool, the hull layer and a summary.
#include "viewer/cluster_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "core/error.h"
#include "render/definition_paths.h"
#include "render/style_parser.h"
#include "viewer/analysis_inputs.h"
#include "viewer/layer_stack.h"
#include "viewer/task_progress.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

ClusterOutcome runClusterJob(const std::shared_ptr<const AnalysisInputs>& inputs, const tools::ClusterParams& params,
                             const std::shared_ptr<TaskProgress>& progress) {
  ClusterOutcome out;
  try {
    const core::Layer& enterprises = inputs->table("enterprises");
    tools::ClusterResult r = tools::runCluster(enterprises, inputs->table("flows"), inputs->counties,
                                               &inputs->table("parks"), params, progress.get());
    out.clusters = r.convexHulls.size();
    out.points = r.members.size();
    for (std::size_t i = 0; i < r.members.size(); ++i) out.noise += core::toString(r.members.value(i, "role")) == "noise";
    out.hulls = makeViewerLayer("clusters", {"企业集聚区", "Enterprise clusters"}, std::move(r.convexHulls),
                                render::parseStyleFile(render::stylesDir() / "clusters.json"));
    out.hulls->origin = "catalogue: enterprises.csv, flows.csv, parks.csv; basemap.gpkg, layer counties";
    out.hulls->producedBy = "circatlas cluster (viewer)";
    out.hulls->parameters = r.parameters;
  } catch (const core::Cancelled&) {
    out.cancelled = true;
  } catch (const std::exception& e) {
    out.error = errorText(e);
  }
  return out;
}

}  // namespace

ClusterPanel::ClusterPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      inputs_(std::move(inputs)),
      eps_(new QDoubleSpinBox(this)),
      unit_(new QComboBox(this)),
      minPoints_(new QSpinBox(this)),
      dbscanStar_(new QCheckBox(this)),
      busy_(new QProgressBar(this)),
      cancel_(new QPushButton(this)),
      poll_(new QTimer(this)),
      summary_(new QLabel(this)),
      epsLabel_(new QLabel(this)),
      minPointsLabel_(new QLabel(this)),
      debounce_(new QTimer(this)) {
  eps_->setObjectName("eps");
  eps_->setDecimals(1);
  eps_->setRange(0.1, 100000.0);
  unit_->addItem(QStringLiteral("km"), 1000.0);
  unit_->addItem(QStringLiteral("m"), 1.0);
  minPoints_->setRange(1, 1000);
  busy_->setRange(0, 100);
  busy_->setVisible(false);
  cancel_->setVisible(false);
  poll_->setInterval(100);
  connect(poll_, &QTimer::timeout, this, [this] {
    if (progress_) busy_->setValue(static_cast<int>(progress_->fraction() * 100));
  });
  connect(cancel_, &QPushButton::clicked, this, &ClusterPanel::cancel);
  summary_->setWordWrap(true);

  auto* epsRow = new QHBoxLayout;
  epsRow->addWidget(eps_, 1);
  epsRow->addWidget(unit_);
  auto* form = new QFormLayout(this);
  form->addRow(epsLabel_, epsRow);
  form->addRow(minPointsLabel_, minPoints_);
  form->addRow(dbscanStar_);
  auto* busyRow = new QHBoxLayout;
  busyRow->addWidget(busy_, 1);
  busyRow->addWidget(cancel_);
  form->addRow(busyRow);
  form->addRow(summary_);

  debounce_->setSingleShot(true);
  debounce_->setInterval(250);
  QSettings settings;
  setParams(settings.value("analysis/cluster/eps_m", 20000.0).toDouble(),
            settings.value("analysis/cluster/min_points", 3).toInt(),
            settings.value("analysis/cluster/dbscan_star", false).toBool());
  connect(debounce_, &QTimer::timeout, this, &ClusterPanel::run);
  connect(eps_, &QDoubleSpinBox::valueChanged, this, &ClusterPanel::parametersEdited);
  connect(unit_, &QComboBox::currentIndexChanged, this, &ClusterPanel::parametersEdited);
  connect(minPoints_, &QSpinBox::valueChanged, this, &ClusterPanel::parametersEdited);
  connect(dbscanStar_, &QCheckBox::toggled, this, &ClusterPanel::parametersEdited);
  connect(&watcher_, &QFutureWatcher<ClusterOutcome>::finished, this, &ClusterPanel::done);
  retranslateUi();
}

tools::ClusterParams ClusterPanel::params() const {
  tools::ClusterParams p;
  p.epsMeters = eps_->value() * unit_->currentData().toDouble();
  p.minPoints = minPoints_->value();
  p.borderPointsAsNoise = dbscanStar_->isChecked();
  return p;
}

void ClusterPanel::setParams(double epsMeters, int minPoints, bool dbscanStar) {
  const bool km = epsMeters >= 1000.0;
  unit_->setCurrentIndex(km ? 0 : 1);
  eps_->setValue(km ? epsMeters / 1000.0 : epsMeters);
  minPoints_->setValue(minPoints);
  dbscanStar_->setChecked(dbscanStar);
  parametersEdited();
}

void ClusterPanel::parametersEdited() { debounce_->start(); }

bool ClusterPanel::isRunning() const { return running_ || debounce_->isActive() || rerun_; }

void ClusterPanel::run() {
  debounce_->stop();
  if (running_) {
    // The running result is already out of date: stop it and start again when it has returned.
    rerun_ = true;
    progress_->cancel();
    return;
  }
  rerun_ = false;
  running_ = true;
  saveSettings();
  progress_ = std::make_shared<TaskProgress>();
  busy_->setValue(0);
  busy_->setVisible(true);
  cancel_->setVisible(true);
  poll_->start();
  watcher_.setFuture(QtConcurrent::run(runClusterJob, inputs_, params(), progress_));
}

void ClusterPanel::cancel() {
  rerun_ = false;
  if (running_ && progress_) progress_->cancel();
}

void ClusterPanel::done() {
  running_ = false;
  poll_->stop();
  busy_->setVisible(false);
  cancel_->setVisible(false);
  const ClusterOutcome result = watcher_.result();
  if (result.cancelled) {
    if (rerun_) run();
    else {
      summary_->setText(tr("Cancelled; the map shows the last finished clusters."));
      emit finished();
    }
    return;
  }
  outcome_ = result;
  if (!outcome_.error.isEmpty()) {
    summary_->setText(outcome_.error);
    showError(this, tr("Clustering failed"), outcome_.error);
  } else {
    summary_->setText(tr("%1 cluster(s); %2 of %3 enterprises are noise.")
                          .arg(outcome_.clusters)
                          .arg(outcome_.noise)
                          .arg(outcome_.points));
    if (outcome_.hulls) layers_.put(*outcome_.hulls);
  }
  if (rerun_) run();
  else emit finished();
}

void ClusterPanel::saveSettings() const {
  QSettings settings;
  const auto p = params();
  settings.setValue("analysis/cluster/eps_m", p.epsMeters);
  settings.setValue("analysis/cluster/min_points", p.minPoints);
  settings.setValue("analysis/cluster/dbscan_star", p.borderPointsAsNoise);
}

void ClusterPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void ClusterPanel::retranslateUi() {
  epsLabel_->setText(tr("Radius (eps):"));
  minPointsLabel_->setText(tr("Minimum points:"));
  minPoints_->setToolTip(tr("Enterprises within eps, the enterprise itself included"));
  dbscanStar_->setText(tr("DBSCAN* (border points are noise)"));
  cancel_->setText(tr("Cancel"));
  if (outcome_.hulls) {
    summary_->setText(tr("%1 cluster(s); %2 of %3 enterprises are noise.")
                          .arg(outcome_.clusters)
                          .arg(outcome_.noise)
                          .arg(outcome_.points));
  }
}

}  // namespace circatlas::viewer
