// The network cache file: a fixed header (format, metric, source key, array sizes), then the graph's arrays, the
// network's labels, modes and report, and the hierarchy's arrays, as little-endian records, and an XXH3-64 of
// everything before it.
#include "tools/network_cache.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.h"
#include "io/binary_file.h"
#include "io/dataset_info.h"
#include "tools/network_report_json.h"

namespace circatlas::tools {
namespace {

namespace net = analysis::network;

static_assert(std::endian::native == std::endian::little,
              "the network cache is written in the machine's byte order, which must be little-endian");
// Arrays written as they lie in memory: no padding, no pointers.
static_assert(sizeof(core::XY) == 16 && std::is_trivially_copyable_v<core::XY>);
static_assert(sizeof(net::Totals) == 24 && std::is_trivially_copyable_v<net::Totals>);
static_assert(sizeof(net::ArcId) == 4 && std::is_trivially_copyable_v<net::ArcId>);
static_assert(sizeof(TravelMode) == 1);

constexpr std::array<char, 16> kMagic = {'c', 'i', 'r', 'c', 'a', 't', 'l', 'a',
                                         's', ' ', 'c', 'a', 'c', 'h', 'e', '\n'};
// 1: the hierarchy alone, checked against a graph built from the network file every run. 2: the graph and the
// network with it, keyed by the source files' content.
constexpr std::uint32_t kFormat = 2;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kArcBytes = 3 * 4 + 4 * 8;  // other, first, second; weight, length, time, cost
constexpr std::size_t kChunk = std::size_t{1} << 20;

struct Header {
  std::array<char, 16> magic = kMagic;
  std::uint32_t format = kFormat;
  std::uint32_t byteOrder = kByteOrder;
  std::uint32_t metric = 0;
  std::uint32_t coreBegin = 0;
  std::uint64_t sourceKey = 0;
  std::uint32_t nodes = 0;
  std::uint32_t arcs = 0;
  std::uint32_t edges = 0;
  std::uint32_t labels = 0;
  std::uint64_t labelBytes = 0;
  std::uint64_t parameterBytes = 0;
  std::uint64_t reportBytes = 0;
  std::uint64_t shortcuts = 0;
  std::uint64_t forwardArcs = 0;
  std::uint64_t backwardArcs = 0;

