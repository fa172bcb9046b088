// The built-in boundaries agree with known geography: area, codes, nesting, seats and no overlaps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/data_paths.h"
#include "core/error.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/web_map_coords.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"

namespace circatlas {
namespace {

class Basemap : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = core::DataPaths::fromEnvironment().basemap().string();
    province_ = std::make_unique<core::Layer>(io::readLayer(path, {.layer = "province", .sql = std::nullopt}));
    prefectures_ = std::make_unique<core::Layer>(io::readLayer(path, {.layer = "prefectures", .sql = std::nullopt}));
    counties_ = std::make_unique<core::Layer>(io::readLayer(path, {.layer = "counties", .sql = std::nullopt}));
  }
  static void TearDownTestSuite() {
    province_.reset();
    prefectures_.reset();
    counties_.reset();
  }

  static std::string text(const core::Layer& layer, std::size_t i, const char* field) {
    return std::get<core::Text>(layer.value(i, field)).str();
  }
  static std::vector<core::Geometry> geometries(const core::Layer& layer) {
    std::vector<core::Geometry> out;
    for (const auto& f : layer.features()) out.push_back(f.geometry);
    return out;
  }

  static std::unique_ptr<core::Layer> province_;
  static std::unique_ptr<core::Layer> prefectures_;
  static std::unique_ptr<core::Layer> counties_;
};

std::unique_ptr<core::Layer> Basemap::province_;
std::unique_ptr<core::Layer> Basemap::prefectures_;
std::unique_ptr<core::Layer> Basemap::counties_;

TEST_F(Basemap, ProvinceAreaIsWithinHalfAPercentOf425800SquareKilometres) {
  ASSERT_EQ(province_->size(), 1U);
  const double km2 = geo::geodesicAreaSquareMeters((*province_)[0].geometry) / 1e6;
  EXPECT_NEAR(km2, 425800, 425800 * 0.005) << km2;
}

TEST_F(Basemap, CountyAndPrefectureAreasAddUpToTheProvince) {
  double counties = 0;
  for (const auto& f : counties_->features()) counties += geo::geodesicAreaSquareMeters(f.geometry);
  double prefectures = 0;
  for (const auto& f : prefectures_->features()) prefectures += geo::geodesicAreaSquareMeters(f.geometry);
  const double province = geo::geodesicAreaSquareMeters((*province_)[0].geometry);
  EXPECT_NEAR(counties / province, 1.0, 1e-4);
  EXPECT_NEAR(prefectures / province, 1.0, 1e-4);
}

TEST_F(Basemap, EightySixCountyCodesAndFourteenPrefectureCodesEachOnce) {
  std::set<std::string> countyCodes;
  std::size_t jiayuguan = 0;
  for (std::size_t i = 0; i < counties_->size(); ++i) {
    const std::string code = text(*counties_, i, "code");
    ASSERT_EQ(code.size(), 6U) << code;
    EXPECT_EQ(code.substr(0, 2), "62");
    if (code == "620200") {
      ++jiayuguan;  // Jiayuguan has no counties: the city itself stands at county level
      continue;
    }
    EXPECT_NE(code.substr(4), "00") << code;
    countyCodes.insert(code);
  }
  EXPECT_EQ(countyCodes.size(), 86U);
  EXPECT_EQ(counties_->size(), 87U);
  EXPECT_EQ(jiayuguan, 1U);
  EXPECT_TRUE(countyCodes.contains("620881")) << "华亭 is a city (620881) since 2018";
  EXPECT_FALSE(countyCodes.contains("620824"));

  std::set<std::string> prefectureCodes;
  for (std::size_t i = 0; i < prefectures_->size(); ++i) prefectureCodes.insert(text(*prefectures_, i, "code"));
  const std::set<std::string> expected = {"620100", "620200", "620300", "620400", "620500", "620600", "620700",
                                          "620800", "620900", "621000", "621100", "621200", "622900", "623000"};
  EXPECT_EQ(prefectureCodes, expected);
  EXPECT_EQ(prefectures_->size(), 14U);
}

