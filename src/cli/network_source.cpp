// Network options shared by `route` and `distances`: reading the layer, building the graph, reporting its parts.
#include "cli/network_source.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <utility>

#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "cli/table_printer.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "core/units.h"
#include "io/layer_reader.h"
#include "tools/network_cache.h"

namespace circatlas::cli {
namespace {

namespace net = analysis::network;

bool isOsmExtract(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto endsWith = [&](std::string_view s) {
    return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0;
  };
  return endsWith(".osm") || endsWith(".pbf");
}

std::string km(double meters) { return formatFixed(meters / 1000.0, 1) + " km"; }

}  // namespace

void addNetworkOptions(CLI::App& cmd, NetworkSource& s) {
  namespace spec = tools::spec::network;
  cmd.add_option("--network", s.network, tools::helpText(spec::source))->capture_default_str();
  cmd.add_option("--network-layer", s.layer, "Layer of the network file (OSM extracts: lines)");
  cmd.add_option("--mode", s.mode, tools::helpText(spec::mode) + " (both: free transfer at shared nodes)")
      ->check(CLI::IsMember({"road", "rail", "both"}))
      ->capture_default_str();
  cmd.add_option("--join-tolerance", s.joinTolerance, tools::helpText(spec::joinTolerance))->capture_default_str();
  cmd.add_option(
      "--length-field", s.lengthField,
      tools::helpText(spec::builtinLengthField) + " (builtin: " + tools::defaultText(spec::builtinLengthField) + ")");
  cmd.add_option("--metric", s.metric, tools::helpText(spec::metric))
      ->check(CLI::IsMember({"time", "length", "cost"}))
      ->capture_default_str();
  finiteRange(cmd.add_option("--detour", s.detour, tools::helpText(spec::detour)), 1.0, 10.0)->capture_default_str();
  nonEmptyPath(cmd.add_option(
      "--network-cache", s.cache,
      "Keep the preprocessed network (its contraction hierarchy) in this file: read when it fits the network and "
      "--metric, else built and written there (a file that does not fit is replaced only with --overwrite)"));
  cmd.add_option("--snap", s.snap,
                 std::string(spec::snap.help) + " (default: " + tools::defaultText(spec::builtinSnap) +
                     " on the schematic built-in network, " + tools::defaultText(spec::snap) + " on a road layer)");
}

net::RouterOptions routerOptions(const NetworkSource& s) {
  net::RouterOptions o;
  o.metric = s.metric == "length" ? net::Metric::Length : s.metric == "cost" ? net::Metric::Cost : net::Metric::Time;
  o.detourFactor = s.detour;
  // Access legs and fallbacks are driven: the road rate of tools::NetworkParams, not the router's own default.
  o.accessCostYuanPerTonneKm = tools::NetworkParams{}.roadCostYuanPerTonneKm;
  const double defaultSnap =
      s.network == "builtin" ? tools::spec::network::builtinSnap.number : tools::spec::network::snap.number;
  o.maxSnapDistance = net::Meters(!s.snap.empty() ? core::parseDistanceMeters(s.snap) : defaultSnap);
  o.validate();
  return o;
}

tools::RoadNetwork loadNetwork(const NetworkSource& s, const core::DataPaths& paths, std::ostream& log,
                               core::Progress* progress) {
  tools::NetworkParams params;
  params.snapToleranceMeters = core::parseDistanceMeters(s.joinTolerance);
  params.includeRoad = s.mode != "rail";
  params.includeRail = s.mode != "road";
  std::string path = s.network;
  io::ReadOptions read;
  if (s.network == "builtin") {
    path = (paths.dataDir() / "network" / "gansu_trunk.csv").string();
    params.lengthField = tools::spec::network::builtinLengthField.text;
    log << "Network: the built-in SCHEMATIC Gansu trunk network (straight lines between seats; lengths are "
           "estimates, see data/README.md)\n";
  } else {
    log << "Network: " << path << '\n';
  }
  if (!s.lengthField.empty()) params.lengthField = s.lengthField;
  if (!s.layer.empty()) {
    read.layer = s.layer;
  } else if (isOsmExtract(path)) {
    read.layer = "lines";
  }
  const core::Layer lines = io::readLayer(path, read);
  try {
    return tools::buildNetwork(lines, params, progress);
  } catch (core::Error& e) {
    e.setFile(path);
    throw;
  }
}

io::OutputTarget networkCacheTarget(const NetworkSource& s) {
  return fileTarget(s.cache, /*overwrite=*/true, "--network-cache");
}

void useNetworkCache(const NetworkSource& s, bool overwrite, net::Router& router, std::ostream& log) {
  if (s.cache.empty()) return;
  const net::RoadGraph& graph = router.graph();
  const net::Metric metric = router.options().metric;
  if (std::filesystem::exists(s.cache)) {
    tools::CacheRead cache = tools::readNetworkCache(s.cache, graph, metric);
    if (cache.hierarchy) {
      log << "Network cache: " << s.cache << " read (" << std::to_string(cache.hierarchy->shortcutCount())
          << " shortcuts; no contraction needed)\n";
      router.useHierarchy(std::move(*cache.hierarchy));
      return;
    }
    if (!overwrite) {
      throw core::ParameterError(s.cache + ": " + cache.why +
                                 "; pass --overwrite to build it again there, or name "
                                 "another --network-cache");
    }
    log << "Network cache: " << s.cache << " is " << cache.why << "; building it again (--overwrite)\n";
  }
  const auto started = std::chrono::steady_clock::now();
  const net::ContractionHierarchy& ch = router.hierarchy();
  if (ch.empty()) return;  // cancelled: nothing is written
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::uint64_t bytes = tools::writeNetworkCache(ch, s.cache);
  log << "Network cache: contracted in " << formatFixed(seconds, 1) << " s (" << std::to_string(ch.shortcutCount())
      << " shortcuts), written to " << s.cache << " ("
      << (bytes < 1048576 ? formatFixed(static_cast<double>(bytes) / 1024.0, 1) + " KiB"
                          : formatFixed(static_cast<double>(bytes) / 1048576.0, 1) + " MiB")
      << ")\n";
}

void printNetworkReport(const tools::RoadNetwork& network, std::ostream& out) {
  const tools::NetworkReport& r = network.report();
  out << "  " << r.featuresUsed << " of " << r.featuresRead << " " << r.flavour << " features used";
  if (r.skippedOtherMode) out << ", " << r.skippedOtherMode << " of another mode";
  if (r.skippedNotForFreight) out << ", " << r.skippedNotForFreight << " not freight roads";
  if (r.skippedEmpty) out << ", " << r.skippedEmpty << " without a line";
  out << "; " << r.nodes << " nodes, " << r.arcs << " arcs, " << km(r.totalLengthMeters);
  if (r.onewayLines) out << ", " << r.onewayLines << " one-way lines";
  if (r.endsSnapped) out << ", " << r.endsSnapped << " line ends joined within the tolerance";
  out << '\n';
  out << "  " << r.components.size() << " connected part(s); " << formatFixed(100.0 * r.largestShareOfLength(), 1)
      << " % of the length in the largest";
  if (r.strongComponents != r.components.size()) {
    out << "; " << r.strongComponents << " strongly connected parts (one-way streets trap some nodes)";
  }
  out << '\n';
  const std::size_t shown = std::min<std::size_t>(r.components.size(), 11);
  for (std::size_t c = 1; c < shown; ++c) {
    const tools::NetworkComponent& p = r.components[c];
    out << "    part " << c + 1 << ": " << p.nodes << " nodes, " << p.edges << " edges, " << km(p.lengthMeters)
        << ", near " << formatFixed(p.where.lon, 3) << "°E " << formatFixed(p.where.lat, 3) << "°N, features";
    for (std::int64_t f : p.someFeatures) out << ' ' << f;
    out << '\n';
  }
  if (r.components.size() > shown) out << "    … and " << r.components.size() - shown << " more\n";
}

void addPartnerNetworkOptions(CLI::App& cmd, NetworkSource& s) {
  s.network.clear();
  cmd.add_option("--network", s.network,
                 "Measure along a network: builtin (the schematic Gansu trunk network) or a line layer / OSM extract; "
                 "default: straight line × detour");
  cmd.add_option("--network-layer", s.layer, "Layer of the network file (OSM extracts: lines)");
  cmd.add_option("--mode", s.mode, "Network lines to use: road, rail or both")
      ->check(CLI::IsMember({"road", "rail", "both"}))
      ->capture_default_str();
  cmd.add_option("--join-tolerance", s.joinTolerance, "Network line ends this close join")->capture_default_str();
  nonEmptyPath(cmd.add_option("--network-cache", s.cache,
                              "Keep the --network's preprocessed form (its contraction hierarchy) in this file: read "
                              "when it fits, else built and written there (replaced only with --overwrite)"));
  cmd.add_option("--snap", s.snap,
                 "Sites farther than this from every line fall back to the straight line (default: " +
                     tools::defaultText(tools::spec::network::builtinSnap) + " on the built-in network, " +
                     tools::defaultText(tools::spec::network::snap) + " on a road layer)");
}

std::unique_ptr<NetworkRouter> loadPartnerNetwork(const NetworkSource& s, const core::DataPaths& paths,
                                                  double detourFactor, bool overwrite, std::ostream& log) {
  if (s.network.empty()) {
    if (!s.cache.empty()) throw core::ParameterError("--network-cache keeps a --network's hierarchy: give --network");
    return nullptr;
  }
  net::RouterOptions options = routerOptions(s);
  options.metric = net::Metric::Length;
  options.detourFactor = detourFactor;
  options.validate();
  auto r = std::make_unique<NetworkRouter>(NetworkRouter{loadNetwork(s, paths, log), nullptr, ""});
  printNetworkReport(r->network, log);
  r->router = std::make_unique<net::Router>(r->network.graph(), options);
  useNetworkCache(s, overwrite, *r->router, log);
  r->label = s.network == "builtin" ? "schematic trunk network" : std::filesystem::path(s.network).filename().string();
  return r;
}

}  // namespace circatlas::cli
