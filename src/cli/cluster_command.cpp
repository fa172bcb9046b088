// `circatlas cluster`: DBSCAN clusters of enterprises with hulls and profiles, and a k-distance report for eps.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "analysis/cluster/k_distance.h"
#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/output_policy.h"
#include "cli/progress_bar.h"
#include "cli/result_output.h"
#include "cli/table_printer.h"
#include "core/data_paths.h"
#include "core/units.h"
#include "io/layer_writer.h"
#include "tools/analysis_specs.h"
#include "tools/cluster_tool.h"

namespace circatlas::cli {

namespace {

struct ClusterOptions {
  CatalogueSource catalogue;
  std::string boundaries;
  tools::ClusterParams params;
  std::string eps = tools::defaultText(tools::spec::cluster::eps);
  bool kDistance = false;
  std::string members = "points";
  std::string out;
  bool overwrite = false;
  std::string schema;
};

void printKDistance(const analysis::cluster::KDistanceReport& report) {
  const int minPoints = report.minPoints;
  std::cout << "k-distance (distance to the " << minPoints << "-th nearest point, counting the point itself):\n";
  for (const auto& q : report.quantiles) {
    std::cout << "  " << formatFixed(q.fraction * 100, 0) << " % of enterprises within "
              << formatFixed(q.distanceMeters / 1000, 2) << " km\n";
  }
  if (report.kneeEpsMeters) {
    std::cout << "  knee of the curve: eps ≈ " << formatFixed(*report.kneeEpsMeters / 1000, 2) << " km\n";
  }
}

void runClusterCommand(const ClusterOptions& options, const core::DataPaths& paths) {
  tools::ClusterParams params = options.params;
  params.epsMeters = core::parseDistanceMeters(options.eps);
  std::vector<io::InputRef> inputs;
  addCatalogueInput(inputs, options.catalogue);
  addBoundariesInput(inputs, options.boundaries);
  checkSchemaOption({options.out, options.overwrite, options.schema});
  checkTargets({layerFileTarget(options.out, options.overwrite, 3)}, inputs, paths);
  // Without --out the members are never written, so none are built (the counts printed come from the tool).
  params.members = options.out.empty() || options.members == "none" ? tools::MembersForm::None
                   : options.members == "table"                     ? tools::MembersForm::Table
                                                                    : tools::MembersForm::Points;
  CatalogueSource source = options.catalogue;
  if (params.members == tools::MembersForm::Points) source.request.enterpriseRoom = tools::kClusterMemberFields;
  catalogue::Catalogue registry = loadCatalogue(source, paths);
  printOrigin(registry);
  const core::Layer& enterprises = registry.enterprises;
  const UsedBoundaries used = loadBoundaries(options.boundaries, registry, paths);
  const core::Layer& counties = used.boundaries.units;
  params.kDistance = options.kDistance;
  params.enterpriseCounties = &used.unitOfEnterprise;  // located on these counties by loadBoundaries
  // The registry's enterprises are needed no more once clustered: the members layer takes them over.
  params.consumedEnterprises = &registry.enterprises;
  const std::size_t enterpriseCount = enterprises.size();
  ProgressBar progress;
  const tools::ClusterResult r =
      tools::runCluster(enterprises, registry.flows, counties, &registry.parks, params, &progress);
  progress.finish();
  if (r.kDistance) printKDistance(*r.kDistance);
  const auto& h = r.convexHulls;
  TablePrinter table({"Cluster", "Members", "Core", "Border", "Shannon", "Area km²", "Prefectures", "Parks"},
                     {true, true, true, true, true, true, false, false});
  for (std::size_t i = 0; i < h.size(); ++i) {
    table.addRow({core::toString(h.value(i, "cluster_id")), core::toString(h.value(i, "members")),
                  core::toString(h.value(i, "core")), core::toString(h.value(i, "border")),
                  formatFixed(std::get<double>(h.value(i, "shannon")), 2),
                  formatFixed(std::get<double>(h.value(i, "area_km2")), 1), core::toString(h.value(i, "prefectures")),
                  core::toString(h.value(i, "parks"))});
  }
  table.print(std::cout);
  std::cout << h.size() << " cluster(s), " << r.noise << " of " << enterpriseCount - r.unlocated
            << (r.unlocated > 0 ? " located" : "") << " enterprises are noise"
            << (r.unlocated > 0 ? ", " + std::to_string(r.unlocated) + " without a location are in none"
                                : std::string())
            << " (" << r.parameters << ")\n";
  if (!options.out.empty()) {
    std::vector<const core::Layer*> out{&r.convexHulls, &r.concaveHulls};
    if (params.members != tools::MembersForm::None) out.insert(out.begin(), &r.members);
    writeResults(out, {options.out, options.overwrite, options.schema}, {&registry, "circatlas cluster", r.parameters},
                 paths);
    std::cout << "Wrote " << options.out << '\n';
  }
}

}  // namespace

void addClusterCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<ClusterOptions>();
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Where enterprises cluster closely enough to share infrastructure: DBSCAN in metres (Gansu conformal "
      "conic), with convex and concave hulls, industry mix and diversity, tonnes per material, prefectures "
      "and parks per cluster.");
  namespace spec = tools::spec::cluster;
  cmd->add_option("--eps", options->eps, tools::helpText(spec::eps))->capture_default_str();
  cmd->add_option("--min-points", options->params.minPoints, tools::helpText(spec::minPoints))->capture_default_str();
  cmd->add_flag("--dbscan-star", options->params.borderPointsAsNoise, tools::helpText(spec::dbscanStar));
  cmd->add_flag("--k-distance", options->kDistance, "Print the k-distance distribution to help choose eps");
  nonEmptyPath(cmd->add_option("--out,-o", options->out,
                               "Write members and hulls to this GeoPackage (or PostGIS: PG:\"service=NAME\")"));
  cmd->add_option("--members", options->members,
                  "How --out holds the members: points (cluster_members: every enterprise with its point, fields, "
                  "cluster_id and role), table (cluster_membership: id, cluster_id and role only, to join to the "
                  "registry by id; much smaller and faster for large registries) or none (hulls only)")
      ->check(CLI::IsMember({"points", "table", "none"}))
      ->capture_default_str();
  addOverwriteFlag(*cmd, options->overwrite);
  addSchemaOption(*cmd, options->schema);
  addCatalogueOption(*cmd, options->catalogue);
  addBoundariesOption(*cmd, options->boundaries);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runClusterCommand(*options, paths); }; });
}

}  // namespace circatlas::cli
