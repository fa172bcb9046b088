// The map widget: view state, input handling and the background render loop.
#include "viewer/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "render/map_settings.h"
#include "viewer/layer_stack.h"
#include "viewer/map_tool.h"

namespace circatlas::viewer {

namespace {

// Symbols are sized in mm; the canvas shows them at the nominal screen resolution.
constexpr double kScreenDpi = 96.0;
constexpr double kClickTolerancePx = 5.0;

}  // namespace

MapCanvas::MapCanvas(LayerStack& layers, QWidget* parent)
    : QWidget(parent), layers_(layers), hoverTimer_(new QTimer(this)), toWgs84_(render::displayCrs(), geo::kWgs84) {
  hoverTimer_->setSingleShot(true);
  hoverTimer_->setInterval(600);
  connect(hoverTimer_, &QTimer::timeout, this, [this] {
    emit hovered(toMap(hoverPos_), kClickTolerancePx * unitsPerPixel_, mapToGlobal(hoverPos_.toPoint()));
  });
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setMinimumSize(200, 150);
  setAttribute(Qt::WA_OpaquePaintEvent);
  connect(&watcher_, &QFutureWatcher<RenderedMap>::finished, this, &MapCanvas::renderDone);
  connect(&layers_, &LayerStack::appearanceChanged, this, &MapCanvas::requestRender);
  connect(&layers_, &LayerStack::selectionChanged, this, qOverload<>(&QWidget::update));
}

MapCanvas::~MapCanvas() {
  // The job holds copies of what it draws; waiting only keeps it from outliving the widget's
  // watcher during shutdown.
  watcher_.waitForFinished();
}

render::MapSettings MapCanvas::settings() const {
  render::MapSettings s;
  s.widthPx = std::max(width(), 1);
  s.heightPx = std::max(height(), 1);
  s.dpi = kScreenDpi;
  s.crs = std::string(render::displayCrs());
  s.language = language_;
  const double halfW = s.widthPx * unitsPerPixel_ / 2;
  const double halfH = s.heightPx * unitsPerPixel_ / 2;
  s.extent = {center_.x - halfW, center_.y - halfH, center_.x + halfW, center_.y + halfH};
  return s;
}

core::Coord MapCanvas::toMap(QPointF pixel) const { return settings().toMap(pixel.x(), pixel.y()); }

QPointF MapCanvas::toPixel(core::Coord map) const {
  const auto s = settings();
  return {s.toPixelX(map.x), s.toPixelY(map.y)};
}

std::optional<core::Coord> MapCanvas::toLonLat(core::Coord map) const {
  try {
    return toWgs84_.forward(map);
  } catch (const core::Error&) {
    return std::nullopt;
  }
}

std::optional<core::Coord> MapCanvas::fromLonLat(core::Coord lonLat) const {
  try {
    return toWgs84_.inverse(lonLat);
  } catch (const core::Error&) {
    return std::nullopt;
  }
}

void MapCanvas::fitView(const core::Extent& extent) {
  if (extent.isEmpty()) return;
  const auto fitted = render::MapSettings::fitted(extent, std::max(width(), 1), std::max(height(), 1), kScreenDpi,
                                                  std::string(render::displayCrs()));
  center_ = fitted.extent.center();
  unitsPerPixel_ = fitted.unitsPerPixel();
  viewSet_ = true;
  fitExtent_ = extent;
}

void MapCanvas::zoomToExtent(const core::Extent& extent) {
  if (extent.isEmpty()) return;
  fitView(extent);
  update();
  emit viewChanged();
  requestRender();
}

void MapCanvas::zoomToFullExtent() { zoomToExtent(layers_.homeExtent()); }

void MapCanvas::zoomAt(double factor, QPointF anchor) {
  if (factor <= 0) return;
  const core::Coord fixed = toMap(anchor);
  fitExtent_.reset();
  // 0.1 m to 100 km per pixel: beyond either end nothing useful is drawn.
  unitsPerPixel_ = std::clamp(unitsPerPixel_ / factor, 0.1, 100000.0);
  const QPointF offset = anchor - QPointF(std::max(width(), 1) / 2.0, std::max(height(), 1) / 2.0);
  center_ = {fixed.x - offset.x() * unitsPerPixel_, fixed.y + offset.y() * unitsPerPixel_};
  update();
  emit viewChanged();
  requestRender();
}

void MapCanvas::panByPixels(QPointF delta) {
  fitExtent_.reset();
  center_ = {center_.x - delta.x() * unitsPerPixel_, center_.y + delta.y() * unitsPerPixel_};
  update();
  emit viewChanged();
  requestRender();
}

void MapCanvas::setLanguage(render::Language language) {
  if (language == language_) return;
  language_ = language;
  requestRender();
}

void MapCanvas::setMapTool(MapTool* tool) {
  if (tool == tool_) return;
  MapTool* previous = tool_;
  tool_ = tool;
  if (previous) previous->deactivated(*this);
  if (tool_) setCursor(Qt::CrossCursor);
  else unsetCursor();
  update();
}

bool MapCanvas::isRendering() const { return watcher_.isRunning() || renderPending_; }

void MapCanvas::requestRender() {
  if (renderPending_) return;
  renderPending_ = true;
  // Merges the bursts of a wheel or a drag into one request per event-loop turn.
  QTimer::singleShot(0, this, [this] {
    if (!watcher_.isRunning()) startRender();
  });
}

void MapCanvas::startRender() {
  renderPending_ = false;
  if (!viewSet_) fitView(layers_.homeExtent());
  watcher_.setFuture(QtConcurrent::run([items = drawItems(layers_), s = settings()] { return renderMap(items, s); }));
}

void MapCanvas::renderDone() {
  rendered_ = watcher_.result();
  update();
  emit renderFinished();
  if (renderPending_) startRender();
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), mapBackground());
  if (!rendered_.image.isNull()) {
    // The last image, placed where its extent lies in the current view (shifted and scaled
    // while a fresh render is on its way).
    const auto& s = rendered_.settings;
    const QPointF topLeft = toPixel({s.extent.minX, s.extent.maxY});
    const double scale = s.unitsPerPixel() / unitsPerPixel_;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale != 1.0);
    painter.drawImage(QRectF(topLeft, QSizeF(s.widthPx * scale, s.heightPx * scale)), rendered_.image);
  }
  paintSelection(painter);
  if (tool_) tool_->paint(painter, *this);
  if (zoomBox_) {
    painter.setPen(QPen(QColor(0, 120, 215), 1, Qt::DashLine));
    painter.setBrush(QColor(0, 120, 215, 40));
    painter.drawRect(zoomBox_->normalized());
  }
}

