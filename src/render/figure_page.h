// A printable page: size, resolution and the function that draws it; what drawing it produced.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "render/map_renderer.h"
#include "render/scale_bar.h"

class QPainter;

namespace circatlas::render {

/// What a figure drew, for reports and tests.
struct FigureReport {
  RenderResult map;
  ScaleBar scaleBar;
  MapSettings mapSettings;
  std::vector<std::string> legendLabels;
};

/// A page of widthMm × heightMm drawn at dpi. `draw` paints the whole page into a painter whose
/// coordinates are device pixels at `dpi` (the export back ends set that up).
struct FigurePage {
  std::string title;
  double widthMm = 297.0;
  double heightMm = 210.0;
  double dpi = 200.0;
  std::function<FigureReport(QPainter&)> draw;

  [[nodiscard]] int widthPx() const noexcept;
  [[nodiscard]] int heightPx() const noexcept;
};

}  // namespace circatlas::render
