// GeoPackage export from the viewer: every layer of the map, results included, readable back through GDAL.
#include <QDir>
#include <QTemporaryDir>

#include "io/layer_reader.h"
#include "viewer/cluster_panel.h"
#include "viewer/layer_export.h"
#include "viewer/layer_stack.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using LayerExportTest = ViewerTest;

TEST_F(LayerExportTest, WritesAtlasLayersAndClusterResultsToOneGeoPackage) {
  ClusterPanel* clusters = window->clusterPanel();
  ASSERT_TRUE(waitUntil([&] { return !clusters->isRunning(); }));
  const ViewerLayer* hulls = window->layers().find("cluster_hulls");
  ASSERT_NE(hulls, nullptr);
  EXPECT_FALSE(hulls->parameters.empty());

  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = QDir(dir.path()).filePath("viewer.gpkg");
  QString error = "not finished";
  QObject::connect(&window->layerExport(), &LayerExport::finished,
                   [&](const QString&, const QString& e) { error = e; });
  ASSERT_TRUE(window->exportLayers(path));
  ASSERT_TRUE(waitUntil([&] { return !window->layerExport().isRunning(); }));
  QCoreApplication::processEvents();
  ASSERT_TRUE(error.isEmpty()) << error.toStdString();

  const auto prefectures = io::readLayer(path.toStdString(), {.layer = "prefectures", .sql = std::nullopt});
  EXPECT_EQ(prefectures.size(), 14u);
  const auto exported = io::readLayer(path.toStdString(), {.layer = "cluster_hulls", .sql = std::nullopt});
  EXPECT_EQ(exported.size(), hulls->source->size());
}

}  // namespace
}  // namespace circatlas::viewer::testing
