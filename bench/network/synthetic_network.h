// Benchmark support: a seeded synthetic road network the size of Gansu's (about 400 k nodes, 1 M edges).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include "analysis/network/graph_builder.h"

namespace circatlas::bench {

/// A perturbed grid over 1,600 km × 1,100 km (metres, analysis CRS): 760 × 525 nodes about 2.1 km
/// apart, 5 % of grid edges deleted, a diagonal at 60 % of nodes, 5 % of local edges one-way, and every
/// 25th row and column a trunk road (100 km/h, 0.3 CNY/t·km) among local roads (40–60 km/h, 0.5).
/// `scale` shrinks both axes (0.283: about 32 k nodes, 0.566: about 128 k); `trunkKmh` 60 gives the
/// flatter hierarchy of bench/compare's grid, whose trunk roads take the class speed of 60 km/h.
inline analysis::network::GraphBuilder makeSyntheticGansu(std::uint32_t seed = 2026, double scale = 1.0,
                                                          double trunkKmh = 100.0) {
  using namespace analysis::network;
  const auto kColumns = static_cast<std::uint32_t>(760 * scale);
  const auto kRows = static_cast<std::uint32_t>(525 * scale);
  const double kWidth = 1'600'000.0 * scale;
  const double kHeight = 1'100'000.0 * scale;
  const double dx = kWidth / (kColumns - 1);
  const double dy = kHeight / (kRows - 1);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  GraphBuilder builder;
  std::vector<core::XY> positions;
  positions.reserve(std::size_t{kColumns} * kRows);
  for (std::uint32_t r = 0; r < kRows; ++r) {
    for (std::uint32_t c = 0; c < kColumns; ++c) {
      const core::XY p{c * dx + (unit(rng) - 0.5) * 0.6 * dx, r * dy + (unit(rng) - 0.5) * 0.6 * dy};
      positions.push_back(p);
      builder.addNode(p);
    }
  }
  auto id = [&](std::uint32_t r, std::uint32_t c) { return r * kColumns + c; };
  auto add = [&](std::uint32_t a, std::uint32_t b, bool trunk) {
    const double straight = std::hypot(positions[a].x - positions[b].x, positions[a].y - positions[b].y);
    const double meters = straight * (1.05 + 0.15 * unit(rng));
    const double speed = trunk ? trunkKmh / 3.6 : (40.0 + 20.0 * unit(rng)) / 3.6;
    const double yuanPerKm = trunk ? 0.3 : 0.5;
    const bool oneway = !trunk && unit(rng) < 0.05;
    const bool flip = oneway && unit(rng) < 0.5;
    builder.addEdge({NodeId(flip ? b : a), NodeId(flip ? a : b), Meters(meters), Seconds(meters / speed),
                     YuanPerTonne(meters / 1000.0 * yuanPerKm), oneway, std::nullopt});
  };
  for (std::uint32_t r = 0; r < kRows; ++r) {
    for (std::uint32_t c = 0; c < kColumns; ++c) {
      const bool trunkRow = r % 25 == 0;
      const bool trunkColumn = c % 25 == 0;
      if (c + 1 < kColumns && (trunkRow || unit(rng) < 0.95)) add(id(r, c), id(r, c + 1), trunkRow);
      if (r + 1 < kRows && (trunkColumn || unit(rng) < 0.95)) add(id(r, c), id(r + 1, c), trunkColumn);
      if (r + 1 < kRows && unit(rng) < 0.6) {
        const bool right = unit(rng) < 0.5;
        if (right && c + 1 < kColumns) add(id(r, c), id(r + 1, c + 1), false);
        if (!right && c > 0) add(id(r, c), id(r + 1, c - 1), false);
      }
    }
  }
  return builder;
}

}  // namespace circatlas::bench
