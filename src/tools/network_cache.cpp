// The network cache file: a fixed header (format, metric, the graph's size and fingerprint, array sizes), the
// hierarchy's arrays as little-endian records, and a CRC-32 of everything before it.
#include "tools/network_cache.h"

#include <boost/crc.hpp>

#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "core/error.h"
#include "io/binary_file.h"

namespace circatlas::tools {
namespace {

namespace net = analysis::network;

static_assert(std::endian::native == std::endian::little,
              "the network cache is written in the machine's byte order, which must be little-endian");

constexpr std::array<char, 16> kMagic = {'c', 'i', 'r', 'c', 'a', 't', 'l', 'a',
                                         's', ' ', 'c', 'a', 'c', 'h', 'e', '\n'};
constexpr std::uint32_t kFormat = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kArcBytes = 3 * 4 + 4 * 8;  // other, first, second; weight, length, time, cost
constexpr std::size_t kChunk = std::size_t{1} << 20;

struct Header {
  std::array<char, 16> magic = kMagic;
  std::uint32_t format = kFormat;
  std::uint32_t byteOrder = kByteOrder;
  std::uint32_t metric = 0;
  std::uint32_t nodes = 0;
  std::uint32_t graphArcs = 0;
  std::uint32_t fingerprint = 0;
  std::uint32_t coreBegin = 0;
  std::uint32_t reserved = 0;
  std::uint64_t shortcuts = 0;
  std::uint64_t forwardArcs = 0;
  std::uint64_t backwardArcs = 0;
};
constexpr std::size_t kHeaderBytes = 16 + 8 * 4 + 3 * 8;

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
  for (std::uint32_t v :
       {h.format, h.byteOrder, h.metric, h.nodes, h.graphArcs, h.fingerprint, h.coreBegin, h.reserved}) {
    e.put(v);
  }
  for (std::uint64_t v : {h.shortcuts, h.forwardArcs, h.backwardArcs}) e.put(v);
  return std::move(e.bytes());
}

Header decode(std::span<const std::byte> bytes) {
  Decoder d(bytes);
  Header h;
  h.magic = d.get<std::array<char, 16>>();
  h.format = d.get<std::uint32_t>();
  h.byteOrder = d.get<std::uint32_t>();
  h.metric = d.get<std::uint32_t>();
  h.nodes = d.get<std::uint32_t>();
  h.graphArcs = d.get<std::uint32_t>();
  h.fingerprint = d.get<std::uint32_t>();
  h.coreBegin = d.get<std::uint32_t>();
  h.reserved = d.get<std::uint32_t>();
  h.shortcuts = d.get<std::uint64_t>();
  h.forwardArcs = d.get<std::uint64_t>();
  h.backwardArcs = d.get<std::uint64_t>();
  return h;
}

// Writes through a buffer, keeping the CRC of everything written.
class CacheWriter {
 public:
  explicit CacheWriter(const std::filesystem::path& target) : file_(target) {}
  void write(std::span<const std::byte> bytes) {
    crc_.process_bytes(bytes.data(), bytes.size());
    file_.write(bytes);
  }
  void words(std::span<const std::uint32_t> values) { write(std::as_bytes(values)); }
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
    const std::uint32_t crc = crc_.checksum();
    file_.write(std::as_bytes(std::span(&crc, 1)));
    file_.commit();
    return file_.size();
  }

 private:
  io::StagedBinaryFile file_;
  boost::crc_32_type crc_;
};

// Reads through the CRC; false when the file ends early.
class CacheReader {
 public:
  explicit CacheReader(io::BinaryFileReader& file) : file_(file) {}
  [[nodiscard]] bool read(std::span<std::byte> bytes) {
    if (!file_.read(bytes)) return false;
    crc_.process_bytes(bytes.data(), bytes.size());
    return true;
  }
  [[nodiscard]] bool words(std::vector<std::uint32_t>& values, std::size_t count) {
    values.resize(count);
    return read(std::as_writable_bytes(std::span(values)));
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
  [[nodiscard]] std::uint32_t checksum() const { return crc_.checksum(); }

 private:
  io::BinaryFileReader& file_;
  boost::crc_32_type crc_;
};

std::string size(std::uint64_t nodes, std::uint64_t arcs) {
  return std::to_string(nodes) + " nodes, " + std::to_string(arcs) + " arcs";
}

CacheRead refused(CacheFit fit, std::string why) { return {fit, std::move(why), std::nullopt}; }

}  // namespace

