// Placing registry rows without coordinates at township centres and county seats.
#include <gtest/gtest.h>

#include "catalogue/registry_placement.h"

namespace circatlas::catalogue {
namespace {

// Two counties with a 城关镇 each, and a township unique to one of them (points invented, WGS 84).
Gazetteer gazetteer() {
  core::TextTable t;
  t.source = "townships.csv";
  t.header = {"name", "county_code", "lon", "lat"};
  t.rows = {{2, {"城关镇", "620121", "103.26", "36.73"}},
            {3, {"城关镇", "620321", "101.97", "38.25"}},
            {4, {"红城镇", "620121", "103.40", "36.50"}}};
  return Gazetteer(t,
                   {{"620121", "永登县", "620100", {103.25, 36.74}}, {"620321", "永昌县", "620300", {101.96, 38.24}}},
                   {{"620100", "兰州市"}, {"620300", "金昌市"}});
}

TEST(RegistryPlacement, AUniqueTownshipInTheAddressGivesItsCentre) {
  const auto placed = gazetteer().place({"永登县红城镇红城村", "", "", ""});
  const auto* p = std::get_if<Placement>(&placed);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->at, (core::LonLat{103.40, 36.50}));
  EXPECT_EQ(p->precision, "township_centre");
  EXPECT_EQ(p->countyCode, "620121");
}

TEST(RegistryPlacement, AnAmbiguousTownshipNeedsTheCountyOrThePrefecture) {
  const auto g = gazetteer();
  const auto ambiguous = g.place({"城关镇东街8号", "", "", ""});
  ASSERT_TRUE(std::holds_alternative<std::string>(ambiguous));
  EXPECT_EQ(std::get<std::string>(ambiguous), "城关镇 is in 2 counties (永登县, 永昌县); give the county");
  const auto byCounty = g.place({"城关镇东街8号", "", "永昌县", ""});
  EXPECT_EQ(std::get<Placement>(byCounty).at, (core::LonLat{101.97, 38.25}));
  const auto byPrefecture = g.place({"金昌市城关镇东街8号", "", "", ""});
  EXPECT_EQ(std::get<Placement>(byPrefecture).countyCode, "620321");
}

TEST(RegistryPlacement, ACountyAloneGivesItsSeatAndNothingKnownIsAReason) {
  const auto g = gazetteer();
  const auto seat = g.place({"", "", "620121", ""});
  EXPECT_EQ(std::get<Placement>(seat).precision, "county_seat");
  EXPECT_EQ(std::get<Placement>(seat).at, (core::LonLat{103.25, 36.74}));
  EXPECT_EQ(std::get<Placement>(g.place({"", "", "永登", ""})).countyCode, "620121");
  const auto none = g.place({"某路12号", "", "", ""});
  EXPECT_EQ(std::get<std::string>(none), "no coordinates, and '某路12号' names no township or county of the gazetteer");
  EXPECT_EQ(std::get<std::string>(g.place({})), "no coordinates, address, township or county");
}

}  // namespace
}  // namespace circatlas::catalogue
