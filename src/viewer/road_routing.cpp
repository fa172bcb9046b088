// Building the built-in trunk network and its router once, as the CLI's `route` does for --network builtin.
#include "viewer/road_routing.h"

#include "io/builtin_data.h"
#include "io/layer_reader.h"

namespace circatlas::viewer {

std::shared_ptr<const RoadRouting> RoadRouting::loadBuiltin() {
  namespace net = analysis::network;
  tools::NetworkParams params;
  params.lengthField = "length_m";  // published estimates (data/README.md), not the straight schematic lines
  const core::Layer lines = io::readLayer((io::builtinDataDir() / "network" / "gansu_trunk.csv").string(), {});
  auto routing = std::make_shared<RoadRouting>(RoadRouting{tools::buildNetwork(lines, params), nullptr});
  net::RouterOptions options;
  options.metric = net::Metric::Length;
  options.detourFactor = 1.3;
  options.accessCostYuanPerTonneKm = params.roadCostYuanPerTonneKm;
  // The schematic lines run straight between seats, so a place by the real road can be tens of km away.
  options.maxSnapDistance = net::Meters(50000.0);
  routing->router = std::make_unique<net::Router>(routing->network.graph(), options);
  return routing;
}

}  // namespace circatlas::viewer