TEST_F(Basemap, EveryCountyLiesInsideItsOwnPrefecture) {
  std::map<std::string, std::size_t> prefectureIndex;
  for (std::size_t i = 0; i < prefectures_->size(); ++i) prefectureIndex[text(*prefectures_, i, "code")] = i;
  for (std::size_t i = 0; i < counties_->size(); ++i) {
    const std::string code = text(*counties_, i, "code");
    const std::string prefecture = text(*counties_, i, "prefecture_code");
    EXPECT_EQ(prefecture, code.substr(0, 4) + "00");
    ASSERT_TRUE(prefectureIndex.contains(prefecture)) << code;
    const core::Geometry& county = (*counties_)[i].geometry;
    const core::Geometry inside =
        geo::polygonIntersection(county, (*prefectures_)[prefectureIndex[prefecture]].geometry);
    EXPECT_NEAR(geo::geodesicAreaSquareMeters(inside) / geo::geodesicAreaSquareMeters(county), 1.0, 1e-6)
        << code << " " << text(*counties_, i, "name_zh");
  }
}

TEST_F(Basemap, NoTwoCountiesOverlapByMoreThanOneHundredthOfASquareKilometre) {
  const std::vector<core::Geometry> shapes = geometries(*counties_);
  const geo::PolygonIndex index(shapes);
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    for (const std::size_t j : index.candidates(shapes[i].envelope())) {
      if (j <= i) continue;
      const double km2 = geo::geodesicAreaSquareMeters(geo::polygonIntersection(shapes[i], shapes[j])) / 1e6;
      EXPECT_LT(km2, 0.01) << text(*counties_, i, "name_zh") << " / " << text(*counties_, j, "name_zh");
    }
  }
}

TEST_F(Basemap, GeometriesAreValid) {
  for (const auto* layer : {province_.get(), prefectures_.get(), counties_.get()}) {
    for (std::size_t i = 0; i < layer->size(); ++i) {
      EXPECT_FALSE(geo::invalidityReason((*layer)[i].geometry).has_value())
          << layer->name() << " " << text(*layer, i, "code");
    }
  }
}

struct Seat {
  const char* name;
  core::Coord lonLat;
  const char* prefecture;
  const char* county;
};

// Seats of prefecture governments from published coordinates of the city centres (hand-entered,
// independent of the data files).
constexpr Seat kSeats[] = {
    {"Lanzhou 兰州 (Chengguan)", {103.84, 36.06}, "620100", "620102"},
    {"Jiayuguan 嘉峪关", {98.29, 39.77}, "620200", "620200"},
    {"Jinchang 金昌 (Jinchuan)", {102.19, 38.52}, "620300", "620302"},
    {"Baiyin 白银 (Baiyin district)", {104.14, 36.55}, "620400", "620402"},
    {"Tianshui 天水 (Qinzhou)", {105.72, 34.58}, "620500", "620502"},
    {"Wuwei 武威 (Liangzhou)", {102.64, 37.93}, "620600", "620602"},
    {"Zhangye 张掖 (Ganzhou)", {100.45, 38.93}, "620700", "620702"},
    {"Pingliang 平凉 (Kongtong)", {106.67, 35.54}, "620800", "620802"},
    {"Jiuquan 酒泉 (Suzhou)", {98.49, 39.73}, "620900", "620902"},
    {"Qingyang 庆阳 (Xifeng)", {107.64, 35.71}, "621000", "621002"},
    {"Dingxi 定西 (Anding)", {104.63, 35.58}, "621100", "621102"},
    {"Longnan 陇南 (Wudu)", {104.92, 33.40}, "621200", "621202"},
    {"Linxia 临夏 (Linxia city)", {103.21, 35.60}, "622900", "622901"},
    {"Hezuo 合作", {102.91, 34.98}, "623000", "623001"},
};

TEST_F(Basemap, PrefectureSeatsFallInTheirOwnPrefectureAndCounty) {
  const geo::PolygonIndex prefectures(geometries(*prefectures_));
  const geo::PolygonIndex counties(geometries(*counties_));
  for (const Seat& seat : kSeats) {
    const auto p = prefectures.locate(seat.lonLat);
    const auto c = counties.locate(seat.lonLat);
    ASSERT_TRUE(p && c) << seat.name;
    EXPECT_EQ(text(*prefectures_, *p, "code"), seat.prefecture) << seat.name;
    EXPECT_EQ(text(*counties_, *c, "code"), seat.county) << seat.name;
  }
}

// Surveyed plants (WGS 84, as published) whose county an independent source states: the "Location"
// field of WRI's Global Power Plant Database China file (from GEM's coal plant tracker), GEM's own
// address field, or the county in the plant's registered name. Several lie within a kilometre of a
// county line (distance to the line in the comment, measured on the converted map), where the
// 0.1–0.5 km GCJ-02 offset the base map used to carry could put a plant in the wrong county.
struct SurveyedPlant {
  const char* name;
  core::Coord lonLat;
  const char* county;
  const char* countySource;
};

