// The measure tool: clicked points, PROJ geodesic legs, router road distances in a worker thread, the overlay.
#include "viewer/measure_tool.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>

#include "geo/geodesic.h"
#include "tools/distances_tool.h"
#include "viewer/map_canvas.h"
#include "viewer/road_routing.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

RoadDistance roadDistance(const RoadRouting& r, core::LonLat a, core::LonLat b) {
  // tools::runRoute: the same projection and router call as `circatlas route`.
  const tools::RouteOutcome route = tools::runRoute(r.network, *r.router, {"", a}, {"", b});
  return {route.figures.totals.length.value(), route.figures.status};
}

}  // namespace

MeasureTool::MeasureTool(core::DataPaths paths, QObject* parent) : QObject(parent), paths_(std::move(paths)) {
  connect(&watcher_, &QFutureWatcher<RoadJob>::finished, this, &MeasureTool::routed);
}

MeasureTool::~MeasureTool() { watcher_.waitForFinished(); }

void MeasureTool::addPoint(core::LonLat point, const QString& name) {
  if (m_.finished) clear();
  // The clicks of a double click arrive at one spot: no zero-length leg.
  if (!m_.points.empty() && m_.points.back().lon == point.lon && m_.points.back().lat == point.lat) return;
  if (!m_.points.empty()) {
    const double leg = geo::geodesicDistanceMeters(m_.points.back(), point);
    m_.legGeodesicMeters.push_back(leg);
    m_.geodesicMeters += leg;
  }
  m_.points.push_back(point);
  m_.names.push_back(name);
  emit changed();
}

void MeasureTool::finish() {
  if (m_.finished || m_.points.size() < 2) return;
  m_.finished = true;
  cursor_.reset();
  emit changed();
  if (!routing_) startRouting();  // else routed() starts it for this measurement
}

void MeasureTool::clear() {
  m_ = Measurement{};
  cursor_.reset();
  ++generation_;
  emit changed();
}

void MeasureTool::startRouting() {
  routing_ = true;
  routingGeneration_ = generation_;
  watcher_.setFuture(QtConcurrent::run([points = m_.points, routing = routingData_, paths = paths_]() mutable {
    RoadJob job;
    try {
      if (!routing) routing = RoadRouting::loadBuiltin(paths);
      job.routing = routing;
      for (std::size_t i = 1; i < points.size(); ++i)
        job.legs.push_back(roadDistance(*routing, points[i - 1], points[i]));
      job.firstToLast = points.size() == 2 ? job.legs.front() : roadDistance(*routing, points.front(), points.back());
    } catch (const std::exception& e) {
      job.error = errorText(e);
    }
    return job;
  }));
}

void MeasureTool::routed() {
  routing_ = false;
  RoadJob job = watcher_.result();
  if (job.routing) routingData_ = job.routing;
  if (routingGeneration_ != generation_) {
    // Cleared meanwhile: the result belongs to an old measurement; route the current one if it is done.
    if (m_.finished) startRouting();
    return;
  }
  m_.legRoad = std::move(job.legs);
  m_.roadFirstToLast = job.firstToLast;
  m_.roadError = job.error;
  emit changed();
}

QString MeasureTool::subject() const {
  if (m_.points.size() < 2) return {};
  const QString& first = m_.names.front();
  const QString& last = m_.names.back();
  if (!first.isEmpty() || !last.isEmpty()) {
    auto shown = [](const QString& n) { return n.isEmpty() ? QStringLiteral("·") : n; };
    return shown(first) + QStringLiteral(" → ") + shown(last);
  }
  return tr("%n point(s)", nullptr, static_cast<int>(m_.points.size()));
}

bool MeasureTool::clicked(MapCanvas& canvas, core::Coord map) {
  QString name;
  if (snapper_) {
    if (const auto snapped = snapper_(map, kSnapPixels * canvas.unitsPerPixel())) {
      map = snapped->first;
      name = snapped->second;
    }
  }
  if (const auto ll = canvas.toLonLat(map)) addPoint({ll->x, ll->y}, name);
  canvas.update();
  return true;
}

bool MeasureTool::doubleClicked(MapCanvas& canvas, core::Coord) {
  finish();
  canvas.update();
  return true;
}

bool MeasureTool::rightClicked(MapCanvas& canvas, core::Coord) {
  clear();
  canvas.update();
  return true;
}

void MeasureTool::moved(MapCanvas& canvas, core::Coord map) {
  if (m_.finished || m_.points.empty()) return;
  cursor_ = map;
  canvas.update();
}

bool MeasureTool::keyPressed(MapCanvas& canvas, QKeyEvent& event) {
  if (event.key() != Qt::Key_Escape) return false;
  if (m_.points.size() >= 2) finish();
  else clear();
  canvas.update();
  return true;
}

void MeasureTool::deactivated(MapCanvas& canvas) {
  cursor_.reset();
  canvas.update();
}

void MeasureTool::paint(QPainter& painter, const MapCanvas& canvas) const {
  if (m_.points.empty()) return;
  QPainterPath path;
  std::vector<QPointF> pixels;
  for (const core::LonLat& p : m_.points) {
    const auto map = canvas.fromLonLat({p.lon, p.lat});
    if (!map) continue;
    pixels.push_back(canvas.toPixel(*map));
    if (pixels.size() == 1) path.moveTo(pixels.back());
    else path.lineTo(pixels.back());
  }
  if (pixels.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(QColor(255, 255, 255, 200), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  painter.drawPath(path);
  painter.setPen(QPen(QColor(200, 30, 30), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  painter.drawPath(path);
  if (cursor_) {
    painter.setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    painter.drawLine(pixels.back(), canvas.toPixel(*cursor_));
  }
  painter.setPen(QPen(QColor(200, 30, 30), 1.5));
  painter.setBrush(Qt::white);
  for (const QPointF& p : pixels) painter.drawEllipse(p, 4, 4);
  // The names of the features and places the points snapped to.
  painter.setPen(QColor(120, 0, 0));
  for (std::size_t i = 0; i < pixels.size() && i < m_.names.size(); ++i) {
    if (!m_.names[i].isEmpty()) painter.drawText(pixels[i] + QPointF(7, 14), m_.names[i]);
  }
  if (m_.points.size() >= 2) {
    // What is measured and the running total beside the last point, on a white box so it reads over any map.
    const QString label =
        subject() + QStringLiteral(": ") + QStringLiteral("%1 km").arg(m_.geodesicMeters / 1000.0, 0, 'f', 1);
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QRectF box = QRectF(painter.fontMetrics().boundingRect(label))
                           .adjusted(-4, -2, 4, 2)
                           .translated(pixels.back() + QPointF(10, -10));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 220));
    painter.drawRect(box);
    painter.setPen(QColor(120, 0, 0));
    painter.drawText(box, Qt::AlignCenter, label);
  }
  painter.restore();
}

}  // namespace circatlas::viewer