std::uint32_t networkFingerprint(const net::RoadGraph& graph) {
  boost::crc_32_type crc;
  const std::uint32_t nodes = graph.nodeCount();
  crc.process_bytes(&nodes, sizeof nodes);
  Encoder e;
  for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
    const net::ArcId arc(a);
    const net::Totals& t = graph.totals(arc);
    e.put(graph.tail(arc).value());
    e.put(graph.head(arc).value());
    e.put(t.length.value());
    e.put(t.time.value());
    e.put(t.cost.value());
    if (e.bytes().size() >= kChunk || a + 1 == graph.arcCount()) {
      crc.process_bytes(e.bytes().data(), e.bytes().size());
      e.bytes().clear();
    }
  }
  return crc.checksum();
}

std::uint64_t writeNetworkCache(const net::ContractionHierarchy& ch, const std::filesystem::path& target) {
  const net::RoadGraph& graph = ch.graph();
  Header h;
  h.metric = static_cast<std::uint32_t>(ch.metric());
  h.nodes = graph.nodeCount();
  h.graphArcs = graph.arcCount();
  h.fingerprint = networkFingerprint(graph);
  h.coreBegin = graph.nodeCount() - ch.coreSize();
  h.shortcuts = ch.shortcutCount();
  h.forwardArcs = ch.forwardArcs().size();
  h.backwardArcs = ch.backwardArcs().size();
  CacheWriter out(target);
  out.write(encode(h));
  out.words(ch.ranks());
  out.words(ch.forwardOffsets());
  out.words(ch.backwardOffsets());
  out.arcs(ch.forwardArcs());
  out.arcs(ch.backwardArcs());
  return out.finish();
}

CacheRead readNetworkCache(const std::string& path, const net::RoadGraph& graph, net::Metric metric) {
  io::BinaryFileReader file(path);
  CacheReader in(file);
  std::vector<std::byte> headerBytes(kHeaderBytes);
  if (!in.read(headerBytes)) return refused(CacheFit::NotACache, "not a circatlas network cache");
  const Header h = decode(headerBytes);
  if (h.magic != kMagic) return refused(CacheFit::NotACache, "not a circatlas network cache");
  if (h.format != kFormat || h.byteOrder != kByteOrder) {
    return refused(CacheFit::OtherVersion, "a network cache of another circatlas version (format " +
                                               std::to_string(h.format) + ", this one reads format " +
                                               std::to_string(kFormat) + ")");
  }
  if (h.nodes != graph.nodeCount() || h.graphArcs != graph.arcCount()) {
    return refused(CacheFit::OtherNetwork, "a network cache of another road network (" + size(h.nodes, h.graphArcs) +
                                               "; this one has " + size(graph.nodeCount(), graph.arcCount()) + ")");
  }
  if (h.fingerprint != networkFingerprint(graph)) {
    return refused(CacheFit::OtherNetwork,
                   "a network cache of another road network of the same size (its lines or their lengths, speeds or "
                   "costs differ)");
  }
  if (h.metric != static_cast<std::uint32_t>(metric)) {
    const std::string_view cached = h.metric <= static_cast<std::uint32_t>(net::Metric::Cost)
                                        ? net::toString(static_cast<net::Metric>(h.metric))
                                        : std::string_view("another metric");
    return refused(CacheFit::OtherMetric, "a network cache for routes by " + std::string(cached) + ", not by " +
                                              std::string(net::toString(metric)));
  }
  constexpr std::uint64_t kMaxArcs = std::numeric_limits<std::uint32_t>::max();
  const std::uint64_t n = h.nodes;
  if (h.forwardArcs > kMaxArcs || h.backwardArcs > kMaxArcs ||
      file.size() != kHeaderBytes + 4 * (3 * n + 2) + kArcBytes * (h.forwardArcs + h.backwardArcs) + 4) {
    return refused(CacheFit::Damaged, "a damaged network cache (its size does not match its header)");
  }
  net::ContractionHierarchy::Data data;
  data.coreBegin = h.coreBegin;
  data.shortcuts = h.shortcuts;
  const bool complete = in.words(data.rank, n) && in.words(data.forwardBegin, n + 1) &&
                        in.words(data.backwardBegin, n + 1) && in.arcs(data.forward, h.forwardArcs) &&
                        in.arcs(data.backward, h.backwardArcs);
  std::uint32_t stored = 0;
  if (!complete || !file.read(std::as_writable_bytes(std::span(&stored, 1)))) {
    return refused(CacheFit::Damaged, "a damaged network cache (it ends early)");
  }
  if (stored != in.checksum()) {
    return refused(CacheFit::Damaged, "a damaged network cache (its checksum does not match its content)");
  }
  try {
    return {CacheFit::Fits, {}, net::ContractionHierarchy::fromData(graph, metric, std::move(data))};
  } catch (const core::InputError& e) {
    return refused(CacheFit::Damaged, "a damaged network cache (" + e.detail() + ")");
  }
}

}  // namespace circatlas::tools
