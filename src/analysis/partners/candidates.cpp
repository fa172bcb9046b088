// Candidate search: per supply, the receivers of its material in range, scored and ranked.
#include "analysis/partners/candidates.h"

#include <algorithm>
#include <tuple>

namespace circatlas::analysis::partners {

std::vector<Candidate> findCandidates(const ExchangeProblem& problem, const DistanceFn& distance,
                                      const CandidateOptions& options) {
  // Receivers per material, so each supply only looks at its own material's users.
  std::vector<std::vector<std::uint32_t>> byMaterial(problem.materials.size());
  for (std::uint32_t r = 0; r < problem.receivers.size(); ++r) {
    byMaterial.at(problem.receivers[r].material).push_back(r);
  }
  auto groupOf = [&](std::uint32_t site) {
    return site < problem.siteGroup.size() ? problem.siteGroup[site] : -1;
  };

  std::vector<Candidate> out;
  for (std::uint32_t s = 0; s < problem.supplies.size(); ++s) {
    const Supply& supply = problem.supplies[s];
    const MaterialRule& rule = problem.materials.at(supply.material);
    std::vector<Candidate> mine;
    for (const std::uint32_t r : byMaterial[supply.material]) {
      const Receiver& receiver = problem.receivers[r];
      if (receiver.site == supply.site) continue;
      const Leg leg = distance(supply.site, receiver.site);
      if (leg.km > rule.maxDistanceKm) continue;
      Candidate c;
      c.supply = s;
      c.receiver = r;
      c.leg = leg;
      c.transportCostPerUnit = leg.km * rule.costPerUnitKm;
      c.netBenefitPerUnit = rule.disposalCostPerUnit - c.transportCostPerUnit;
      const double takeable = receiver.capacity ? std::min(*receiver.capacity, supply.quantity) : supply.quantity;
      c.coverShare = supply.quantity > 0 ? takeable / supply.quantity : 0.0;
      c.sameGroup = groupOf(supply.site) >= 0 && groupOf(supply.site) == groupOf(receiver.site);
      c.score = c.netBenefitPerUnit * takeable * (c.sameGroup ? 1.1 : 1.0);
      mine.push_back(c);
    }
    std::sort(mine.begin(), mine.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(b.score, a.leg.km, a.receiver) < std::tie(a.score, b.leg.km, b.receiver);
    });
    if (options.topK > 0 && mine.size() > options.topK) mine.resize(options.topK);
    out.insert(out.end(), mine.begin(), mine.end());
  }
  return out;
}

std::vector<std::uint32_t> unmatchedSupplies(const ExchangeProblem& problem, const std::vector<Candidate>& candidates) {
  std::vector<bool> matched(problem.supplies.size(), false);
  for (const auto& c : candidates) matched[c.supply] = true;
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < matched.size(); ++s) {
    if (!matched[s]) out.push_back(s);
  }
  return out;
}

}  // namespace circatlas::analysis::partners
