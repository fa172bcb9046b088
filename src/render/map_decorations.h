// Map furniture that depends on the projection: north arrow (true north) and the graticule.
#pragma once

#include "render/map_settings.h"

class QPainter;

namespace circatlas::render {

/// Direction of true north at the frame centre, in degrees clockwise from the top of the map
/// (non-zero away from the central meridian of a conic). core::CrsError if the CRS cannot invert.
[[nodiscard]] double trueNorthDegrees(const MapSettings& settings);

/// A north arrow, heightPx tall, centred at (cx, cy), rotated to true north, with "N"/"北".
void drawNorthArrow(QPainter& painter, double cx, double cy, double heightPx, double rotationDeg, double dpi,
                    Language language);

/// Meridians and parallels every 0.5°, 1°, 2° or 5° (chosen from the frame's span), drawn as thin
/// lines inside the map frame at (0,0)–(widthPx,heightPx) of the painter's coordinates, with degree
/// labels outside its bottom (longitudes) and left (latitudes) edges.
void drawGraticule(QPainter& painter, const MapSettings& settings);

}  // namespace circatlas::render
