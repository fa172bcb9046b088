// The network cache file: a network and its hierarchy written and read back are the very graph, labels and report,
// and route exactly as the ones built; a file of another source or metric, another format, a damaged or foreign
// file is refused with the reason, never searched. The source key follows the files' content and how they are read.
#include "tools/network_cache.h"

#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <span>
#include <vector>

#include "analysis/network/distance_matrix.h"
#include "analysis/network/reference_graphs.h"
#include "core/error.h"
#include "test_support.h"
#include "tools/network_report_json.h"

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

// A network around a graph, with a label and mode per edge and a report that uses every kind of field.
RoadNetwork networkAround(net::RoadGraph graph) {
  RoadNetwork::Parts parts;
  const std::uint32_t edges = graph.edgeCount();
  parts.graph = std::move(graph);
  parts.labels = {"G30", "S38 连霍", "trunk", ""};
  for (std::uint32_t e = 0; e < edges; ++e) {
    parts.edgeLabels.push_back(e % 4);
    parts.edgeModes.push_back(e % 5 == 0 ? TravelMode::Rail : TravelMode::Road);
  }
  parts.parameters = "snap_m=1 modes=road,rail";
  NetworkReport& r = parts.report;
  r.flavour = "line layer";
  r.featuresRead = 12;
  r.featuresUsed = 11;
  r.skippedEmpty = 1;
  r.totalLengthMeters = 1234.5678901234567;
  r.build.arcsKept = 99;
  r.nodes = parts.graph.nodeCount();
  r.arcs = parts.graph.arcCount();
  r.components = {{5, 4, 0.1 + 0.2, {103.25, 36.0625}, {1, 2, -7}}, {1, 0, 0, {}, {}}};
  r.strongComponents = 3;
  return RoadNetwork::fromParts(std::move(parts));
}

