// Identify: a click at Lanzhou's seat lists the prefecture Lanzhou and its county; search finds names.
#include <QHeaderView>
#include <QScrollBar>
#include <QTreeWidget>

#include <algorithm>

#include "core/data_paths.h"
#include "viewer/analysis_inputs.h"
#include "viewer/identify.h"
#include "viewer/identify_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/map_canvas.h"
#include "viewer/pinyin.h"
#include "viewer/search_box.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using IdentifyTest = ViewerTest;

// Lanzhou's seat, Chengguan District: 103.83°E, 36.06°N.
constexpr core::Coord kLanzhouSeat{103.83, 36.06};

std::string fieldOf(const LayerStack& layers, const IdentifyHit& hit, const char* field) {
  return core::toString(layers.find(hit.layerId)->source->value(hit.feature, field));
}

TEST_F(IdentifyTest, LanzhouSeatLiesInPrefectureLanzhouAndOneOfItsCounties) {
  const auto map = window->canvas()->fromLonLat(kLanzhouSeat);
  ASSERT_TRUE(map);
  const auto hits = identifyAt(window->layers(), *map, 500.0);
  std::vector<IdentifyHit> prefectures;
  std::vector<IdentifyHit> counties;
  for (const auto& h : hits) {
    if (h.layerId == "prefectures") prefectures.push_back(h);
    if (h.layerId == "counties") counties.push_back(h);
  }
  ASSERT_EQ(prefectures.size(), 1u);
  EXPECT_EQ(fieldOf(window->layers(), prefectures[0], "name_zh"), "兰州市");
  EXPECT_EQ(fieldOf(window->layers(), prefectures[0], "code"), "620100");
  ASSERT_EQ(counties.size(), 1u);
  EXPECT_EQ(fieldOf(window->layers(), counties[0], "prefecture_code"), "620100");
}

TEST_F(IdentifyTest, AClickFillsThePanelWithLayerFeatureAndFields) {
  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  const auto map = canvas->fromLonLat(kLanzhouSeat);
  ASSERT_TRUE(map);
  emit canvas->clicked(*map, 5 * canvas->unitsPerPixel());
  QTreeWidget* tree = window->identifyPanel()->tree();
  // English UI: the feature is titled by name_en, its fields include name_zh.
  const auto found = tree->findItems(QStringLiteral("兰州市"), Qt::MatchExactly | Qt::MatchRecursive, 1);
  // (the seat's point is found too, in layer 'Prefecture seats')
  QTreeWidgetItem* feature = nullptr;
  for (QTreeWidgetItem* field : found) {
    if (field->parent() && field->parent()->parent() && field->parent()->parent()->text(0) == "Prefectures") {
      feature = field->parent();
    }
  }
  ASSERT_NE(feature, nullptr);
  EXPECT_EQ(feature->text(0), QStringLiteral("Lanzhou"));
  // and its county, in layer 'Counties', with the prefecture's code
  const auto counties = tree->findItems(QStringLiteral("Counties"), Qt::MatchExactly);
  ASSERT_EQ(counties.size(), 1);
  ASSERT_EQ(counties.front()->childCount(), 1);
  bool hasCode = false;
  for (int i = 0; i < feature->childCount(); ++i) {
    hasCode |= feature->child(i)->text(0) == "Code" && feature->child(i)->text(1) == "620100";
  }
  EXPECT_TRUE(hasCode);
  // The topmost feature under the cursor is selected (highlighted on the map).
  EXPECT_FALSE(window->layers().selection().empty());
}

// In the dock's 280 px column the field names take at most half and the values the rest: no
// sideways scroll; a value cut short keeps its whole text in its tooltip.
TEST_F(IdentifyTest, InANarrowDockFieldsAndValuesFitWithoutScrollingSideways) {
  IdentifyPanel panel(window->layers());
  panel.setNames(&window->analysisInputs()->catalogue, core::DataPaths::fromEnvironment());
  panel.setLanguage(render::Language::En);
  panel.resize(280, 600);
  panel.show();
  // The first enterprise: a click on it lists it with its many fields.
  const ViewerLayer* enterprises = window->layers().find("enterprises");
  ASSERT_NE(enterprises, nullptr);
  const core::Coord at = enterprises->display->features().front().geometry.coords()[0];
  const auto hits = orderForListing(window->layers(), identifyAt(window->layers(), at, 500.0));
  ASSERT_FALSE(hits.empty());
  panel.showHits(hits);
  QCoreApplication::processEvents();
  QTreeWidget* tree = panel.tree();
  const int viewport = tree->viewport()->width();
  EXPECT_LE(tree->columnWidth(0), static_cast<int>(IdentifyPanel::kFieldColumnShare * viewport) + 1);
  EXPECT_GE(tree->columnWidth(0), 60) << "room for the field names";
  EXPECT_LE(tree->header()->length(), viewport) << "field and value columns within the dock";
  EXPECT_EQ(tree->horizontalScrollBar()->maximum(), 0);
  const QTreeWidgetItem* feature = tree->topLevelItem(0)->child(0);
  ASSERT_NE(feature, nullptr);
  ASSERT_GT(feature->childCount(), 3);
  for (int k = 0; k < feature->childCount(); ++k) {
    const QTreeWidgetItem* field = feature->child(k);
    EXPECT_TRUE(field->toolTip(1).startsWith(field->text(1))) << field->text(0).toStdString();
  }
}

TEST(Pinyin, ReadsHanAsToneLessSyllablesAndLeavesOtherTextAlone) {
  EXPECT_EQ(pinyinOf(QString::fromUtf8("酒泉钢铁")), "jiu quan gang tie");
  EXPECT_EQ(pinyinOf(QStringLiteral("Baiyin 2")), "baiyin 2");
  EXPECT_EQ(pinyinSearchKey(QString::fromUtf8("白银市")), "bai yin shi baiyinshi bys");
  EXPECT_TRUE(pinyinSearchKey(QStringLiteral("Lanzhou")).isEmpty());
}

TEST_F(IdentifyTest, SearchFindsNamesInChinesePinyinAndEnglish) {
  const auto entries = searchEntries(window->layers());
  for (const char* query : {"兰州市", "Lanzhou", "lanzhou"}) {
    const auto found = findEntries(entries, QString::fromUtf8(query));
    ASSERT_FALSE(found.empty()) << query;
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const SearchEntry& e) {
      return e.target.layerId == "prefectures";
    })) << query;
  }
  EXPECT_TRUE(findEntries(entries, "no such place xyz").empty());
  // Catalogue names carry no pinyin of their own: it is derived (ICU), run together, spaced or as initials.
  for (const char* query : {"jinchuanjituan", "jin chuan ji tuan", "JinChuanJiTuan", "jcjt"}) {
    const auto found = findEntries(entries, QString::fromUtf8(query));
    ASSERT_FALSE(found.empty()) << query;
    EXPECT_TRUE(found.front().text.contains(QString::fromUtf8("金川集团")))
        << query << " → " << found.front().text.toStdString();
  }
  ASSERT_TRUE(window->searchBox()->search(QStringLiteral("兰州市")));
  EXPECT_EQ(window->layers().selection().features.size(), 1u);
}

}  // namespace
}  // namespace circatlas::viewer::testing
