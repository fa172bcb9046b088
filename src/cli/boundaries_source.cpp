// Reads the boundaries a command counts a registry on, and says which they are.
#include "cli/boundaries_source.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <utility>

#include "tools/catalogue_inputs.h"

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

void withoutGansuProjects(catalogue::Catalogue& registry, const core::DataPaths& paths, const UsedBoundaries* used) {
  auto& builtin = registry.builtinTables;
  if (std::find(builtin.begin(), builtin.end(), "projects") == builtin.end()) return;
  const bool inGansu = used && used->boundaries.builtin ? tools::registryInGansu(registry, used->unitOfEnterprise)
                                                        : tools::registryInGansu(registry, paths);
  if (inGansu) return;
  const std::size_t n = registry.projects.size();
  for (core::Layer* l : {&registry.projects, &registry.projectFlows}) {
    *l = core::Layer(l->name(), l->crs(), l->geometryType(), l->schema());
  }
  builtin.erase(std::remove_if(builtin.begin(), builtin.end(),
                               [](const std::string& t) { return t == "projects" || t == "project_flows"; }),
                builtin.end());
  std::cout << "Gansu's " << n
            << " projects (the built-in catalogue, --with-builtin) are not applied: the registry lies outside Gansu\n";
}

std::string noGiStarReason(const tools::HotspotsResult& result, const io::Boundaries& boundaries,
                           const std::string& material) {
  if (boundaries.units.size() < 3) {
    return "Gi* needs at least three units, " + std::string(boundaries.builtin ? "the base map" : "--boundaries") +
           " gives " + std::to_string(boundaries.units.size());
  }
  return "none of the " + std::to_string(result.outputSites) + " site(s) with output of " + material + " lies in " +
         (boundaries.builtin ? std::string("Gansu's counties (give the registry's own units with --boundaries FILE)")
                             : std::string("a unit of --boundaries"));
}

UsedBoundaries loadBoundaries(const std::string& spec, const catalogue::Catalogue& registry,
                              const core::DataPaths& paths) {
  UsedBoundaries used{spec.empty() ? io::builtinBoundaries(paths.basemap()) : io::readBoundaries(spec), 0, 0, {}};
  used.unitOfEnterprise = tools::enterpriseUnits(registry, used.boundaries.units);
  for (const auto& f : registry.enterprises.features()) used.located += !f.geometry.isEmpty();
  for (const auto& unit : used.unitOfEnterprise) used.inside += unit.has_value();
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
