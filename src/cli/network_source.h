// The road network a command routes on: the built-in schematic trunk network, a line layer or an OSM extract.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "analysis/network/router.h"
#include "core/data_paths.h"
#include "core/progress.h"
#include "io/output_target.h"
#include "tools/analysis_specs.h"
#include "tools/network_tool.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// --network, --network-layer, --mode, --join-tolerance, --length-field, --metric, --detour, --snap.
struct NetworkSource {
  /// "builtin" (data/network/gansu_trunk.csv) or any GDAL line layer / .osm / .osm.pbf
  std::string network{tools::spec::network::source.text};
  std::string layer;                                  ///< layer of a multi-layer file; OSM extracts default to `lines`
  std::string mode{tools::spec::network::mode.text};  ///< road, rail or both
  std::string joinTolerance = tools::defaultText(tools::spec::network::joinTolerance);  ///< line ends this close join
  std::string lengthField;                                ///< published length in metres (builtin: length_m)
  std::string metric{tools::spec::network::metric.text};  ///< what routes minimise: time, length or cost
  double detour = tools::spec::network::detour.number;    ///< straight line × this for access legs and fallbacks
  /// Places farther from every line fall back to the straight line. Empty: 50 km on the built-in network
  /// (its lines are straight between seats, so a place by the real road can be tens of km from them),
  /// 5 km on a real road layer.
  std::string snap;
  /// --network-cache: the file the contraction hierarchy is kept in between runs (empty: none).
  std::string cache;
};

void addNetworkOptions(CLI::App& cmd, NetworkSource& source);

/// The router options the source's flags ask for (core::ParameterError for bad values).
[[nodiscard]] analysis::network::RouterOptions routerOptions(const NetworkSource& source);

/// The --network-cache target for the output policy: a file that may exist (it is read when it fits, and
/// replaced only with --overwrite when it does not; see useNetworkCache), never an input or another output.
[[nodiscard]] io::OutputTarget networkCacheTarget(const NetworkSource& source);

/// "12 nodes, 20 edges, 2 connected parts; 97.3 % of the length in the largest …" plus the smaller parts.
void printNetworkReport(const tools::RoadNetwork& network, std::ostream& out);

/// For partners and allocate: --network (default: none, straight line × detour), --network-layer,
/// --mode, --join-tolerance, --network-cache, --snap. No --metric (partners weigh road km) and no --detour (theirs).
void addPartnerNetworkOptions(CLI::App& cmd, NetworkSource& source);

/// A network with its router, kept together (the router refers to the network's graph).
struct NetworkRouter {
  tools::RoadNetwork network;
  std::unique_ptr<analysis::network::Router> router;
  std::string label;  ///< "schematic trunk network" or the file name, for reasons and parameters
};

/// The network and its router with the given options. Prints what was read and built (printNetworkReport) to `log`.
/// --network-cache: when the file exists and fits (the network file, read the same way, and the metric; see
/// tools::readNetworkCache), the network and its hierarchy come from it and the network file is not read at all;
/// otherwise the network is built from the file, contracted (reporting to `progress`) and written there with its
/// hierarchy, atomically. A cache file that does not fit (another network, options or metric, another format,
/// damaged, not a cache) is replaced only with `overwrite`: core::ParameterError naming it and why otherwise, before
/// the network is read. A network that is no file (a database) cannot be cached: core::ParameterError.
[[nodiscard]] std::unique_ptr<NetworkRouter> openNetwork(const NetworkSource& source, const core::DataPaths& paths,
                                                         const analysis::network::RouterOptions& options,
                                                         bool overwrite, std::ostream& log,
                                                         core::Progress* progress = nullptr);

/// The network and a length-minimising router with the given detour factor for fallbacks, when
/// --network was given; null otherwise. As openNetwork; a cache without --network is a core::ParameterError.
[[nodiscard]] std::unique_ptr<NetworkRouter> loadPartnerNetwork(const NetworkSource& source,
                                                                const core::DataPaths& paths, double detourFactor,
                                                                bool overwrite, std::ostream& log);

}  // namespace circatlas::cli
