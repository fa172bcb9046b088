// The network cache file: a fixed header (format, metric, source key, array sizes), then the graph's arrays, the
// network's labels, modes and report, and the hierarchy's arrays, each as it lies in memory (little-endian) and
// padded to a multiple of 8 bytes, and an XXH3-64 of everything before it. Read back through a mapping of the
// file (io::MappedFile): the graph and hierarchy point into it instead of being copied.
#include "tools/network_cache.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <future>
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
// A hierarchy arc is kept as it lies in memory, its 4 bytes of padding written as zeros.
static_assert(std::is_standard_layout_v<net::ChArc> && std::is_trivially_copyable_v<net::ChArc>);
static_assert(sizeof(net::ChArc) == 48 && offsetof(net::ChArc, other) == 0 && offsetof(net::ChArc, first) == 4 &&
              offsetof(net::ChArc, second) == 8 && offsetof(net::ChArc, weight) == 16 &&
              offsetof(net::ChArc, totals) == 24);

constexpr std::array<char, 16> kMagic = {'c', 'i', 'r', 'c', 'a', 't', 'l', 'a',
                                         's', ' ', 'c', 'a', 'c', 'h', 'e', '\n'};
// 1: the hierarchy alone, checked against a graph built from the network file every run. 2: the graph and the
// network with it, keyed by the source files' content. 3: every array padded to 8 bytes and hierarchy arcs as in
// memory, so that the file can be mapped and used in place.
constexpr std::uint32_t kFormat = 3;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kArcBytes = sizeof(net::ChArc);
constexpr std::size_t kChunk = std::size_t{1} << 20;

