// Issue 19 item 3: the map takes most of the window by default, everything fits at 1024×700, and
// the dock layout the planner leaves is the one they find next time.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>

#include "core/data_paths.h"
#include "viewer/language.h"
#include "viewer/map_canvas.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using Layout = ViewerTest;

double mapShare(const MainWindow& window) {
  const QWidget* map = window.canvas();
  return static_cast<double>(map->width()) * map->height() / (static_cast<double>(window.width()) * window.height());
}

void showAt(MainWindow& window, int w, int h) {
  window.resize(w, h);
  window.show();
  ASSERT_TRUE(waitUntil([&] { return window.isVisible() && window.width() == w && window.height() == h; }, 5000));
  QCoreApplication::processEvents();
}

std::vector<QDockWidget*> visibleDocks(const MainWindow& window) {
  std::vector<QDockWidget*> out;
  for (QDockWidget* d : window.findChildren<QDockWidget*>()) {
    // A tab behind another is "visible" to Qt but not on screen.
    if (d->isVisible() && !d->visibleRegion().isEmpty()) out.push_back(d);
  }
  return out;
}

TEST_F(Layout, TheMapTakesAtLeastSeventyPercentOfA1400x900Window) {
  showAt(*window, 1400, 900);
  EXPECT_GE(mapShare(*window), 0.70) << "map " << window->canvas()->width() << "×" << window->canvas()->height();
  // The docks are there, tabbed: Layers and Legend, Identify and the three analyses.
  for (const char* name :
       {"layersDock", "legendDock", "identifyDock", "clusterDock", "partnersDock", "allocationDock"}) {
    auto* dock = window->findChild<QDockWidget*>(name);
    ASSERT_NE(dock, nullptr) << name;
    EXPECT_FALSE(dock->isHidden()) << name;
    EXPECT_FALSE(dock->isFloating()) << name;
  }
  // Two groups of tabs, one above the other: Layers | Legend and Identify | analyses.
  auto* layers = window->findChild<QDockWidget*>("layersDock");
  auto* identify = window->findChild<QDockWidget*>("identifyDock");
  EXPECT_EQ(window->tabifiedDockWidgets(layers), QList<QDockWidget*>{window->findChild<QDockWidget*>("legendDock")});
  EXPECT_FALSE(window->tabifiedDockWidgets(identify).contains(layers));
  EXPECT_LT(layers->geometry().bottom(), identify->geometry().top());
  EXPECT_GE(window->tabifiedDockWidgets(window->findChild<QDockWidget*>("identifyDock")).size(), 3);
}

// Every dock tab shows its whole title, in both languages: no tab is narrower than its text (tabs
// that do not fit are reached by the scroll buttons), and each title is also its tooltip.
TEST_F(Layout, NoDockTabCutsItsTitleInTheColumn) {
  for (const char* language : {"en", "zh_CN"}) {
    ASSERT_TRUE(window->languageManager().setLanguage(QString::fromLatin1(language)));
    showAt(*window, 1400, 900);
    QCoreApplication::processEvents();  // the tab bars are fitted after the layout settles
    int tabs = 0;
    for (QTabBar* bar : window->findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly)) {
      if (!bar->isVisible()) continue;
      // Under the offscreen platform's font the titles fit even when elided; under Xvfb they did not.
      EXPECT_EQ(bar->elideMode(), Qt::ElideNone) << language;
      EXPECT_TRUE(bar->usesScrollButtons()) << language;
      for (int i = 0; i < bar->count(); ++i) {
        ++tabs;
        const int text = bar->fontMetrics().horizontalAdvance(bar->tabText(i));
        EXPECT_GE(bar->tabRect(i).width(), text) << language << ": " << bar->tabText(i).toStdString();
        EXPECT_EQ(bar->tabToolTip(i), bar->tabText(i));
      }
    }
    EXPECT_GE(tabs, 6) << language << ": Layers | Legend and Identify | Clusters | Partners | Allocation";
  }
}

