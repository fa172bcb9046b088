// The scale bar: a round length in km, true at the frame centre for the map's projection.
#pragma once

#include <string>

#include "render/map_settings.h"

class QPainter;

namespace circatlas::render {

/// A scale bar: `lengthKm` on the ground spans `lengthPx` on the map, measured geodesically (WGS 84)
/// along the parallel through the frame centre.
struct ScaleBar {
  double lengthKm = 0.0;
  double lengthPx = 0.0;
  int segments = 4;
  /// Ground metres per map unit at the frame centre (east–west).
  double groundMetresPerUnit = 1.0;
};

/// The longest round length (1, 2 or 5 × 10ⁿ km) that fits in maxLengthPx. Throws core::CrsError
/// when the settings' CRS cannot be inverted to WGS 84 at the frame centre.
[[nodiscard]] ScaleBar computeScaleBar(const MapSettings& settings, double maxLengthPx);

/// Draws the bar with its left end at (x, baselineY): alternating black and white segments, tick
/// labels in km, and the unit ("km" / "千米").
void drawScaleBar(QPainter& painter, double x, double baselineY, const ScaleBar& bar, double dpi, Language language);

/// "100 km" or "100 千米" (integers without decimals).
[[nodiscard]] std::string scaleBarLabel(double km, Language language);

}  // namespace circatlas::render
