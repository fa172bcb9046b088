// UTF-8 checks and GBK/GB18030 conversion on byte strings a reader can verify.
#include "io/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

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

// RFC 3629: after a valid first line, each of these is refused at its first byte; the largest code
// points of each length are accepted.
TEST(TextEncoding, OverlongsSurrogatesAndCodePointsBeyondUnicodeAreInvalid) {
  const std::string prefix = "甘肃\n";  // 7 bytes
  for (const std::string bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF",
                                "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                                "\xF8\x88\x80\x80\x80", "\xFC\x84\x80\x80\x80\x80", "\x80", "\xFE", "\xE4\xB8"}) {
    const auto problem = findInvalidUtf8(prefix + bad + "x");
    ASSERT_TRUE(problem.has_value()) << ::testing::PrintToString(bad);
    EXPECT_EQ(problem->offset, 7U) << ::testing::PrintToString(bad);
    EXPECT_EQ(problem->line, 2);
  }
  for (const std::string good : {"\x7F", "\xC2\x80", "\xDF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                                 "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_FALSE(findInvalidUtf8(prefix + good + "x").has_value()) << ::testing::PrintToString(good);
  }
}

// A text larger than a piece (8 MiB) is checked in pieces on every core: wherever the cut falls in a
// character it is judged valid, and a flaw across the cut (a sequence cut short, stray continuation
// bytes, a surrogate) is found at its first byte, as in a short text.
TEST(TextEncoding, ALargeTextIsJudgedAsAWholeWhereverItIsCut) {
  constexpr std::size_t kCut = std::size_t{8} << 20;
  const std::string smile = "\xF0\x9F\x98\x80";  // U+1F600, four bytes
  const auto text = [&](std::size_t ascii) {
    std::string t(ascii, 'a');
    while (t.size() < kCut + (1U << 20)) t += smile;
    return t;
  };
  for (std::size_t ascii = 0; ascii < 4; ++ascii) {
    EXPECT_FALSE(findInvalidUtf8(text(ascii)).has_value()) << ascii;
  }
  for (const std::string flaw : {"\xF0\x9F\x98x", "\x80\x80\x80\x80\x80", "\xED\xA0\x80"}) {
    for (std::size_t ascii = 0; ascii < 4; ++ascii) {
      std::string t = text(ascii);
      // The last character to start at or before the cut: the flaw put there spans the cut or starts at it.
      const std::size_t at = kCut - (kCut - ascii) % 4;
      t.replace(at, flaw.size(), flaw);
      const auto problem = findInvalidUtf8(t);
      ASSERT_TRUE(problem.has_value()) << ::testing::PrintToString(flaw) << " " << ascii;
      EXPECT_EQ(problem->offset, at) << ::testing::PrintToString(flaw) << " " << ascii;
    }
  }
}

// Every one-, two- and three-byte sequence (and the four-byte ones with a fixed tail) is judged as a
// plain decoder written from RFC 3629's table judges it.
TEST(TextEncoding, AgreesWithRfc3629OnEveryShortSequence) {
  // RFC 3629, section 4: the well-formed byte sequences.
  const auto wellFormed = [](const std::string& s) {
    std::size_t i = 0;
    const auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
      return k < s.size() && static_cast<unsigned char>(s[k]) >= lo && static_cast<unsigned char>(s[k]) <= hi;
    };
    while (i < s.size()) {
      const auto b = static_cast<unsigned char>(s[i]);
      std::size_t n = 0;
      if (b <= 0x7F) n = 1;
      else if (b >= 0xC2 && b <= 0xDF && in(i + 1, 0x80, 0xBF)) n = 2;
      else if (b == 0xE0 && in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF)) n = 3;
      else if (((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF))
        n = 3;
      else if (b == 0xED && in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF)) n = 3;
      else if (b == 0xF0 && in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF)) n = 4;
      else if (b >= 0xF1 && b <= 0xF3 && in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF)) n = 4;
      else if (b == 0xF4 && in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF)) n = 4;
      if (n == 0) return false;
      i += n;
    }
    return true;
  };
  int checked = 0;
  const auto check = [&](const std::string& s) {
    ++checked;
    if (findInvalidUtf8(s).has_value() == wellFormed(s)) ADD_FAILURE() << ::testing::PrintToString(s);
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      check(std::string{static_cast<char>(a), static_cast<char>(b)});
      if (a < 0xE0) continue;
      for (int c = 0x70; c < 0xC8; ++c) {
        check(std::string{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        if (a >= 0xF0) check(std::string{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), '\x80'});
      }
    }
  }
  EXPECT_EQ(checked, 256 + 256 * 256 + 32 * 256 * 88 + 16 * 256 * 88);
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
