// Getis–Ord Gi* local statistic with conditional-permutation p-values, for "where is production concentrated".
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace circatlas::analysis::hotspot {

/// Binary spatial weights: neighbours[i] lists the units adjacent to unit i (not i itself; Gi*
/// adds i). Symmetric in practice (contiguity), but not required.
using Neighbours = std::vector<std::vector<std::uint32_t>>;

struct GiStar {
  double z = 0.0;       ///< Gi* as a z-score (Ord and Getis 1995, eq. 14 with binary weights)
  double pValue = 1.0;  ///< pseudo p-value, two-sided, from conditional permutations
};

/// Gi*_i = (Σ_j w_ij x_j − X̄ W_i) / (S √((n Σ_j w_ij² − W_i²) / (n − 1))), with w_ii = 1, the
/// mean X̄ and standard deviation S (population form) over all n units. The pseudo p-value
/// holds x_i fixed, draws the neighbours' values at random from the other units (`permutations`
/// times, seeded, so results repeat) and counts draws at least as extreme: (k + 1) / (m + 1).
/// All z are 0 with p 1 when every value is equal. Throws core::ParameterError for fewer than
/// three units or neighbour lists of the wrong length.
[[nodiscard]] std::vector<GiStar> getisOrdGiStar(std::span<const double> values, const Neighbours& neighbours,
                                                 int permutations = 999, std::uint64_t seed = 12345);

}  // namespace circatlas::analysis::hotspot
