// Issue 19 items 4 and 5: identify and selection as in a desktop GIS, fields and numbers for people.
#include <QKeyEvent>
#include <QListWidget>
#include <QTableWidget>
#include <QTreeWidget>

#include "viewer/field_display.h"
#include "viewer/identify.h"
#include "viewer/identify_panel.h"
#include "viewer/layer_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/partners_panel.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using Selecting = ViewerTest;

// E001, PetroChina Lanzhou Petrochemical (catalogue), among the works of Xigu district.
constexpr core::Coord kXigu{103.60244, 36.1198};
// Open country in Gansu, no point or line within a few pixels: the Beishan hills north of Guazhou.
constexpr core::Coord kEmpty{96.5, 41.2};

TEST(ClickSelection, ShiftAddsCtrlTogglesAPlainClickReplaces) {
  const Selection none;
  const IdentifyHit a{"enterprises", 3};
  const IdentifyHit b{"enterprises", 7};
  const IdentifyHit park{"parks", 1};
  Selection s = clickSelection(none, a, false, false);
  EXPECT_EQ(s, (Selection{"enterprises", {3}}));
  s = clickSelection(s, b, true, false);
  EXPECT_EQ(s, (Selection{"enterprises", {3, 7}}));
  EXPECT_EQ(clickSelection(s, b, true, false), s) << "Shift never removes";
  s = clickSelection(s, a, false, true);
  EXPECT_EQ(s, (Selection{"enterprises", {7}})) << "Ctrl toggles off";
  s = clickSelection(s, a, false, true);
  EXPECT_EQ(s, (Selection{"enterprises", {7, 3}})) << "Ctrl toggles on";
  EXPECT_EQ(clickSelection(s, park, true, false), (Selection{"parks", {1}})) << "another layer starts anew";
  EXPECT_EQ(clickSelection(s, std::nullopt, true, false), s) << "Shift-click on nothing keeps it";
  EXPECT_TRUE(clickSelection(s, std::nullopt, false, false).empty()) << "a plain click on nothing clears";
  EXPECT_EQ(clickSelection(s, b, false, false), (Selection{"enterprises", {7}}));
}

TEST(FormatQuantity, GroupsDigitsFixesDecimalsAndNamesTheUnit) {
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  EXPECT_EQ(formatQuantity(11750900.4, 0, "CNY/yr"), QStringLiteral("11,750,900 CNY/yr"));
  EXPECT_EQ(formatQuantity(-5675930.0, 0, "CNY/yr"), QStringLiteral("-5,675,930 CNY/yr"));
  EXPECT_EQ(formatQuantity(42.46, 1, "km"), QStringLiteral("42.5 km"));
  EXPECT_EQ(formatQuantity(-0.0001, 1), QStringLiteral("0.0"));
  EXPECT_EQ(formatQuantity(67.25, 1, "%"), QStringLiteral("67.3%"));
  FieldDisplay display;
  EXPECT_EQ(display.value("shannon", core::Value(1.0986122886681096), render::Language::En), QStringLiteral("1.10"));
  EXPECT_EQ(display.value("start_year", core::Value(std::int64_t{2008}), render::Language::En), QStringLiteral("2008"));
  EXPECT_EQ(display.value("op_status", core::Value(std::string("operating")), render::Language::Zh),
            QString::fromUtf8("运行中"));
  EXPECT_EQ(FieldDisplay::label("op_status", render::Language::Zh), QString::fromUtf8("运行状态"));
  EXPECT_EQ(FieldDisplay::label("location_precision", render::Language::En), QStringLiteral("Location precision"));
  EXPECT_EQ(FieldDisplay::label("no_such_field", render::Language::En), QStringLiteral("no_such_field"));
}

class SelectingOnTheMap : public ViewerTest {
 protected:
  void SetUp() override {
    ViewerTest::SetUp();
    window->resize(1400, 900);
    window->show();
    ASSERT_TRUE(waitUntil([&] { return window->canvas()->width() > 300; }, 5000));
    window->canvas()->zoomToFullExtent();
  }
  void clickAt(core::Coord lonLat, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    const auto map = window->canvas()->fromLonLat(lonLat);
    ASSERT_TRUE(map);
    window->identifyAt(map->x, map->y, 5 * window->canvas()->unitsPerPixel(), modifiers);
  }
  void makeActive(const char* layerId) {
    const auto index = window->layers().indexOf(layerId);
    ASSERT_TRUE(index);
    // The list shows the top layer first.
    window->layerPanel()->list()->setCurrentRow(static_cast<int>(window->layers().size() - 1 - *index));
    ASSERT_EQ(window->layerPanel()->currentLayerIndex(), static_cast<int>(*index));
  }
};