void MapCanvas::paintSelection(QPainter& painter) const {
  const Selection& sel = layers_.selection();
  const ViewerLayer* layer = sel.empty() ? nullptr : layers_.find(sel.layerId);
  if (!layer) return;
  const auto s = settings();
  const QColor colour(0, 200, 255);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(colour, 2.5));
  for (std::size_t i : sel.features) {
    if (i >= layer->display->size()) continue;
    const core::Geometry& g = (*layer->display)[i].geometry;
    if (core::isPuntal(g.type())) {
      painter.setBrush(Qt::NoBrush);
      for (const auto& c : g.coords()) painter.drawEllipse(QPointF(s.toPixelX(c.x), s.toPixelY(c.y)), 7, 7);
      continue;
    }
    QPainterPath path;
    for (std::size_t p = 0; p < g.pathCount(); ++p) {
      const auto coords = g.path(p);
      for (std::size_t k = 0; k < coords.size(); ++k) {
        const QPointF q(s.toPixelX(coords[k].x), s.toPixelY(coords[k].y));
        if (k == 0) path.moveTo(q);
        else path.lineTo(q);
      }
      if (core::isPolygonal(g.type())) path.closeSubpath();
    }
    painter.setBrush(core::isPolygonal(g.type()) ? QColor(0, 200, 255, 50) : QColor(Qt::transparent));
    painter.drawPath(path);
  }
}

