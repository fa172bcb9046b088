// MapCanvas: the interactive map — renders in a worker thread, pans and zooms a cached image meanwhile.
#pragma once

#include <QFutureWatcher>
#include <QWidget>

class QTimer;

#include <optional>

#include "core/points.h"
#include "geo/transformer.h"
#include "viewer/map_drawing.h"

namespace circatlas::viewer {

class LayerStack;
class MapTool;

/// Shows the layer stack in the display CRS. The view is a centre and a resolution (map units
/// per pixel); every change redraws the last finished image shifted and scaled at once and asks
/// for a fresh render in a worker thread, so the UI thread never waits for drawing. Requests
/// made while a render runs are merged into one follow-up render.
class MapCanvas : public QWidget {
  Q_OBJECT

 public:
  explicit MapCanvas(LayerStack& layers, QWidget* parent = nullptr);
  ~MapCanvas() override;

  /// The current view for the widget's size (display CRS, 96 dpi symbol scale).
  [[nodiscard]] render::MapSettings settings() const;
  [[nodiscard]] core::Coord toMap(QPointF pixel) const;
  [[nodiscard]] QPointF toPixel(core::Coord map) const;
  [[nodiscard]] double unitsPerPixel() const noexcept { return unitsPerPixel_; }
  /// WGS 84 lon/lat of a display-CRS point; nullopt outside the projection's domain.
  [[nodiscard]] std::optional<core::Coord> toLonLat(core::Coord map) const;
  [[nodiscard]] std::optional<core::Coord> fromLonLat(core::Coord lonLat) const;

  /// Shows the extent (display CRS) whole, centred, with a small margin.
  void zoomToExtent(const core::Extent& extent);
  void zoomToFullExtent();
  /// The extent shown now (display CRS).
  [[nodiscard]] core::Extent viewExtent() const { return settings().extent; }
  /// Zooms by `factor` (> 1 zooms in) keeping the map point under `anchor` (widget pixels) still.
  void zoomAt(double factor, QPointF anchor);
  /// Moves the map content by `delta` pixels (drag direction).
  void panByPixels(QPointF delta);
  void setLanguage(render::Language language);

  /// The last finished render (empty before the first).
  [[nodiscard]] const RenderedMap& lastRender() const noexcept { return rendered_; }
  [[nodiscard]] bool isRendering() const;

  /// Hands clicks, moves and keys to `tool` first and draws its overlay (not owned; null: none).
  /// The previous tool is told it was deactivated.
  void setMapTool(MapTool* tool);
  [[nodiscard]] MapTool* mapTool() const noexcept { return tool_; }

 signals:
  void renderFinished();
  /// Cursor position in WGS 84; invalid (std::nullopt) when off the map.
  void cursorMoved(double lon, double lat);
  void viewChanged();
  /// A click without drag, at a display-CRS point; `tolerance` is a few pixels in map units;
  /// `modifiers` as held (Shift adds to the selection, Ctrl toggles).
  void clicked(core::Coord map, double tolerance, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
  /// Esc pressed on the map while no map tool took it (clears the selection).
  void escapePressed();
  /// The cursor rested still over the map for a moment (for tooltips), at `map`, `global` screen pixels.
  void hovered(core::Coord map, double tolerance, QPoint global);

 public slots:
  void requestRender();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  /// Sets the view to show the extent, without redrawing.
  void fitView(const core::Extent& extent);
  void startRender();
  void renderDone();
  void paintSelection(QPainter& painter) const;

  LayerStack& layers_;
  core::Coord center_{0.0, 0.0};
  double unitsPerPixel_ = 1000.0;
  bool viewSet_ = false;
  /// The extent last asked for by zoomToExtent, kept whole across resizes until the user pans
  /// or zooms (the window is laid out after the atlas is loaded).
  std::optional<core::Extent> fitExtent_;
  render::Language language_ = render::Language::Zh;
  RenderedMap rendered_;
  QFutureWatcher<RenderedMap> watcher_;
  bool renderPending_ = false;
  std::optional<QPointF> pressPos_;
  /// Shift + drag: the rectangle to zoom to (widget pixels).
  std::optional<QRectF> zoomBox_;
  QTimer* hoverTimer_;
  QPointF hoverPos_;
  QPointF lastDragPos_;
  bool dragged_ = false;
  geo::Transformer toWgs84_;
  MapTool* tool_ = nullptr;
};

}  // namespace circatlas::viewer
