// SharedArray: a vector handed over without a copy, views kept alive by their keeper, copies that share.
#include "core/shared_array.h"

#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace circatlas::core {
namespace {

TEST(SharedArray, TakesAVectorsElementsWithoutCopyingThem) {
  std::vector<int> values = {3, 1, 4, 1, 5};
  const int* before = values.data();
  const SharedArray<int> array(std::move(values));
  EXPECT_EQ(array.data(), before);
  ASSERT_EQ(array.size(), 5U);
  EXPECT_EQ(array.front(), 3);
  EXPECT_EQ(array.back(), 5);
  EXPECT_EQ(array[2], 4);
  EXPECT_EQ(std::vector<int>(array.begin(), array.end()), (std::vector<int>{3, 1, 4, 1, 5}));
  EXPECT_TRUE(SharedArray<int>().empty());
}

TEST(SharedArray, CopiesShareTheElementsAndOutliveTheOriginal) {
  SharedArray<std::string> copy;
  {
    const SharedArray<std::string> original(std::vector<std::string>{"兰州", "酒泉"});
    copy = original;
    EXPECT_EQ(copy.data(), original.data());
  }
  ASSERT_EQ(copy.size(), 2U);
  EXPECT_EQ(copy[0], "兰州");
  EXPECT_EQ(copy.span()[1], "酒泉");
}

TEST(SharedArray, AViewKeepsItsKeeperAlive) {
  auto memory = std::make_shared<std::vector<double>>(std::vector<double>{0.5, 1.5, 2.5, 3.5});
  const std::weak_ptr<std::vector<double>> watch = memory;
  SharedArray<double> tail;
  {
    const SharedArray<double> view(std::span<const double>(*memory).subspan(1), memory);
    tail = view;
  }
  EXPECT_EQ(tail.size(), 3U);
  EXPECT_EQ(tail[0], 1.5);
  // Only the view holds it now: it goes with the last copy.
  memory.reset();
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(tail[2], 3.5);
  tail = SharedArray<double>();
  EXPECT_TRUE(watch.expired());
}

}  // namespace
}  // namespace circatlas::core
