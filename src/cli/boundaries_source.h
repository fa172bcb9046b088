// --boundaries FILE[:LAYER]: the administrative units overlay, hotspots, cluster and export count
// and map a registry on (default: Gansu's counties and prefectures), and the line that says which.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "core/data_paths.h"
#include "io/output_target.h"
#include "io/registry_boundaries.h"
#include "tools/hotspots_tool.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// Adds --boundaries FILE[:LAYER] to a command.
void addBoundariesOption(CLI::App& cmd, std::string& spec);

/// The --boundaries file as an input of the output policy (nothing when not given).
void addBoundariesInput(std::vector<io::InputRef>& inputs, const std::string& spec);

/// The boundaries an analysis of `registry` uses, with how many of its located enterprises lie in them.
struct UsedBoundaries {
  io::Boundaries boundaries;
  std::size_t located = 0;  ///< enterprises with a location
  std::size_t inside = 0;   ///< of those, in a unit of the boundaries
  /// Per enterprise row, the unit it lies in (tools::enterpriseUnits): an analysis counting on the
  /// boundaries' units need not locate a million enterprises a second time.
  std::vector<std::optional<std::size_t>> unitOfEnterprise;
};

/// A registry outside Gansu (tools::registryInGansu false) that took the built-in projects with
/// --with-builtin: Gansu's projects and their flows are taken out of it, and a line on stdout says
/// so. Nothing happens to a registry in Gansu or without the built-in projects. `used`, when given
/// and on the built-in boundaries (loadBoundaries without --boundaries), has located the
/// enterprises in Gansu's counties already: they are not located again.
void withoutGansuProjects(catalogue::Catalogue& registry, const core::DataPaths& paths,
                          const UsedBoundaries* used = nullptr);

/// Why hotspots gave no Gi* on `boundaries` (tools::HotspotsResult::giStar false), in words that
/// say what to do: too few units, or no site with output of `material` in any of them.
[[nodiscard]] std::string noGiStarReason(const tools::HotspotsResult& result, const io::Boundaries& boundaries,
                                         const std::string& material);

/// Reads the boundaries of `spec` (io::readBoundaries), or the base map's when `spec` is empty,
/// counts the registry's enterprises in them and, unless both the registry and the boundaries are
/// the built-in ones, prints to stdout which boundaries were used and how many enterprises lie
/// outside them ("Boundaries: …; 4 of 4 enterprises lie outside them …").
[[nodiscard]] UsedBoundaries loadBoundaries(const std::string& spec, const catalogue::Catalogue& registry,
                                            const core::DataPaths& paths);

}  // namespace circatlas::cli