  // Everything after the header, the checksum included.
  [[nodiscard]] std::uint64_t bodyBytes() const noexcept {
    const std::uint64_t n = nodes;
    const std::uint64_t a = arcs;
    const std::uint64_t e = edges;
    const std::uint64_t graph = 16 * n + 4 * (n + 1) + (4 + 4 + 24 + 4) * a + 4 * (n + 1) + 4 * a + (1 + 8) * e;
    const std::uint64_t network = 4 * std::uint64_t{labels} + labelBytes + (4 + 1) * e + parameterBytes + reportBytes;
    const std::uint64_t hierarchy = 4 * n + 8 * (n + 1) + kArcBytes * (forwardArcs + backwardArcs);
    return graph + network + hierarchy + 8;
  }
};
constexpr std::size_t kHeaderBytes = 16 + 4 * 4 + 8 + 4 * 4 + 6 * 8;

// Appends plain values to a buffer.
class Encoder {
 public:
  template <typename T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  void put(const net::ChArc& arc) {
    put(arc.other);
    put(arc.first);
    put(arc.second);
    put(arc.weight);
    put(arc.totals.length.value());
    put(arc.totals.time.value());
    put(arc.totals.cost.value());
  }
  [[nodiscard]] std::vector<std::byte>& bytes() noexcept { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

// Reads plain values from a buffer.
class Decoder {
 public:
  explicit Decoder(std::span<const std::byte> bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  net::ChArc arc() {
    net::ChArc a;
    a.other = get<std::uint32_t>();
    a.first = get<std::uint32_t>();
    a.second = get<std::uint32_t>();
    a.weight = get<double>();
    a.totals.length = net::Meters(get<double>());
    a.totals.time = net::Seconds(get<double>());
    a.totals.cost = net::YuanPerTonne(get<double>());
    return a;
  }

 private:
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

std::vector<std::byte> encode(const Header& h) {
  Encoder e;
  e.put(h.magic);
  for (std::uint32_t v : {h.format, h.byteOrder, h.metric, h.coreBegin}) e.put(v);
  e.put(h.sourceKey);
  for (std::uint32_t v : {h.nodes, h.arcs, h.edges, h.labels}) e.put(v);
  for (std::uint64_t v : {h.labelBytes, h.parameterBytes, h.reportBytes, h.shortcuts, h.forwardArcs, h.backwardArcs}) {
    e.put(v);
  }
  return std::move(e.bytes());
}

Header decode(std::span<const std::byte> bytes) {
  Decoder d(bytes);
  Header h;
  h.magic = d.get<std::array<char, 16>>();
  h.format = d.get<std::uint32_t>();
  h.byteOrder = d.get<std::uint32_t>();
  h.metric = d.get<std::uint32_t>();
  h.coreBegin = d.get<std::uint32_t>();
  h.sourceKey = d.get<std::uint64_t>();
  h.nodes = d.get<std::uint32_t>();
  h.arcs = d.get<std::uint32_t>();
  h.edges = d.get<std::uint32_t>();
  h.labels = d.get<std::uint32_t>();
  h.labelBytes = d.get<std::uint64_t>();
  h.parameterBytes = d.get<std::uint64_t>();
  h.reportBytes = d.get<std::uint64_t>();
  h.shortcuts = d.get<std::uint64_t>();
  h.forwardArcs = d.get<std::uint64_t>();
  h.backwardArcs = d.get<std::uint64_t>();
  return h;
}

// XXH3-64 over everything fed to it.
class Hasher {
 public:
  Hasher() : state_(XXH3_createState(), &XXH3_freeState) {
    if (!state_) throw std::bad_alloc();
    XXH3_64bits_reset(state_.get());
  }
  void add(std::span<const std::byte> bytes) { XXH3_64bits_update(state_.get(), bytes.data(), bytes.size()); }
  template <typename T>
  void addValue(const T& value) {
    add(std::as_bytes(std::span(&value, 1)));
  }
  [[nodiscard]] std::uint64_t digest() const { return XXH3_64bits_digest(state_.get()); }

 private:
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_;
};

// Writes through the hasher.
class CacheWriter {
 public:
  explicit CacheWriter(const std::filesystem::path& target) : file_(target) {}
  void write(std::span<const std::byte> bytes) {
    hash_.add(bytes);
    file_.write(bytes);
  }
  template <typename T>
  void array(std::span<const T> values) {
    write(std::as_bytes(values));
  }
  void text(std::string_view s) { write(std::as_bytes(std::span(s.data(), s.size()))); }
  void arcs(std::span<const net::ChArc> arcs) {
    Encoder e;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      e.put(arcs[i]);
      if (e.bytes().size() >= kChunk || i + 1 == arcs.size()) {
        write(e.bytes());
        e.bytes().clear();
      }
    }
  }
  std::uint64_t finish() {
    const std::uint64_t digest = hash_.digest();
    file_.write(std::as_bytes(std::span(&digest, 1)));
    file_.commit();
    return file_.size();
  }

 private:
  io::StagedBinaryFile file_;
  Hasher hash_;
};

// Reads through the hasher; false when the file ends early.
class CacheReader {
 public:
  explicit CacheReader(io::BinaryFileReader& file) : file_(file) {}
  [[nodiscard]] bool read(std::span<std::byte> bytes) {
    if (!file_.read(bytes)) return false;
    hash_.add(bytes);
    return true;
  }
  template <typename T>
  [[nodiscard]] bool array(std::vector<T>& values, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    values.resize(count);
    return read(std::as_writable_bytes(std::span(values)));
  }
  [[nodiscard]] bool text(std::string& s, std::size_t bytes) {
    s.resize(bytes);
    return read(std::as_writable_bytes(std::span(s.data(), s.size())));
  }
  [[nodiscard]] bool arcs(std::vector<net::ChArc>& arcs, std::size_t count) {
    arcs.clear();
    arcs.reserve(count);
    std::vector<std::byte> buffer;
    while (arcs.size() < count) {
      const std::size_t n = std::min(count - arcs.size(), kChunk / kArcBytes);
      buffer.resize(n * kArcBytes);
      if (!read(buffer)) return false;
      Decoder d(buffer);
      for (std::size_t i = 0; i < n; ++i) arcs.push_back(d.arc());
    }
    return true;
  }
  [[nodiscard]] std::uint64_t digest() const { return hash_.digest(); }

 private:
  io::BinaryFileReader& file_;
  Hasher hash_;
};

CacheRead refused(CacheFit fit, std::string why) { return {fit, std::move(why), std::nullopt, std::nullopt}; }

// The graph's edge sources: a presence flag and an id per edge.
void writeEdgeSources(CacheWriter& out, std::span<const std::optional<core::FeatureId>> sources) {
  std::vector<std::uint8_t> present(sources.size());
  std::vector<std::int64_t> ids(sources.size());
  for (std::size_t e = 0; e < sources.size(); ++e) {
    present[e] = sources[e].has_value() ? 1 : 0;
    ids[e] = sources[e] ? sources[e]->value() : 0;
  }
  out.array<std::uint8_t>(present);
  out.array<std::int64_t>(ids);
}

[[nodiscard]] bool readEdgeSources(CacheReader& in, std::vector<std::optional<core::FeatureId>>& sources,
                                   std::size_t count) {
  std::vector<std::uint8_t> present;
  std::vector<std::int64_t> ids;
  if (!in.array(present, count) || !in.array(ids, count)) return false;
  sources.resize(count);
  for (std::size_t e = 0; e < count; ++e) {
    if (present[e]) sources[e] = core::FeatureId(ids[e]);
  }
  return true;
}

// The arrays as read, not checked yet.
struct Body {
  net::RoadGraph::Data graph;
  std::vector<std::uint32_t> labelLengths;
  std::string labelText;
  RoadNetwork::Parts parts;  // all but the graph, the labels and the report
  std::string report;
  net::ContractionHierarchy::Data hierarchy;
};

// What the file holds, in the order it holds it; false when it ends early.
[[nodiscard]] bool readBody(CacheReader& in, const Header& h, Body& body) {
  net::RoadGraph::Data& g = body.graph;
  RoadNetwork::Parts& parts = body.parts;
  net::ContractionHierarchy::Data& hierarchy = body.hierarchy;
  const std::size_t n = h.nodes;
  const std::size_t a = h.arcs;
  const std::size_t e = h.edges;
  const bool complete = in.array(g.positions, n) && in.array(g.firstOut, n + 1) && in.array(g.tails, a) &&
                        in.array(g.heads, a) && in.array(g.totals, a) && in.array(g.edges, a) &&
                        in.array(g.firstIn, n + 1) && in.array(g.inArcs, a) && readEdgeSources(in, g.edgeSources, e) &&
                        in.array(body.labelLengths, h.labels) && in.text(body.labelText, h.labelBytes) &&
                        in.array(parts.edgeLabels, e) && in.array(parts.edgeModes, e) &&
                        in.text(parts.parameters, h.parameterBytes) && in.text(body.report, h.reportBytes) &&
                        in.array(hierarchy.rank, n) && in.array(hierarchy.forwardBegin, n + 1) &&
                        in.array(hierarchy.backwardBegin, n + 1) && in.arcs(hierarchy.forward, h.forwardArcs) &&
                        in.arcs(hierarchy.backward, h.backwardArcs);
  return complete;
}

// The network from a body whose checksum held: core::InputError when its parts do not fit together.
RoadNetwork networkOf(Body& body) {
  std::size_t at = 0;
  for (std::uint32_t length : body.labelLengths) {
    if (length > body.labelText.size() - at) throw core::InputError("labels longer than their text");
    body.parts.labels.push_back(body.labelText.substr(at, length));
    at += length;
  }
  if (at != body.labelText.size()) throw core::InputError("labels shorter than their text");
  body.parts.graph = net::RoadGraph::fromData(std::move(body.graph));
  body.parts.report = reportFromJson(body.report);
  return RoadNetwork::fromParts(std::move(body.parts));
}

}  // namespace

std::optional<std::uint64_t> networkSourceKey(const std::string& source, const std::string& recipe) {
  const std::vector<std::string> files = io::datasetFiles(source);
  if (files.empty()) return std::nullopt;
  Hasher key;
  key.addValue(kFormat);
  key.addValue(kNetworkBuildVersion);
  key.addValue(recipe.size());
  key.add(std::as_bytes(std::span(recipe.data(), recipe.size())));
  std::vector<std::byte> buffer(4 * kChunk);
  for (const std::string& path : files) {
    io::BinaryFileReader file(path);
    key.addValue(file.size());
    while (file.remaining() > 0) {
      const std::span<std::byte> part(buffer.data(), std::min<std::uint64_t>(buffer.size(), file.remaining()));
      if (!file.read(part)) throw core::IoError(path + ": could not be read to the end");
      key.add(part);
    }
  }
  return key.digest();
}

std::uint64_t writeNetworkCache(const RoadNetwork& network, const net::ContractionHierarchy& ch,
                                std::uint64_t sourceKey, const std::filesystem::path& target) {
  const net::RoadGraph::View g = network.graph().view();
  const std::string report = reportToJson(network.report());
  std::vector<std::uint32_t> labelLengths;
  std::string labelText;
  for (const std::string& label : network.labels()) {
    labelLengths.push_back(static_cast<std::uint32_t>(label.size()));
    labelText += label;
  }
  Header h;
  h.metric = static_cast<std::uint32_t>(ch.metric());
  h.coreBegin = network.graph().nodeCount() - ch.coreSize();
  h.sourceKey = sourceKey;
  h.nodes = network.graph().nodeCount();
  h.arcs = network.graph().arcCount();
  h.edges = network.graph().edgeCount();
  h.labels = static_cast<std::uint32_t>(labelLengths.size());
  h.labelBytes = labelText.size();
  h.parameterBytes = network.parameters().size();
  h.reportBytes = report.size();
  h.shortcuts = ch.shortcutCount();
  h.forwardArcs = ch.forwardArcs().size();
  h.backwardArcs = ch.backwardArcs().size();
  CacheWriter out(target);
  out.write(encode(h));
  out.array(g.positions);
  out.array(g.firstOut);
  out.array(g.tails);
  out.array(g.heads);
  out.array(g.totals);
  out.array(g.edges);
  out.array(g.firstIn);
  out.array(g.inArcs);
  writeEdgeSources(out, g.edgeSources);
  out.array<std::uint32_t>(labelLengths);
  out.text(labelText);
  out.array(network.edgeLabelIndices());
  out.array(network.edgeModes());
  out.text(network.parameters());
  out.text(report);
  out.array(ch.ranks());
  out.array(ch.forwardOffsets());
  out.array(ch.backwardOffsets());
  out.arcs(ch.forwardArcs());
  out.arcs(ch.backwardArcs());
  return out.finish();
}

CacheRead readNetworkCache(const std::string& path, std::uint64_t sourceKey, net::Metric metric) {
  io::BinaryFileReader file(path);
  CacheReader in(file);
  std::vector<std::byte> headerBytes(kHeaderBytes);
  // The magic and format first: an older cache's header is shorter.
  if (file.size() < 24 || !in.read(std::span(headerBytes).first(24))) {
    return refused(CacheFit::NotACache, "not a circatlas network cache");
  }
  Header h = decode(headerBytes);
  if (h.magic != kMagic) return refused(CacheFit::NotACache, "not a circatlas network cache");
  if (h.format != kFormat || h.byteOrder != kByteOrder) {
    return refused(CacheFit::OtherVersion, "a network cache of another circatlas version (format " +
                                               std::to_string(h.format) + ", this one reads format " +
                                               std::to_string(kFormat) + ")");
  }
  if (!in.read(std::span(headerBytes).subspan(24))) {
    return refused(CacheFit::Damaged, "a damaged network cache (it ends early)");
  }
  h = decode(headerBytes);
  if (h.sourceKey != sourceKey) {
    return refused(CacheFit::OtherNetwork,
                   "a network cache of another road network, or of this one as another circatlas or other options "
                   "(--network-layer, --mode, --join-tolerance, --length-field) read it");
  }
  if (h.metric != static_cast<std::uint32_t>(metric)) {
    const std::string_view cached = h.metric <= static_cast<std::uint32_t>(net::Metric::Cost)
                                        ? net::toString(static_cast<net::Metric>(h.metric))
                                        : std::string_view("another metric");
    return refused(CacheFit::OtherMetric, "a network cache for routes by " + std::string(cached) + ", not by " +
                                              std::string(net::toString(metric)));
  }
  constexpr std::uint64_t kMaxArcs = std::numeric_limits<std::uint32_t>::max();
  constexpr std::uint64_t kMaxText = std::uint64_t{1} << 32;
  if (h.forwardArcs > kMaxArcs || h.backwardArcs > kMaxArcs || h.labelBytes > kMaxText || h.parameterBytes > kMaxText ||
      h.reportBytes > kMaxText || file.size() != kHeaderBytes + h.bodyBytes()) {
    return refused(CacheFit::Damaged, "a damaged network cache (its size does not match its header)");
  }
  try {
    Body body;
    body.hierarchy.coreBegin = h.coreBegin;
    body.hierarchy.shortcuts = h.shortcuts;
    const bool complete = readBody(in, h, body);
    std::uint64_t stored = 0;
    if (!complete || !file.read(std::as_writable_bytes(std::span(&stored, 1)))) {
      return refused(CacheFit::Damaged, "a damaged network cache (it ends early)");
    }
    if (stored != in.digest()) {
      return refused(CacheFit::Damaged, "a damaged network cache (its checksum does not match its content)");
    }
    CacheRead read{CacheFit::Fits, {}, networkOf(body), std::nullopt};
    read.hierarchy = net::ContractionHierarchy::fromData(read.network->graph(), metric, std::move(body.hierarchy));
    return read;
  } catch (const core::InputError& e) {
    return refused(CacheFit::Damaged, "a damaged network cache (" + e.detail() + ")");
  }
}

}  // namespace circatlas::tools
