// Gi* z-scores and conditional-permutation pseudo p-values.
#include "analysis/hotspot/getis_ord.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/error.h"

namespace circatlas::analysis::hotspot {

std::vector<GiStar> getisOrdGiStar(std::span<const double> x, const Neighbours& neighbours, int permutations,
                                   std::uint64_t seed) {
  const std::size_t n = x.size();
  if (n < 3) throw core::ParameterError("Gi* needs at least three units");
  if (neighbours.size() != n) throw core::ParameterError("one neighbour list per unit is needed");
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto j : neighbours[i]) {
      if (j >= n || j == i) {
        throw core::ParameterError("unit " + std::to_string(i) + " lists an invalid neighbour " + std::to_string(j));
      }
    }
  }
  const double nd = static_cast<double>(n);
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / nd;
  double sumSquares = 0.0;
  for (const double v : x) sumSquares += v * v;
  const double variance = sumSquares / nd - mean * mean;
  std::vector<GiStar> out(n);
  if (!(variance > 0)) return out;
  const double s = std::sqrt(variance);

  auto zOf = [&](double localSum, double w) {
    // Binary weights: Σ w_ij = Σ w_ij² = W (neighbours plus the unit itself).
    const double denominator = s * std::sqrt((nd * w - w * w) / (nd - 1.0));
    return denominator > 0 ? (localSum - mean * w) / denominator : 0.0;
  };

  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> others(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& nb = neighbours[i];
    const double w = static_cast<double>(nb.size() + 1);
    double local = x[i];
    for (const auto j : nb) local += x[j];
    out[i].z = zOf(local, w);
    if (permutations <= 0 || nb.empty()) continue;
    // Conditional permutation: the neighbours' values come from the n − 1 other units.
    std::iota(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(i), 0U);
    std::iota(others.begin() + static_cast<std::ptrdiff_t>(i), others.end(), static_cast<std::uint32_t>(i + 1));
    int extreme = 0;
    for (int m = 0; m < permutations; ++m) {
      double sample = x[i];
      // Partial Fisher–Yates: the first |nb| entries become a random draw without replacement.
      for (std::size_t k = 0; k < nb.size(); ++k) {
        std::uniform_int_distribution<std::size_t> pick(k, others.size() - 1);
        std::swap(others[k], others[pick(rng)]);
        sample += x[others[k]];
      }
      if (std::abs(zOf(sample, w)) >= std::abs(out[i].z)) ++extreme;
    }
    out[i].pValue = (extreme + 1.0) / (permutations + 1.0);
  }
  return out;
}

}  // namespace circatlas::analysis::hotspot
