// A road network's contraction hierarchy kept in a file (--network-cache): built once, read back by later runs on the
// same network and metric instead of contracting again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/road_graph.h"

namespace circatlas::tools {

/// Whether a cache file can route a graph.
enum class CacheFit : std::uint8_t {
  Fits,          ///< made from this very graph (same nodes, arcs and figures) for this metric
  NotACache,     ///< not a circatlas network cache at all
  OtherVersion,  ///< written by a circatlas with another cache format
  OtherNetwork,  ///< of another road network (or the same file read with other options)
  OtherMetric,   ///< of this network, for another metric
  Damaged,       ///< cut short, altered, or inconsistent with itself
};

/// What reading a cache file found.
struct CacheRead {
  CacheFit fit = CacheFit::NotACache;
  /// Unless it fits: why, in a phrase that completes "FILE is …", e.g. "a network cache for routes by time,
  /// not by length".
  std::string why;
  std::optional<analysis::network::ContractionHierarchy> hierarchy;  ///< when it fits
};

/// Reads a file written by writeNetworkCache and checks it against the graph it is to route: the format, a
/// fingerprint of the graph (networkFingerprint), the metric, a checksum of the whole file and the hierarchy's own
/// consistency (ContractionHierarchy::fromData). Throws core::IoError only when the file cannot be read; a file that
/// does not fit is a CacheRead saying why.
[[nodiscard]] CacheRead readNetworkCache(const std::string& path, const analysis::network::RoadGraph& graph,
                                         analysis::network::Metric metric);

/// Writes the hierarchy to `target` atomically (io::StagedBinaryFile: an interrupted run leaves the old file or
/// none). Returns the size written in bytes. core::IoError naming the target when it cannot be written.
std::uint64_t writeNetworkCache(const analysis::network::ContractionHierarchy& hierarchy,
                                const std::filesystem::path& target);

/// A CRC-32 of what a hierarchy depends on: the node count and every arc's ends and figures, in arc order.
[[nodiscard]] std::uint32_t networkFingerprint(const analysis::network::RoadGraph& graph);

}  // namespace circatlas::tools
