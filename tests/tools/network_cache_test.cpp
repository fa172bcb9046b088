// The network cache file: a hierarchy written and read back routes exactly as the one built; a file of another
// network or metric, another format, a damaged or foreign file is refused with the reason, never searched.
#include "tools/network_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "analysis/network/distance_matrix.h"
#include "analysis/network/reference_graphs.h"
#include "core/error.h"
#include "test_support.h"

namespace circatlas::tools {
namespace {

namespace net = analysis::network;

std::vector<net::NodeId> everyNthNode(const net::RoadGraph& graph, std::uint32_t step) {
  std::vector<net::NodeId> nodes;
  for (std::uint32_t v = 0; v < graph.nodeCount(); v += step) nodes.emplace_back(v);
  return nodes;
}

// Every pair's totals, bit for bit, and the same pairs unreachable.
void expectSameMatrix(const net::ContractionHierarchy& a, const net::ContractionHierarchy& b) {
  const auto nodes = everyNthNode(a.graph(), 7);
  const auto ma = net::computeDistanceMatrix(a, nodes, nodes, 1);
  const auto mb = net::computeDistanceMatrix(b, nodes, nodes, 1);
  for (std::size_t r = 0; r < nodes.size(); ++r) {
    for (std::size_t c = 0; c < nodes.size(); ++c) {
      const auto x = ma.at(r, c);
      const auto y = mb.at(r, c);
      ASSERT_EQ(x.has_value(), y.has_value()) << r << " → " << c;
      if (x) {
        EXPECT_TRUE(*x == *y) << r << " → " << c;
      }
    }
  }
}

std::vector<char> bytesOf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& path, const std::vector<char>& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(NetworkCache, AHierarchyReadBackRoutesExactlyAsTheOneBuilt) {
  test::TempDir dir;
  const auto network = test::RandomNetwork::make(400, 11);
  const net::RoadGraph graph = network.build();
  for (const net::Metric metric : {net::Metric::Length, net::Metric::Time, net::Metric::Cost}) {
    SCOPED_TRACE(std::string(net::toString(metric)));
    for (const double coreDegree : {0.0, 6.0}) {
      net::ContractionOptions options;
      options.coreDegree = coreDegree;
      const auto built = net::ContractionHierarchy::build(graph, metric, options);
      const auto path = dir / "net.cache";
      const std::uint64_t bytes = writeNetworkCache(built, path);
      EXPECT_EQ(bytes, std::filesystem::file_size(path));
      CacheRead read = readNetworkCache(path.string(), graph, metric);
      ASSERT_EQ(read.fit, CacheFit::Fits) << read.why;
      ASSERT_TRUE(read.hierarchy);
      EXPECT_EQ(read.hierarchy->coreSize(), built.coreSize());
      EXPECT_EQ(read.hierarchy->shortcutCount(), built.shortcutCount());
      expectSameMatrix(built, *read.hierarchy);
      // Written again from what was read: the very same bytes.
      (void)writeNetworkCache(*read.hierarchy, dir / "again.cache");
      EXPECT_EQ(bytesOf(path), bytesOf(dir / "again.cache"));
    }
  }
  // Nothing staged is left beside the files.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 2);
}

TEST(NetworkCache, AnotherMetricIsRefusedWithTheReason) {
  test::TempDir dir;
  const net::RoadGraph graph = test::RandomNetwork::make(200, 3).build();
  (void)writeNetworkCache(net::ContractionHierarchy::build(graph, net::Metric::Time), dir / "t.cache");
  const CacheRead read = readNetworkCache((dir / "t.cache").string(), graph, net::Metric::Length);
  EXPECT_EQ(read.fit, CacheFit::OtherMetric);
  EXPECT_EQ(read.why, "a network cache for routes by time, not by length");
  EXPECT_FALSE(read.hierarchy);
}

TEST(NetworkCache, AnotherNetworkIsRefusedEvenOfTheSameSize) {
  test::TempDir dir;
  auto network = test::RandomNetwork::make(200, 5);
  const net::RoadGraph graph = network.build();
  (void)writeNetworkCache(net::ContractionHierarchy::build(graph, net::Metric::Length), dir / "n.cache");

  // Every road a metre longer: same nodes and arcs, other figures.
  for (auto& edge : network.edges) edge.length = edge.length + net::Meters(1.0);
  const net::RoadGraph longer = network.build();
  ASSERT_EQ(longer.arcCount(), graph.arcCount());
  EXPECT_NE(networkFingerprint(longer), networkFingerprint(graph));
  CacheRead read = readNetworkCache((dir / "n.cache").string(), longer, net::Metric::Length);
  EXPECT_EQ(read.fit, CacheFit::OtherNetwork);
  EXPECT_NE(read.why.find("same size"), std::string::npos) << read.why;

  const net::RoadGraph other = test::RandomNetwork::make(150, 5).build();
  read = readNetworkCache((dir / "n.cache").string(), other, net::Metric::Length);
  EXPECT_EQ(read.fit, CacheFit::OtherNetwork);
  EXPECT_NE(read.why.find("200 nodes"), std::string::npos) << read.why;
  EXPECT_NE(read.why.find("this one has 150 nodes"), std::string::npos) << read.why;
}

TEST(NetworkCache, DamagedOrForeignFilesAreRefusedNeverSearched) {
  test::TempDir dir;
  const net::RoadGraph graph = test::RandomNetwork::make(300, 9).build();
  const auto good = dir / "good.cache";
  (void)writeNetworkCache(net::ContractionHierarchy::build(graph, net::Metric::Time), good);
  const std::vector<char> bytes = bytesOf(good);
  const auto bad = dir / "bad.cache";
  const auto fitOf = [&](const std::vector<char>& content) {
    writeBytes(bad, content);
    return readNetworkCache(bad.string(), graph, net::Metric::Time);
  };

  EXPECT_EQ(fitOf({}).fit, CacheFit::NotACache);
  EXPECT_EQ(fitOf({'i', 'd', ',', 'n', 'a', 'm', 'e', '\n'}).fit, CacheFit::NotACache);
  std::vector<char> text(bytes.size(), 'x');
  EXPECT_EQ(fitOf(text).fit, CacheFit::NotACache);

  std::vector<char> format = bytes;
  format[16] = 2;  // the format number follows the 16-byte magic
  EXPECT_EQ(fitOf(format).fit, CacheFit::OtherVersion);

  // Cut short anywhere after the header, or one byte longer: the size no longer matches the header.
  for (const std::size_t keep : {std::size_t{72}, bytes.size() / 2, bytes.size() - 1}) {
    const CacheRead read = fitOf(std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(keep)));
    EXPECT_EQ(read.fit, CacheFit::Damaged) << keep;
    EXPECT_NE(read.why.find("damaged"), std::string::npos) << read.why;
  }
  // One bit flipped anywhere in the arrays or the checksum: the checksum catches it.
  for (std::size_t at = 72; at < bytes.size(); at += bytes.size() / 37) {
    std::vector<char> flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
    EXPECT_EQ(fitOf(flipped).fit, CacheFit::Damaged) << at;
  }
  EXPECT_EQ(readNetworkCache(good.string(), graph, net::Metric::Time).fit, CacheFit::Fits);
}

TEST(NetworkCache, AMissingFileIsAnIoErrorNamingIt) {
  const net::RoadGraph graph = test::RandomNetwork::make(20, 1).build();
  try {
    (void)readNetworkCache("/nonexistent/net.cache", graph, net::Metric::Time);
    FAIL() << "no error";
  } catch (const core::IoError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/net.cache"), std::string::npos) << e.what();
  }
}

// The checks behind the checksum: arrays that do not fit together or do not fit the graph are refused.
TEST(ContractionHierarchyData, InconsistentArraysAreRefused) {
  const net::RoadGraph graph = test::RandomNetwork::make(300, 21).build();
  const auto built = net::ContractionHierarchy::build(graph, net::Metric::Length);
  const auto dataOf = [&] {
    net::ContractionHierarchy::Data d;
    d.coreBegin = graph.nodeCount() - built.coreSize();
    d.shortcuts = built.shortcutCount();
    d.rank.assign(built.ranks().begin(), built.ranks().end());
    d.forwardBegin.assign(built.forwardOffsets().begin(), built.forwardOffsets().end());
    d.backwardBegin.assign(built.backwardOffsets().begin(), built.backwardOffsets().end());
    d.forward.assign(built.forwardArcs().begin(), built.forwardArcs().end());
    d.backward.assign(built.backwardArcs().begin(), built.backwardArcs().end());
    return d;
  };
  const auto refusal = [&](net::ContractionHierarchy::Data d) -> std::string {
    try {
      (void)net::ContractionHierarchy::fromData(graph, net::Metric::Length, std::move(d));
    } catch (const core::InputError& e) {
      return e.what();
    }
    return {};
  };
  EXPECT_EQ(refusal(dataOf()), "");
  ASSERT_GT(built.shortcutCount(), 0U);

  auto d = dataOf();
  d.rank[1] = d.rank[0];
  EXPECT_NE(refusal(std::move(d)).find("not one rank per node"), std::string::npos);

  d = dataOf();
  d.forward.front().other = graph.nodeCount();
  EXPECT_NE(refusal(std::move(d)).find("leads to no node"), std::string::npos);

  d = dataOf();
  d.forwardBegin[5] = d.forwardBegin[6] + 1;
  EXPECT_NE(refusal(std::move(d)).find("offsets decrease"), std::string::npos);

  d = dataOf();
  d.rank.pop_back();
  EXPECT_NE(refusal(std::move(d)).find("ranked nodes"), std::string::npos);

  // An original arc made heavier than the road, and a shortcut pointing at the wrong halves.
  d = dataOf();
  for (auto& arc : d.forward) {
    if (!arc.isShortcut()) {
      arc.weight += 1.0;
      break;
    }
  }
  EXPECT_NE(refusal(std::move(d)).find("other figures"), std::string::npos);
  d = dataOf();
  for (auto& arc : d.backward) {
    if (arc.isShortcut()) {
      arc.second = arc.second == 0 ? 1 : 0;
      break;
    }
  }
  EXPECT_NE(refusal(std::move(d)).find("halves"), std::string::npos);
}

}  // namespace
}  // namespace circatlas::tools
