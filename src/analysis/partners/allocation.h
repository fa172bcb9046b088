// Who sends how much to whom: the optimal allocation (min-cost max-flow) and greedy nearest-first beside it.
#pragma once

#include <vector>

#include "analysis/partners/candidates.h"

namespace circatlas::analysis::partners {

/// One exchange of the allocation.
struct Exchange {
  std::uint32_t candidate = 0;  ///< index into the candidates the allocation was given
  std::uint32_t supply = 0;
  std::uint32_t receiver = 0;
  double quantity = 0.0;  ///< units per year
  double km = 0.0;
  double transportCost = 0.0;  ///< CNY per year
};

struct Allocation {
  std::vector<Exchange> exchanges;
  double matched = 0.0;        ///< units per year, all materials (use perMaterial for sums that mean something)
  double unitKm = 0.0;         ///< Σ quantity × km
  double transportCost = 0.0;  ///< CNY per year
  std::vector<double> matchedPerMaterial;
  std::vector<double> suppliedPerMaterial;
  /// Receivers left out because their capacity is unknown (they appear among candidates only).
  std::vector<std::uint32_t> receiversWithoutCapacity;
};

/// The exchanges that use the most residue and, among those, cost the least transport, under
/// supply quantities and receiver capacities — solved exactly, per material, as a min-cost
/// maximum flow (LEMON: push–relabel for the most units that can move, then network simplex
/// for the cheapest way to move them). Quantities are rounded to whole units
/// and costs to 0.001 CNY per unit so the solver works in exact integers. Only candidate pairs
/// (within the material's distance limit) can carry flow; receivers of unknown capacity are
/// left out and listed.
[[nodiscard]] Allocation allocateOptimal(const ExchangeProblem& problem, const std::vector<Candidate>& candidates);

/// For comparison: candidate pairs taken nearest first, each moving as much as supply and
/// capacity still allow.
[[nodiscard]] Allocation allocateGreedy(const ExchangeProblem& problem, const std::vector<Candidate>& candidates);

}  // namespace circatlas::analysis::partners
