// The legend: built from the drawn layers' styles, listing only the classes present in the frame.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "render/map_renderer.h"
#include "render/style.h"

class QPainter;

namespace circatlas::render {

struct LegendEntry {
  std::string label;
  StyleGeometry geometry = StyleGeometry::Point;
  Symbol symbol;
};

/// A layer's block: a heading (empty for single-symbol layers, whose one entry is the title).
struct LegendGroup {
  std::string title;
  std::vector<LegendEntry> entries;
};

/// Groups for the layers drawn by `result`, topmost layer first; classes with no feature in the
/// frame and layers hidden at this scale or by `legend: false` are left out.
[[nodiscard]] std::vector<LegendGroup> buildLegend(std::span<const RenderLayer> layers, const RenderResult& result,
                                                   Language language);

/// Draws the legend with its top-left corner at (x, y), width wide; returns the height used.
/// With draw = false only measures.
double drawLegend(QPainter& painter, double x, double y, double width, const std::vector<LegendGroup>& groups,
                  const std::string& heading, double dpi, bool draw = true);

}  // namespace circatlas::render
