// An axis-aligned bounding box in a layer's coordinates.
#pragma once

#include <limits>

#include "core/points.h"

namespace circatlas::core {

/// Bounding box; a default-constructed extent is empty and grows with expand().
struct Extent {
  double minX = std::numeric_limits<double>::infinity();
  double minY = std::numeric_limits<double>::infinity();
  double maxX = -std::numeric_limits<double>::infinity();
  double maxY = -std::numeric_limits<double>::infinity();

  [[nodiscard]] bool isEmpty() const noexcept { return minX > maxX || minY > maxY; }
  [[nodiscard]] double width() const noexcept { return isEmpty() ? 0.0 : maxX - minX; }
  [[nodiscard]] double height() const noexcept { return isEmpty() ? 0.0 : maxY - minY; }
  [[nodiscard]] Coord center() const noexcept { return {(minX + maxX) / 2, (minY + maxY) / 2}; }

  void expand(Coord c) noexcept;
  void expand(const Extent& other) noexcept;
  [[nodiscard]] bool contains(Coord c) const noexcept;
  [[nodiscard]] bool intersects(const Extent& other) const noexcept;
};

}  // namespace circatlas::core
