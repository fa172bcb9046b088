// Quartic-kernel density accumulated cell by cell around each point.
#include "analysis/hotspot/kernel_density.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.h"

namespace circatlas::analysis::hotspot {

Grid kernelDensity(std::span<const core::XY> points, std::span<const double> weights, const DensityParams& p) {
  if (!(p.bandwidthMeters > 0) || !std::isfinite(p.bandwidthMeters)) {
    throw core::ParameterError("the bandwidth must be a positive distance");
  }
  if (!(p.cellMeters > 0) || !std::isfinite(p.cellMeters)) throw core::ParameterError("the cell size must be positive");
  if (points.size() != weights.size()) throw core::ParameterError("one weight per point is needed");
  Grid g;
  g.cellMeters = p.cellMeters;
  if (points.empty()) return g;
  double minX = points[0].x, maxX = points[0].x, minY = points[0].y, maxY = points[0].y;
  for (const auto& q : points) {
    minX = std::min(minX, q.x);
    maxX = std::max(maxX, q.x);
    minY = std::min(minY, q.y);
    maxY = std::max(maxY, q.y);
  }
  const double h = p.bandwidthMeters;
  g.west = std::floor((minX - h) / p.cellMeters) * p.cellMeters;
  g.north = std::ceil((maxY + h) / p.cellMeters) * p.cellMeters;
  g.columns = static_cast<std::size_t>(std::ceil((maxX + h - g.west) / p.cellMeters));
  g.rows = static_cast<std::size_t>(std::ceil((g.north - (minY - h)) / p.cellMeters));
  if (static_cast<double>(g.columns) * static_cast<double>(g.rows) > 1e8) {
    throw core::ParameterError("the density grid would exceed 100 million cells; use larger cells");
  }
  g.values.assign(g.columns * g.rows, 0.0);
  const double norm = 3.0 / (std::numbers::pi * h * h);
  const auto reach = static_cast<std::ptrdiff_t>(std::ceil(h / p.cellMeters));
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double w = weights[i];
    if (w == 0.0) continue;
    // Cell containing the point; cell centres are at west + (c + ½) × cell.
    const auto col = static_cast<std::ptrdiff_t>((points[i].x - g.west) / p.cellMeters);
    const auto row = static_cast<std::ptrdiff_t>((g.north - points[i].y) / p.cellMeters);
    for (std::ptrdiff_t r = std::max<std::ptrdiff_t>(0, row - reach);
         r <= std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(g.rows) - 1, row + reach); ++r) {
      const double cy = g.north - (static_cast<double>(r) + 0.5) * p.cellMeters;
      const double dy = cy - points[i].y;
      for (std::ptrdiff_t c = std::max<std::ptrdiff_t>(0, col - reach);
           c <= std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(g.columns) - 1, col + reach); ++c) {
        const double cx = g.west + (static_cast<double>(c) + 0.5) * p.cellMeters;
        const double dx = cx - points[i].x;
        const double u2 = (dx * dx + dy * dy) / (h * h);
        if (u2 >= 1.0) continue;
        const double k = (1.0 - u2);
        g.values[static_cast<std::size_t>(r) * g.columns + static_cast<std::size_t>(c)] += w * norm * k * k;
      }
    }
  }
  return g;
}

}  // namespace circatlas::analysis::hotspot
