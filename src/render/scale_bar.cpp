// Round scale-bar lengths from a geodesic measurement at the frame centre, and their drawing.
#include "render/scale_bar.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>
#include <sstream>

#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"
#include "render/render_session.h"

namespace circatlas::render {

ScaleBar computeScaleBar(const MapSettings& settings, double maxLengthPx) {
  const geo::Transformer toLonLat(settings.crs, geo::kWgs84);
  const core::Coord c = settings.extent.center();
  // a short east–west stretch through the centre: the local scale, not the chord of a long arc
  const double probe = settings.unitsPerPixel() * std::max(maxLengthPx, 1.0) / 4.0;
  const core::Coord a = toLonLat.forward(core::Coord{c.x - probe / 2, c.y});
  const core::Coord b = toLonLat.forward(core::Coord{c.x + probe / 2, c.y});
  ScaleBar bar;
  bar.groundMetresPerUnit = geo::geodesicDistanceMeters({a.x, a.y}, {b.x, b.y}) / probe;
  const double maxKm = maxLengthPx * settings.unitsPerPixel() * bar.groundMetresPerUnit / 1000.0;
  const double decade = std::pow(10.0, std::floor(std::log10(std::max(maxKm, 1e-9))));
  double best = decade;
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * decade <= maxKm) best = m * decade;
  }
  bar.lengthKm = best;
  bar.lengthPx = best * 1000.0 / bar.groundMetresPerUnit / settings.unitsPerPixel();
  const double lead = best / decade;
  bar.segments = lead < 1.5 ? 5 : (lead < 3 ? 4 : 5);
  return bar;
}

std::string scaleBarLabel(double km, Language language) {
  std::ostringstream s;
  s << (km == std::floor(km) ? std::to_string(static_cast<long long>(km)) : std::to_string(km));
  s << (language == Language::Zh ? " 千米" : " km");
  return s.str();
}

namespace {

std::string number(double v) {
  std::ostringstream s;
  if (v == std::floor(v)) s << static_cast<long long>(v);
  else s << v;
  return s.str();
}

}  // namespace

void drawScaleBar(QPainter& painter, double x, double baselineY, const ScaleBar& bar, double dpi, Language language) {
  const double mm = dpi / 25.4;
  const double h = 1.3 * mm;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(QColor(30, 30, 30));
  pen.setWidthF(0.2 * mm);
  painter.setPen(pen);
  const double seg = bar.lengthPx / bar.segments;
  for (int i = 0; i < bar.segments; ++i) {
    painter.setBrush(i % 2 == 0 ? QColor(30, 30, 30) : QColor(255, 255, 255));
    painter.drawRect(QRectF(x + i * seg, baselineY - h, seg, h));
  }
  const QFont font = mapFont(6.0, dpi);
  const QFontMetricsF fm(font);
  painter.setFont(font);
  auto label = [&](double px, const std::string& s) {
    const QString t = QString::fromStdString(s);
    painter.drawText(QPointF(px - fm.horizontalAdvance(t) / 2, baselineY - h - 0.8 * mm), t);
  };
  label(x, "0");
  if (bar.segments % 2 == 0) label(x + bar.lengthPx / 2, number(bar.lengthKm / 2));
  const QString end = QString::fromStdString(scaleBarLabel(bar.lengthKm, language));
  const QString endNumber = QString::fromStdString(number(bar.lengthKm));
  // the number centred on the end tick, the unit after it
  painter.drawText(QPointF(x + bar.lengthPx - fm.horizontalAdvance(endNumber) / 2, baselineY - h - 0.8 * mm), end);
  painter.restore();
}

}  // namespace circatlas::render
