// The allocation dock: the tool's matched tonnes and what-if additions, flows on the map; Cancel stops a job promptly.
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>

#include <algorithm>
#include <atomic>

#include "core/data_paths.h"
#include "core/error.h"
#include "test_support.h"
#include "tools/allocation_regions.h"
#include "tools/catalogue_inputs.h"
#include "tools/partners_tool.h"
#include "tools/whatif_tool.h"
#include "viewer/allocation_panel.h"
#include "viewer/analysis_inputs.h"
#include "viewer/language.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"
#include "viewer/worker_run.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using AllocationPanelTest = ViewerTest;

tools::CatalogueInput catalogueOf(const AnalysisInputs& in) { return tools::catalogueInput(in.catalogue); }

// What `circatlas allocate` computes: every material, straight line × 1.3.
double toolMatchedOptimal(const AnalysisInputs& in, const std::string& material) {
  tools::PartnersParams params;
  tools::applyCatalogueDefaults(params, in.catalogue, 0, false);
  params.topK = 1;
  const tools::PartnersResult r = tools::runPartners(catalogueOf(in), params);
  for (std::size_t i = 0; i < r.summary.size(); ++i) {
    if (core::toString(r.summary.value(i, "material")) == material) {
      return std::get<double>(r.summary.value(i, "matched_optimal"));
    }
  }
  ADD_FAILURE() << "no " << material << " in the allocation summary";
  return -1;
}

TEST_F(AllocationPanelTest, FlyAshMatchesTheTonnesOfCircatlasAllocateAndDrawsTheFlows) {
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->setMaterial("FLY_ASH"));
  ASSERT_TRUE(panel->runAllocation());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  const AllocationOutcome& out = panel->lastAllocation();
  ASSERT_TRUE(out.error.isEmpty()) << out.error.toStdString();
  ASSERT_EQ(out.rows.size(), 1u);
  const AllocationRow& row = out.rows[0];
  EXPECT_EQ(row.material, QStringLiteral("FLY_ASH"));

  const auto inputs = AnalysisInputs::loadBuiltin(core::DataPaths::fromEnvironment());
  const double expected = toolMatchedOptimal(*inputs, "FLY_ASH");
  EXPECT_DOUBLE_EQ(row.matchedOptimal, expected);
  EXPECT_DOUBLE_EQ(row.matchedOptimal, 11139450.0);  // `circatlas allocate` on the built-in catalogue (year 2025)
  EXPECT_LE(row.matchedOptimal, row.supplied);
  EXPECT_NEAR(row.utilisationPct, 100.0 * row.matchedOptimal / row.supplied, 1e-9);
  EXPECT_GT(row.unitKm, 0.0);
  EXPECT_GT(row.transportCny, 0.0);

  const QTableWidget* table = panel->allocationTable();
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_DOUBLE_EQ(table->item(0, 2)->data(Qt::UserRole).toDouble(), expected);
  EXPECT_TRUE(panel->summaryLabel()->text().contains(QLocale().toString(expected, 'f', 0)))
      << panel->summaryLabel()->text().toStdString();

  const ViewerLayer* flows = window->layers().find("allocation_optimal");
  ASSERT_NE(flows, nullptr);
  EXPECT_EQ(flows->source->size(), out.exchanges);
  ASSERT_GT(out.exchanges, 0u);
  double tonnes = 0;
  for (std::size_t i = 0; i < flows->source->size(); ++i)
    tonnes += std::get<double>(flows->source->value(i, "quantity"));
  EXPECT_NEAR(tonnes, expected, 1e-6) << "the flows drawn carry the matched tonnes";
}

