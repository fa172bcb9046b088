// Bounding-box arithmetic.
#include "core/extent.h"

#include <algorithm>

namespace circatlas::core {

void Extent::expand(Coord c) noexcept {
  minX = std::min(minX, c.x);
  minY = std::min(minY, c.y);
  maxX = std::max(maxX, c.x);
  maxY = std::max(maxY, c.y);
}

void Extent::expand(const Extent& other) noexcept {
  if (other.isEmpty()) return;
  minX = std::min(minX, other.minX);
  minY = std::min(minY, other.minY);
  maxX = std::max(maxX, other.maxX);
  maxY = std::max(maxY, other.maxY);
}

bool Extent::contains(Coord c) const noexcept { return c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY; }

bool Extent::intersects(const Extent& other) const noexcept {
  return !isEmpty() && !other.isEmpty() && minX <= other.maxX && other.minX <= maxX && minY <= other.maxY &&
         other.minY <= maxY;
}

}  // namespace circatlas::core
