// Text: the 16-byte string of a Value keeps every text exactly as std::string does, on both sides of
// the inline limit, through copies, moves and swaps (the ASan stage checks what is freed).
#include "core/text.h"

#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.h"

namespace circatlas::core {
namespace {

// Texts of every length from 0 to 40 bytes (inline up to 15), of distinct bytes, with a NUL inside some.
std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + (i * 7 + n) % 26));
    if (n % 5 == 3) s[n / 2] = '\0';
    out.push_back(s);
  }
  out.emplace_back("河西堡化工循环经济产业园");  // UTF-8, 36 bytes
  out.emplace_back("金昌市");                    // 9 bytes, inline
  return out;
}

void expectHolds(const Text& t, const std::string& expected) {
  EXPECT_EQ(t.size(), expected.size());
  EXPECT_EQ(t.empty(), expected.empty());
  EXPECT_EQ(t.view(), expected);
  EXPECT_EQ(t.str(), expected);
  EXPECT_EQ(t.c_str()[t.size()], '\0') << "always NUL-terminated";
  EXPECT_EQ(std::string(t.begin(), t.end()), expected);
}

TEST(Text, HoldsEveryLengthExactlyOnBothSidesOfTheInlineLimit) {
  static_assert(sizeof(Text) == 16);
  static_assert(sizeof(Value) == 24);
  expectHolds(Text(), "");
  for (const std::string& s : samples()) {
    SCOPED_TRACE(s.size());
    expectHolds(Text(s), s);
    expectHolds(Text(std::string_view(s)), s);
  }
  expectHolds(Text("plain"), "plain");
  const std::string fifteen(Text::kInlineBytes, 'x');
  EXPECT_EQ(std::strlen(Text(fifteen).c_str()), 15U) << "the last inline byte is the terminator";
}

TEST(Text, CopiesMovesAndSwapsKeepBothTexts) {
  const auto all = samples();
  for (const std::string& a : all) {
    for (const std::string& b : {all.front(), all[7], all[15], all[16], all.back(), all[40]}) {
      SCOPED_TRACE(a.size() * 100 + b.size());
      Text x(a);
      Text y(b);
      Text copy(x);
      expectHolds(copy, a);
      expectHolds(x, a);
      copy = y;
      expectHolds(copy, b);
      expectHolds(y, b);
      Text moved(std::move(x));
      expectHolds(moved, a);
      EXPECT_TRUE(x.empty()) << "a moved-from text is empty";  // NOLINT(bugprone-use-after-move)
      x = std::move(y);
      expectHolds(x, b);
      moved.swap(x);
      expectHolds(moved, b);
      expectHolds(x, a);
      x = x;  // NOLINT(clang-diagnostic-self-assign-overloaded)
      expectHolds(x, a);
      x = std::move(x);  // NOLINT(clang-diagnostic-self-move)
      expectHolds(x, a);
      x = std::string_view(x.view()).substr(x.size() / 2);  // assigned a view of itself
      expectHolds(x, a.substr(a.size() / 2));
    }
  }
}

TEST(Text, ComparesAndHashesAsItsBytes) {
  const auto all = samples();
  for (const std::string& a : all) {
    for (const std::string& b : all) {
      const Text x(a);
      EXPECT_EQ(x == Text(b), a == b);
      EXPECT_EQ(x == b, a == b);
      EXPECT_EQ(x == std::string_view(b), a == b);
      EXPECT_EQ((x <=> Text(b)), (a <=> b));
      EXPECT_EQ(x < Text(b), a < b);
    }
    EXPECT_EQ(std::hash<Text>{}(Text(a)), std::hash<std::string_view>{}(a));
  }
  EXPECT_TRUE(Text("Q1") == "Q1");
  EXPECT_TRUE(Text("Q1") != "Q2");
  std::ostringstream out;
  out << Text("甘肃");
  EXPECT_EQ(out.str(), "甘肃");
}

TEST(Text, AValueBuiltFromAnyTextHoldsText) {
  const std::string s = "620100";
  EXPECT_TRUE(std::holds_alternative<Text>(Value(s)));
  EXPECT_TRUE(std::holds_alternative<Text>(Value(std::string_view(s))));
  EXPECT_TRUE(std::holds_alternative<Text>(Value("620100"))) << "a literal is text, not a bool";
  EXPECT_EQ(toString(Value(std::string(40, 'z'))), std::string(40, 'z'));
  Value v = std::string("a long enough text to live on the heap");
  Value w = v;
  v = std::int64_t{3};
  EXPECT_EQ(std::get<Text>(w), "a long enough text to live on the heap");
  EXPECT_EQ(v, Value(std::int64_t{3}));
}

}  // namespace
}  // namespace circatlas::core
