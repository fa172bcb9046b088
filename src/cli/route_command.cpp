// `circatlas route FROM TO`: distance, time and cost of one trip on the road network, optionally its line.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/network_source.h"
#include "cli/output_policy.h"
#include "cli/place_source.h"
#include "cli/progress_bar.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "io/layer_writer.h"
#include "tools/distances_tool.h"

namespace circatlas::cli {
namespace {

struct RouteOptions {
  std::string from;
  std::string to;
  NetworkSource network;
  CatalogueSource catalogue;
  std::string out;
  bool overwrite = false;
  std::string schema;
};

void runRouteCommand(const RouteOptions& o, const core::DataPaths& paths) {
  const auto options = routerOptions(o.network);
  if (!o.out.empty()) (void)io::driverForPath(o.out);
  checkSchemaOption({o.out, o.overwrite, o.schema});
  checkTargets({fileTarget(o.out, o.overwrite), networkCacheTarget(o.network)}, networkInputs(o.network, o.catalogue),
               paths);
  RegistryOnDemand registry(o.catalogue, paths);
  const tools::Place from = resolvePlace(o.from, registry, paths);
  const tools::Place to = resolvePlace(o.to, registry, paths);
  ProgressBar bar;
  const auto road = openNetwork(o.network, paths, options, o.overwrite, std::cout, &bar);
  bar.finish();
  const tools::RouteOutcome r = tools::runRoute(road->network, *road->router, from, to);
  const auto& t = r.figures.totals;
  std::cout << "From " << o.from << " (" << formatFixed(from.lonLat.lon, 4) << ", " << formatFixed(from.lonLat.lat, 4)
            << ") to " << o.to << " (" << formatFixed(to.lonLat.lon, 4) << ", " << formatFixed(to.lonLat.lat, 4)
            << ")\n";
  std::cout << "  distance " << formatFixed(t.length.value() / 1000.0, 1) << " km, time "
            << formatFixed(t.time.value() / 3600.0, 2) << " h, cost " << formatFixed(t.cost.value(), 2) << " CNY/t\n";
  std::cout << "  status: " << analysis::network::toString(r.figures.status) << " — "
            << tools::methodOf(r.figures.status, options) << '\n';
  if (!r.via.empty()) {
    std::cout << "  via: " << r.via.front();
    for (std::size_t i = 1; i < r.via.size(); ++i) std::cout << " → " << r.via[i];
    std::cout << '\n';
  }
  if (!o.out.empty()) {
    const core::Layer* out[] = {&r.line};
    writeResults(out, {o.out, o.overwrite, o.schema},
                 {registry.loaded(), "circatlas route", road->network.parameters()}, paths);
    std::cout << "Wrote " << o.out << '\n';
  }
}

}  // namespace

void addRouteCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto o = std::make_shared<RouteOptions>();
  CLI::App* cmd = app.add_subcommand(
      "route",
      "Distance, travel time and transport cost (CNY per tonne) of one trip along the road network, with a "
      "straight-line × detour fallback that says so when the trip cannot be routed.");
  cmd->add_option("FROM", o->from,
                  "lon,lat (WGS 84), an enterprise or park id (E002, P001) or a seat name (Lanzhou, 兰州)")
      ->required();
  cmd->add_option("TO", o->to, "the same forms as FROM")->required();
  nonEmptyPath(cmd->add_option("--out,-o", o->out,
                               "Write the route line to this file (GeoPackage, GeoJSON, …) or PostGIS (PG:…)"));
  addOverwriteFlag(*cmd, o->overwrite);
  addSchemaOption(*cmd, o->schema);
  addNetworkOptions(*cmd, o->network);
  addCatalogueOption(*cmd, o->catalogue);
  cmd->callback([o, &action, &paths] { action = [o, &paths] { runRouteCommand(*o, paths); }; });
}

}  // namespace circatlas::cli