TEST_F(SelectingOnTheMap, AClickOnStackedWorksListsEnterprisesFirstAndSelectsOneOfThemOnly) {
  clickAt(kXigu);
  QTreeWidget* tree = window->identifyPanel()->tree();
  ASSERT_GT(tree->topLevelItemCount(), 1);
  EXPECT_TRUE(tree->topLevelItem(0)->text(0).startsWith("Enterprises")) << tree->topLevelItem(0)->text(0).toStdString();
  EXPECT_TRUE(tree->topLevelItem(0)->isExpanded());
  for (int i = 1; i < tree->topLevelItemCount(); ++i) EXPECT_FALSE(tree->topLevelItem(i)->isExpanded()) << i;
  const Selection& s = window->layers().selection();
  EXPECT_EQ(s.layerId, "enterprises");
  EXPECT_EQ(s.features.size(), 1u);
  // The first feature's fields by name, with values translated and codes named.
  QTreeWidgetItem* feature = tree->topLevelItem(0)->child(0);
  ASSERT_NE(feature, nullptr);
  QStringList labels;
  QString prefecture;
  for (int i = 0; i < feature->childCount(); ++i) {
    labels << feature->child(i)->text(0);
    if (feature->child(i)->text(0) == "Prefecture") prefecture = feature->child(i)->text(1);
    EXPECT_FALSE(feature->child(i)->toolTip(1).isEmpty());
  }
  EXPECT_TRUE(labels.contains("Operating state")) << labels.join(",").toStdString();
  EXPECT_TRUE(labels.contains("Industry (GB/T 4754-2017)"));
  EXPECT_FALSE(labels.contains("op_status"));
  EXPECT_EQ(prefecture, QStringLiteral("Lanzhou (620100)"));
}

TEST_F(SelectingOnTheMap, AreasUnderAClickAreSelectedOnlyWhenTheirLayerIsActive) {
  clickAt(kEmpty);
  EXPECT_TRUE(window->layers().selection().empty()) << "no county, prefecture or province selected with a click";
  EXPECT_GT(window->identifyPanel()->tree()->topLevelItemCount(), 0) << "but they are listed";
  makeActive("counties");
  ASSERT_TRUE(window->layers().find("counties")->visible);
  clickAt(kEmpty);
  EXPECT_EQ(window->layers().selection().layerId, "counties");
  EXPECT_EQ(window->layers().selection().features.size(), 1u);
}

TEST_F(SelectingOnTheMap, ShiftAddsCtrlRemovesAndEscClears) {
  makeActive("counties");
  clickAt(kEmpty);
  clickAt({103.83, 36.06}, Qt::ShiftModifier);  // Lanzhou: its enterprises, another layer → starts anew
  EXPECT_EQ(window->layers().selection().layerId, "enterprises");
  clickAt({104.17, 36.55}, Qt::ShiftModifier);  // Baiyin
  ASSERT_EQ(window->layers().selection().layerId, "enterprises");
  EXPECT_EQ(window->layers().selection().features.size(), 2u);
  clickAt({104.17, 36.55}, Qt::ControlModifier);
  EXPECT_EQ(window->layers().selection().features.size(), 1u);
  QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
  QCoreApplication::sendEvent(window->canvas(), &esc);
  EXPECT_TRUE(window->layers().selection().empty());
}

TEST_F(SelectingOnTheMap, ASearchResultShowsItsAttributes) {
  window->identifyPanel()->showHits({});
  window->showFeature("prefectures", 0);
  QTreeWidget* tree = window->identifyPanel()->tree();
  ASSERT_EQ(tree->topLevelItemCount(), 1);
  EXPECT_GT(tree->topLevelItem(0)->child(0)->childCount(), 2);
}

TEST_F(SelectingOnTheMap, PartnerScoresAreGroupedSignedAndANegativeOneIsExplained) {
  PartnersPanel* panel = window->partnersPanel();
  ASSERT_TRUE(panel->setEnterprise("E002"));
  ASSERT_TRUE(waitUntil([&] { return !panel->isRunning(); }));
  const QTableWidget* table = panel->table();
  ASSERT_GT(table->rowCount(), 0);
  for (int r = 0; r < table->rowCount(); ++r) {
    const QString score = table->item(r, 5)->text();
    EXPECT_FALSE(score.contains('e', Qt::CaseInsensitive)) << score.toStdString();
    // Each score names its unit (score_unit): CNY/yr, or a ranking figure per unit of supply.
    EXPECT_TRUE(score.contains(QStringLiteral(" CNY/"))) << score.toStdString();
    const double v = table->item(r, 5)->data(Qt::UserRole).toDouble();
    if (std::abs(v) >= 1000) {
      EXPECT_TRUE(score.contains(',')) << score.toStdString();
    }
    if (v < 0) {
      EXPECT_TRUE(table->item(r, 5)->toolTip().contains("loses money"));
    }
    if (v > 0) {
      EXPECT_TRUE(score.startsWith('+'));
    }
    EXPECT_FALSE(table->item(r, 4)->text().contains('e', Qt::CaseInsensitive));
  }
}

}  // namespace
}  // namespace circatlas::viewer::testing
