// The plain-array description of a residue-exchange problem: sites, supplies, receivers, material rules.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/points.h"

namespace circatlas::analysis::partners {

/// Economic rules of one material (from the materials catalogue; units are the material's unit,
/// e.g. tonnes, MWh or m³).
struct MaterialRule {
  double maxDistanceKm = 0.0;           ///< beyond this the exchange is not considered
  double costPerUnitKm = 0.0;           ///< transport cost, CNY per unit per km
  double disposalCostPerUnit = 0.0;     ///< avoided when the residue is used instead, CNY per unit
};

/// A residue on offer: `quantity` units per year of `material` at `site`.
struct Supply {
  std::uint32_t site = 0;
  std::uint32_t material = 0;
  double quantity = 0.0;
};

/// A user of a material at `site`. Capacity in units per year when known; `capacityEstimated`
/// says it comes from an estimate (capacity × a factor) rather than a declared input.
struct Receiver {
  std::uint32_t site = 0;
  std::uint32_t material = 0;
  std::optional<double> capacity;
  bool capacityEstimated = false;
};

/// Travel between two sites as the distance provider measured it.
struct Leg {
  double km = 0.0;
  bool routed = false;  ///< false: straight line × detour factor (no network, unreachable, not snapped)
};

/// Everything a partner search needs, with indices into these arrays throughout.
struct ExchangeProblem {
  std::vector<MaterialRule> materials;
  std::vector<Supply> supplies;
  std::vector<Receiver> receivers;
  /// Sites that share a park or cluster (same non-negative group id) get a bonus; -1 = none.
  std::vector<std::int32_t> siteGroup;
  /// Site positions in metres (analysis CRS). When given, receivers farther than the material's
  /// maxDistanceKm in a straight line are skipped without asking the distance function: a route
  /// is never shorter than the straight line. This is what makes 100 k enterprises tractable.
  std::vector<core::XY> sitePositions;
  /// When > 0 (and sitePositions are given), distances are the straight line × this factor,
  /// computed inline instead of through the distance function: the fallback when there is no
  /// road network, and fast enough for 100 k enterprises.
  double straightLineDetour = 0.0;
};

}  // namespace circatlas::analysis::partners
