// Reads the boundaries a command counts a registry on, and says which they are.
#include "cli/boundaries_source.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "geo/polygon_index.h"

namespace circatlas::cli {

void addBoundariesOption(CLI::App& cmd, std::string& spec) {
  cmd.add_option("--boundaries", spec,
                 "FILE[:LAYER]: the administrative units (polygons, any CRS) to count and map the registry on, "
                 "e.g. a registry's own districts; code, name and parent fields recognised (code, adcode, AGS, GID_2, "
                 "name, GEN, NAME_2, prefecture_code …). Default: Gansu's counties and prefectures");
}

void addBoundariesInput(std::vector<io::InputRef>& inputs, const std::string& spec) {
  if (spec.empty()) return;
  const auto [path, layer] = io::splitBoundariesSpec(spec);
  inputs.push_back({path, "--boundaries", layer});
}

UsedBoundaries loadBoundaries(const std::string& spec, const catalogue::Catalogue& registry,
                              const core::DataPaths& paths) {
  UsedBoundaries used{spec.empty() ? io::builtinBoundaries(paths.basemap()) : io::readBoundaries(spec), 0, 0};
  const core::Layer& enterprises = registry.enterprises;
  std::vector<core::Coord> points;
  for (const auto& f : enterprises.features()) {
    if (!f.geometry.isEmpty()) points.push_back(f.geometry.coords()[0]);
  }
  std::vector<core::Geometry> shapes;
  shapes.reserve(used.boundaries.units.size());
  for (const auto& f : used.boundaries.units.features()) shapes.push_back(f.geometry);
  used.located = points.size();
  for (const auto& unit : geo::locateAll(shapes, points)) used.inside += unit.has_value();
  if (registry.builtin && used.boundaries.builtin) return used;
  std::cout << "Boundaries: " << used.boundaries.label;
  const std::size_t outside = used.located - used.inside;
  if (outside == 0) {
    std::cout << "; every located enterprise lies in one\n";
  } else {
    std::cout << "; " << outside << " of " << used.located << " located enterprises lie outside them and are counted "
              << "in no unit"
              << (used.boundaries.builtin ? " (give the registry's own units with --boundaries FILE)" : "") << '\n';
  }
  return used;
}

}  // namespace circatlas::cli