constexpr SurveyedPlant kSurveyedPlants[] = {
    {"Lanzhou Fanjiaping power station (0.46 km)", {103.67743, 36.075514}, "620104", "WRI: Xigu District"},
    {"Datang Xigu power station (0.92 km)", {103.622792, 36.128943}, "620104", "WRI: Xigu District"},
    {"Lanzhou Lanlü power station", {103.3317244, 36.1563952}, "620111", "WRI: Honggu District"},
    {"Datang Liancheng-2 power station", {102.86819, 36.519475}, "620121", "WRI: Liancheng, Yongdeng County"},
    {"Datang Gangu power station", {105.100788, 34.755718}, "620523", "WRI: Pan'an, Gangu County"},
    {"PowerChina Huating power station", {106.568948, 35.195345}, "620881", "WRI: Xihua, Huating County"},
    {"Gansu Chongxin power station", {106.919647, 35.279577}, "620823", "WRI: Chongxin County"},
    {"Huaneng Pingliang power station", {106.787051, 35.501437}, "620802", "WRI: Kongtong District"},
    {"Datang Jingtai power station", {104.168146, 37.231605}, "620423", "WRI: Jingtai County"},
    {"GEPIC Zhangye power station", {100.462098, 39.070919}, "620702", "WRI: Ganzhou District"},
    {"Guodian Jiuquan power station", {98.5065079, 39.679957}, "620902", "WRI: Suzhou District"},
    {"Jinchuan Works power station", {102.168693, 38.490953}, "620302", "WRI: Jinchuan District"},
    {"GEPIC Jinchang power station", {102.0968423, 38.3784415}, "620321", "WRI: Hexipu, Yongchang County"},
    {"JISCO Yuzhong Iron and Steel", {104.035535, 36.033646}, "620123", "GEM address: Laizibao, Yuzhong County"},
    {"Lanxin Steel", {103.922, 36.488866}, "620122", "GEM address: Heishi Town, Gaolan County"},
    {"JISCO Hongxing Iron and Steel", {98.295555, 39.812121}, "620200", "GEM address: Jiayuguan City"},
    {"Zhangxian Qilianshan cement plant", {104.423382, 34.845357}, "621125", "GEM name: 漳县"},
    {"Chengxian Qilianshan cement plant", {105.666698, 33.722811}, "621221", "GEM name: 成县"},
    {"Zhangye Shandan Tieqi cement plant", {100.814987, 38.852846}, "620725", "GEM name: 山丹"},
};

TEST_F(Basemap, SurveyedPlantsFallInTheCountyAnIndependentSourceNames) {
  const geo::PolygonIndex counties(geometries(*counties_));
  for (const SurveyedPlant& plant : kSurveyedPlants) {
    const auto c = counties.locate(plant.lonLat);
    ASSERT_TRUE(c.has_value()) << plant.name;
    EXPECT_EQ(text(*counties_, *c, "code"), plant.county) << plant.name << " (" << plant.countySource << ")";
  }
}

// The boundaries were published in GCJ-02 on a 1/1024° grid (echarts' encoding) and converted to
// WGS 84 with geo::toWgs84. Shifting every vertex forward again (the exact, closed-form direction)
// must land on that grid: this shows the stored data is WGS 84 and that the iterative inverse left
// no residual worth a centimetre.
TEST_F(Basemap, BoundariesAreTheGcj02SourceGridConvertedToWgs84) {
  constexpr double kGrid = 1024.0;
  double worstDegrees = 0.0;
  double largestShiftDegrees = 0.0;
  std::size_t vertices = 0;
  for (const auto& f : counties_->features()) {
    for (const core::Coord& c : f.geometry.coords()) {
      const core::LonLat gcj = geo::fromWgs84({c.x, c.y}, geo::LonLatSystem::Gcj02);
      worstDegrees = std::max({worstDegrees, std::abs(gcj.lon * kGrid - std::round(gcj.lon * kGrid)) / kGrid,
                               std::abs(gcj.lat * kGrid - std::round(gcj.lat * kGrid)) / kGrid});
      largestShiftDegrees = std::max(largestShiftDegrees, std::hypot(gcj.lon - c.x, gcj.lat - c.y));
      ++vertices;
    }
  }
  EXPECT_GT(vertices, 200000U);
  EXPECT_LT(worstDegrees, 1e-7);         // 1 cm; measured 2.4e-12° (sub-micrometre)
  EXPECT_GT(largestShiftDegrees, 1e-3);  // the data really was shifted (not GCJ-02 left as is)
  RecordProperty("worst_grid_residual_deg", std::to_string(worstDegrees));
}

