// How a subcommand plugs into the CLI: it registers its options and, when chosen, sets the action.
#pragma once

#include <functional>

#include "core/data_paths.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// The work chosen on the command line; run by main inside its single try/catch. Each command's
/// `paths` is main's DataPaths (read from the environment once), which outlives the action.
using Action = std::function<void()>;

/// `circatlas atlas --out DIR`: the GeoPackage of all layers and every preset figure per region.
void addAtlasCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas export --out FILE.gpkg`: source and result layers with styles and provenance.
void addExportCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas figure --preset NAME --out FILE`: one planning figure as PNG, PDF or SVG.
void addFigureCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas info [SOURCE] [--layer NAME]`: layers, counts, geometry types, CRS and extents.
void addInfoCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas partners`: ranked candidate exchange partners with reasons.
void addPartnersCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas allocate`: optimal and greedy allocation of residues, per material.
void addAllocateCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas whatif [--project ID…]`: the change each proposed project makes to the allocation.
void addWhatIfCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas overlay`: county and prefecture codes and per-unit summaries.
void addOverlayCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas hotspots --material CODE`: density surface and county Gi* hot spots.
void addHotspotsCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas cluster --eps 5km`: DBSCAN clusters with hulls and profiles.
void addClusterCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas route FROM TO`: distance, time and cost of one trip on the road network.
void addRouteCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas distances --from LAYER --to LAYER --out FILE`: network distances of every pair.
void addDistancesCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas synth --out PATH`: a seeded synthetic registry for tests and benchmarks.
void addSynthCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

/// `circatlas validate [PATH]`: checks a catalogue folder or a registry, listing file:line:field problems.
void addValidateCommand(CLI::App& app, Action& action, const core::DataPaths& paths);

}  // namespace circatlas::cli
