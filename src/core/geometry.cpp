// Construction and traversal of the flat Geometry representation.
#include "core/geometry.h"

#include "core/error.h"

namespace circatlas::core {

std::string_view toString(GeometryType type) noexcept {
  switch (type) {
    case GeometryType::None:
      return "None";
    case GeometryType::Point:
      return "Point";
    case GeometryType::LineString:
      return "LineString";
    case GeometryType::Polygon:
      return "Polygon";
    case GeometryType::MultiPoint:
      return "MultiPoint";
    case GeometryType::MultiLineString:
      return "MultiLineString";
    case GeometryType::MultiPolygon:
      return "MultiPolygon";
  }
  return "Unknown";
}

bool isPolygonal(GeometryType type) noexcept {
  return type == GeometryType::Polygon || type == GeometryType::MultiPolygon;
}

bool isLinear(GeometryType type) noexcept {
  return type == GeometryType::LineString || type == GeometryType::MultiLineString;
}

bool isPuntal(GeometryType type) noexcept { return type == GeometryType::Point || type == GeometryType::MultiPoint; }

GeometryType multiTypeOf(GeometryType type) noexcept {
  switch (type) {
    case GeometryType::Point:
      return GeometryType::MultiPoint;
    case GeometryType::LineString:
      return GeometryType::MultiLineString;
    case GeometryType::Polygon:
      return GeometryType::MultiPolygon;
    default:
      return type;
  }
}

Geometry Geometry::point(Coord c) {
  Geometry g(GeometryType::Point);
  g.addPoint(c);
  return g;
}

Geometry Geometry::lineString(std::span<const Coord> coords) {
  Geometry g(GeometryType::LineString);
  g.addPath(coords);
  return g;
}

Geometry Geometry::polygon(std::span<const std::vector<Coord>> rings) {
  Geometry g(GeometryType::Polygon);
  for (const auto& ring : rings) g.addPath(ring);
  g.closePart();
  return g;
}

void Geometry::addPoint(Coord c) {
  if (!isPuntal(type_)) throw ParameterError("addPoint on a " + std::string(toString(type_)));
  if (type_ == GeometryType::Point && !coords_.empty()) {
    throw ParameterError("a Point holds one coordinate; use MultiPoint");
  }
  coords_.push_back(c);
}

void Geometry::addPath(std::span<const Coord> coords) {
  if (!isLinear(type_) && !isPolygonal(type_)) {
    throw ParameterError("addPath on a " + std::string(toString(type_)));
  }
  if (type_ == GeometryType::LineString && !pathEnds_.empty()) {
    throw ParameterError("a LineString holds one path; use MultiLineString");
  }
  coords_.insert(coords_.end(), coords.begin(), coords.end());
  pathEnds_.push_back(static_cast<std::uint32_t>(coords_.size()));
}

void Geometry::closePart() {
  if (!isPolygonal(type_)) throw ParameterError("closePart on a " + std::string(toString(type_)));
  const auto firstPath = partEnds_.empty() ? 0U : partEnds_.back();
  if (pathEnds_.size() == firstPath) throw ParameterError("a polygon needs at least one ring");
  if (type_ == GeometryType::Polygon && !partEnds_.empty()) {
    throw ParameterError("a Polygon holds one part; use MultiPolygon");
  }
  partEnds_.push_back(static_cast<std::uint32_t>(pathEnds_.size()));
}

std::span<const Coord> Geometry::path(std::size_t i) const noexcept {
  const std::size_t begin = i == 0 ? 0 : pathEnds_[i - 1];
  return std::span<const Coord>(coords_).subspan(begin, pathEnds_[i] - begin);
}

std::pair<std::size_t, std::size_t> Geometry::partPaths(std::size_t i) const noexcept {
  const std::size_t begin = i == 0 ? 0 : partEnds_[i - 1];
  return {begin, partEnds_[i]};
}

Extent Geometry::envelope() const noexcept {
  Extent e;
  for (const Coord& c : coords_) e.expand(c);
  return e;
}

void Geometry::promoteToMulti() noexcept { type_ = multiTypeOf(type_); }

}  // namespace circatlas::core
