// Issue 19 item 1: every analysis dock runs on the registry opened with File > Open registry…,
// and the docks and status bar name it.
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QTableWidget>

#include "test_support.h"
#include "viewer/allocation_panel.h"
#include "viewer/analysis_inputs.h"
#include "viewer/cluster_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/partners_panel.h"
#include "viewer/ui_support.h"
#include "viewer/worker_run.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using RegistryDocks = ViewerTest;

// A bureau's sheet: Chinese headers, no ids. Two works 900 m apart in Lanzhou, one in Baiyin, one in Wuwei.
constexpr const char* kRegistry =
    "名称,经度,纬度,行业代码\n"
    "兰州某水泥厂,103.620,36.120,3011\n"
    "兰州某电厂,103.630,36.120,4411\n"
    "白银某冶炼厂,104.170,36.550,3212\n"
    "武威某化工,102.640,37.930,2614\n";

QString dockTitle(MainWindow& window, const char* name) {
  auto* dock = window.findChild<QDockWidget*>(name);
  return dock ? dock->windowTitle() : QString();
}

// The "Registry: …" line at the top of an analysis dock.
QString dockHeader(MainWindow& window, const char* name) {
  auto* label = window.findChild<QLabel*>(QString::fromLatin1(name) + QStringLiteral("Registry"));
  return label ? label->text() : QString();
}

TEST(RegistryName, APostgisRegistryIsNamedWithoutItsPassword) {
  AnalysisInputs inputs;
  inputs.catalogue.builtin = false;
  inputs.request.source.path = "PG:dbname=bureau user=planner password=s3cret host=db";
  inputs.request.source.layer = "firms";
  const std::string name = inputs.shortName();
  EXPECT_EQ(name.find("s3cret"), std::string::npos) << name;
  EXPECT_NE(name.find("dbname=bureau"), std::string::npos) << name;
  EXPECT_NE(name.find(" / firms"), std::string::npos) << name;
}

TEST_F(RegistryDocks, EveryAnalysisDockRunsOnTheOpenedRegistryAndNamesIt) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kRegistry);
  EXPECT_TRUE(window->registryLabel()->text().contains("built-in catalogue"))
      << window->registryLabel()->text().toStdString();
  const std::size_t builtinEnterprises = window->analysisInputs()->catalogue.enterprises.size();
  ASSERT_GT(builtinEnterprises, 4u);

  ASSERT_TRUE(window->openRegistry(qs(file.string())));
  ASSERT_FALSE(window->analysisInputs()->catalogue.builtin);
  EXPECT_EQ(window->analysisInputs()->catalogue.enterprises.size(), 4u);
  EXPECT_TRUE(window->registryLabel()->text().contains("reg.csv")) << window->registryLabel()->text().toStdString();
  for (const char* dock : {"clusterDock", "partnersDock", "allocationDock"}) {
    EXPECT_EQ(dockHeader(*window, dock), QStringLiteral("Registry: reg.csv")) << dock;
  }

  // Clusters: the four works of the registry, not the built-in hundreds.
  ClusterPanel* cluster = window->clusterPanel();
  EXPECT_EQ(cluster->inputs(), window->analysisInputs());
  cluster->setParams(5000.0, 2, false);
  ASSERT_TRUE(waitUntil([&] { return !cluster->isRunning(); }));
  ASSERT_TRUE(cluster->lastOutcome().error.isEmpty()) << cluster->lastOutcome().error.toStdString();
  EXPECT_EQ(cluster->lastOutcome().points, 4u);
  EXPECT_EQ(cluster->lastOutcome().clusters, 1u);  // the two Lanzhou works
  EXPECT_NE(window->layers().find("cluster_hulls")->origin.find("reg.csv"), std::string::npos);

  // Partners: the registry's enterprises to choose from.
  EXPECT_EQ(window->partnersPanel()->enterpriseBox()->count(), 4);
  EXPECT_FALSE(window->partnersPanel()->setEnterprise("E002")) << "a built-in id is not in this registry";
  // Allocation: the registry has no proposed projects.
  EXPECT_EQ(window->allocationPanel()->projectBox()->count(), 0);
  AllocationPanel* allocation = window->allocationPanel();
  ASSERT_TRUE(allocation->runAllocation());
  ASSERT_TRUE(waitUntil([&] { return !allocation->isRunning(); }));
  EXPECT_TRUE(allocation->lastAllocation().error.isEmpty()) << allocation->lastAllocation().error.toStdString();

  // Its enterprises on the map, the built-in ones hidden.
  const ViewerLayer* shown = window->layers().find("registry_enterprises");
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->source->size(), 4u);
  EXPECT_FALSE(window->layers().find("enterprises")->visible);

  // Back to the built-in catalogue.
  ASSERT_TRUE(window->openRegistry({}));
  EXPECT_TRUE(window->analysisInputs()->catalogue.builtin);
  EXPECT_EQ(window->analysisInputs()->catalogue.enterprises.size(), builtinEnterprises);
  EXPECT_EQ(window->layers().find("registry_enterprises"), nullptr);
  EXPECT_TRUE(window->layers().find("enterprises")->visible);
  EXPECT_TRUE(window->registryLabel()->text().contains("built-in catalogue"));
  EXPECT_EQ(dockTitle(*window, "clusterDock"), QStringLiteral("Clusters"));
  EXPECT_EQ(dockHeader(*window, "partnersDock"), QStringLiteral("Registry: built-in catalogue"));
  EXPECT_TRUE(window->partnersPanel()->setEnterprise("E002"));
  ASSERT_TRUE(waitUntil([&] { return !window->partnersPanel()->isRunning(); }));
  EXPECT_GT(window->partnersPanel()->table()->rowCount(), 0);
}

