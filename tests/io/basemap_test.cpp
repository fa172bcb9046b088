// The built-in boundaries agree with known geography: area, codes, nesting, seats and no overlaps.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/error.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "io/builtin_data.h"
#include "io/layer_reader.h"

namespace circatlas {
namespace {

class Basemap : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = io::basemapPath().string();
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
    return std::get<std::string>(layer.value(i, field));
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
