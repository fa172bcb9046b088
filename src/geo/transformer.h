// Coordinate transformations between any two CRS, through PROJ.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.h"
#include "core/layer.h"
#include "core/points.h"

namespace circatlas::geo {

/// A PROJ transformation from one CRS to another, with axes in GIS order (x/lon first) on both
/// sides whatever the authorities say. Not thread-safe: give each thread its own Transformer
/// (it owns its PROJ context). Construction throws core::CrsError naming the unknown CRS.
class Transformer {
 public:
  Transformer(std::string_view sourceCrs, std::string_view targetCrs);
  ~Transformer();
  Transformer(Transformer&&) noexcept;
  Transformer& operator=(Transformer&&) noexcept;
  Transformer(const Transformer&) = delete;
  Transformer& operator=(const Transformer&) = delete;

  /// Transforms one coordinate; throws core::CrsError if PROJ cannot (e.g. out of domain).
  [[nodiscard]] core::Coord forward(core::Coord c) const;
  [[nodiscard]] core::Coord inverse(core::Coord c) const;
  /// Transforms coordinates in place in one PROJ call; throws core::CrsError naming the first
  /// coordinate that failed.
  void forward(std::span<core::Coord> coords) const;
  void inverse(std::span<core::Coord> coords) const;
  /// forward() on all cores: parts of about 64 k coordinates, each worker thread with a Transformer of
  /// its own (a PROJ object serves one thread at a time). For the millions of vertices of a road
  /// network; the error names the coordinate's index in `coords`, as forward() does.
  void forwardOnAllCores(std::span<core::Coord> coords) const;
  /// Projects WGS 84 longitudes/latitudes (degrees) to metres in one PROJ call: the typed batch
  /// call for a Transformer from kWgs84 (or another lon/lat CRS) to a metric CRS such as
  /// kAnalysisCrs or a FittedCrs. Throws core::CrsError naming the first point that failed.
  [[nodiscard]] std::vector<core::XY> toXY(std::span<const core::LonLat> points) const;

  [[nodiscard]] const std::string& sourceCrs() const noexcept { return source_; }
  [[nodiscard]] const std::string& targetCrs() const noexcept { return target_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string source_;
  std::string target_;
};

/// The points of a layer: the first coordinate of every feature that has a geometry, in WGS 84.
struct LayerPoints {
  std::vector<std::size_t> rows;     ///< per point: its feature's index in the layer
  std::vector<core::LonLat> lonLat;  ///< per point: WGS 84 degrees
};

/// Reads the layer's points and transforms them to WGS 84 (one PROJ call; none when the layer is in
/// WGS 84 already). Throws core::CrsError naming the layer when it declares no CRS or PROJ fails.
[[nodiscard]] LayerPoints layerPointsWgs84(const core::Layer& layer);

/// Points projected once into a metric CRS (kAnalysisCrs or a FittedCrs's proj): the one
/// "project points to XY" of the analyses. Throws core::CrsError.
[[nodiscard]] std::vector<core::XY> projectPoints(std::span<const core::LonLat> lonLat, std::string_view metricCrs);

/// Transforms every geometry of the layer to targetCrs in place and relabels it. Errors name the
/// layer and feature. A layer without a CRS cannot be transformed (core::CrsError).
void transformLayer(core::Layer& layer, std::string_view targetCrs);

/// True if the CRS is geographic (degrees); throws core::CrsError if PROJ does not know it.
[[nodiscard]] bool isGeographic(std::string_view crs);

/// A short human name for the CRS ("WGS 84", "CGCS2000 / 3-degree Gauss-Kruger CM 102E").
[[nodiscard]] std::string crsName(std::string_view crs);

}  // namespace circatlas::geo
