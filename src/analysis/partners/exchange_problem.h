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
  double maxDistanceKm = 0.0;        ///< beyond this the exchange is not considered
  double costPerUnitKm = 0.0;        ///< transport cost, CNY per unit per km
  double disposalCostPerUnit = 0.0;  ///< avoided when the residue is used instead, CNY per unit
  double valuePerUnit = 0.0;         ///< what the material replaces at the receiver, CNY per unit
  /// > 0: the material moves by pipe, its length the straight line × this factor whatever the road
  /// network; 0: by road (the distance provider's km).
  double pipeRouteFactor = 0.0;
  double lossPerKm = 0.0;  ///< share of the value lost per km (heat loss of a pipe)
};

/// A residue on offer: `quantity` units per year of `material` at `site` (unknown: a candidate
/// of unknown quantity, ranked per unit and never allocated).
struct Supply {
  std::uint32_t site = 0;
  std::uint32_t material = 0;
  std::optional<double> quantity;
};

/// A user of a material at `site`. Capacity in units per year when known; `capacityEstimated`
/// says it comes from an estimate (capacity × a factor) rather than a declared input.
struct Receiver {
  std::uint32_t site = 0;
  std::uint32_t material = 0;
  std::optional<double> capacity;
  bool capacityEstimated = false;
  double weight = 1.0;  ///< < 1 for a use inferred from the industry code alone (ranks below equal merit)
  /// Capacity unknown: its size (a proxy in its record: the enterprise's capacity in other units)
  /// relative to the largest receiver of the material measured alike, in (0, 1]; the share of a
  /// supply it is taken to absorb for ranking is unknownCoverShare × this. 1 without a proxy.
  double sizeShare = 1.0;
};

/// Travel between two sites as the distance provider measured it.
struct Leg {
  double km = 0.0;
  bool routed = false;  ///< false: straight line × detour factor (no network, unreachable, not snapped)
  bool pipe = false;    ///< true: pipe length (straight line × the material's pipe route factor)
};

/// Everything a partner search needs, with indices into these arrays throughout.
struct ExchangeProblem {
  std::vector<MaterialRule> materials;
  std::vector<Supply> supplies;
  std::vector<Receiver> receivers;
  /// Sites that share a park or cluster (same non-negative group id) get a bonus; -1 = none.
  std::vector<std::int32_t> siteGroup;
  /// Site positions in metres (a conformal projection). When given, receivers farther than the
  /// material's maxDistanceKm × prefilterScale in the projection are skipped without measuring:
  /// a route is never shorter than the straight line. This is what makes 100 k enterprises tractable.
  std::vector<core::XY> sitePositions;
  /// Site positions in WGS 84. When given, straight lines are geodesics on the ellipsoid (measured
  /// only for the pairs the projected prefilter keeps); otherwise projected distances.
  std::vector<core::LonLat> siteLonLat;
  /// Largest ratio of projected to true distance over the data (the projection's largest scale
  /// factor, with a margin), so the prefilter never drops a pair the geodesic would keep.
  double prefilterScale = 1.0;
  /// Smallest ratio of projected to true distance (with a margin): with prefilterScale it brackets
  /// a pair's true distance from its projected one, so only pairs that could rank are measured.
  double prefilterMinScale = 1.0;
  /// Scale factor of the projection at each site (projected / true length). When given with
  /// siteLonLat, a pair's straight line is first taken as its projected length / the mean of the
  /// two sites' factors (within about 1e-5 of the geodesic below 200 km); the geodesic itself is
  /// measured for the best CandidateOptions::exactTopK of each supply.
  std::vector<double> siteScale;
  /// For ranking only: the share of a supply a receiver of unknown capacity is taken to absorb
  /// (× its sizeShare), and the share taken when the supply's quantity is unknown.
  double unknownCoverShare = 0.5;
  double groupBonus = 1.1;  ///< score factor for two sites of one park or cluster
  /// When > 0 (and sitePositions are given), distances are the straight line × this factor,
  /// computed inline instead of through the distance function: the fallback when there is no
  /// road network, and fast enough for 100 k enterprises.
  double straightLineDetour = 0.0;
};

}  // namespace circatlas::analysis::partners
