// Error messages carry file, line, layer, feature and field context in a fixed, readable order.
#include "core/error.h"

#include <gtest/gtest.h>

namespace circatlas::core {
namespace {

TEST(Error, MessageNamesFileLayerFeatureAndField) {
  InputError e("expected a number, got \"103,8\"");
  e.setField("lon").setFeature(1207).setLayer("enterprises").setFile("enterprises.csv");
  EXPECT_STREQ(e.what(), "enterprises.csv: layer 'enterprises', feature 1207, field 'lon': expected a number, got \"103,8\"");
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