TEST_F(AllocationPanelTest, WhatIfOfAProjectListsTheToolsNonNegativeAddition) {
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->setProject("J003"));
  EXPECT_FALSE(panel->setProject("NO_SUCH_PROJECT"));
  ASSERT_TRUE(panel->runWhatIf());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  const WhatIfOutcome& out = panel->lastWhatIf();
  ASSERT_TRUE(out.error.isEmpty()) << out.error.toStdString();
  EXPECT_EQ(out.projectId, QStringLiteral("J003"));

  const auto inputs = AnalysisInputs::loadBuiltin(core::DataPaths::fromEnvironment());
  tools::WhatIfParams params;
  tools::applyCatalogueDefaults(params.partners, inputs->catalogue, 0, false);
  params.projectIds = {"J003"};
  const tools::WhatIfResult expected =
      tools::runWhatIf(catalogueOf(*inputs), inputs->catalogue.projects, inputs->catalogue.projectFlows, params);
  ASSERT_GT(expected.table.size(), 0u);
  ASSERT_EQ(out.rows.size(), expected.table.size());
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    EXPECT_EQ(out.rows[i].material.toStdString(), core::toString(expected.table.value(i, "material")));
    EXPECT_DOUBLE_EQ(out.rows[i].matchedChange, std::get<double>(expected.table.value(i, "matched_change")));
    EXPECT_GE(out.rows[i].matchedChange, 0.0) << "a project adds a receiver or a supply: never less matched";
    EXPECT_DOUBLE_EQ(out.rows[i].matchedWith - out.rows[i].matchedWithout, out.rows[i].matchedChange);
    // The reason the tool gives (e.g. why a material adds +0 t) is shown, word for word.
    const std::string why = core::toString(expected.table.value(i, "why"));
    ASSERT_FALSE(why.empty());
    EXPECT_EQ(out.rows[i].why.toStdString(), why);
    EXPECT_TRUE(panel->whatIfReasons()->text().contains(QString::fromStdString(why)))
        << panel->whatIfReasons()->text().toStdString();
    EXPECT_EQ(panel->whatIfTable()->item(static_cast<int>(i), 4)->toolTip().toStdString(), why);
  }
  EXPECT_EQ(panel->whatIfTable()->rowCount(), static_cast<int>(out.rows.size()));
}

TEST_F(AllocationPanelTest, AllocationShowsTheTargetsAndThePerPrefectureTableOfCircatlasAllocate) {
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->setMaterial(QString()));
  ASSERT_TRUE(panel->runAllocation());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }, 60000));
  const AllocationOutcome& out = panel->lastAllocation();
  ASSERT_TRUE(out.error.isEmpty()) << out.error.toStdString();

  // The same tools:: results the command prints below its table.
  const auto inputs = AnalysisInputs::loadBuiltin(core::DataPaths::fromEnvironment());
  tools::PartnersParams params;
  tools::applyCatalogueDefaults(params, inputs->catalogue, 0, false);
  params.topK = 1;
  const tools::PartnersResult r = tools::runPartners(catalogueOf(*inputs), params);

  std::size_t figures = 0;
  for (const auto& benchmark : tools::utilisationBenchmarks()) {
    for (const auto& figure : benchmark.figures) {
      ASSERT_LT(figures, out.targets.size());
      const TargetRow& row = out.targets[figures];
      EXPECT_EQ(row.source.toStdString(), std::string(benchmark.source));
      EXPECT_DOUBLE_EQ(row.targetPct, figure.pct);
      const auto reached = tools::homeUtilisationPct(figure, r.summary, inputs->catalogue.materials);
      ASSERT_EQ(row.reachedPct.has_value(), reached.has_value()) << figure.labelEn;
      if (reached) {
        EXPECT_DOUBLE_EQ(*row.reachedPct, *reached);
      }
      ++figures;
    }
  }
  EXPECT_EQ(out.targets.size(), figures);
  ASSERT_EQ(panel->targetsTable()->rowCount(), static_cast<int>(figures));
  bool sawTheProgramme = false;
  for (const auto& row : out.targets) sawTheProgramme |= row.source == QStringLiteral("甘工信发[2012]350号");
  EXPECT_TRUE(sawTheProgramme) << "the 2015 targets of the programme";
  // The programme's 66 % for industrial solid waste, beside what the allocation reaches.
  EXPECT_DOUBLE_EQ(panel->targetsTable()->item(static_cast<int>(figures) - 2, 1)->data(Qt::UserRole).toDouble(), 66.0);

  const core::Layer regions = tools::allocationByPrefecture(catalogueOf(*inputs), r, inputs->prefectures);
  ASSERT_EQ(regions.size(), 14u) << "Gansu's 14 prefectures";
  ASSERT_EQ(out.prefectures.size(), regions.size());
  const QTableWidget* table = panel->prefectureTable();
  ASSERT_EQ(table->rowCount(), static_cast<int>(regions.size()));
  double matched = 0;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    EXPECT_EQ(out.prefectures[i].name.toStdString(), core::toString(regions.value(i, "name_zh")));
    EXPECT_DOUBLE_EQ(table->item(static_cast<int>(i), 2)->data(Qt::UserRole).toDouble(),
                     core::toNumber(regions.value(i, "matched_t")).value_or(0.0));
    matched += out.prefectures[i].matched;
  }
  EXPECT_GT(matched, 0.0);
  EXPECT_EQ(panel->allocationTabs()->count(), 3);
}

