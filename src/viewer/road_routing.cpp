// Building the built-in trunk network and its router once, as the CLI's `route` does for --network builtin.
#include "viewer/road_routing.h"

#include "core/data_paths.h"
#include "io/layer_reader.h"
#include "tools/analysis_specs.h"

namespace circatlas::viewer {

std::shared_ptr<const RoadRouting> RoadRouting::loadBuiltin(const core::DataPaths& paths) {
  namespace net = analysis::network;
  tools::NetworkParams params;
  params.lengthField = tools::spec::network::builtinLengthField.text;
  const core::Layer lines = io::readLayer((paths.dataDir() / "network" / "gansu_trunk.csv").string(), {});
  auto routing = std::make_shared<RoadRouting>(RoadRouting{tools::buildNetwork(lines, params), nullptr});
  net::RouterOptions options;
  options.metric = net::Metric::Length;
  options.detourFactor = tools::spec::network::detour.number;
  options.accessCostYuanPerTonneKm = params.roadCostYuanPerTonneKm;
  options.maxSnapDistance = net::Meters(tools::spec::network::builtinSnap.number);
  routing->router = std::make_unique<net::Router>(routing->network.graph(), options);
  return routing;
}

}  // namespace circatlas::viewer
