// MapSettings: a plain value saying what part of the world is drawn, how large, at what DPI, in which CRS.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/extent.h"
#include "core/geometry.h"
#include "render/style.h"

namespace circatlas::render {

/// The display CRS of every Gansu map: a Lambert conformal conic with standard parallels 34.2°N
/// and 41.2°N and central meridian 101°E on WGS 84 (the analysis CRS, geo::kAnalysisCrs). A conic
/// suits Gansu's long NW–SE shape; conformal because a scale bar then holds in every direction at
/// the frame centre (scale error under 0.23 % in the province), and being the analysis CRS,
/// distances drawn and distances computed agree.
[[nodiscard]] std::string_view displayCrs() noexcept;

/// The CRS of the locator inset of China: Albers equal-area, standard parallels 25°N and 47°N,
/// central meridian 105°E (the usual projection of national maps of China).
inline constexpr std::string_view kLocatorCrs =
    "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs";

/// What to draw: `extent` (in `crs` units) fills an output of widthPx × heightPx at `dpi`.
/// x and y scales are equal: build with fitted() so the extent has the output's aspect ratio.
struct MapSettings {
  core::Extent extent;
  int widthPx = 800;
  int heightPx = 600;
  /// Dots per inch of the output; symbol sizes in mm and fonts in pt are converted with it.
  double dpi = 96.0;
  std::string crs;
  Language language = Language::Zh;
  /// Optional polygon (in `crs`) of the region in focus: the rest of the map is veiled.
  std::optional<core::Geometry> focus;

  /// Map units per pixel.
  [[nodiscard]] double unitsPerPixel() const noexcept;
  /// Scale denominator at the nominal scale of the projection (1 : N on paper at `dpi`).
  [[nodiscard]] double scaleDenominator() const noexcept;
  [[nodiscard]] double pixelsPerMm() const noexcept { return dpi / 25.4; }
  /// Map coordinate to pixel (y down).
  [[nodiscard]] double toPixelX(double x) const noexcept;
  [[nodiscard]] double toPixelY(double y) const noexcept;
  [[nodiscard]] core::Coord toMap(double px, double py) const noexcept;

  /// Settings showing `content` centred with a margin (fraction of its size on each side), the
  /// extent widened along one axis to the output's aspect ratio.
  [[nodiscard]] static MapSettings fitted(const core::Extent& content, int widthPx, int heightPx, double dpi,
                                          std::string crs, double marginFraction = 0.03);
};

}  // namespace circatlas::render