// Bytes an array of `bytes` takes in the file: padded to a multiple of 8, so every array starts aligned.
constexpr std::uint64_t padded(std::uint64_t bytes) { return (bytes + 7) / 8 * 8; }

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
    const std::uint64_t graph = 16 * n + 2 * padded(4 * (n + 1)) + 4 * padded(4 * a) + 24 * a + padded(e) + 8 * e;
    const std::uint64_t network = padded(4 * std::uint64_t{labels}) + padded(labelBytes) + padded(4 * e) + padded(e) +
                                  padded(parameterBytes) + padded(reportBytes);
    const std::uint64_t hierarchy = padded(4 * n) + 2 * padded(4 * (n + 1)) + kArcBytes * (forwardArcs + backwardArcs);
    return graph + network + hierarchy + 8;
  }
};
constexpr std::size_t kHeaderBytes = 16 + 4 * 4 + 8 + 4 * 4 + 6 * 8;
static_assert(kHeaderBytes % 8 == 0);

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
    put(std::uint32_t{0});  // the padding, written as zeros so that the checksum depends only on the arc
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
    pad(values.size_bytes());
  }
  void text(std::string_view s) {
    write(std::as_bytes(std::span(s.data(), s.size())));
    pad(s.size());
  }
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
  // Zeros after an array of `bytes` up to the next multiple of 8.
  void pad(std::uint64_t bytes) {
    static constexpr std::array<std::byte, 8> kZeros{};
    write(std::span(kZeros).first(static_cast<std::size_t>(padded(bytes) - bytes)));
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

// Hands out the arrays of a mapped cache file in order, as views into it that keep the mapping alive. The caller
// has checked that the file is as long as its header says, so every array lies inside it.
class CacheCursor {
 public:
  CacheCursor(std::shared_ptr<const io::MappedFile> file, std::size_t at) : file_(std::move(file)), at_(at) {}
  template <typename T>
  [[nodiscard]] core::SharedArray<T> array(std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    const std::byte* start = take(sizeof(T) * count);
    // The file holds these arrays exactly as they lie in memory, at offsets aligned for them.
    return {std::span(reinterpret_cast<const T*>(start), count), file_};
  }
  template <typename T>
  [[nodiscard]] std::vector<T> copy(std::size_t count) {
    const core::SharedArray<T> view = array<T>(count);
    return {view.begin(), view.end()};
  }
  [[nodiscard]] std::string text(std::size_t bytes) {
    const std::byte* start = take(bytes);
    return {reinterpret_cast<const char*>(start), bytes};
  }

 private:
  const std::byte* take(std::uint64_t bytes) {
    const std::byte* start = file_->bytes().data() + at_;
    at_ += static_cast<std::size_t>(padded(bytes));
    return start;
  }
  std::shared_ptr<const io::MappedFile> file_;
  std::size_t at_;
};

CacheRead refused(CacheFit fit, std::string why) { return {fit, std::move(why), std::nullopt, std::nullopt}; }

// The arrays as read, not checked yet.
struct Body {
  net::RoadGraph::Data graph;
  std::vector<std::uint32_t> labelLengths;
  std::string labelText;
  RoadNetwork::Parts parts;  // all but the graph, the labels and the report
  std::string report;
  net::ContractionHierarchy::Data hierarchy;
};

// What the file holds, in the order it holds it.
void readBody(CacheCursor& in, const Header& h, Body& body) {
  net::RoadGraph::Data& g = body.graph;
  RoadNetwork::Parts& parts = body.parts;
  net::ContractionHierarchy::Data& hierarchy = body.hierarchy;
  const std::size_t n = h.nodes;
  const std::size_t a = h.arcs;
  const std::size_t e = h.edges;
  g.positions = in.array<core::XY>(n);
  g.firstOut = in.array<std::uint32_t>(n + 1);
  g.tails = in.array<std::uint32_t>(a);
  g.heads = in.array<std::uint32_t>(a);
  g.totals = in.array<net::Totals>(a);
  g.edges = in.array<std::uint32_t>(a);
  g.firstIn = in.array<std::uint32_t>(n + 1);
  g.inArcs = in.array<net::ArcId>(a);
  g.edgeHasSource = in.array<std::uint8_t>(e);
  g.edgeSources = in.array<std::int64_t>(e);
  body.labelLengths = in.copy<std::uint32_t>(h.labels);
  body.labelText = in.text(static_cast<std::size_t>(h.labelBytes));
  parts.edgeLabels = in.copy<std::uint32_t>(e);
  parts.edgeModes = in.copy<TravelMode>(e);
  parts.parameters = in.text(static_cast<std::size_t>(h.parameterBytes));
  body.report = in.text(static_cast<std::size_t>(h.reportBytes));
  hierarchy.rank = in.array<std::uint32_t>(n);
  hierarchy.forwardBegin = in.array<std::uint32_t>(n + 1);
  hierarchy.backwardBegin = in.array<std::uint32_t>(n + 1);
  hierarchy.forward = in.array<net::ChArc>(static_cast<std::size_t>(h.forwardArcs));
  hierarchy.backward = in.array<net::ChArc>(static_cast<std::size_t>(h.backwardArcs));
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
  out.array(g.edgeHasSource);
  out.array(g.edgeSources);
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
  const auto file = std::make_shared<const io::MappedFile>(path);
  const std::span<const std::byte> bytes = file->bytes();
  // The magic and format first: an older cache's header is shorter.
  if (bytes.size() < 24) return refused(CacheFit::NotACache, "not a circatlas network cache");
  Header h = decode(bytes.first(24));
  if (h.magic != kMagic) return refused(CacheFit::NotACache, "not a circatlas network cache");
  if (h.format != kFormat || h.byteOrder != kByteOrder) {
    return refused(CacheFit::OtherVersion, "a network cache of another circatlas version (format " +
                                               std::to_string(h.format) + ", this one reads format " +
                                               std::to_string(kFormat) + ")");
  }
  if (bytes.size() < kHeaderBytes) return refused(CacheFit::Damaged, "a damaged network cache (it ends early)");
  h = decode(bytes.first(kHeaderBytes));
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
      h.reportBytes > kMaxText) {
    return refused(CacheFit::Damaged, "a damaged network cache (its size does not match its header)");
  }
  if (bytes.size() < kHeaderBytes + h.bodyBytes()) {
    return refused(CacheFit::Damaged, "a damaged network cache (it ends early)");
  }
  if (bytes.size() != kHeaderBytes + h.bodyBytes()) {
    return refused(CacheFit::Damaged, "a damaged network cache (its size does not match its header)");
  }
  // The checksum on one core while the others read and check the arrays. A file whose checksum fails is refused
  // as such, whatever its arrays hold: checking them never relies on it (every index is checked before use).
  std::future<std::uint64_t> digest =
      std::async(std::launch::async, [bytes] { return XXH3_64bits(bytes.data(), bytes.size() - 8); });
  std::optional<CacheRead> read;
  std::string misfit;
  try {
    Body body;
    body.hierarchy.coreBegin = h.coreBegin;
    body.hierarchy.shortcuts = h.shortcuts;
    CacheCursor in(file, kHeaderBytes);
    readBody(in, h, body);
    read = CacheRead{CacheFit::Fits, {}, networkOf(body), std::nullopt};
    read->hierarchy = net::ContractionHierarchy::fromData(read->network->graph(), metric, std::move(body.hierarchy));
  } catch (const core::InputError& e) {
    misfit = e.detail();
  }
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != digest.get()) {
    return refused(CacheFit::Damaged, "a damaged network cache (its checksum does not match its content)");
  }
  if (!read) return refused(CacheFit::Damaged, "a damaged network cache (" + misfit + ")");
  return std::move(*read);
}

}  // namespace circatlas::tools
