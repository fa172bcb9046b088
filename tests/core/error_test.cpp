// Error messages carry file, line, layer, feature and field context in a fixed, readable order.
#include "core/error.h"

#include <gtest/gtest.h>

namespace circatlas::core {
namespace {

TEST(Error, MessageNamesFileLayerFeatureAndField) {
  InputError e("expected a number, got \"103,8\"");
  e.setField("lon").setFeature(1207).setLayer("enterprises").setFile("enterprises.csv");
  EXPECT_STREQ(e.what(),
               "enterprises.csv: layer 'enterprises', feature 1207, field 'lon': expected a number, got \"103,8\"");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
}

TEST(Error, InnermostContextIsKeptWhenOuterCodeAddsItAgain) {
  InputError e("bad value");
  e.setFeature(7);
  e.setFeature(99);  // an outer loop that knows less must not overwrite the precise id
  EXPECT_EQ(e.feature(), 7);
  EXPECT_STREQ(e.what(), "feature 7: bad value");
}

TEST(Error, LineAndColumnFollowTheFileName) {
  ParameterError e("unknown key 'colour'");
  e.setLine(42, 7).setFile("styles/roads.json");
  EXPECT_STREQ(e.what(), "styles/roads.json:42:7: unknown key 'colour'");
}

TEST(Error, KindsHaveReadableNames) {
  EXPECT_EQ(toString(ErrorKind::Io), "I/O error");
  EXPECT_EQ(toString(CrsError("x").kind()), "CRS error");
}

}  // namespace
}  // namespace circatlas::core

#include "core/units.h"

namespace circatlas::core {
namespace {

TEST(Units, DistancesNeedTheirUnit) {
  EXPECT_DOUBLE_EQ(parseDistanceMeters("5km"), 5000.0);
  EXPECT_DOUBLE_EQ(parseDistanceMeters(" 0.5 km "), 500.0);
  EXPECT_DOUBLE_EQ(parseDistanceMeters("750m"), 750.0);
  EXPECT_THROW((void)parseDistanceMeters("5"), ParameterError);
  EXPECT_THROW((void)parseDistanceMeters("5 miles"), ParameterError);
  EXPECT_THROW((void)parseDistanceMeters("-3km"), ParameterError);
  try {
    (void)parseDistanceMeters("5,0km");
    FAIL();
  } catch (const ParameterError& e) {
    EXPECT_STREQ(e.what(), "expected a distance with its unit, such as 5km or 500m, got \"5,0km\"");
  }
}

// Found by units_fuzz (tests/data/fuzz-regressions/units_fuzz/overflow-km): a finite number of
// kilometres whose metres overflow to infinity, and NaN spelt out, are refused, not returned.
TEST(Units, DistancesThatOverflowOrAreNotANumberAreRefused) {
  EXPECT_THROW((void)parseDistanceMeters("1e308km"), ParameterError);
  EXPECT_THROW((void)parseDistanceMeters("nan m"), ParameterError);
  EXPECT_THROW((void)parseDistanceMeters("inf km"), ParameterError);
  EXPECT_DOUBLE_EQ(parseDistanceMeters("1e300m"), 1e300);
}

}  // namespace
}  // namespace circatlas::core
