// Ranks the receivers each supply could go to, by a documented score, within the material's distance limit.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "analysis/partners/exchange_problem.h"

namespace circatlas::analysis::partners {

/// A possible exchange from supplies[supply] to receivers[receiver].
struct Candidate {
  std::uint32_t supply = 0;
  std::uint32_t receiver = 0;
  Leg leg;
  double straightKm = 0.0;            ///< straight line (geodesic when site lon/lat are given)
  double transportCostPerUnit = 0.0;  ///< km × cost per unit·km, CNY per unit
  double lossPerUnit = 0.0;           ///< value lost on the way (pipe heat loss), CNY per unit
  /// disposal cost avoided + value of what it replaces − transport − loss, CNY per unit
  double netBenefitPerUnit = 0.0;
  /// share of the supply the receiver can take; nullopt when the supply or the capacity is unknown
  std::optional<double> coverShare;
  bool sameGroup = false;
  double score = 0.0;  ///< see findCandidates
};

/// Distance from one site to another (the network tool with its fallback, or a test stub).
using DistanceFn = std::function<Leg(std::uint32_t fromSite, std::uint32_t toSite)>;

struct CandidateOptions {
  std::size_t topK = 10;  ///< per supply; 0 = all within the distance limit
  /// Supplies are split over this many threads (0 = all cores); the distance function must then
  /// be safe to call concurrently. Output is identical whatever the number.
  unsigned threads = 1;
  /// For supplies of unknown quantity (never allocated, only listed): at most this many; 0 = topK.
  std::size_t topKUnquantified = 0;
  /// With ExchangeProblem::siteScale: the geodesic is measured for this many best candidates of
  /// each supply (the listed ones), the rest keep the scale-corrected projected length; 0 = all.
  std::size_t exactTopK = 0;
};

/// For every supply, the receivers of the same material (other than itself) within the
/// material's maxDistanceKm, best first. Score, in CNY per year (per unit when the supply's
/// quantity is unknown):
///   netBenefitPerUnit × supply × cover
///   cover = min(1, capacity / supply) when both are known, else problem.unknownCoverShare × the
///           receiver's sizeShare
///   × groupBonus when both sites share a park or cluster (shared infrastructure)
///   × the receiver's weight (< 1 for a use inferred from the industry code; a negative score is
///     divided by it instead, so inferred receivers always rank below equal merit)
/// Ties break by shorter distance, then receiver index, so output is deterministic.
/// Supplies with no receiver in range get no candidates (see unmatchedSupplies).
[[nodiscard]] std::vector<Candidate> findCandidates(const ExchangeProblem& problem, const DistanceFn& distance,
                                                    const CandidateOptions& options = {});

/// Indices of supplies that have no candidate: reported, never silently dropped.
[[nodiscard]] std::vector<std::uint32_t> unmatchedSupplies(const ExchangeProblem& problem,
                                                           const std::vector<Candidate>& candidates);

}  // namespace circatlas::analysis::partners
