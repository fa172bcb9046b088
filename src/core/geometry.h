// A compact, flat vector geometry (points, lines, polygons and their multi-forms) in plain C++.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/extent.h"
#include "core/points.h"

namespace circatlas::core {

/// The simple-feature types circatlas handles. `None` marks attribute-only layers.
enum class GeometryType { None, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon };

/// "Point", "MultiPolygon", … (the OGC names); "None" for attribute tables.
[[nodiscard]] std::string_view toString(GeometryType type) noexcept;

/// True for Polygon and MultiPolygon.
[[nodiscard]] bool isPolygonal(GeometryType type) noexcept;
/// True for LineString and MultiLineString.
[[nodiscard]] bool isLinear(GeometryType type) noexcept;
/// True for Point and MultiPoint.
[[nodiscard]] bool isPuntal(GeometryType type) noexcept;
/// The multi type of a family (Polygon → MultiPolygon; multi types and None map to themselves).
[[nodiscard]] GeometryType multiTypeOf(GeometryType type) noexcept;

/// Geometry stored as flat arrays, so that a million points cost a million small allocations at
/// most and renderers and kernels can walk coordinates without virtual calls.
///
/// Layout: `coords` holds every vertex. A *path* is a linestring or a polygon ring, given by its
/// end index in `coords`. A *part* is a polygon (its exterior ring first, then holes), given by
/// its end index in the path list. Points and multipoints use `coords` only; linestrings and
/// multilinestrings one path per line; polygons and multipolygons one part per polygon.
/// Coordinates are in the CRS of the layer that holds the geometry.
class Geometry {
 public:
  /// An empty geometry of type None.
  Geometry() = default;
  /// An empty geometry of the given type, to be filled with addPoint/addPath/closePart.
  explicit Geometry(GeometryType type) : type_(type) {}

  [[nodiscard]] static Geometry point(Coord c);
  [[nodiscard]] static Geometry lineString(std::span<const Coord> coords);
  /// A polygon from its exterior ring and optional holes; rings are used as given (closed or not).
  [[nodiscard]] static Geometry polygon(std::span<const std::vector<Coord>> rings);

  [[nodiscard]] GeometryType type() const noexcept { return type_; }
  [[nodiscard]] bool isEmpty() const noexcept { return coords_.empty(); }

  /// Appends a vertex as a point of a Point/MultiPoint.
  void addPoint(Coord c);
  /// Appends a linestring (Line types) or a ring of the current polygon (Polygon types).
  void addPath(std::span<const Coord> coords);
  /// Ends the current polygon: the paths added since the last closePart() are its rings.
  void closePart();

  [[nodiscard]] std::span<const Coord> coords() const noexcept { return coords_; }
  [[nodiscard]] std::span<Coord> mutableCoords() noexcept { return coords_; }

  [[nodiscard]] std::size_t pathCount() const noexcept { return pathEnds_.size(); }
  /// Vertices of path i (a linestring or a ring).
  [[nodiscard]] std::span<const Coord> path(std::size_t i) const noexcept;

  [[nodiscard]] std::size_t partCount() const noexcept { return partEnds_.size(); }
  /// Path index range [first, last) of polygon part i.
  [[nodiscard]] std::pair<std::size_t, std::size_t> partPaths(std::size_t i) const noexcept;

  [[nodiscard]] Extent envelope() const noexcept;

  /// Point → MultiPoint, LineString → MultiLineString, Polygon → MultiPolygon; others unchanged.
  /// Free: the flat layout of a single geometry is already that of a one-part multi geometry.
  void promoteToMulti() noexcept;

  friend bool operator==(const Geometry&, const Geometry&) = default;

 private:
  GeometryType type_ = GeometryType::None;
  std::vector<Coord> coords_;
  std::vector<std::uint32_t> pathEnds_;
  std::vector<std::uint32_t> partEnds_;
};

}  // namespace circatlas::core