template <typename T>
bool sameArray(std::span<const T> a, std::span<const T> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

void expectSameNetwork(const RoadNetwork& a, const RoadNetwork& b) {
  const net::RoadGraph::View x = a.graph().view();
  const net::RoadGraph::View y = b.graph().view();
  EXPECT_TRUE(sameArray(x.positions, y.positions));
  EXPECT_TRUE(sameArray(x.firstOut, y.firstOut));
  EXPECT_TRUE(sameArray(x.tails, y.tails));
  EXPECT_TRUE(sameArray(x.heads, y.heads));
  EXPECT_TRUE(std::equal(x.totals.begin(), x.totals.end(), y.totals.begin(), y.totals.end(),
                         [](const net::Totals& p, const net::Totals& q) {
                           return p.length == q.length && p.time == q.time && p.cost == q.cost;
                         }));
  EXPECT_TRUE(sameArray(x.edges, y.edges));
  EXPECT_TRUE(sameArray(x.firstIn, y.firstIn));
  EXPECT_TRUE(sameArray(x.inArcs, y.inArcs));
  EXPECT_TRUE(sameArray(x.edgeHasSource, y.edgeHasSource));
  EXPECT_TRUE(sameArray(x.edgeSources, y.edgeSources));
  EXPECT_TRUE(sameArray(a.labels(), b.labels()));
  EXPECT_TRUE(sameArray(a.edgeLabelIndices(), b.edgeLabelIndices()));
  EXPECT_TRUE(sameArray(a.edgeModes(), b.edgeModes()));
  EXPECT_EQ(a.parameters(), b.parameters());
  EXPECT_EQ(reportToJson(a.report()), reportToJson(b.report()));
}

constexpr std::uint64_t kKey = 0x1234abcd5678ef90;

TEST(NetworkCache, ANetworkAndItsHierarchyReadBackAreTheOnesBuilt) {
  test::TempDir dir;
  const RoadNetwork network = networkAround(test::RandomNetwork::make(400, 11).build());
  for (const net::Metric metric : {net::Metric::Length, net::Metric::Time, net::Metric::Cost}) {
    SCOPED_TRACE(std::string(net::toString(metric)));
    for (const double coreDegree : {0.0, 6.0}) {
      net::ContractionOptions options;
      options.coreDegree = coreDegree;
      const auto built = net::ContractionHierarchy::build(network.graph(), metric, options);
      const auto path = dir / "net.cache";
      const std::uint64_t bytes = writeNetworkCache(network, built, kKey, path);
      EXPECT_EQ(bytes, std::filesystem::file_size(path));
      CacheRead read = readNetworkCache(path.string(), kKey, metric);
      ASSERT_EQ(read.fit, CacheFit::Fits) << read.why;
      ASSERT_TRUE(read.network && read.hierarchy);
      expectSameNetwork(network, *read.network);
      EXPECT_EQ(&read.hierarchy->graph(), &read.network->graph());
      EXPECT_EQ(read.hierarchy->coreSize(), built.coreSize());
      EXPECT_EQ(read.hierarchy->shortcutCount(), built.shortcutCount());
      expectSameMatrix(built, *read.hierarchy);
      // Moved, the network keeps its graph where the hierarchy looks for it; written again: the very same bytes.
      const RoadNetwork moved = std::move(*read.network);
      expectSameMatrix(built, *read.hierarchy);
      (void)writeNetworkCache(moved, *read.hierarchy, kKey, dir / "again.cache");
      EXPECT_EQ(bytesOf(path), bytesOf(dir / "again.cache"));
      // The graph and hierarchy read point into the mapped file. Written over while in use (as --overwrite
      // does, beside it and renamed): what was read stays as it was.
      (void)writeNetworkCache(network, net::ContractionHierarchy::build(network.graph(), metric), kKey + 1, path);
      expectSameMatrix(built, *read.hierarchy);
      expectSameNetwork(network, moved);
    }
  }
  // Nothing staged is left beside the files.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 2);
}

TEST(NetworkCache, AFileThatCannotBeMappedIsReadInstead) {
  test::TempDir dir;
  const RoadNetwork network = networkAround(test::RandomNetwork::make(200, 5).build());
  const auto built = net::ContractionHierarchy::build(network.graph(), net::Metric::Time);
  (void)writeNetworkCache(network, built, kKey, dir / "net.cache");
  const std::vector<char> bytes = bytesOf(dir / "net.cache");
  const std::string inMemory = "/vsimem/network_cache_test.cache";
  VSILFILE* f = VSIFOpenL(inMemory.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(VSIFWriteL(bytes.data(), 1, bytes.size(), f), bytes.size());
  VSIFCloseL(f);
  const CacheRead read = readNetworkCache(inMemory, kKey, net::Metric::Time);
  VSIUnlink(inMemory.c_str());
  ASSERT_EQ(read.fit, CacheFit::Fits) << read.why;
  expectSameNetwork(network, *read.network);
  expectSameMatrix(built, *read.hierarchy);
}

TEST(NetworkCache, AnotherMetricOrSourceIsRefusedWithTheReason) {
  test::TempDir dir;
  const RoadNetwork network = networkAround(test::RandomNetwork::make(200, 3).build());
  (void)writeNetworkCache(network, net::ContractionHierarchy::build(network.graph(), net::Metric::Time), kKey,
                          dir / "t.cache");
  CacheRead read = readNetworkCache((dir / "t.cache").string(), kKey, net::Metric::Length);
  EXPECT_EQ(read.fit, CacheFit::OtherMetric);
  EXPECT_EQ(read.why, "a network cache for routes by time, not by length");
  EXPECT_FALSE(read.network || read.hierarchy);

  read = readNetworkCache((dir / "t.cache").string(), kKey + 1, net::Metric::Time);
  EXPECT_EQ(read.fit, CacheFit::OtherNetwork);
  EXPECT_NE(read.why.find("another road network"), std::string::npos) << read.why;
  EXPECT_NE(read.why.find("--join-tolerance"), std::string::npos) << read.why;
  EXPECT_FALSE(read.network || read.hierarchy);
}

TEST(NetworkCache, TheSourceKeyFollowsTheFilesContentAndHowTheyAreRead) {
  test::TempDir dir;
  const std::string roads = "WKT,class\n\"LINESTRING (103 36,103.1 36)\",trunk\n";
  const auto csv = test::writeFile(dir / "roads.csv", roads);
  const auto key = networkSourceKey(csv.string(), "snap=1");
  ASSERT_TRUE(key);
  EXPECT_EQ(networkSourceKey(csv.string(), "snap=1"), key);
  EXPECT_NE(networkSourceKey(csv.string(), "snap=2"), key);
  // A copy under another name is the same network; one changed byte is another.
  const auto copy = test::writeFile(dir / "copy.csv", roads);
  EXPECT_EQ(networkSourceKey(copy.string(), "snap=1"), key);
  (void)test::writeFile(dir / "copy.csv", "WKT,class\n\"LINESTRING (103 36,103.2 36)\",trunk\n");
  EXPECT_NE(networkSourceKey(copy.string(), "snap=1"), key);
  // A side file GDAL reads with it (here the column types of a CSV) is part of the source.
  (void)test::writeFile(dir / "roads.csvt", "WKT,String\n");
  const auto typed = networkSourceKey(csv.string(), "snap=1");
  EXPECT_NE(typed, key);
  (void)test::writeFile(dir / "roads.csvt", "WKT,Integer\n");
  EXPECT_NE(networkSourceKey(csv.string(), "snap=1"), typed);
}

TEST(NetworkCache, DamagedOrForeignFilesAreRefusedNeverSearched) {
  test::TempDir dir;
  const RoadNetwork network = networkAround(test::RandomNetwork::make(300, 9).build());
  const auto good = dir / "good.cache";
  (void)writeNetworkCache(network, net::ContractionHierarchy::build(network.graph(), net::Metric::Time), kKey, good);
  const std::vector<char> bytes = bytesOf(good);
  const auto bad = dir / "bad.cache";
  const auto fitOf = [&](const std::vector<char>& content) {
    writeBytes(bad, content);
    return readNetworkCache(bad.string(), kKey, net::Metric::Time);
  };

  EXPECT_EQ(fitOf({}).fit, CacheFit::NotACache);
  EXPECT_EQ(fitOf({'i', 'd', ',', 'n', 'a', 'm', 'e', '\n'}).fit, CacheFit::NotACache);
  std::vector<char> text(bytes.size(), 'x');
  EXPECT_EQ(fitOf(text).fit, CacheFit::NotACache);

  for (const char version : {1, 2, 4}) {  // the format number follows the 16-byte magic; format 1 had no network
    std::vector<char> format = bytes;
    format[16] = version;
    EXPECT_EQ(fitOf(format).fit, CacheFit::OtherVersion);
  }

  // Cut short anywhere (in the header too), or one byte longer: refused as damaged.
  constexpr std::size_t kHeader = 104;
  for (const std::size_t keep : {std::size_t{30}, kHeader, bytes.size() / 2, bytes.size() - 1}) {
    const CacheRead read = fitOf(std::vector<char>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(keep)));
    EXPECT_EQ(read.fit, CacheFit::Damaged) << keep;
    EXPECT_NE(read.why.find("damaged"), std::string::npos) << read.why;
  }
  std::vector<char> longer = bytes;
  longer.push_back(0);
  EXPECT_EQ(fitOf(longer).fit, CacheFit::Damaged);
  // One bit flipped anywhere in the arrays or the checksum: the checksum catches it.
  for (std::size_t at = kHeader; at < bytes.size(); at += bytes.size() / 37) {
    std::vector<char> flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
    EXPECT_EQ(fitOf(flipped).fit, CacheFit::Damaged) << at;
  }
  EXPECT_EQ(readNetworkCache(good.string(), kKey, net::Metric::Time).fit, CacheFit::Fits);
}

TEST(NetworkCache, AMissingFileIsAnIoErrorNamingIt) {
  try {
    (void)readNetworkCache("/nonexistent/net.cache", kKey, net::Metric::Time);
    FAIL() << "no error";
  } catch (const core::IoError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/net.cache"), std::string::npos) << e.what();
  }
}

TEST(NetworkReportJson, EveryFieldRoundTrips) {
  const RoadNetwork network = networkAround(test::RandomNetwork::make(30, 2).build());
  const std::string text = reportToJson(network.report());
  EXPECT_EQ(reportToJson(reportFromJson(text)), text);
  EXPECT_EQ(reportFromJson(text).components[0].lengthMeters, 0.1 + 0.2);
  EXPECT_THROW((void)reportFromJson("{\"flavour\": 3}"), core::InputError);
  EXPECT_THROW((void)reportFromJson("not json"), core::InputError);
}

// A graph's arrays as vectors, to be altered, and as the shared arrays fromData takes.
using GraphVectors = net::RoadGraph::Arrays<net::RoadGraph::Vector>;
net::RoadGraph::Data shared(GraphVectors v) {
  return {std::move(v.positions),     std::move(v.firstOut),   std::move(v.tails),   std::move(v.heads),
          std::move(v.totals),        std::move(v.edges),      std::move(v.firstIn), std::move(v.inArcs),
          std::move(v.edgeHasSource), std::move(v.edgeSources)};
}

// A graph's arrays out and back in: the same graph; arrays that do not fit together are refused.
TEST(RoadGraphData, InconsistentArraysAreRefused) {
  const net::RoadGraph graph = test::RandomNetwork::make(200, 4).build();
  const auto dataOf = [&] {
    const net::RoadGraph::View v = graph.view();
    GraphVectors d;
    d.positions.assign(v.positions.begin(), v.positions.end());
    d.firstOut.assign(v.firstOut.begin(), v.firstOut.end());
    d.tails.assign(v.tails.begin(), v.tails.end());
    d.heads.assign(v.heads.begin(), v.heads.end());
    d.totals.assign(v.totals.begin(), v.totals.end());
    d.edges.assign(v.edges.begin(), v.edges.end());
    d.firstIn.assign(v.firstIn.begin(), v.firstIn.end());
    d.inArcs.assign(v.inArcs.begin(), v.inArcs.end());
    d.edgeHasSource.assign(v.edgeHasSource.begin(), v.edgeHasSource.end());
    d.edgeSources.assign(v.edgeSources.begin(), v.edgeSources.end());
    return d;
  };
  const auto refusal = [&](GraphVectors d) -> std::string {
    try {
      (void)net::RoadGraph::fromData(shared(std::move(d)));
    } catch (const core::InputError& e) {
      return e.what();
    }
    return {};
  };
  EXPECT_EQ(refusal(dataOf()), "");
  const net::RoadGraph copy = net::RoadGraph::fromData(shared(dataOf()));
  EXPECT_TRUE(sameArray(copy.view().heads, graph.view().heads));
  EXPECT_TRUE(sameArray(copy.view().inArcs, graph.view().inArcs));

  auto d = dataOf();
  d.tails.pop_back();
  EXPECT_NE(refusal(std::move(d)).find("differ in size"), std::string::npos);
  d = dataOf();
  d.firstOut[3] = d.firstOut[4] + 1;
  EXPECT_NE(refusal(std::move(d)).find("offsets fall"), std::string::npos);
  d = dataOf();
  d.tails[0] = d.tails[0] + 1;
  EXPECT_NE(refusal(std::move(d)).find("leaves another node"), std::string::npos);
  d = dataOf();
  d.heads[0] = graph.nodeCount();
  EXPECT_NE(refusal(std::move(d)).find("leads to no other node"), std::string::npos);
  d = dataOf();
  d.heads[0] = d.tails[0];
  EXPECT_NE(refusal(std::move(d)).find("leads to no other node"), std::string::npos);
  d = dataOf();
  d.edges[0] = static_cast<std::uint32_t>(d.edgeSources.size());
  EXPECT_NE(refusal(std::move(d)).find("edge the graph does not have"), std::string::npos);
  d = dataOf();
  d.totals[2].time = net::Seconds(-1.0);
  EXPECT_NE(refusal(std::move(d)).find("negative"), std::string::npos);
  d = dataOf();
  d.positions[1].x = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(refusal(std::move(d)).find("no finite position"), std::string::npos);
  d = dataOf();
  std::swap(d.inArcs[0], d.inArcs[d.inArcs.size() - 1]);
  EXPECT_NE(refusal(std::move(d)).find("in-arcs"), std::string::npos);
  d = dataOf();
  d.inArcs[1] = d.inArcs[0];
  EXPECT_NE(refusal(std::move(d)).find("in-arcs"), std::string::npos);
  d = dataOf();
  d.edgeHasSource.pop_back();
  EXPECT_NE(refusal(std::move(d)).find("edge arrays differ"), std::string::npos);
  d = dataOf();
  d.edgeHasSource[0] = 2;
  EXPECT_NE(refusal(std::move(d)).find("source feature"), std::string::npos);
}

// A hierarchy's arrays as vectors, to be altered.
struct HierarchyVectors {
  std::uint32_t coreBegin = 0;
  std::uint64_t shortcuts = 0;
  std::vector<std::uint32_t> rank;
  std::vector<std::uint32_t> forwardBegin;
  std::vector<net::ChArc> forward;
  std::vector<std::uint32_t> backwardBegin;
  std::vector<net::ChArc> backward;
};

// The checks behind the checksum: arrays that do not fit together or do not fit the graph are refused.
TEST(ContractionHierarchyData, InconsistentArraysAreRefused) {
  const net::RoadGraph graph = test::RandomNetwork::make(300, 21).build();
  const auto built = net::ContractionHierarchy::build(graph, net::Metric::Length);
  const auto dataOf = [&] {
    HierarchyVectors d;
    d.coreBegin = graph.nodeCount() - built.coreSize();
    d.shortcuts = built.shortcutCount();
    d.rank.assign(built.ranks().begin(), built.ranks().end());
    d.forwardBegin.assign(built.forwardOffsets().begin(), built.forwardOffsets().end());
    d.backwardBegin.assign(built.backwardOffsets().begin(), built.backwardOffsets().end());
    d.forward.assign(built.forwardArcs().begin(), built.forwardArcs().end());
    d.backward.assign(built.backwardArcs().begin(), built.backwardArcs().end());
    return d;
  };
  const auto refusal = [&](HierarchyVectors d) -> std::string {
    try {
      (void)net::ContractionHierarchy::fromData(
          graph, net::Metric::Length,
          {d.coreBegin, d.shortcuts, std::move(d.rank), std::move(d.forwardBegin), std::move(d.forward),
           std::move(d.backwardBegin), std::move(d.backward)});
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
