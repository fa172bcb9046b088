// MapTool: what an interactive tool on the map canvas (measure, …) receives and may draw.
#pragma once

#include "core/points.h"

class QKeyEvent;
class QPainter;

namespace circatlas::viewer {

class MapCanvas;

/// A tool the canvas hands its clicks, cursor moves and keys to while it is active
/// (MapCanvas::setMapTool). Dragging still pans and the wheel still zooms. A handler returns true
/// when it used the event, so the canvas does not (no identify on a consumed click). Points are in
/// the display CRS (MapCanvas::toLonLat turns them into WGS 84).
class MapTool {
 public:
  virtual ~MapTool() = default;

  /// A left click without drag.
  virtual bool clicked(MapCanvas& canvas, core::Coord map) = 0;
  /// A left double click (its first click has already arrived through clicked()).
  virtual bool doubleClicked(MapCanvas& canvas, core::Coord map) = 0;
  virtual bool rightClicked(MapCanvas& canvas, core::Coord map) = 0;
  /// The cursor moved over the map (no button pressed).
  virtual void moved(MapCanvas& canvas, core::Coord map) = 0;
  virtual bool keyPressed(MapCanvas& canvas, QKeyEvent& event) = 0;
  /// Draws the tool's overlay over the map image (widget pixels: use canvas.toPixel).
  virtual void paint(QPainter& painter, const MapCanvas& canvas) const = 0;
  /// The canvas stopped using the tool (another tool was set, or none).
  virtual void deactivated(MapCanvas& canvas) = 0;
};

}  // namespace circatlas::viewer
