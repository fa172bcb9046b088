// The allocation dock: material choice, worker-thread allocation and what-if runs, summary tables, flows on the map.
#include "viewer/allocation_panel.h"

#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStringList>
#include <QTabWidget>
#include <QTableWidget>

#include <set>
#include <variant>

#include "tools/allocation_regions.h"
#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/partners_tool.h"
#include "tools/whatif_tool.h"
#include "viewer/analysis_inputs.h"
#include "viewer/exchange_links.h"
#include "viewer/language.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"
#include "viewer/worker_run.h"

namespace circatlas::viewer {

namespace {

QString text(const core::Layer& layer, std::size_t row, std::string_view field) {
  return qs(core::toString(layer.value(row, field)));
}

tools::CatalogueInput catalogueOf(const AnalysisInputs& inputs) { return tools::catalogueInput(inputs.catalogue); }

// As `circatlas allocate`: the allocation only (topK 1 keeps the candidate listing small).
AllocationOutcome runAllocationJob(const AnalysisInputs& inputs, const std::string& material,
                                   core::Progress& progress) {
  tools::PartnersParams params{};
  tools::applyCatalogueDefaults(params, inputs.catalogue, 0, false);
  params.topK = 1;
  if (!material.empty()) params.materialCode = material;
  const tools::PartnersResult r = tools::runPartners(catalogueOf(inputs), params, &progress);
  AllocationOutcome out;
  const core::Layer& s = r.summary;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out.rows.push_back({text(s, i, "material"), text(s, i, "material_zh"), text(s, i, "unit"),
                        realOf(s.value(i, "supplied")), realOf(s.value(i, "matched_optimal")),
                        realOf(s.value(i, "matched_greedy")), realOf(s.value(i, "utilisation_pct")),
                        realOf(s.value(i, "unit_km")), realOf(s.value(i, "transport_cny"))});
  }
  // The figures and the per-prefecture table `circatlas allocate` prints below its table.
  // Gansu's own targets and prefectures only for a registry in Gansu, as the CLI decides.
  for (const auto& benchmark : tools::utilisationBenchmarks()) {
    const bool applies = inputs.inGansu || !benchmark.gansuOnly;
    for (const auto& figure : benchmark.figures) {
      (applies ? out.targets : out.notApplied)
          .push_back({qs(std::string(benchmark.titleEn)), qs(std::string(benchmark.titleZh)),
                      qs(std::string(benchmark.source)), qs(std::string(figure.labelEn)),
                      qs(std::string(figure.labelZh)), figure.pct,
                      tools::homeUtilisationPct(figure, s, inputs.catalogue.materials)});
    }
  }
  if (inputs.inGansu && !inputs.prefectures.empty()) {
    const core::Layer regions = tools::allocationByPrefecture(catalogueOf(inputs), r, inputs.prefectures);
    for (std::size_t i = 0; i < regions.size(); ++i) {
      out.prefectures.push_back(
          {text(regions, i, "name_zh"), realOf(regions.value(i, "supplied_t")), realOf(regions.value(i, "matched_t")),
           core::toNumber(regions.value(i, "utilisation_pct")), realOf(regions.value(i, "received_t")),
           realOf(regions.value(i, "t_km")), realOf(regions.value(i, "transport_cny"))});
    }
  }
  out.exchanges = r.optimal.size();
  out.flows = makeExchangeLinks(r.optimal, tools::spec::allocate::optimal, inputs.paths);
  out.flows->origin = inputs.provenance("enterprises, flows, materials, material_uses");
  out.flows->producedBy = "circatlas allocate (viewer)";
  out.flows->parameters = r.parameters;
  out.parameters = qs(r.parameters);
  return out;
}

// As `circatlas whatif --project ID`.
WhatIfOutcome runWhatIfJob(const AnalysisInputs& inputs, const std::string& project, core::Progress& progress) {
  tools::WhatIfParams params;
  tools::applyCatalogueDefaults(params.partners, inputs.catalogue, 0, false);
  params.projectIds = {project};
  const tools::WhatIfResult r = tools::runWhatIf(catalogueOf(inputs), inputs.catalogue.projects,
                                                 inputs.catalogue.projectFlows, params, &progress);
  WhatIfOutcome out;
  out.projectId = qs(project);
  const core::Layer& t = r.table;
  for (std::size_t i = 0; i < t.size(); ++i) {
    out.rows.push_back({text(t, i, "material"), text(t, i, "direction"), core::toNumber(t.value(i, "project_quantity")),
                        realOf(t.value(i, "matched_without")), realOf(t.value(i, "matched_with")),
                        realOf(t.value(i, "matched_change")), core::toNumber(t.value(i, "utilisation_without_pct")),
                        core::toNumber(t.value(i, "utilisation_with_pct")), realOf(t.value(i, "transport_cny_with")),
                        text(t, i, "why"), text(t, i, "why_zh")});
  }
  return out;
}

// Shown with the locale's digit grouping; the number itself under Qt::UserRole.
QTableWidgetItem* numberItem(double v, int decimals) {
  auto* item = new QTableWidgetItem(QLocale().toString(v, 'f', decimals));
  item->setData(Qt::UserRole, v);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QTableWidgetItem* optionalItem(std::optional<double> v, int decimals) {
  if (v) return numberItem(*v, decimals);
  auto* item = new QTableWidgetItem(QStringLiteral("–"));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

void setUpTable(QTableWidget* table) {
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->horizontalHeader()->setStretchLastSection(true);
  table->verticalHeader()->setVisible(false);
}

}  // namespace

AllocationPanel::AllocationPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      inputs_(std::move(inputs)),
      materialLabel_(new QLabel(this)),
      material_(new QComboBox(this)),
      allocateButton_(new QPushButton(this)),
      projectLabel_(new QLabel(this)),
      project_(new QComboBox(this)),
      whatIfButton_(new QPushButton(this)),
      worker_(new WorkerRun(this)),
      summary_(new QLabel(this)),
      allocationTabs_(new QTabWidget(this)),
      allocationTable_(new QTableWidget(this)),
      targetsTable_(new QTableWidget(this)),
      prefectureTable_(new QTableWidget(this)),
      whatIfSummary_(new QLabel(this)),
      whatIfReasons_(new QLabel(this)),
      whatIfTable_(new QTableWidget(this)) {
  summary_->setObjectName("allocationSummary");
  summary_->setWordWrap(true);
  whatIfSummary_->setWordWrap(true);
  whatIfReasons_->setObjectName("whatIfReasons");
  whatIfReasons_->setWordWrap(true);
  whatIfReasons_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  allocationTable_->setColumnCount(7);
  targetsTable_->setColumnCount(3);
  prefectureTable_->setColumnCount(7);
  whatIfTable_->setColumnCount(7);
  setUpTable(allocationTable_);
  setUpTable(targetsTable_);
  setUpTable(prefectureTable_);
  setUpTable(whatIfTable_);
  allocationTabs_->setDocumentMode(true);
  allocationTabs_->addTab(allocationTable_, QString());
  allocationTabs_->addTab(targetsTable_, QString());
  allocationTabs_->addTab(prefectureTable_, QString());

  fillChoices();

  auto* materialRow = new QHBoxLayout;
  materialRow->addWidget(material_, 1);
  materialRow->addWidget(allocateButton_);
  auto* projectRow = new QHBoxLayout;
  projectRow->addWidget(project_, 1);
  projectRow->addWidget(whatIfButton_);
  // The dock column is narrow: the choices shrink to it, and a form row wraps under its label.
  fitToColumn(material_);
  fitToColumn(project_);
  auto* form = new QFormLayout(this);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->addRow(materialLabel_, materialRow);
  form->addRow(worker_);
  form->addRow(summary_);
  form->addRow(allocationTabs_);
  form->addRow(projectLabel_, projectRow);
  form->addRow(whatIfSummary_);
  form->addRow(whatIfReasons_);
  form->addRow(whatIfTable_);

  connect(allocateButton_, &QPushButton::clicked, this, &AllocationPanel::runAllocation);
  connect(material_, &QComboBox::activated, this, &AllocationPanel::runAllocation);
  connect(whatIfButton_, &QPushButton::clicked, this, &AllocationPanel::runWhatIf);
  connect(worker_, &WorkerRun::cancelClicked, this, &AllocationPanel::cancel);
  retranslateUi();
}

void AllocationPanel::fillChoices() {
  material_->clear();
  project_->clear();
  material_->addItem(tr("all residues"), QString());
  const core::Layer& materials = inputs_->catalogue.materials;
  for (std::size_t i = 0; i < materials.size(); ++i) {
    const QString code = text(materials, i, "code");
    material_->addItem(code + QStringLiteral("  ") + text(materials, i, "name_zh"), code);
  }
  // Only projects that declare flows change the allocation (WhatIfTool skips the others).
  std::set<std::string> withFlows;
  const core::Layer& flows = inputs_->catalogue.projectFlows;
  for (std::size_t i = 0; i < flows.size(); ++i) withFlows.insert(core::toString(flows.value(i, "project_id")));
  const core::Layer& projects = inputs_->catalogue.projects;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const QString id = text(projects, i, "id");
    if (!withFlows.contains(utf8(id)) || projects[i].geometry.isEmpty()) continue;
    project_->addItem(id + QStringLiteral("  ") + text(projects, i, "name_zh"), id);
  }
  QSettings settings;
  setMaterial(settings.value("analysis/allocation/material").toString());
  setProject(settings.value("analysis/allocation/project").toString());
}

void AllocationPanel::setInputs(std::shared_ptr<const AnalysisInputs> inputs) {
  if (!inputs || inputs == inputs_) return;
  inputs_ = std::move(inputs);
  ++generation_;
  worker_->cancel();
  fillChoices();
  setBusy(worker_->isRunning());
  running_ = false;  // the old job's outcome is dropped when it returns
  hasAllocation_ = false;
  hasWhatIf_ = false;
  allocation_ = {};
  whatIf_ = {};
  allocationTable_->setRowCount(0);
  targetsTable_->setRowCount(0);
  prefectureTable_->setRowCount(0);
  whatIfTable_->setRowCount(0);
  whatIfReasons_->clear();
  if (const auto i = layers_.indexOf(tools::spec::allocate::optimal.id)) layers_.remove(*i);
  retranslateUi();
}

QString AllocationPanel::material() const { return material_->currentData().toString(); }

QString AllocationPanel::project() const { return project_->currentData().toString(); }

bool AllocationPanel::setMaterial(const QString& code) {
  const int i = material_->findData(code);
  if (i < 0) return false;
  material_->setCurrentIndex(i);
  return true;
}

bool AllocationPanel::setProject(const QString& id) {
  const int i = project_->findData(id);
  if (i < 0) return false;
  project_->setCurrentIndex(i);
  return true;
}

void AllocationPanel::setBusy(bool busy) {
  running_ = busy;
  allocateButton_->setEnabled(!busy);
  whatIfButton_->setEnabled(!busy && project_->count() > 0);
}

bool AllocationPanel::runAllocation() {
  if (running_ || worker_->isRunning()) return false;
  const QString material = material_->currentData().toString();
  QSettings().setValue("analysis/allocation/material", material);
  setBusy(true);
  worker_->start<AllocationOutcome>(
      [inputs = inputs_, m = utf8(material)](core::Progress& progress) {
        return runAllocationJob(*inputs, m, progress);
      },
      [this, generation = generation_](JobOutcome<AllocationOutcome> o) {
        if (generation != generation_) {  // started on a registry that is no longer the current one
          setBusy(false);
          return;
        }
        AllocationOutcome result = std::move(o.value).value_or(AllocationOutcome{});
        result.error = std::move(o.error);
        allocationDone(std::move(result), o.cancelled);
      });
  return true;
}

bool AllocationPanel::runWhatIf() {
  if (running_ || worker_->isRunning()) return false;
  const QString id = project_->currentData().toString();
  if (id.isEmpty()) return false;
  QSettings().setValue("analysis/allocation/project", id);
  setBusy(true);
  worker_->start<WhatIfOutcome>(
      [inputs = inputs_, p = utf8(id)](core::Progress& progress) { return runWhatIfJob(*inputs, p, progress); },
      [this, generation = generation_](JobOutcome<WhatIfOutcome> o) {
        if (generation != generation_) {  // started on a registry that is no longer the current one
          setBusy(false);
          return;
        }
        WhatIfOutcome result = std::move(o.value).value_or(WhatIfOutcome{});
        result.error = std::move(o.error);
        whatIfDone(std::move(result), o.cancelled);
      });
  return true;
}

void AllocationPanel::cancel() { worker_->cancel(); }

void AllocationPanel::allocationDone(AllocationOutcome outcome, bool cancelled) {
  setBusy(false);
  lastCancelled_ = cancelled;
  if (cancelled) {
    summary_->setText(tr("Cancelled; the map shows the last finished allocation."));
  } else {
    hasAllocation_ = true;
    allocation_ = std::move(outcome);
    if (!allocation_.error.isEmpty()) {
      showError(this, tr("Allocation failed"), allocation_.error);
    } else if (allocation_.flows) {
      layers_.put(*allocation_.flows);
    }
    fillAllocation();
  }
  emit finished();
}

void AllocationPanel::whatIfDone(WhatIfOutcome outcome, bool cancelled) {
  setBusy(false);
  lastCancelled_ = cancelled;
  if (cancelled) {
    whatIfSummary_->setText(tr("What-if cancelled."));
  } else {
    hasWhatIf_ = true;
    whatIf_ = std::move(outcome);
    if (!whatIf_.error.isEmpty()) showError(this, tr("What-if failed"), whatIf_.error);
    fillWhatIf();
  }
  emit finished();
}

void AllocationPanel::fillAllocation() {
  if (!hasAllocation_) return;
  if (!allocation_.error.isEmpty()) {
    summary_->setText(allocation_.error);
    return;
  }
  const QLocale locale;
  allocationTable_->setRowCount(static_cast<int>(allocation_.rows.size()));
  double supplied = 0, optimal = 0, greedy = 0, tkm = 0, cny = 0;
  for (int r = 0; r < allocationTable_->rowCount(); ++r) {
    const AllocationRow& row = allocation_.rows[static_cast<std::size_t>(r)];
    allocationTable_->setItem(r, 0, new QTableWidgetItem(row.materialZh + QStringLiteral(" ") + row.material));
    allocationTable_->setItem(r, 1, numberItem(row.supplied, 0));
    allocationTable_->setItem(r, 2, numberItem(row.matchedOptimal, 0));
    allocationTable_->setItem(r, 3, numberItem(row.matchedGreedy, 0));
    allocationTable_->setItem(r, 4, numberItem(row.utilisationPct, 1));
    allocationTable_->setItem(r, 5, numberItem(row.unitKm, 0));
    allocationTable_->setItem(r, 6, numberItem(row.transportCny, 0));
    if (row.unit != QStringLiteral("t")) continue;  // MWh and m³ do not add to tonnes
    supplied += row.supplied;
    optimal += row.matchedOptimal;
    greedy += row.matchedGreedy;
    tkm += row.unitKm;
    cny += row.transportCny;
  }
  allocationTable_->resizeColumnsToContents();
  auto n = [&](double v) { return locale.toString(v, 'f', 0); };
  summary_->setText(tr("Materials in tonnes: %1 t/yr supplied; matched %2 t/yr optimal vs %3 t/yr greedy "
                       "(utilisation %4 %); %5 t·km, transport %6 CNY/yr; %n exchange(s) on the map.",
                       nullptr, static_cast<int>(allocation_.exchanges))
                        .arg(n(supplied), n(optimal), n(greedy),
                             locale.toString(supplied > 0 ? 100.0 * optimal / supplied : 0.0, 'f', 1), n(tkm), n(cny)));
  fillTargets();
  fillPrefectures();
}

void AllocationPanel::fillTargets() {
  const bool zh = LanguageManager::preferredLanguage().startsWith(QStringLiteral("zh"));
  targetsTable_->clearSpans();
  targetsTable_->setRowCount(static_cast<int>(allocation_.targets.size()));
  for (int r = 0; r < targetsTable_->rowCount(); ++r) {
    const TargetRow& row = allocation_.targets[static_cast<std::size_t>(r)];
    auto* figure = new QTableWidgetItem((zh ? row.benchmarkZh : row.benchmarkEn) + QStringLiteral(": ") +
                                        (zh ? row.figureZh : row.figureEn));
    figure->setToolTip(row.benchmarkEn + QStringLiteral(" (") + row.source + QStringLiteral("): ") + row.figureEn +
                       QStringLiteral(" / ") + row.figureZh);
    targetsTable_->setItem(r, 0, figure);
    targetsTable_->setItem(r, 1, numberItem(row.targetPct, 0));
    QTableWidgetItem* reached = optionalItem(row.reachedPct, 1);
    if (row.reachedPct) {
      reached->setForeground(*row.reachedPct >= row.targetPct ? QColor(0, 110, 0) : QColor(170, 0, 0));
      reached->setToolTip(*row.reachedPct >= row.targetPct ? tr("reached") : tr("below the figure"));
    } else {
      reached->setToolTip(tr("no supply of these materials in the home province"));
    }
    targetsTable_->setItem(r, 2, reached);
  }
  targetsTable_->resizeColumnsToContents();  // before the note, which spans the columns
  if (!allocation_.notApplied.empty()) {
    // One line under the figures says which were left out and why, as `circatlas allocate` does.
    const TargetRow& gansu = allocation_.notApplied.front();
    const int r = targetsTable_->rowCount();
    targetsTable_->setRowCount(r + 1);
    auto* note = new QTableWidgetItem(tr("Gansu's %1 (%2) are not applied: the registry lies outside Gansu.")
                                          .arg(zh ? gansu.benchmarkZh : gansu.benchmarkEn, gansu.source));
    note->setToolTip(note->text());
    note->setForeground(QColor(90, 90, 90));
    targetsTable_->setItem(r, 0, note);
    targetsTable_->setSpan(r, 0, 1, 3);
  }
}

void AllocationPanel::fillPrefectures() {
  prefectureTable_->setRowCount(static_cast<int>(allocation_.prefectures.size()));
  for (int r = 0; r < prefectureTable_->rowCount(); ++r) {
    const PrefectureRow& row = allocation_.prefectures[static_cast<std::size_t>(r)];
    prefectureTable_->setItem(r, 0, new QTableWidgetItem(row.name));
    prefectureTable_->setItem(r, 1, numberItem(row.supplied, 0));
    prefectureTable_->setItem(r, 2, numberItem(row.matched, 0));
    prefectureTable_->setItem(r, 3, optionalItem(row.utilisationPct, 1));
    prefectureTable_->setItem(r, 4, numberItem(row.received, 0));
    prefectureTable_->setItem(r, 5, numberItem(row.tonneKm, 0));
    prefectureTable_->setItem(r, 6, numberItem(row.transportCny, 0));
  }
  prefectureTable_->resizeColumnsToContents();
}

void AllocationPanel::fillWhatIf() {
  if (!hasWhatIf_) return;
  if (!whatIf_.error.isEmpty()) {
    whatIfSummary_->setText(whatIf_.error);
    whatIfReasons_->clear();
    whatIfTable_->setRowCount(0);
    return;
  }
  whatIfTable_->setRowCount(static_cast<int>(whatIf_.rows.size()));
  double added = 0;
  QStringList reasons;
  // The tool words its reasons in both languages (why, why_zh), as the partners tool does.
  const bool zh = LanguageManager::preferredLanguage().startsWith(QStringLiteral("zh"));
  for (int r = 0; r < whatIfTable_->rowCount(); ++r) {
    const WhatIfRow& row = whatIf_.rows[static_cast<std::size_t>(r)];
    const QString& why = zh && !row.whyZh.isEmpty() ? row.whyZh : row.why;
    const QString direction = row.direction == QStringLiteral("input") ? tr("takes in") : tr("puts out");
    auto* material = new QTableWidgetItem(row.material.isEmpty()
                                              ? QStringLiteral("–")
                                              : row.material + QStringLiteral(" (") + direction + QStringLiteral(")"));
    material->setToolTip(why);
    whatIfTable_->setItem(r, 0, material);
    whatIfTable_->setItem(r, 1, optionalItem(row.projectQuantity, 0));
    whatIfTable_->setItem(r, 2, numberItem(row.matchedWithout, 0));
    whatIfTable_->setItem(r, 3, numberItem(row.matchedWith, 0));
    whatIfTable_->setItem(r, 4, numberItem(row.matchedChange, 0));
    whatIfTable_->setItem(r, 5, optionalItem(row.utilisationWithPct, 1));
    whatIfTable_->setItem(r, 6, numberItem(row.transportCnyWith, 0));
    whatIfTable_->item(r, 4)->setToolTip(why);
    added += row.matchedChange;
    if (!why.isEmpty()) reasons << (row.material.isEmpty() ? why : row.material + QStringLiteral(": ") + why);
  }
  whatIfTable_->resizeColumnsToContents();
  whatIfSummary_->setText(
      tr("%1 adds %2 t/yr of matched residue (%n material(s)).", nullptr, static_cast<int>(whatIf_.rows.size()))
          .arg(whatIf_.projectId, QLocale().toString(added, 'f', 0)));
  whatIfReasons_->setText(
      reasons.isEmpty() ? QString() : tr("Why:") + QStringLiteral("\n• ") + reasons.join(QStringLiteral("\n• ")));
}

void AllocationPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void AllocationPanel::retranslateUi() {
  materialLabel_->setText(tr("Material:"));
  material_->setItemText(0, tr("all residues"));
  allocateButton_->setText(tr("Allocate"));
  allocateButton_->setToolTip(tr("Min-cost max-flow allocation beside greedy nearest-first (straight line × %1)")
                                  .arg(QString::number(tools::spec::partners::detour.number)));
  projectLabel_->setText(tr("Proposed project:"));
  whatIfButton_->setText(tr("What if"));
  whatIfButton_->setToolTip(tr("The allocation with and without this project"));
  allocationTable_->setHorizontalHeaderLabels({tr("Material"), tr("Supplied /yr"), tr("Matched (optimal)"),
                                               tr("Matched (greedy)"), tr("Utilisation %"), tr("t·km"),
                                               tr("Transport CNY/yr")});
  allocationTabs_->setTabText(0, tr("Materials"));
  allocationTabs_->setTabText(1, tr("Targets"));
  allocationTabs_->setTabText(2, tr("Prefectures"));
  targetsTable_->setHorizontalHeaderLabels({tr("Figure"), tr("Figure %"), tr("Reached %")});
  targetsTable_->setToolTip(tr("Reached: the home province's own residues matched by the allocation"));
  prefectureTable_->setHorizontalHeaderLabels({tr("Prefecture"), tr("Supplied t"), tr("Matched t"), tr("Utilisation %"),
                                               tr("Received t"), tr("t·km"), tr("Transport CNY")});
  whatIfTable_->setHorizontalHeaderLabels({tr("Material"), tr("Project /yr"), tr("Matched without"), tr("Matched with"),
                                           tr("Change"), tr("Utilisation with %"), tr("Transport CNY/yr with")});
  if (hasAllocation_) fillAllocation();
  else summary_->setText(tr("Choose a material (or all) and press Allocate."));
  if (hasWhatIf_) fillWhatIf();
  else whatIfSummary_->setText(tr("Choose a proposed project and press What if."));
}

}  // namespace circatlas::viewer
