// Fast point-in-polygon and envelope queries over a fixed set of polygons (GEOS STRtree + prepared).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/extent.h"
#include "core/geometry.h"

namespace circatlas::geo {

/// Indexes polygons once for many queries. Indices returned refer to the input order.
/// Not thread-safe (GEOS prepared geometries build caches lazily): use one per thread.
class PolygonIndex {
 public:
  /// Copies what it needs; the span need not outlive the index.
  explicit PolygonIndex(std::span<const core::Geometry> polygons);
  ~PolygonIndex();
  PolygonIndex(PolygonIndex&&) noexcept;
  PolygonIndex& operator=(PolygonIndex&&) noexcept;

  /// The lowest-index polygon that covers c (boundary included), or nullopt.
  [[nodiscard]] std::optional<std::size_t> locate(core::Coord c) const;

  /// Indices (ascending) of polygons whose envelopes intersect the extent.
  [[nodiscard]] std::vector<std::size_t> candidates(const core::Extent& extent) const;

  [[nodiscard]] std::size_t size() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// For each point, the lowest-index polygon that covers it (nullopt outside all), computed on
/// `threads` threads (0 = hardware concurrency), each with its own index. Same answers as
/// PolygonIndex::locate, in the order of `points`.
[[nodiscard]] std::vector<std::optional<std::size_t>> locateAll(std::span<const core::Geometry> polygons,
                                                                std::span<const core::Coord> points,
                                                                unsigned threads = 0);

}  // namespace circatlas::geo
