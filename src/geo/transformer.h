// Coordinate transformations between any two CRS, through PROJ.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

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

  [[nodiscard]] const std::string& sourceCrs() const noexcept { return source_; }
  [[nodiscard]] const std::string& targetCrs() const noexcept { return target_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string source_;
  std::string target_;
};

/// Transforms every geometry of the layer to targetCrs in place and relabels it. Errors name the
/// layer and feature. A layer without a CRS cannot be transformed (core::CrsError).
void transformLayer(core::Layer& layer, std::string_view targetCrs);

/// True if the CRS is geographic (degrees); throws core::CrsError if PROJ does not know it.
[[nodiscard]] bool isGeographic(std::string_view crs);

/// A short human name for the CRS ("WGS 84", "CGCS2000 / 3-degree Gauss-Kruger CM 102E").
[[nodiscard]] std::string crsName(std::string_view crs);

}  // namespace circatlas::geo