TEST_F(Layout, At1024x700TheMapStaysLargeAndEveryDockFitsTheWindow) {
  showAt(*window, 1024, 700);
  EXPECT_GE(window->canvas()->width(), 650);
  EXPECT_GE(window->canvas()->height(), 500);
  for (QDockWidget* d : visibleDocks(*window)) {
    const QRect inWindow(d->mapTo(window.get(), QPoint(0, 0)), d->size());
    EXPECT_TRUE(window->rect().contains(inWindow))
        << d->objectName().toStdString() << " at " << inWindow.x() << "," << inWindow.y() << " " << inWindow.width()
        << "×" << inWindow.height() << " in " << window->width() << "×" << window->height();
    EXPECT_GE(d->height(), 150) << d->objectName().toStdString() << " is squeezed";
  }
}

// The analysis docks' forms fit the dock column: no sideways scroll at either size or language.
TEST_F(Layout, TheAnalysisDocksFitTheirColumnWithoutScrollingSideways) {
  for (const char* language : {"en", "zh_CN"}) {
    ASSERT_TRUE(window->languageManager().setLanguage(QString::fromLatin1(language)));
    for (const QSize size : {QSize(1400, 900), QSize(1024, 700)}) {
      showAt(*window, size.width(), size.height());
      for (const char* name : {"clusterDock", "partnersDock", "allocationDock"}) {
        auto* dock = window->findChild<QDockWidget*>(name);
        ASSERT_NE(dock, nullptr) << name;
        dock->show();
        dock->raise();
        QCoreApplication::processEvents();
        auto* scroll = dock->findChild<QScrollArea*>(QString::fromLatin1(name) + QStringLiteral("Scroll"));
        ASSERT_NE(scroll, nullptr) << name;
        EXPECT_EQ(scroll->horizontalScrollBar()->maximum(), 0)
            << name << " in " << language << " at " << size.width() << "×" << size.height() << ": content "
            << scroll->widget()->minimumSizeHint().width() << " px in a " << scroll->viewport()->width()
            << " px column";
      }
    }
  }
}

TEST_F(Layout, OpeningMeasureDoesNotMoveTheMap) {
  showAt(*window, 1400, 900);
  const QRect before(window->canvas()->mapTo(window.get(), QPoint(0, 0)), window->canvas()->size());
  window->measureAction()->setChecked(true);
  QCoreApplication::processEvents();
  auto* measure = window->findChild<QDockWidget*>("measureDock");
  ASSERT_TRUE(measure->isVisible());
  const QRect after(window->canvas()->mapTo(window.get(), QPoint(0, 0)), window->canvas()->size());
  EXPECT_EQ(before, after);
}

TEST_F(Layout, TheDockLayoutIsRememberedAndCanBeReset) {
  showAt(*window, 1400, 900);
  auto* legend = window->findChild<QDockWidget*>("legendDock");
  auto* table = window->findChild<QDockWidget*>("tableDock");
  legend->close();
  table->show();
  QCoreApplication::processEvents();
  window->close();  // saves geometry and dock state
  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  showAt(*window, 1400, 900);
  EXPECT_TRUE(window->findChild<QDockWidget*>("legendDock")->isHidden());
  EXPECT_TRUE(window->findChild<QDockWidget*>("tableDock")->isVisible());

  window->applyDefaultLayout();
  QCoreApplication::processEvents();
  EXPECT_FALSE(window->findChild<QDockWidget*>("legendDock")->isHidden());
  EXPECT_TRUE(window->findChild<QDockWidget*>("tableDock")->isHidden());
  EXPECT_GE(mapShare(*window), 0.70);
}

TEST_F(Layout, AStateSavedByAnOlderViewerIsIgnored) {
  QSettings().setValue("window/state", QByteArray("not a dock state"));
  window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
  ASSERT_TRUE(window->loadBuiltinAtlas());
  showAt(*window, 1400, 900);
  EXPECT_GE(mapShare(*window), 0.70);
}

}  // namespace
}  // namespace circatlas::viewer::testing
