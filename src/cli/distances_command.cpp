// `circatlas distances --from LAYER --to LAYER`: the network distance, time and cost of every pair as a long table.
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
#include "core/error.h"
#include "io/layer_writer.h"
#include "tools/distances_tool.h"

namespace circatlas::cli {
namespace {

struct DistancesOptions {
  std::string from;
  std::string to;
  std::string fromLayer;
  std::string toLayer;
  std::string idField;
  NetworkSource network;
  CatalogueSource catalogue;
  std::string out;
  std::string routes;
  bool overwrite = false;
  std::string schema;
};

void runDistancesCommand(const DistancesOptions& o, const core::DataPaths& paths) {
  const auto options = routerOptions(o.network);
  // Check the output paths before the long work, so a typo costs nothing.
  (void)io::driverForPath(o.out);
  if (!o.routes.empty()) (void)io::driverForPath(o.routes);
  std::vector<io::InputRef> inputs = networkInputs(o.network, o.catalogue);
  for (const auto& [place, role] : {std::pair{o.from, "--from"}, std::pair{o.to, "--to"}}) {
    if (place != "enterprises" && place != "parks" && place != "seats") inputs.push_back({place, role, std::nullopt});
  }
  checkSchemaOption({o.out, o.overwrite, o.schema});
  checkTargets(
      {fileTarget(o.out, o.overwrite), fileTarget(o.routes, o.overwrite, "--routes"), networkCacheTarget(o.network)},
      std::move(inputs), paths);
  RegistryOnDemand registry(o.catalogue, paths);
  const auto origins = readPlaces(o.from, o.fromLayer, o.idField, registry, paths);
  const auto destinations = readPlaces(o.to, o.toLayer, o.idField, registry, paths);
  if (origins.empty() || destinations.empty()) {
    throw core::InputError(std::string(origins.empty() ? o.from : o.to) + ": no places to route between");
  }
  ProgressBar bar;
  const auto road = openNetwork(o.network, paths, options, o.overwrite, std::cout, &bar);
  const tools::DistancesResult r =
      tools::runDistances(road->network, *road->router, origins, destinations, !o.routes.empty(), &bar);
  bar.finish();
  const ResultProvenance provenance{registry.loaded(), "circatlas distances", r.parameters};
  const core::Layer* matrix[] = {&r.matrix};
  writeResults(matrix, {o.out, o.overwrite, o.schema}, provenance, paths);
  if (r.routes) {
    const core::Layer* routes[] = {&*r.routes};
    writeResults(routes, {o.routes, o.overwrite, o.schema}, provenance, paths);
  }
  std::cout << origins.size() << " × " << destinations.size() << " pairs (" << r.parameters << ")\n";
  for (std::size_t s = 0; s < r.statusCounts.size(); ++s) {
    if (r.statusCounts[s] == 0) continue;
    std::cout << "  " << r.statusCounts[s] << ' '
              << analysis::network::toString(static_cast<analysis::network::PairStatus>(s)) << '\n';
  }
  std::cout << "Wrote " << o.out << (r.routes ? " and " + o.routes : std::string()) << '\n';
}

}  // namespace

void addDistancesCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto o = std::make_shared<DistancesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "distances",
      "Network distance (m), travel time (s) and transport cost (CNY per tonne) between every origin and "
      "destination, as a long table: from_id, to_id, distance_m, time_s, cost_cny_per_t, status, method. "
      "Pairs that cannot be routed fall back to the straight line × detour and are flagged.");
  cmd->add_option("--from", o->from, "Origins: enterprises, parks, seats, or a point layer file")->required();
  cmd->add_option("--to", o->to, "Destinations: the same forms as --from")->required();
  cmd->add_option("--from-layer", o->fromLayer, "Layer of the --from file when it has several");
  cmd->add_option("--to-layer", o->toLayer, "Layer of the --to file when it has several");
  cmd->add_option("--id-field", o->idField,
                  "Field that names each place (default: id, else code, else the feature id)");
  nonEmptyPath(cmd->add_option("--out,-o", o->out, "The table: .csv, .gpkg or PostGIS (PG:…)")->required());
  nonEmptyPath(cmd->add_option("--routes", o->routes, "Also write the route line of every pair to this file (slower)"));
  addOverwriteFlag(*cmd, o->overwrite);
  addSchemaOption(*cmd, o->schema);
  addNetworkOptions(*cmd, o->network);
  addCatalogueOption(*cmd, o->catalogue);
  cmd->callback([o, &action, &paths] { action = [o, &paths] { runDistancesCommand(*o, paths); }; });
}

}  // namespace circatlas::cli