void MapCanvas::resizeEvent(QResizeEvent*) {
  if (fitExtent_) fitView(*fitExtent_);
  else if (!viewSet_) fitView(layers_.homeExtent());
  emit viewChanged();
  requestRender();
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps != 0.0) zoomAt(std::pow(1.25, steps), event->position());
  event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton && tool_ && tool_->rightClicked(*this, toMap(event->position()))) {
    event->accept();
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  pressPos_ = event->position();
  lastDragPos_ = event->position();
  dragged_ = false;
  if (event->modifiers() & Qt::ShiftModifier) zoomBox_ = QRectF(event->position(), event->position());
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (const auto ll = toLonLat(toMap(event->position()))) emit cursorMoved(ll->x, ll->y);
  hoverPos_ = event->position();
  if (!pressPos_) {
    hoverTimer_->start();
    if (tool_) tool_->moved(*this, toMap(event->position()));
    return;
  }
  hoverTimer_->stop();
  if (zoomBox_) {
    zoomBox_->setBottomRight(event->position());
    update();
    return;
  }
  if (!dragged_ && (event->position() - *pressPos_).manhattanLength() < 4) return;
  dragged_ = true;
  setCursor(Qt::ClosedHandCursor);
  panByPixels(event->position() - lastDragPos_);
  lastDragPos_ = event->position();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !pressPos_) return;
  if (zoomBox_) {
    const QRectF box = zoomBox_->normalized();
    zoomBox_.reset();
    pressPos_.reset();
    if (box.width() > 4 && box.height() > 4) {
      const core::Coord a = toMap(box.topLeft());
      const core::Coord b = toMap(box.bottomRight());
      zoomToExtent({std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)});
    } else if (!(tool_ && tool_->clicked(*this, toMap(event->position())))) {
      // Shift + click without a drag: adds to the selection.
      emit clicked(toMap(event->position()), kClickTolerancePx * unitsPerPixel_, event->modifiers());
    }
    update();
    return;
  }
  if (!dragged_ && !(tool_ && tool_->clicked(*this, toMap(event->position())))) {
    emit clicked(toMap(event->position()), kClickTolerancePx * unitsPerPixel_, event->modifiers());
  }
  pressPos_.reset();
  dragged_ = false;
  if (tool_) setCursor(Qt::CrossCursor);
  else unsetCursor();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && tool_ && tool_->doubleClicked(*this, toMap(event->position()))) {
    event->accept();
    return;
  }
  QWidget::mouseDoubleClickEvent(event);  // a press, as without a tool
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
  if (tool_ && tool_->keyPressed(*this, *event)) {
    event->accept();
    return;
  }
  if (event->key() == Qt::Key_Escape) {
    emit escapePressed();
    event->accept();
    return;
  }
  const double stepX = width() / 4.0;
  const double stepY = height() / 4.0;
  const QPointF middle(width() / 2.0, height() / 2.0);
  switch (event->key()) {
    case Qt::Key_Left:
      panByPixels({stepX, 0});
      break;
    case Qt::Key_Right:
      panByPixels({-stepX, 0});
      break;
    case Qt::Key_Up:
      panByPixels({0, stepY});
      break;
    case Qt::Key_Down:
      panByPixels({0, -stepY});
      break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
      zoomAt(1.5, middle);
      break;
    case Qt::Key_Minus:
      zoomAt(1 / 1.5, middle);
      break;
    case Qt::Key_Home:
      zoomToFullExtent();
      break;
    default:
      QWidget::keyPressEvent(event);
      return;
  }
  event->accept();
}

}  // namespace circatlas::viewer