TEST_F(RegistryDocks, AResultStartedOnTheOldRegistryIsNeverShownForTheNewOne) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kRegistry);
  PartnersPanel* partners = window->partnersPanel();
  ASSERT_TRUE(partners->setEnterprise("E002"));
  ASSERT_TRUE(window->openRegistry(qs(file.string())));
  // Wait for the old job to return, however it ends (cancelled, or finished just before).
  auto* worker = partners->findChild<WorkerRun*>();
  ASSERT_NE(worker, nullptr);
  ASSERT_TRUE(waitUntil([&] { return !worker->isRunning(); }));
  QCoreApplication::processEvents();
  EXPECT_EQ(partners->table()->rowCount(), 0);
  EXPECT_EQ(window->layers().find("partner_candidates"), nullptr);
}

TEST_F(RegistryDocks, ARegistryThatCannotBeReadLeavesTheCurrentOne) {
  const auto before = window->analysisInputs();
  EXPECT_FALSE(window->openRegistry(QStringLiteral("/nonexistent/registry.csv")));
  EXPECT_EQ(window->analysisInputs(), before);
  EXPECT_EQ(window->clusterPanel()->inputs(), before);
  EXPECT_TRUE(window->registryLabel()->text().contains("built-in catalogue"));
}

// Item 6: a registry is read off the UI thread, with its progress in the status bar and a Cancel that
// leaves the current registry in place.
TEST_F(RegistryDocks, ARegistryIsReadInTheBackgroundWithAVisibleProgressAndCancel) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kRegistry);
  window->resize(1200, 800);
  window->show();
  ASSERT_TRUE(window->analysisInputs()->catalogue.builtin);

  ASSERT_TRUE(window->openRegistryInBackground(qs(file.string())));
  EXPECT_TRUE(window->isReadingRegistry());
  EXPECT_TRUE(window->registryProgress()->isVisible()) << "the progress shows in the status bar";
  EXPECT_FALSE(window->openRegistryInBackground(qs(file.string()))) << "one read at a time";
  EXPECT_TRUE(window->analysisInputs()->catalogue.builtin) << "the docks switch only when it has been read";
  ASSERT_TRUE(waitUntil([&] { return !window->isReadingRegistry(); }));
  ASSERT_FALSE(window->analysisInputs()->catalogue.builtin);
  EXPECT_EQ(window->analysisInputs()->catalogue.enterprises.size(), 4u);
  EXPECT_TRUE(window->registryLabel()->text().contains("reg.csv")) << window->registryLabel()->text().toStdString();
  EXPECT_FALSE(window->registryProgress()->isVisible()) << "hidden when idle";

  // Back to the built-in catalogue, cancelled at once: the registry in use stays.
  const auto before = window->analysisInputs();
  ASSERT_TRUE(window->openRegistryInBackground(QString()));
  window->registryProgress()->cancel();
  ASSERT_TRUE(waitUntil([&] { return !window->isReadingRegistry(); }));
  EXPECT_EQ(window->analysisInputs(), before);
  EXPECT_TRUE(window->registryLabel()->text().contains("reg.csv")) << window->registryLabel()->text().toStdString();
}

}  // namespace
}  // namespace circatlas::viewer::testing
