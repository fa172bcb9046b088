// The partner dock: enterprise and material choice, a worker-thread PartnersTool run, table and links.
#include "viewer/partners_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>

#include "tools/analysis_specs.h"
#include "tools/catalogue_inputs.h"
#include "tools/partners_tool.h"
#include "viewer/analysis_inputs.h"
#include "viewer/exchange_links.h"
#include "viewer/field_display.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"
#include "viewer/worker_run.h"

namespace circatlas::viewer {

namespace {

PartnersOutcome runPartnersJob(const AnalysisInputs& inputs, const std::string& enterprise, const std::string& material,
                               core::Progress& progress) {
  PartnersOutcome out;
  tools::PartnersParams params;
  tools::applyCatalogueDefaults(params, inputs.catalogue, 0, false);
  params.enterpriseId = enterprise;
  if (!material.empty()) params.materialCode = material;  // topK: the declared default, as `circatlas partners`
  const tools::PartnersResult r = tools::runPartners(tools::catalogueInput(inputs.catalogue), params, &progress);
  const core::Layer& c = r.candidates;
  for (std::size_t i = 0; i < c.size(); ++i) {
    out.rows.push_back({static_cast<int>(realOf(c.value(i, "rank"))), qs(core::toString(c.value(i, "receiver_name"))),
                        qs(core::toString(c.value(i, "material"))), qs(core::toString(c.value(i, "material_zh"))),
                        realOf(c.value(i, "km")), realOf(c.value(i, "transport_cny")), realOf(c.value(i, "score")),
                        qs(core::toString(c.value(i, "score_unit"))), qs(core::toString(c.value(i, "reason_zh"))),
                        qs(core::toString(c.value(i, "reason_en")))});
  }
  out.links = makeExchangeLinks(c, tools::spec::partners::candidates, inputs.paths);
  out.links->origin = inputs.provenance("enterprises, flows, materials, material_uses");
  out.links->producedBy = "circatlas partners (viewer)";
  out.links->parameters = r.parameters;
  return out;
}

}  // namespace

PartnersPanel::PartnersPanel(LayerStack& layers, std::shared_ptr<const AnalysisInputs> inputs, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      inputs_(std::move(inputs)),
      enterpriseLabel_(new QLabel(this)),
      enterprise_(new QComboBox(this)),
      materialLabel_(new QLabel(this)),
      material_(new QComboBox(this)),
      runButton_(new QPushButton(this)),
      worker_(new WorkerRun(this)),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)) {
  enterprise_->setEditable(true);  // type to find an enterprise among hundreds
  enterprise_->setInsertPolicy(QComboBox::NoInsert);
  summary_->setWordWrap(true);
  table_->setColumnCount(7);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSortingEnabled(true);
  table_->horizontalHeader()->setStretchLastSection(true);

  // The dock column is narrow: the choices shrink to it, and a form row wraps under its label.
  fitToColumn(enterprise_);
  fitToColumn(material_);
  auto* form = new QFormLayout(this);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->addRow(enterpriseLabel_, enterprise_);
  form->addRow(materialLabel_, material_);
  form->addRow(runButton_);
  form->addRow(worker_);
  form->addRow(summary_);
  form->addRow(table_);

  fillChoices();

  connect(runButton_, &QPushButton::clicked, this, &PartnersPanel::run);
  connect(enterprise_, &QComboBox::activated, this, &PartnersPanel::run);
  connect(material_, &QComboBox::activated, this, &PartnersPanel::run);
  retranslateUi();
}

void PartnersPanel::fillChoices() {
  enterprise_->clear();
  material_->clear();
  const core::Layer& enterprises = inputs_->catalogue.enterprises;
  const auto id = enterprises.schema().require("id");
  const auto name = enterprises.schema().require("name_zh");
  for (const auto& f : enterprises.features()) {
    const QString eid = qs(core::toString(f.values[id]));
    enterprise_->addItem(eid + QStringLiteral("  ") + qs(core::toString(f.values[name])), eid);
  }
  material_->addItem(tr("all residues"), QString());
  const core::Layer& materials = inputs_->catalogue.materials;
  const auto code = materials.schema().require("code");
  for (const auto& f : materials.features()) {
    const QString c = qs(core::toString(f.values[code]));
    material_->addItem(c, c);
  }
  const QString last = QSettings().value("analysis/partners/enterprise").toString();
  if (const int i = enterprise_->findData(last); i >= 0) enterprise_->setCurrentIndex(i);
}

void PartnersPanel::setInputs(std::shared_ptr<const AnalysisInputs> inputs) {
  if (!inputs || inputs == inputs_) return;
  inputs_ = std::move(inputs);
  ++generation_;
  worker_->cancel();
  running_ = false;  // the old job's outcome is dropped when it returns
  runButton_->setEnabled(!worker_->isRunning());
  fillChoices();
  hasRun_ = false;
  outcome_ = {};
  if (const auto i = layers_.indexOf(tools::spec::partners::candidates.id)) layers_.remove(*i);
  fillTable();
  retranslateUi();
}

QString PartnersPanel::enterprise() const { return enterprise_->currentData().toString(); }

bool PartnersPanel::setEnterprise(const QString& id) {
  const int i = enterprise_->findData(id);
  if (i < 0) return false;
  enterprise_->setCurrentIndex(i);
  run();
  return true;
}

