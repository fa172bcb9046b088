// The clustering dock: parameters, a worker-thread run of ClusterTool, the hull layer and a summary.
#include "viewer/cluster_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>
#include <set>
#include <utility>

#include "core/error.h"
#include "tools/analysis_specs.h"
#include "viewer/analysis_inputs.h"
#include "viewer/exchange_links.h"
#include "viewer/field_display.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"
#include "viewer/worker_run.h"

namespace circatlas::viewer {

ClusterOutcome runClusterJob(const AnalysisInputs& inputs, const tools::ClusterParams& params,
                             core::Progress& progress) {
  ClusterOutcome out;
  const catalogue::Catalogue& registry = inputs.catalogue;
  tools::ClusterResult r =
      tools::runCluster(registry.enterprises, registry.flows, inputs.counties, &registry.parks, params, &progress);
  core::advance(&progress, 1.0, "cluster list");
  out.clusters = r.convexHulls.size();
  for (std::size_t i = 0; i < r.members.size(); ++i) {
    const std::string role = core::toString(r.members.value(i, "role"));
    out.noise += role == "noise";
    out.points += role != "unlocated";  // a registry row without a location was never clustered
  }
  // The list: size, industry mix, tonnes of residues, prefectures; largest first.
  std::set<std::string> tonnes;
  const core::Layer& materials = registry.materials;
  for (std::size_t i = 0; i < materials.size(); ++i) {
    if (core::toString(materials.value(i, "unit")) == "t")
      tonnes.insert("out_" + core::toString(materials.value(i, "code")));
  }
  const core::Layer& hulls = r.convexHulls;
  for (std::size_t i = 0; i < hulls.size(); ++i) {
    ClusterRow row;
    row.feature = i;
    row.clusterId = static_cast<long long>(core::toNumber(hulls.value(i, "cluster_id")).value_or(0));
    row.members = static_cast<long long>(core::toNumber(hulls.value(i, "members")).value_or(0));
    row.shannon = core::toNumber(hulls.value(i, "shannon")).value_or(0);
    row.prefectures = qs(core::toString(hulls.value(i, "prefectures"))).replace(';', QStringLiteral(", "));
    for (const auto& field : hulls.schema().fields()) {
      if (tonnes.contains(field.name)) row.residuesTonnes += core::toNumber(hulls.value(i, field.name)).value_or(0);
    }
    // "3011:4;4411:2" → "3011 ×4, 4411 ×2", the three largest classes.
    std::vector<std::pair<long long, QString>> mix;
    for (const QString& part : qs(core::toString(hulls.value(i, "industries"))).split(';', Qt::SkipEmptyParts)) {
      const QStringList codeCount = part.split(':');
      if (codeCount.size() == 2) mix.emplace_back(codeCount[1].toLongLong(), codeCount[0]);
    }
    std::stable_sort(mix.begin(), mix.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList shown;
    for (std::size_t k = 0; k < mix.size() && k < 3; ++k)
      shown << mix[k].second + QStringLiteral(" ×%1").arg(mix[k].first);
    if (mix.size() > 3) shown << QStringLiteral("…");
    row.industries = shown.join(QStringLiteral(", "));
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const ClusterRow& a, const ClusterRow& b) { return a.members > b.members; });
  core::advance(&progress, 1.0, "projecting the hulls");
  out.hulls = makeResultLayer(tools::spec::cluster::convexHulls, std::move(r.convexHulls), inputs.paths);
  out.hulls->origin = inputs.provenance("enterprises, flows, parks; basemap.gpkg, layer counties");
  out.hulls->producedBy = "circatlas cluster (viewer)";
  out.hulls->minFeatureMm = kMinimumHullMm;
  out.hulls->parameters = r.parameters;
  return out;
}

ClusterPanel::ClusterPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      inputs_(std::move(inputs)),
      eps_(new QDoubleSpinBox(this)),
      unit_(new QComboBox(this)),
      minPoints_(new QSpinBox(this)),
      dbscanStar_(new QCheckBox(this)),
      worker_(new WorkerRun(this)),
      summary_(new QLabel(this)),
      list_(new QTableWidget(this)),
      epsLabel_(new QLabel(this)),
      minPointsLabel_(new QLabel(this)),
      debounce_(new QTimer(this)) {
  eps_->setObjectName("eps");
  eps_->setDecimals(1);
  eps_->setRange(0.1, 100000.0);
  unit_->addItem(QStringLiteral("km"), 1000.0);
  unit_->addItem(QStringLiteral("m"), 1.0);
  minPoints_->setRange(1, 1000);
  connect(worker_, &WorkerRun::cancelClicked, this, &ClusterPanel::cancel);  // also drops a due rerun
  summary_->setWordWrap(true);

  auto* epsRow = new QHBoxLayout;
  epsRow->addWidget(eps_, 1);
  epsRow->addWidget(unit_);
  auto* form = new QFormLayout(this);
  form->addRow(epsLabel_, epsRow);
  form->addRow(minPointsLabel_, minPoints_);
  form->addRow(dbscanStar_);
  form->addRow(worker_);
  form->addRow(summary_);
  form->addRow(list_);
  list_->setObjectName("clusterList");
  list_->setColumnCount(6);
  list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  list_->setSelectionBehavior(QAbstractItemView::SelectRows);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->verticalHeader()->setVisible(false);
  list_->horizontalHeader()->setStretchLastSection(true);
  list_->setMinimumHeight(160);
  connect(list_, &QTableWidget::cellClicked, this, [this](int row, int) {
    if (const QTableWidgetItem* item = list_->item(row, 0))
      emit clusterActivated(QString::fromLatin1(tools::spec::cluster::convexHulls.id.data(),
                                                static_cast<qsizetype>(tools::spec::cluster::convexHulls.id.size())),
                            item->data(Qt::UserRole + 1).toInt());
  });

  debounce_->setSingleShot(true);
  debounce_->setInterval(250);
  QSettings settings;
  // The declared defaults, as `circatlas cluster` (until the planner changes them).
  namespace spec = tools::spec::cluster;
  setParams(settings.value("analysis/cluster/eps_m", spec::eps.number).toDouble(),
            settings.value("analysis/cluster/min_points", static_cast<int>(spec::minPoints.number)).toInt(),
            settings.value("analysis/cluster/dbscan_star", spec::dbscanStar.number == 1).toBool());
  connect(debounce_, &QTimer::timeout, this, &ClusterPanel::run);
  connect(eps_, &QDoubleSpinBox::valueChanged, this, &ClusterPanel::parametersEdited);
  connect(unit_, &QComboBox::currentIndexChanged, this, &ClusterPanel::parametersEdited);
  connect(minPoints_, &QSpinBox::valueChanged, this, &ClusterPanel::parametersEdited);
  connect(dbscanStar_, &QCheckBox::toggled, this, &ClusterPanel::parametersEdited);
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

void ClusterPanel::setInputs(std::shared_ptr<const AnalysisInputs> inputs) {
  if (!inputs || inputs == inputs_) return;
  inputs_ = std::move(inputs);
  run();  // a run on the old registry is cancelled and this one starts when it has returned
}

bool ClusterPanel::isRunning() const { return worker_->isRunning() || debounce_->isActive() || rerun_; }

void ClusterPanel::run() {
  debounce_->stop();
  if (worker_->isRunning()) {
    // The running result is already out of date: stop it and start again when it has returned.
    rerun_ = true;
    worker_->cancel();
    return;
  }
  rerun_ = false;
  saveSettings();
  worker_->start<ClusterOutcome>(
      [inputs = inputs_, p = params()](core::Progress& progress) { return runClusterJob(*inputs, p, progress); },
      [this](JobOutcome<ClusterOutcome> o) {
        ClusterOutcome result = std::move(o.value).value_or(ClusterOutcome{});
        result.error = std::move(o.error);
        done(std::move(result), o.cancelled);
      });
}

void ClusterPanel::cancel() {
  rerun_ = false;
  worker_->cancel();
}

void ClusterPanel::done(ClusterOutcome result, bool cancelled) {
  if (cancelled) {
    if (rerun_) run();
    else {
      summary_->setText(tr("Cancelled; the map shows the last finished clusters."));
      emit finished();
    }
    return;
  }
  outcome_ = std::move(result);
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
  fillList();
  if (rerun_) run();
  else emit finished();
}

void ClusterPanel::fillList() {
  list_->setSortingEnabled(false);
  list_->setRowCount(static_cast<int>(outcome_.rows.size()));
  for (int r = 0; r < list_->rowCount(); ++r) {
    const ClusterRow& row = outcome_.rows[static_cast<std::size_t>(r)];
    QTableWidgetItem* id = quantityItem(static_cast<double>(row.clusterId), 0);
    id->setData(Qt::UserRole + 1, static_cast<int>(row.feature));
    list_->setItem(r, 0, id);
    list_->setItem(r, 1, quantityItem(static_cast<double>(row.members), 0));
    auto* mix = new QTableWidgetItem(row.industries);
    mix->setToolTip(row.industries);
    list_->setItem(r, 2, mix);
    list_->setItem(r, 3, quantityItem(row.shannon, 2));
    list_->setItem(r, 4, quantityItem(row.residuesTonnes, 0));
    auto* prefectures = new QTableWidgetItem(row.prefectures);
    prefectures->setToolTip(row.prefectures);
    list_->setItem(r, 5, prefectures);
  }
  list_->setSortingEnabled(true);
  list_->resizeColumnsToContents();
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
  list_->setHorizontalHeaderLabels({tr("Cluster"), tr("Members"), tr("Largest industries (GB/T 4754)"),
                                    tr("Diversity (Shannon)"), tr("Residues t/yr"), tr("Prefectures")});
  list_->setToolTip(tr("Click a cluster to zoom to it"));
  if (outcome_.hulls) {
    summary_->setText(tr("%1 cluster(s); %2 of %3 enterprises are noise.")
                          .arg(outcome_.clusters)
                          .arg(outcome_.noise)
                          .arg(outcome_.points));
  }
}

}  // namespace circatlas::viewer