// Issue 19 item 10: in the Chinese UI the what-if reasons are the tool's Chinese words (why_zh).
TEST_F(AllocationPanelTest, WhatIfReasonsAreChineseInTheChineseUi) {
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_TRUE(panel->setProject("J003"));
  ASSERT_TRUE(panel->runWhatIf());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  const WhatIfOutcome& out = panel->lastWhatIf();
  ASSERT_FALSE(out.rows.empty());
  ASSERT_TRUE(window->languageManager().setLanguage(QStringLiteral("zh_CN")));
  QCoreApplication::processEvents();
  for (const WhatIfRow& row : out.rows) {
    ASSERT_FALSE(row.whyZh.isEmpty()) << row.why.toStdString();
    EXPECT_TRUE(panel->whatIfReasons()->text().contains(row.whyZh)) << panel->whatIfReasons()->text().toStdString();
    EXPECT_FALSE(panel->whatIfReasons()->text().contains(row.why)) << "English reason in the Chinese UI";
  }
  ASSERT_TRUE(window->languageManager().setLanguage(QStringLiteral("en")));
  QCoreApplication::processEvents();
  EXPECT_TRUE(panel->whatIfReasons()->text().contains(out.rows.front().why));
}

// Issue 19 (rest): Gansu's 2015 targets and prefectures only for a registry in Gansu, as
// `circatlas allocate` decides (tools::registryInGansu); China's figures apply everywhere.
TEST_F(AllocationPanelTest, GansusTargetsAndPrefecturesOnlyForARegistryInGansu) {
  const auto allocate = [&](const char* csv) {
    test::TempDir dir;
    const auto file = test::writeFile(dir / "reg.csv", csv);
    EXPECT_TRUE(window->openRegistry(qs(file.string())));
    AllocationPanel* panel = window->allocationPanel();
    EXPECT_TRUE(panel->setMaterial(QString()));
    EXPECT_TRUE(panel->runAllocation());
    EXPECT_TRUE(waitUntil([&] { return !panel->isRunning(); }, 60000));
    EXPECT_TRUE(panel->lastAllocation().error.isEmpty()) << panel->lastAllocation().error.toStdString();
    return panel->lastAllocation();
  };
  const auto programme = [](const std::vector<TargetRow>& rows) {
    return std::count_if(rows.begin(), rows.end(),
                         [](const TargetRow& r) { return r.source == QStringLiteral("甘工信发[2012]350号"); });
  };
  // A power plant and a cement works near Xi'an, in Shaanxi.
  const AllocationOutcome shaanxi =
      allocate("名称,经度,纬度,行业代码\n西安某电厂,108.90,34.30,4411\n西安某水泥厂,108.95,34.28,3011\n");
  EXPECT_EQ(programme(shaanxi.targets), 0);
  EXPECT_EQ(programme(shaanxi.notApplied), 2);
  EXPECT_EQ(shaanxi.targets.size(), 4u) << "China's four 2019 figures";
  EXPECT_TRUE(shaanxi.prefectures.empty()) << "Gansu's prefectures do not sum a registry in Shaanxi";
  QTableWidget* targets = window->allocationPanel()->targetsTable();
  ASSERT_EQ(targets->rowCount(), 5);
  EXPECT_TRUE(targets->item(4, 0)->text().contains("not applied")) << targets->item(4, 0)->text().toStdString();
  EXPECT_EQ(window->allocationPanel()->prefectureTable()->rowCount(), 0);

  // The same works in Lanzhou: in Gansu, the programme's targets and the prefectures apply.
  const AllocationOutcome lanzhou =
      allocate("名称,经度,纬度,行业代码\n兰州某电厂,103.63,36.12,4411\n兰州某水泥厂,103.62,36.12,3011\n");
  EXPECT_EQ(programme(lanzhou.targets), 2);
  EXPECT_TRUE(lanzhou.notApplied.empty());
  EXPECT_EQ(lanzhou.prefectures.size(), 14u);
  EXPECT_EQ(targets->rowCount(), 6);
}

