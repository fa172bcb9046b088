// Pixel ↔ map conversions and fitting an extent to an output size.
#include "render/map_settings.h"

#include <algorithm>

#include "geo/analysis_crs.h"

namespace circatlas::render {

std::string_view displayCrs() noexcept { return geo::kAnalysisCrs; }

double MapSettings::unitsPerPixel() const noexcept { return widthPx > 0 ? extent.width() / widthPx : 1.0; }

double MapSettings::scaleDenominator() const noexcept {
  // metres on the ground per metre on paper
  return unitsPerPixel() * pixelsPerMm() * 1000.0;
}

double MapSettings::toPixelX(double x) const noexcept { return (x - extent.minX) / unitsPerPixel(); }
double MapSettings::toPixelY(double y) const noexcept { return (extent.maxY - y) / unitsPerPixel(); }

core::Coord MapSettings::toMap(double px, double py) const noexcept {
  return {extent.minX + px * unitsPerPixel(), extent.maxY - py * unitsPerPixel()};
}

MapSettings MapSettings::fitted(const core::Extent& content, int widthPx, int heightPx, double dpi, std::string crs,
                                double marginFraction) {
  MapSettings s;
  s.widthPx = std::max(widthPx, 1);
  s.heightPx = std::max(heightPx, 1);
  s.dpi = dpi;
  s.crs = std::move(crs);
  const core::Coord c = content.center();
  double w = std::max(content.width(), 1.0) * (1 + 2 * marginFraction);
  double h = std::max(content.height(), 1.0) * (1 + 2 * marginFraction);
  const double aspect = static_cast<double>(s.widthPx) / s.heightPx;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  s.extent = {c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2};
  return s;
}

}  // namespace circatlas::render