// GCJ-02's formula is not area-preserving (its 20·sin(6π·Δlon) terms stretch the map by up to
// 0.62 %), so the conversion changes each county's area by a small, bounded amount, and the
// province's by much less. Compared here with the county's own GCJ-02 version.
TEST_F(Basemap, ConversionFromGcj02ChangesAreasOnlyWithinTheFormulasDistortion) {
  double worst = 0.0;
  double before = 0.0;
  double after = 0.0;
  for (const auto& f : counties_->features()) {
    core::Geometry gcj = f.geometry;
    for (core::Coord& c : gcj.mutableCoords()) {
      const core::LonLat p = geo::fromWgs84({c.x, c.y}, geo::LonLatSystem::Gcj02);
      c = {p.lon, p.lat};
    }
    const double a0 = geo::geodesicAreaSquareMeters(gcj);
    const double a1 = geo::geodesicAreaSquareMeters(f.geometry);
    worst = std::max(worst, std::abs(a1 - a0) / a0);
    before += a0;
    after += a1;
  }
  EXPECT_LT(worst, 0.0065);                             // measured 0.30 % (Wushan 620524)
  EXPECT_GT(worst, 1e-4);                               // a real shift changes some areas measurably
  EXPECT_LT(std::abs(after - before) / before, 0.001);  // measured −0.069 %
  EXPECT_NEAR(after / 1e6, 425800, 425800 * 0.002) << after / 1e6;
}

// data/gazetteer/townships.csv: township centres converted from GCJ-02 like the boundaries, so
// both carry the same (removed) offset and a centre lies in its own county unless the source
// misplaced it; `in_county` says which. 窑街街道 (Honggu) and 太石乡 (Kang) lie 30 m and 25 m
// beyond their county's line (in Yongdeng and Cheng), as they did before the conversion.
TEST_F(Basemap, TownshipCentresLieInTheirCountyExceptTheTwoTheGazetteerFlags) {
  const core::TextTable towns =
      io::readCsvTable((core::DataPaths::fromEnvironment().dataDir() / "gazetteer" / "townships.csv").string());
  const auto col = [&](const char* name) { return *towns.column(name); };
  ASSERT_EQ(towns.rows.size(), 1211U);
  std::map<std::string, std::size_t> countyIndex;
  for (std::size_t i = 0; i < counties_->size(); ++i) countyIndex[text(*counties_, i, "code")] = i;
  const geo::PolygonIndex counties(geometries(*counties_));
  std::set<std::string> outside;
  for (const auto& row : towns.rows) {
    const std::string code = core::text(row.cells[col("code")]);
    const core::Coord p{std::stod(core::text(row.cells[col("lon")])), std::stod(core::text(row.cells[col("lat")]))};
    const auto c = counties.locate(p);
    ASSERT_TRUE(c.has_value()) << code;
    const bool inside = text(*counties_, *c, "code") == *row.cells[col("county_code")];
    EXPECT_EQ(*row.cells[col("in_county")], inside ? "1" : "0") << code;
    if (!inside) outside.insert(code);
    EXPECT_TRUE(countyIndex.contains(core::text(row.cells[col("county_code")]))) << code;
    EXPECT_EQ(*row.cells[col("location_precision")], "township_centre");
  }
  EXPECT_EQ(outside, (std::set<std::string>{"620111001000", "621224214000"}));
}

TEST_F(Basemap, PointsOutsideGansuAreInNoCounty) {
  const geo::PolygonIndex counties(geometries(*counties_));
  EXPECT_FALSE(counties.locate({106.23, 38.49}).has_value());  // Yinchuan, Ningxia
  EXPECT_FALSE(counties.locate({101.78, 36.62}).has_value());  // Xining, Qinghai
  EXPECT_FALSE(counties.locate({108.94, 34.34}).has_value());  // Xi'an, Shaanxi
}

TEST_F(Basemap, NamesArePresentInChineseAndEnglish) {
  for (const auto* layer : {prefectures_.get(), counties_.get()}) {
    for (std::size_t i = 0; i < layer->size(); ++i) {
      EXPECT_FALSE(text(*layer, i, "name_zh").empty());
      EXPECT_FALSE(text(*layer, i, "name_en").empty());
      EXPECT_FALSE(text(*layer, i, "name_pinyin").empty());
    }
  }
}

}  // namespace
}  // namespace circatlas
