// Ranks the receivers each supply could go to, by a documented score, within the material's distance limit.
#pragma once

#include <functional>
#include <vector>

#include "analysis/partners/exchange_problem.h"

namespace circatlas::analysis::partners {

/// A possible exchange from supplies[supply] to receivers[receiver].
struct Candidate {
  std::uint32_t supply = 0;
  std::uint32_t receiver = 0;
  Leg leg;
  double transportCostPerUnit = 0.0;  ///< km × cost per unit·km, CNY per unit
  double netBenefitPerUnit = 0.0;     ///< disposal cost avoided − transport cost, CNY per unit
  double coverShare = 0.0;            ///< share of the supply the receiver can take (1 when unknown)
  bool sameGroup = false;
  double score = 0.0;                 ///< see findCandidates
};

/// Distance from one site to another (the network tool with its fallback, or a test stub).
using DistanceFn = std::function<Leg(std::uint32_t fromSite, std::uint32_t toSite)>;

struct CandidateOptions {
  std::size_t topK = 10;  ///< per supply; 0 = all within the distance limit
  /// Supplies are split over this many threads (0 = all cores); the distance function must then
  /// be safe to call concurrently. Output is identical whatever the number.
  unsigned threads = 1;
};

/// For every supply, the receivers of the same material (other than itself) within the
/// material's maxDistanceKm, best first. Score, in CNY per year:
///   netBenefitPerUnit × min(supply, receiver capacity)   (capacity unknown: the supply)
///   × 1.1 when both sites share a park or cluster (shared infrastructure, no public road leg)
/// Ties break by shorter distance, then receiver index, so output is deterministic.
/// Supplies with no receiver in range get no candidates (see unmatchedSupplies).
[[nodiscard]] std::vector<Candidate> findCandidates(const ExchangeProblem& problem, const DistanceFn& distance,
                                                    const CandidateOptions& options = {});

/// Indices of supplies that have no candidate: reported, never silently dropped.
[[nodiscard]] std::vector<std::uint32_t> unmatchedSupplies(const ExchangeProblem& problem,
                                                           const std::vector<Candidate>& candidates);

}  // namespace circatlas::analysis::partners
