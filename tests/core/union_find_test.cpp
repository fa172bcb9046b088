// UnionFind: sets join, the lowest index is always the root, joining twice reports nothing new.
#include "core/union_find.h"

#include <gtest/gtest.h>

namespace circatlas::core {
namespace {

TEST(UnionFind, EveryIndexStartsAlone) {
  UnionFind sets(4);
  EXPECT_EQ(sets.size(), 4U);
  for (std::uint32_t i = 0; i < 4; ++i) EXPECT_EQ(sets.find(i), i);
}

TEST(UnionFind, LowestIndexBecomesRootWhateverTheArgumentOrder) {
  UnionFind sets(6);
  EXPECT_TRUE(sets.unite(5, 3));
  EXPECT_TRUE(sets.unite(4, 5));
  EXPECT_EQ(sets.find(5), 3U);
  EXPECT_EQ(sets.find(4), 3U);
  EXPECT_TRUE(sets.unite(3, 1));
  for (std::uint32_t i : {1U, 3U, 4U, 5U}) EXPECT_EQ(sets.find(i), 1U);
  EXPECT_EQ(sets.find(0), 0U);
  EXPECT_EQ(sets.find(2), 2U);
}

TEST(UnionFind, JoiningOneSetTwiceReportsNothingNew) {
  UnionFind sets(3);
  EXPECT_TRUE(sets.unite(0, 2));
  EXPECT_FALSE(sets.unite(2, 0));
  EXPECT_FALSE(sets.unite(0, 0));
}

TEST(UnionFind, LongChainFlattensToOneRoot) {
  constexpr std::uint32_t kCount = 10000;
  UnionFind sets(kCount);
  for (std::uint32_t i = kCount - 1; i > 0; --i) sets.unite(i, i - 1);
  for (std::uint32_t i = 0; i < kCount; ++i) ASSERT_EQ(sets.find(i), 0U);
}

}  // namespace
}  // namespace circatlas::core
