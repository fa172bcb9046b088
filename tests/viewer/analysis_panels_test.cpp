// The analysis docks: eps changes the clusters drawn; the partner dock lists candidates and links.
#include <QTableWidget>

#include "viewer/cluster_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/partners_panel.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using AnalysisPanels = ViewerTest;

std::size_t clustersWith(MainWindow& window, double epsMeters, int minPoints) {
  ClusterPanel* panel = window.clusterPanel();
  panel->setParams(epsMeters, minPoints, false);
  EXPECT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  EXPECT_TRUE(panel->lastOutcome().error.isEmpty()) << panel->lastOutcome().error.toStdString();
  EXPECT_DOUBLE_EQ(panel->params().epsMeters, epsMeters);
  return panel->lastOutcome().clusters;
}

TEST_F(AnalysisPanels, ChangingEpsChangesTheClusterCountAndTheHullLayer) {
  ASSERT_NE(window->clusterPanel(), nullptr);
  const std::size_t tight = clustersWith(*window, 2000.0, 2);
  const std::size_t wide = clustersWith(*window, 300000.0, 2);
  EXPECT_NE(tight, wide);
  EXPECT_GE(wide, 1u);
  const ViewerLayer* hulls = window->layers().find("cluster_hulls");
  ASSERT_NE(hulls, nullptr);
  EXPECT_EQ(hulls->source->size(), wide);
}

TEST_F(AnalysisPanels, TheClusterListNamesEachClusterLargestFirstAndAClickZoomsToIt) {
  window->resize(1400, 900);
  window->show();
  ClusterPanel* panel = window->clusterPanel();
  const std::size_t n = clustersWith(*window, 20000.0, 3);
  ASSERT_GE(n, 2u);
  QTableWidget* list = panel->list();
  ASSERT_EQ(list->rowCount(), static_cast<int>(n));
  const ViewerLayer* hulls = window->layers().find("cluster_hulls");
  ASSERT_NE(hulls, nullptr);
  // Sizes agree with the hull layer, largest first; the industry mix is named.
  double previous = 1e18;
  for (int r = 0; r < list->rowCount(); ++r) {
    const double members = list->item(r, 1)->data(Qt::UserRole).toDouble();
    EXPECT_LE(members, previous);
    previous = members;
    const int feature = list->item(r, 0)->data(Qt::UserRole + 1).toInt();
    EXPECT_DOUBLE_EQ(members,
                     core::toNumber(hulls->source->value(static_cast<std::size_t>(feature), "members")).value());
    EXPECT_FALSE(list->item(r, 2)->text().isEmpty());
  }
  // A click on the first row selects its hull and zooms to it.
  const core::Extent before = window->canvas()->viewExtent();
  emit list->cellClicked(0, 0);
  const Selection& s = window->layers().selection();
  EXPECT_EQ(s.layerId, "cluster_hulls");
  ASSERT_EQ(s.features.size(), 1u);
  EXPECT_EQ(static_cast<int>(s.features[0]), list->item(0, 0)->data(Qt::UserRole + 1).toInt());
  EXPECT_LT(window->canvas()->viewExtent().width(), before.width());
}

TEST_F(AnalysisPanels, PartnerPanelListsRankedCandidatesForAPowerStation) {
  PartnersPanel* panel = window->partnersPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->setEnterprise("E002"));  // Datang Xigu CHP: fly ash and FGD gypsum
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  const QTableWidget* table = panel->table();
  ASSERT_TRUE(panel->lastOutcome().error.isEmpty()) << panel->lastOutcome().error.toStdString();
  ASSERT_GT(table->rowCount(), 0);
  EXPECT_EQ(table->item(0, 0)->data(Qt::DisplayRole).toInt(), 1);
  EXPECT_FALSE(table->item(0, 1)->text().isEmpty());
  EXPECT_GT(table->item(0, 3)->data(Qt::DisplayRole).toDouble(), 0.0);
  const ViewerLayer* links = window->layers().find("partner_candidates");
  ASSERT_NE(links, nullptr);
  EXPECT_EQ(links->source->size(), static_cast<std::size_t>(table->rowCount()));
  EXPECT_FALSE(panel->setEnterprise("NO_SUCH_ID"));
}

}  // namespace
}  // namespace circatlas::viewer::testing
