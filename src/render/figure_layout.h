// Figure layout: title, map frame, graticule, scale bar, north arrow, legend, locator inset, credits.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/extent.h"
#include "render/figure_page.h"
#include "render/map_renderer.h"

class QPainter;

namespace circatlas::render {

/// Everything printed on a figure page besides the page size.
struct FigureContent {
  std::string title;
  std::string subtitle;
  std::string legendHeading;
  std::vector<std::string> credits;
  std::string date;
  Language language = Language::Zh;
  /// Where the map frame shows; its size is set by the layout (content is fitted into it).
  core::Extent mapContent;
  /// CRS of mapContent and of the layers; empty: displayCrs() (Gansu's).
  std::string crs;
  std::optional<core::Geometry> focus;
  std::vector<RenderLayer> layers;
  /// Draws the map into the frame in place of MapRenderer over `layers` (the viewer's export draws
  /// each layer with its own opacity); the classCounts it returns must follow `layers`, which the
  /// legend reads. Empty: MapRenderer(settings).render(painter, layers).
  std::function<RenderResult(QPainter&, const MapSettings&)> drawMap;
  /// Locator layers (in locatorCrs), the extent to show (China, or the world around a region), and
  /// whether to draw it.
  std::vector<RenderLayer> locatorLayers;
  core::Extent locatorContent;
  /// The locator's CRS: kLocatorCrs (China) unless a figure of a region elsewhere sets its own.
  std::string locatorCrs{kLocatorCrs};
  /// Ring the map frame's outline on the locator when it is too small to see there (a registry's
  /// region of a few tens of kilometres on a map of China).
  bool locatorRingsSmallFrame = false;
};

/// Where a figure's parts sit on its page, in millimetres from the page's top left: the margin,
/// the map frame (after room for latitude labels and below the header) and the right-hand panel
/// (legend, locator). FigureLayout draws on it; the QGIS project's print layouts copy it.
struct FigurePageGeometry {
  double marginMm = 0;
  double mapX = 0, mapY = 0, mapW = 0, mapH = 0;
  double panelX = 0, panelW = 0;
};
[[nodiscard]] FigurePageGeometry figurePageGeometry(double pageWidthMm, double pageHeightMm) noexcept;

/// Positions on a page in millimetres; draw() paints a FigureContent at the page's DPI. The map
/// itself is drawn by MapRenderer, the same as every other output.
class FigureLayout {
 public:
  FigureLayout(double pageWidthMm, double pageHeightMm, double dpi);

  /// The map frame in pixels (left, top, width, height).
  [[nodiscard]] std::array<double, 4> mapFramePx() const noexcept;
  FigureReport draw(QPainter& painter, const FigureContent& content) const;

 private:
  double widthMm_;
  double heightMm_;
  double dpi_;
};

}  // namespace circatlas::render
