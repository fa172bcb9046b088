// Matching registry industry text to GB/T 4754-2017 classes.
#include <gtest/gtest.h>

#include "catalogue/industry_classes.h"

namespace circatlas::catalogue {
namespace {

// Classes of the 2017 edition, as data/industry/gbt4754_2017_classes.csv holds them.
IndustryClasses classes() {
  core::TextTable t;
  t.source = "classes.csv";
  t.header = {"code", "name_zh"};
  std::int64_t line = 1;
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{{"0810", "铁矿采选"},
                                                                                   {"3011", "水泥制造"},
                                                                                   {"3021", "水泥制品制造"},
                                                                                   {"3023", "石棉水泥制品制造"},
                                                                                   {"3110", "炼铁"},
                                                                                   {"3120", "炼钢"},
                                                                                   {"4411", "火力发电"},
                                                                                   {"4412", "热电联产"}}) {
    t.rows.push_back({++line, {code, name}});
  }
  return IndustryClasses(t);
}

TEST(IndustryClasses, CodesInTheTextWinAndADroppedLeadingZeroIsRestored) {
  const auto c = classes();
  EXPECT_EQ(c.match("C3011").code, "3011");
  EXPECT_EQ(c.match("3120 炼钢").code, "3120");
  const auto zero = c.match("810");
  EXPECT_EQ(zero.code, "0810");
  EXPECT_EQ(zero.how, "class code with its leading zero restored");
  EXPECT_EQ(c.match("9999").code, "");
}

TEST(IndustryClasses, NamesMatchExactlyThenByContainmentThenByPrefix) {
  const auto c = classes();
  EXPECT_EQ(c.match("火力发电").how, "exact class name");
  const auto contained = c.match("燃煤火力发电厂");
  EXPECT_EQ(contained.code, "4411");
  EXPECT_EQ(contained.className, "火力发电");
  const auto prefix = c.match("水泥");
  EXPECT_EQ(prefix.code, "3011");  // 水泥制造, not 水泥制品制造
  EXPECT_EQ(c.match("steel").code, "");
  EXPECT_EQ(c.match("steel").how, "no class matches");
}

}  // namespace
}  // namespace circatlas::catalogue
