// UTF-8 checks and GBK/GB18030 conversion on byte strings a reader can verify.
#include "io/text_encoding.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace circatlas::io {
namespace {

// "甘肃" in GBK/GB18030 is B8 CA CB E0; in UTF-8 it is E7 94 98 E8 82 83.
const std::string kGbk = "id,name\n1,\xB8\xCA\xCB\xE0\n";
const std::string kUtf8 = "id,name\n1,\xE7\x94\x98\xE8\x82\x83\n";

TEST(TextEncoding, ValidUtf8HasNoProblem) { EXPECT_FALSE(findInvalidUtf8(kUtf8).has_value()); }

TEST(TextEncoding, GbkBytesAreFoundOnTheirLine) {
  const auto problem = findInvalidUtf8(kGbk);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->line, 2);
  EXPECT_EQ(problem->offset, 10U);
}

TEST(TextEncoding, GbkConvertsToUtf8) { EXPECT_EQ(gb18030ToUtf8(kGbk), kUtf8); }

TEST(TextEncoding, RejectPolicyNamesFileLineAndFix) {
  try {
    (void)toUtf8(kGbk, "registry.csv", EncodingPolicy::Reject);
    FAIL() << "expected InputError";
  } catch (const core::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "registry.csv:2: text is not UTF-8 (it decodes as GBK/GB18030; save the file as UTF-8, or pass "
                 "--encoding gb18030 to convert it)");
  }
}

TEST(TextEncoding, ConvertPolicyConvertsAndDropsTheByteOrderMark) {
  EXPECT_EQ(toUtf8(kGbk, "registry.csv", EncodingPolicy::ConvertGb18030), kUtf8);
  EXPECT_EQ(toUtf8("\xEF\xBB\xBF" + kUtf8, "registry.csv", EncodingPolicy::Reject), kUtf8);
}

TEST(TextEncoding, BytesThatAreNeitherAreRejectedEvenWhenConverting) {
  const std::string garbage = "ok\n\x81\x20\xFF\xFE";
  EXPECT_THROW((void)toUtf8(garbage, "x.csv", EncodingPolicy::ConvertGb18030), core::InputError);
}

}  // namespace
}  // namespace circatlas::io