void PartnersPanel::run() {
  if (running_ || worker_->isRunning()) return;  // one run at a time; the button is disabled meanwhile
  const QString id = enterprise_->currentData().toString();
  if (id.isEmpty()) return;
  QSettings().setValue("analysis/partners/enterprise", id);
  running_ = true;
  runButton_->setEnabled(false);
  worker_->start<PartnersOutcome>(
      [inputs = inputs_, enterprise = utf8(id), material = utf8(material_->currentData().toString())](
          core::Progress& progress) { return runPartnersJob(*inputs, enterprise, material, progress); },
      [this, generation = generation_](JobOutcome<PartnersOutcome> o) {
        if (generation != generation_) {  // started on a registry that is no longer the current one
          runButton_->setEnabled(true);
          return;
        }
        PartnersOutcome result = std::move(o.value).value_or(PartnersOutcome{});
        result.error = std::move(o.error);
        done(std::move(result), o.cancelled);
      });
}

void PartnersPanel::done(PartnersOutcome outcome, bool cancelled) {
  running_ = false;
  runButton_->setEnabled(true);
  if (cancelled) {
    summary_->setText(tr("Cancelled; the map shows the last candidates found."));
    emit finished();
    return;
  }
  hasRun_ = true;
  outcome_ = std::move(outcome);
  if (!outcome_.error.isEmpty()) {
    summary_->setText(outcome_.error);
    showError(this, tr("Partner search failed"), outcome_.error);
  } else if (outcome_.links) {
    layers_.put(*outcome_.links);
  }
  fillTable();
  emit finished();
}

void PartnersPanel::setLanguage(render::Language language) {
  language_ = language;
  fillTable();
}

void PartnersPanel::fillTable() {
  table_->setSortingEnabled(false);
  table_->setRowCount(static_cast<int>(outcome_.rows.size()));
  const bool zh = language_ == render::Language::Zh;
  for (int r = 0; r < table_->rowCount(); ++r) {
    const PartnerRow& row = outcome_.rows[static_cast<std::size_t>(r)];
    table_->setItem(r, 0, quantityItem(row.rank, 0));
    auto* receiver = new QTableWidgetItem(row.receiver);
    receiver->setToolTip(row.receiver);
    table_->setItem(r, 1, receiver);
    // The name the legend uses, with the code beside it.
    const QString material =
        zh && !row.materialZh.isEmpty() ? row.materialZh + QStringLiteral(" (") + row.material + ')' : row.material;
    table_->setItem(r, 2, new QTableWidgetItem(material));
    table_->setItem(r, 3, quantityItem(row.km, 1));
    table_->setItem(r, 4, quantityItem(row.transportCny, 0));
    // Each score names its unit: a yearly value, or a ranking figure per unit when the supply's quantity is unknown.
    QTableWidgetItem* score = quantityItem(row.score, 0, row.scoreUnit);
    if (row.score > 0) score->setText(QStringLiteral("+") + score->text());
    const bool yearly = row.scoreUnit.isEmpty() || row.scoreUnit.endsWith(QStringLiteral("/yr"));
    if (yearly) {
      score->setToolTip(row.score < 0
                            ? tr("Negative: carrying it costs more than disposal and the material it replaces "
                                 "save, so this exchange loses money (CNY per year).")
                            : tr("Net benefit in CNY per year: disposal and material saved minus transport."));
    } else {
      score->setToolTip(row.score < 0 ? tr("Negative: carrying it costs more than it saves, so this exchange loses "
                                           "money. Ranking figure in %1 of supply, not a yearly value: the supply's "
                                           "quantity is unknown.")
                                            .arg(row.scoreUnit)
                                      : tr("Ranking figure in %1 of supply, not a yearly value: the supply's quantity "
                                           "is unknown.")
                                            .arg(row.scoreUnit));
    }
    table_->setItem(r, 5, score);
    const QString reason = zh ? row.reasonZh : row.reasonEn;
    auto* reasonItem = new QTableWidgetItem(reason);
    reasonItem->setToolTip(reason);
    table_->setItem(r, 6, reasonItem);
  }
  table_->setSortingEnabled(true);
  table_->resizeColumnsToContents();
  if (hasRun_ && outcome_.error.isEmpty())
    summary_->setText(tr("%n candidate(s)", nullptr, static_cast<int>(outcome_.rows.size())));
}

void PartnersPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void PartnersPanel::retranslateUi() {
  enterpriseLabel_->setText(tr("Enterprise:"));
  materialLabel_->setText(tr("Material:"));
  material_->setItemText(0, tr("all residues"));
  runButton_->setText(tr("Find partners"));
  if (!hasRun_) summary_->setText(tr("Choose an enterprise, or click one on the map."));
  table_->setHorizontalHeaderLabels(
      {tr("Rank"), tr("Receiver"), tr("Material"), tr("km"), tr("Transport CNY/yr"), tr("Score"), tr("Reason")});
  table_->horizontalHeaderItem(5)->setToolTip(
      tr("Net benefit: CNY per year where the supply's quantity is known, else a ranking figure per unit of supply "
         "(each cell names its unit); negative when transport costs more than it saves."));
}

}  // namespace circatlas::viewer
