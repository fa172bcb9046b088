// Issue 19 item 2: a project keeps layers, order, looks, view, registry and analysis parameters,
// with paths relative to the project file, and the last session comes back on start.
#include <QListWidget>
#include <QTableWidget>

#include <fstream>

#include "core/data_paths.h"
#include "core/error.h"
#include "test_support.h"
#include "viewer/allocation_panel.h"
#include "viewer/analysis_inputs.h"
#include "viewer/cluster_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/project.h"
#include "viewer/ui_support.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using Projects = ViewerTest;

constexpr const char* kPoints = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Point", "coordinates": [103.8, 36.1]}},
  {"type": "Feature", "properties": {"name": "b"}, "geometry": {"type": "Point", "coordinates": [104.2, 36.5]}}]})";

constexpr const char* kRegistry =
    "名称,经度,纬度,行业代码\n"
    "兰州某水泥厂,103.620,36.120,3011\n"
    "兰州某电厂,103.630,36.120,4411\n";

TEST(ProjectFile, PathsAreRelativeToTheProjectFolderAndComeBackWhole) {
  test::TempDir dir;
  Project p;
  p.registry = (dir / "data" / "reg.csv").string();
  p.layers.push_back(
      {"file:x", (dir / "data" / "pts.geojson").string(), "pts", false, true, 0.4, "user_points", std::nullopt});
  p.layers.push_back({"counties", "", "", true, false, 1.0, "counties", std::nullopt});
  p.view = core::Extent{1.0, 2.0, 3.0, 4.0};
  p.analyses.clusterEpsMeters = 7000;
  p.analyses.clusterMinPoints = 4;
  p.language = "en";
  const std::string json = projectToJson(p, dir.path());
  EXPECT_NE(json.find("\"data/reg.csv\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"data/pts.geojson\""), std::string::npos) << json;
  EXPECT_EQ(json.find(dir.path().string()), std::string::npos) << "no absolute path: " << json;
  // Moved elsewhere with its folder, it resolves against the new place.
  const Project back = projectFromJson(json, "/elsewhere/shared", "p.circatlas");
  EXPECT_EQ(back.registry, "/elsewhere/shared/data/reg.csv");
  ASSERT_EQ(back.layers.size(), 2u);
  EXPECT_EQ(back.layers[0].file, "/elsewhere/shared/data/pts.geojson");
  EXPECT_FALSE(back.layers[0].visible);
  EXPECT_DOUBLE_EQ(back.layers[0].opacity, 0.4);
  EXPECT_FALSE(back.layers[1].labels);
  ASSERT_TRUE(back.view);
  EXPECT_DOUBLE_EQ(back.view->maxY, 4.0);
  EXPECT_DOUBLE_EQ(back.analyses.clusterEpsMeters, 7000);
  EXPECT_EQ(back.analyses.clusterMinPoints, 4);
}

TEST(ProjectFile, AnythingElseIsRefusedNamingTheFile) {
  try {
    (void)projectFromJson("{\"format\": \"qgis\"}", "/", "p.circatlas");
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("p.circatlas: not a circatlas project"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)projectFromJson("{not json", "/", "p.circatlas"), core::InputError);
  EXPECT_THROW((void)readProjectFile("/nonexistent/p.circatlas"), core::IoError);
}

TEST_F(Projects, SavedAndReopenedInAFreshWindowTheWorkIsAllThere) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "data");
  const auto points = test::writeFile(dir / "data" / "pts.geojson", kPoints);
  const auto registry = test::writeFile(dir / "data" / "reg.csv", kRegistry);
  window->resize(1200, 800);
  window->show();
  ASSERT_TRUE(window->openFile(qs(points.string())));
  ASSERT_TRUE(window->openRegistry(qs(registry.string())));
  LayerStack& layers = window->layers();
  const auto user = layers.indexOf(layers.at(layers.size() - 1).id);
  const std::string userId = layers.at(*user).id;
  layers.setOpacity(*user, 0.35);
  layers.move(*user, 0);  // to the bottom
  layers.setVisible(*layers.indexOf("rivers"), false);
  window->clusterPanel()->setParams(8000.0, 2, false);
  ASSERT_TRUE(waitUntil([&] { return !window->clusterPanel()->isRunning(); }));
  window->canvas()->zoomToExtent(layers.find("prefectures")->display->extent());
  const core::Extent view = window->canvas()->viewExtent();
  const QString file = qs((dir / "work.circatlas").string());
  ASSERT_TRUE(window->saveProject(file));
  EXPECT_EQ(MainWindow::recentProjects().value(0), file);

  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  window->resize(1200, 800);
  window->show();
  ASSERT_TRUE(window->openProject(file));
  LayerStack& again = window->layers();
  ASSERT_NE(again.find(userId), nullptr);
  EXPECT_EQ(*again.indexOf(userId), 0u);
  EXPECT_DOUBLE_EQ(again.find(userId)->opacity, 0.35);
  EXPECT_FALSE(again.find("rivers")->visible);
  EXPECT_FALSE(window->analysisInputs()->catalogue.builtin);
  EXPECT_EQ(window->analysisInputs()->catalogue.enterprises.size(), 2u);
  EXPECT_DOUBLE_EQ(window->clusterPanel()->params().epsMeters, 8000.0);
  const core::Extent shown = window->canvas()->viewExtent();
  EXPECT_NEAR(shown.center().x, view.center().x, 1.0);
  EXPECT_NEAR(shown.center().y, view.center().y, 1.0);
}

// Item 6 (rest): a project saved with the allocation and a what-if shown reruns both when it opens.
TEST_F(Projects, TheWhatIfShownWhenSavedIsRerunWhenTheProjectOpens) {
  test::TempDir dir;
  AllocationPanel* panel = window->allocationPanel();
  ASSERT_TRUE(panel->setMaterial("FLY_ASH"));
  ASSERT_TRUE(panel->setProject("J003"));
  ASSERT_TRUE(panel->runAllocation());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  ASSERT_TRUE(panel->runWhatIf());
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  ASSERT_TRUE(panel->hasWhatIf());
  const std::size_t rows = panel->lastWhatIf().rows.size();
  ASSERT_GT(rows, 0u);
  const QString file = qs((dir / "whatif.circatlas").string());
  ASSERT_TRUE(window->saveProject(file));

  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  AllocationPanel* again = window->allocationPanel();
  EXPECT_FALSE(again->hasWhatIf());
  ASSERT_TRUE(window->openProject(file));
  ASSERT_TRUE(waitUntil([&] { return again->hasWhatIf() && !again->isRunning(); }, 60000));
  EXPECT_TRUE(again->hasAllocation());
  EXPECT_EQ(again->lastWhatIf().projectId, QStringLiteral("J003"));
  EXPECT_EQ(again->lastWhatIf().rows.size(), rows);
  EXPECT_EQ(again->whatIfTable()->rowCount(), static_cast<int>(rows));
}

TEST_F(Projects, TheLastSessionComesBackOnStart) {
  window->layers().setVisible(*window->layers().indexOf("rivers"), false);
  window->close();  // keeps the session
  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  ASSERT_TRUE(window->restoreSession());
  EXPECT_FALSE(window->layers().find("rivers")->visible);
}

}  // namespace
}  // namespace circatlas::viewer::testing
