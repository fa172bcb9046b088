// RoadRouting: the built-in schematic trunk network with a distance-shortest router, for the viewer's measure tool.
#pragma once

#include <memory>

#include "analysis/network/router.h"
#include "core/data_paths.h"
#include "tools/network_tool.h"

namespace circatlas::viewer {

/// data/network/gansu_trunk.csv (road lines, published length_m) and a Router minimising length,
/// with the settings of `circatlas route --metric length` on the built-in network: places more than
/// 50 km from every line, and pairs without a path, fall back to the straight line × 1.3 and say so.
/// Immutable once built; the router refers to the network's graph, which stays put.
struct RoadRouting {
  tools::RoadNetwork network;
  std::unique_ptr<analysis::network::Router> router;

  /// Reads and builds the network (a few milliseconds). Throws the io errors of io::readLayer and
  /// the tools' core::InputError / core::CrsError.
  [[nodiscard]] static std::shared_ptr<const RoadRouting> loadBuiltin(const core::DataPaths& paths);
};

}  // namespace circatlas::viewer
