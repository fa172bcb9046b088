// Network options shared by `route` and `distances`: reading the layer, building the graph, reporting its parts.
#include "cli/network_source.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
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
      "Keep the built network and its contraction hierarchy in this file: later runs on the same network file "
      "(its content), options and --metric read it instead of the network; else built and written there (a file "
      "that does not fit is replaced only with --overwrite)"));
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

namespace {

// Where the network is read from and how it becomes a graph.
struct NetworkRecipe {
  std::string path;
  io::ReadOptions read;
  tools::NetworkParams params;
  bool builtin = false;

  // Everything that decides the graph made from the file, for the cache key: exact numbers (hex floats).
  [[nodiscard]] std::string text() const {
    char number[64];
    auto hex = [&](double v) {
      std::snprintf(number, sizeof number, "%a", v);
      return std::string(number);
    };
    return "layer=" + read.layer.value_or("") + "\nroad=" + std::to_string(params.includeRoad) +
           "\nrail=" + std::to_string(params.includeRail) + "\nsnap_m=" + hex(params.snapToleranceMeters) +
           "\nroad_cny=" + hex(params.roadCostYuanPerTonneKm) + "\nrail_cny=" + hex(params.railCostYuanPerTonneKm) +
           "\nclass=" + params.classField + "\nmode=" + params.modeField + "\nspeed=" + params.speedField +
           "\noneway=" + params.onewayField + "\nlength=" + params.lengthField.value_or("") +
           "\nunknown_kmh=" + hex(params.unknownClassSpeedKmh);
  }
};

NetworkRecipe recipeOf(const NetworkSource& s, const core::DataPaths& paths) {
  NetworkRecipe r;
  r.params.snapToleranceMeters = core::parseDistanceMeters(s.joinTolerance);
  r.params.includeRoad = s.mode != "rail";
  r.params.includeRail = s.mode != "road";
  r.path = s.network;
  r.builtin = s.network == "builtin";
  if (r.builtin) {
    r.path = (paths.dataDir() / "network" / "gansu_trunk.csv").string();
    r.params.lengthField = tools::spec::network::builtinLengthField.text;
  }
  if (!s.lengthField.empty()) r.params.lengthField = s.lengthField;
  if (!s.layer.empty()) {
    r.read.layer = s.layer;
  } else if (isOsmExtract(r.path)) {
    r.read.layer = "lines";
  }
  return r;
}

void announce(const NetworkRecipe& r, std::ostream& log) {
  if (r.builtin) {
    log << "Network: the built-in SCHEMATIC Gansu trunk network (straight lines between seats; lengths are "
           "estimates, see data/README.md)\n";
  } else {
    log << "Network: " << r.path << '\n';
  }
}

tools::RoadNetwork build(const NetworkRecipe& r, core::Progress* progress) {
  core::Layer lines = io::readLayer(r.path, r.read);
  try {
    return tools::buildNetwork(std::move(lines), r.params, progress);
  } catch (core::Error& e) {
    e.setFile(r.path);
    throw;
  }
}

std::string mebibytes(std::uint64_t bytes) {
  return bytes < 1048576 ? formatFixed(static_cast<double>(bytes) / 1024.0, 1) + " KiB"
                         : formatFixed(static_cast<double>(bytes) / 1048576.0, 1) + " MiB";
}

}  // namespace

io::OutputTarget networkCacheTarget(const NetworkSource& s) {
  return fileTarget(s.cache, /*overwrite=*/true, "--network-cache");
}

std::unique_ptr<NetworkRouter> openNetwork(const NetworkSource& s, const core::DataPaths& paths,
                                           const net::RouterOptions& options, bool overwrite, std::ostream& log,
                                           core::Progress* progress) {
  const NetworkRecipe recipe = recipeOf(s, paths);
  announce(recipe, log);
  auto made = [&](tools::RoadNetwork network) {
    auto r = std::make_unique<NetworkRouter>(NetworkRouter{std::move(network), nullptr, ""});
    r->router = std::make_unique<net::Router>(r->network.graph(), options, progress);
    r->label = recipe.builtin ? "schematic trunk network" : std::filesystem::path(recipe.path).filename().string();
    return r;
  };
  if (s.cache.empty()) {
    auto r = made(build(recipe, progress));
    printNetworkReport(r->network, log);
    return r;
  }
  const std::optional<std::uint64_t> key = tools::networkSourceKey(recipe.path, recipe.text());
  if (!key) {
    throw core::ParameterError("--network-cache keeps networks read from files; " + recipe.path +
                               " is a database or service, whose content a cache cannot vouch for");
  }
  if (std::filesystem::exists(s.cache)) {
    tools::CacheRead cache = tools::readNetworkCache(s.cache, *key, options.metric);
    if (cache.network) {
      auto r = made(std::move(*cache.network));
      printNetworkReport(r->network, log);
      log << "Network cache: " << s.cache << " read (the network and " << cache.hierarchy->shortcutCount()
          << " shortcuts: the network file is not read, nothing is built or contracted)\n";
      r->router->useHierarchy(std::move(*cache.hierarchy));
      return r;
    }
    if (!overwrite) {
      throw core::ParameterError(s.cache + ": " + cache.why +
                                 "; pass --overwrite to build it again there, or name another --network-cache");
    }
    log << "Network cache: " << s.cache << " is " << cache.why << "; building it again (--overwrite)\n";
  }
  auto r = made(build(recipe, progress));
  printNetworkReport(r->network, log);
  const auto started = std::chrono::steady_clock::now();
  const net::ContractionHierarchy& ch = r->router->hierarchy();
  if (ch.empty()) return r;  // cancelled: nothing is written
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::uint64_t bytes = tools::writeNetworkCache(r->network, ch, *key, s.cache);
  log << "Network cache: contracted in " << formatFixed(seconds, 1) << " s (" << ch.shortcutCount()
      << " shortcuts); the network and its hierarchy written to " << s.cache << " (" << mebibytes(bytes) << ")\n";
  return r;
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
                              "Keep the built --network and its contraction hierarchy in this file: read instead of "
                              "the network when it fits, else built and written there (replaced only with "
                              "--overwrite)"));
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
  return openNetwork(s, paths, options, overwrite, log);
}

}  // namespace circatlas::cli
