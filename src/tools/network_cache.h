// A road network kept in a file (--network-cache): the graph built from the network file and its contraction
// hierarchy, made once and read back by later runs on the same file, options and metric instead of reading the
// file, building the graph and contracting it again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/road_graph.h"
#include "tools/network_tool.h"

namespace circatlas::tools {

/// Whether a cache file can stand in for a network.
enum class CacheFit : std::uint8_t {
  Fits,          ///< made from this very source, read the same way, for this metric
  NotACache,     ///< not a circatlas network cache at all
  OtherVersion,  ///< written by a circatlas with another cache format
  OtherNetwork,  ///< of another road network (or the same file read with other options)
  OtherMetric,   ///< of this network, for another metric
  Damaged,       ///< cut short, altered, or inconsistent with itself
};

/// What reading a cache file found. When it fits, the network and its hierarchy (which refers to the network's
/// graph: keep them together; moving the network keeps its graph where it is).
struct CacheRead {
  CacheFit fit = CacheFit::NotACache;
  /// Unless it fits: why, in a phrase that completes "FILE is …", e.g. "a network cache for routes by time,
  /// not by length".
  std::string why;
  std::optional<RoadNetwork> network;
  std::optional<analysis::network::ContractionHierarchy> hierarchy;
};

/// What a cache is made from: every file GDAL reads for the network (their content: not their names or
/// times, so a copied or moved file still fits), how they are read (`recipe`: the layer, modes, join tolerance,
/// fields and rates the command's network options give, as text) and the version of the code that builds graphs
/// from them
/// (kNetworkBuildVersion). nullopt for a source that is no file (a database), whose content cannot be vouched for.
/// core::IoError / core::InputError as io::describeDataset when the source cannot be opened.
[[nodiscard]] std::optional<std::uint64_t> networkSourceKey(const std::string& source, const std::string& recipe);

/// Reads a file written by writeNetworkCache and checks that it fits: the format, the source key
/// (networkSourceKey), the metric, a checksum of the whole file, and the consistency of the graph
/// (RoadGraph::fromData), the network (RoadNetwork::fromParts) and the hierarchy
/// (ContractionHierarchy::fromData). Throws core::IoError only when the file cannot be read; a file that does not
/// fit is a CacheRead saying why.
[[nodiscard]] CacheRead readNetworkCache(const std::string& path, std::uint64_t sourceKey,
                                         analysis::network::Metric metric);

/// Writes the network and its hierarchy to `target` atomically (io::StagedBinaryFile: an interrupted run leaves
/// the old file or none). Returns the size written in bytes. core::IoError naming the target when it cannot be
/// written.
std::uint64_t writeNetworkCache(const RoadNetwork& network, const analysis::network::ContractionHierarchy& hierarchy,
                                std::uint64_t sourceKey, const std::filesystem::path& target);

}  // namespace circatlas::tools