TEST(WorkerRun, CancelStopsARunningJobPromptlyAndSaysSo) {
  WorkerRun worker;
  std::atomic<bool> started{false};
  std::optional<JobOutcome<int>> outcome;
  // Would run for a minute unless cancelled: checks its progress every millisecond, like the tools between steps.
  ASSERT_TRUE(worker.start<int>(
      [&started](core::Progress& progress) {
        started = true;
        for (int i = 0; i < 60000; ++i) {
          core::advance(&progress, i / 60000.0, "spinning");
          QThread::msleep(1);
        }
        return 42;
      },
      [&outcome](JobOutcome<int> o) { outcome = std::move(o); }));
  EXPECT_TRUE(worker.isRunning());
  ASSERT_TRUE(waitUntil([&] { return started.load(); }));
  EXPECT_FALSE(worker.start<int>([](core::Progress&) { return 0; }, [](const JobOutcome<int>&) {}))
      << "one job at a time";

  QElapsedTimer sinceCancel;
  sinceCancel.start();
  worker.cancel();
  ASSERT_TRUE(waitUntil([&] { return outcome.has_value(); }, 5000));
  EXPECT_LT(sinceCancel.elapsed(), 1000);
  EXPECT_TRUE(outcome->cancelled);
  EXPECT_FALSE(outcome->value.has_value());
  EXPECT_FALSE(worker.isRunning());
}

TEST(WorkerRun, AnErrorOfTheJobBecomesTheOutcomesMessage) {
  WorkerRun worker;
  std::optional<JobOutcome<int>> outcome;
  ASSERT_TRUE(worker.start<int>([](core::Progress&) -> int { throw core::InputError("flows.csv: bad quantity"); },
                                [&outcome](JobOutcome<int> o) { outcome = std::move(o); }));
  ASSERT_TRUE(waitUntil([&] { return outcome.has_value(); }));
  EXPECT_FALSE(outcome->cancelled);
  EXPECT_FALSE(outcome->value.has_value());
  EXPECT_TRUE(outcome->error.contains(QStringLiteral("bad quantity"))) << outcome->error.toStdString();
}

TEST_F(AllocationPanelTest, CancelEndsAWhatIfRunPromptlyAndKeepsTheLastResults) {
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->setProject("J003"));
  ASSERT_TRUE(panel->runWhatIf());
  EXPECT_FALSE(panel->runAllocation()) << "one run at a time";
  QElapsedTimer sinceCancel;
  sinceCancel.start();
  panel->cancel();
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }, 5000));
  EXPECT_LT(sinceCancel.elapsed(), 2000);
  // The job may have finished before it saw the request; a cancelled one leaves no result behind.
  if (panel->lastRunCancelled()) {
    EXPECT_TRUE(panel->lastWhatIf().rows.empty());
    EXPECT_EQ(panel->whatIfTable()->rowCount(), 0);
  }
}

}  // namespace
}  // namespace circatlas::viewer::testing
