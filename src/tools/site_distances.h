// Road distances between catalogue sites for partner finding: one Router matrix, looked up per pair with its fallback
// flag.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/network/router.h"
#include "analysis/partners/exchange_problem.h"
#include "core/points.h"

namespace circatlas::tools {

/// The partners kernel's distance function (analysis::partners::DistanceFn) on a road network: the
/// distances from every origin site to every destination site are computed once through the router's
/// contraction hierarchy (both cores), then looked up. A pair the router could not route keeps the
/// router's straight line × detour and is marked not routed, so reasons say "straight line" for it.
/// Safe to call from several threads once built.
class SiteDistances {
 public:
  /// More pairs than this (about 40 bytes each while built) are refused with core::ParameterError.
  static constexpr std::size_t kMaxPairs = 10'000'000;

  /// positions: every site in metres (analysis CRS); origins/destinations: the site indices asked about.
  SiteDistances(const analysis::network::Router& router, std::span<const core::XY> positions,
                std::span<const std::uint32_t> origins, std::span<const std::uint32_t> destinations);

  /// Network km from site a to site b (a an origin, b a destination); straight line × detour, not
  /// routed, for a pair outside the matrix.
  [[nodiscard]] analysis::partners::Leg operator()(std::uint32_t a, std::uint32_t b) const;

  /// Pairs per analysis::network::PairStatus in the matrix.
  [[nodiscard]] const std::array<std::size_t, 4>& statusCounts() const noexcept { return counts_; }

 private:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;
  const analysis::network::Router* router_;
  std::span<const core::XY> positions_;
  std::vector<std::uint32_t> rowOf_;
  std::vector<std::uint32_t> columnOf_;
  std::size_t columns_ = 0;
  std::vector<double> km_;
  std::vector<std::uint8_t> routed_;
  std::array<std::size_t, 4> counts_{};
};

}  // namespace circatlas::tools
