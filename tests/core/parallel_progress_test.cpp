// ProgressSpan maps a stage into its share of a task; ParallelProgress counts items done across threads.
#include "core/parallel_progress.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/parallel.h"

namespace circatlas::core {
namespace {

class Recording final : public Progress {
 public:
  void report(double fraction, std::string_view stage) override {
    fractions.push_back(fraction);
    stages.emplace_back(stage);
  }
  [[nodiscard]] bool cancelled() const override { return cancel; }
  std::vector<double> fractions;
  std::vector<std::string> stages;
  bool cancel = false;
};

TEST(ProgressSpan, MapsItsFractionsIntoItsShareAndPassesCancellation) {
  Recording outer;
  ProgressSpan span(&outer, 0.2, 0.6);
  span.report(0.0, "a");
  span.report(0.5, "b");
  span.report(1.0, "c");
  ASSERT_EQ(outer.fractions.size(), 3u);
  EXPECT_DOUBLE_EQ(outer.fractions[0], 0.2);
  EXPECT_DOUBLE_EQ(outer.fractions[1], 0.4);
  EXPECT_DOUBLE_EQ(outer.fractions[2], 0.6);
  EXPECT_EQ(outer.stages[1], "b");
  EXPECT_FALSE(span.cancelled());
  outer.cancel = true;
  EXPECT_TRUE(span.cancelled());
  EXPECT_FALSE(ProgressSpan(nullptr, 0.0, 1.0).cancelled());
}

TEST(ParallelProgress, CountsItemsFromSeveralThreadsAndReportsAFewHundredTimesAtMost) {
  Recording outer;
  constexpr std::size_t kItems = 100000;
  ParallelProgress progress(&outer, kItems, "counting");
  parallelFor(kItems, 2, 100, [&](unsigned, std::size_t begin, std::size_t end) { progress.done(end - begin); });
  ASSERT_GE(outer.fractions.size(), 100u);
  EXPECT_LE(outer.fractions.size(), 202u);
  EXPECT_DOUBLE_EQ(outer.fractions.front(), 0.0);
  EXPECT_DOUBLE_EQ(outer.fractions.back(), 1.0) << "every item counted once";
  for (std::size_t i = 1; i < outer.fractions.size(); ++i) EXPECT_LE(outer.fractions[i - 1], outer.fractions[i]);
  EXPECT_EQ(outer.stages.back(), "counting");
}

// The parts that end a loop may finish short of the next 1/200 step: the last item is still reported, once.
TEST(ParallelProgress, TheLastItemIsAlwaysReportedAndOnlyOnce) {
  Recording outer;
  ParallelProgress progress(&outer, 1000, "counting");  // a report every 5 items
  progress.done(999);
  progress.done(1);
  progress.done(0);
  ASSERT_EQ(outer.fractions.size(), 3u);
  EXPECT_DOUBLE_EQ(outer.fractions[1], 0.999);
  EXPECT_DOUBLE_EQ(outer.fractions[2], 1.0);
}

TEST(ParallelProgress, ThrowsCancelledOnTheWorkersAndTheLoopCarriesItOut) {
  Recording outer;
  ParallelProgress progress(&outer, 1000, "counting");
  outer.cancel = true;
  EXPECT_THROW(
      parallelFor(1000, 2, 10, [&](unsigned, std::size_t begin, std::size_t end) { progress.done(end - begin); }),
      Cancelled);
  EXPECT_THROW(ParallelProgress(&outer, 10, "late"), Cancelled) << "a loop that starts cancelled does not start";
}

}  // namespace
}  // namespace circatlas::core
