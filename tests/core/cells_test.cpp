// Cells: a row's optional texts in one block read back exactly as written, through every change.
#include "core/cells.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace circatlas::core {
namespace {

using Strings = std::vector<std::optional<std::string>>;

// What a row holds, as strings, for comparing against a reference.
Strings strings(const Cells& cells) {
  Strings out;
  for (const Cells::Cell c : cells) out.push_back(c ? std::optional<std::string>(*c) : std::nullopt);
  return out;
}

TEST(Cells, KeepsEmptyCellsApartFromEmptyTextAndReadsBackInOrder) {
  Cells c;
  EXPECT_TRUE(c.empty());
  c.push_back(std::string_view("a"));
  c.push_back(std::nullopt);
  c.push_back(std::string_view(""));
  c.push_back(std::string("甘肃省"));
  ASSERT_EQ(c.size(), 4U);
  const Cells& r = c;
  EXPECT_EQ(r[0], std::optional<std::string_view>("a"));
  EXPECT_FALSE(r[1].has_value());
  ASSERT_TRUE(r[2].has_value());
  EXPECT_TRUE(r[2]->empty());
  EXPECT_EQ(*r[3], "甘肃省");
  EXPECT_EQ(strings(c), (Strings{"a", std::nullopt, "", "甘肃省"}));
  EXPECT_THROW((void)r.at(4), std::out_of_range);
}

TEST(Cells, ReplacingACellKeepsTheOthersWhetherItGrowsShrinksOrEmpties) {
  Cells c = Strings{"lon", "103.8", std::nullopt, "source"};
  c[1] = std::string("103.8343210");
  EXPECT_EQ(strings(c), (Strings{"lon", "103.8343210", std::nullopt, "source"}));
  c[0] = "x";
  c[2] = "now set";
  c[3] = std::nullopt;
  EXPECT_EQ(strings(c), (Strings{"x", "103.8343210", "now set", std::nullopt}));
  // A cell given another cell of the same row (its text moves while it is copied).
  c[0] = c[2];
  c[2] = c[1];
  EXPECT_EQ(strings(c), (Strings{"now set", "103.8343210", "103.8343210", std::nullopt}));
  EXPECT_EQ(c[0], std::optional<std::string>("now set"));
  EXPECT_EQ(c[0].value_or("none"), "now set");
  EXPECT_EQ(c[3].value_or("none"), "none");
}

TEST(Cells, ResizeCutsOrAddsEmptyCellsAndCopiesAreIndependent) {
  Cells c = Strings{"a", "bb", "ccc"};
  c.resize(2);
  c.push_back(std::string_view("d"));
  EXPECT_EQ(strings(c), (Strings{"a", "bb", "d"}));
  c.resize(5);
  EXPECT_EQ(strings(c), (Strings{"a", "bb", "d", std::nullopt, std::nullopt}));
  Cells copy = c;
  copy[0] = "changed";
  EXPECT_EQ(*std::as_const(c)[0], "a");
  EXPECT_TRUE(copy != c);
  copy[0] = "a";
  EXPECT_TRUE(copy == c);
  Cells moved = std::move(copy);
  EXPECT_TRUE(moved == c);
  c.clear();
  EXPECT_TRUE(c.empty());
  c.shrink_to_fit();
  c.push_back(std::string_view("again"));
  EXPECT_EQ(strings(c), (Strings{"again"}));
}

// Random appends, replacements and cuts, each followed by a comparison with the same changes made
// to a vector of optional strings.
TEST(Cells, RandomChangesMatchAVectorOfOptionalStrings) {
  std::mt19937 random(2026);
  Cells cells;
  Strings reference;
  auto someText = [&]() -> std::optional<std::string> {
    const int kind = static_cast<int>(random() % 4);
    if (kind == 0) return std::nullopt;
    return std::string(random() % (kind == 3 ? 300 : 12), static_cast<char>('a' + random() % 26));
  };
  for (int step = 0; step < 5000; ++step) {
    const auto what = random() % 10;
    if (what < 5 || reference.empty()) {
      const auto t = someText();
      cells.push_back(t);
      reference.push_back(t);
    } else if (what < 9) {
      const std::size_t i = random() % reference.size();
      const auto t = someText();
      cells[i] = t;
      reference[i] = t;
    } else {
      const std::size_t n = random() % (reference.size() + 3);
      cells.resize(n);
      reference.resize(n);
    }
    ASSERT_EQ(strings(cells), reference) << "after step " << step;
  }
  cells.shrink_to_fit();
  EXPECT_EQ(strings(cells), reference);
}

}  // namespace
}  // namespace circatlas::core
