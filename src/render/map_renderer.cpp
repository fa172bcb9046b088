// The one map drawing path: polygons, lines and markers by style class, a focus veil, then labels.
#include "render/map_renderer.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>

#include "core/error.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "render/label_engine.h"
#include "render/symbol_painter.h"

namespace circatlas::render {

namespace {

// Vertices closer than this to the previous drawn vertex add nothing visible.
constexpr double kMinVertexSpacingPx = 0.4;
// How far simplification may move a line on raster targets, in pixels.
constexpr double kRasterTolerancePx = 0.25;

std::optional<std::size_t> fieldIndex(const core::Layer& layer, const std::string& field) {
  if (field.empty()) return std::nullopt;
  return layer.schema().indexOf(field);
}

// The label rank of each feature (LabelStyle::rankField): where its value stands among the features
// with the same `rankPer` value (e.g. the same capacity unit), as (number of smaller values + 1) /
// (group size + 1). The largest of 200 power plants ranks near 1, a plant alone with its unit 0.5,
// so that MW are compared with MW and Mt/a cement with Mt/a cement. Features without a value rank -1
// (labelled last).
class LabelRanks {
 public:
  LabelRanks() = default;
  LabelRanks(const core::Layer& layer, const LabelStyle& label)
      : value_(fieldIndex(layer, label.rankField)),
        per_(label.rankPer.empty() ? std::nullopt : fieldIndex(layer, label.rankPer)) {
    if (!value_) return;
    for (const core::Feature& f : layer.features()) {
      if (const auto v = core::toNumber(f.values[*value_]); v && *v > 0) values_[group(f)].push_back(*v);
    }
    for (auto& [group, values] : values_) std::sort(values.begin(), values.end());
  }
  [[nodiscard]] double of(const core::Feature& f) const {
    if (!value_) return 0.0;
    const auto v = core::toNumber(f.values[*value_]);
    if (!v || *v <= 0) return -1.0;
    const auto& values = values_.at(group(f));
    const auto smaller = std::lower_bound(values.begin(), values.end(), *v) - values.begin();
    return static_cast<double>(smaller + 1) / static_cast<double>(values.size() + 1);
  }

 private:
  [[nodiscard]] std::string group(const core::Feature& f) const {
    return per_ ? core::toString(f.values[*per_]) : std::string();
  }
  std::optional<std::size_t> value_;
  std::optional<std::size_t> per_;
  std::map<std::string, std::vector<double>> values_;
};

// Sutherland–Hodgman clipping of a ring to a rectangle. Rings of a province drawn on a prefecture
// page lie mostly off screen; Qt would still stroke (and dash) every off-screen vertex. The edges
// this adds along the rectangle lie outside the painter's clip, so they never show.
QPolygonF clipRing(const QPolygonF& in, const QRectF& r) {
  QPolygonF poly = in;
  for (int edge = 0; edge < 4 && !poly.isEmpty(); ++edge) {
    auto inside = [&](const QPointF& p) {
      switch (edge) {
        case 0: return p.x() >= r.left();
        case 1: return p.x() <= r.right();
        case 2: return p.y() >= r.top();
        default: return p.y() <= r.bottom();
      }
    };
    auto cut = [&](const QPointF& a, const QPointF& b) {
      const double t = edge == 0   ? (r.left() - a.x()) / (b.x() - a.x())
                       : edge == 1 ? (r.right() - a.x()) / (b.x() - a.x())
                       : edge == 2 ? (r.top() - a.y()) / (b.y() - a.y())
                                   : (r.bottom() - a.y()) / (b.y() - a.y());
      return a + (b - a) * t;
    };
    QPolygonF out;
    out.reserve(poly.size());
    for (qsizetype i = 0; i < poly.size(); ++i) {
      const QPointF& cur = poly[i];
      const QPointF& prev = poly[(i + poly.size() - 1) % poly.size()];
      if (inside(cur)) {
        if (!inside(prev)) out << cut(prev, cur);
        out << cur;
      } else if (inside(prev)) {
        out << cut(prev, cur);
      }
    }
    poly = std::move(out);
  }
  return poly;
}

// Douglas–Peucker in place: keeps the vertices without which the line would move more than
// tolerancePx. Joins cost more than anything else in a stroke, so a boundary drawn at a vertex
// every half pixel is stroked four times faster at a quarter-pixel tolerance, which
// antialiasing cannot show.
void simplifyInPlace(QPolygonF& poly, double tolerancePx) {
  const qsizetype n = poly.size();
  if (n < 3 || tolerancePx <= 0.0) return;
  const double tolSq = tolerancePx * tolerancePx;
  std::vector<char> keep(static_cast<std::size_t>(n), 0);
  keep.front() = keep.back() = 1;
  std::vector<std::pair<qsizetype, qsizetype>> stack{{0, n - 1}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    const QPointF pa = poly[a];
    const QPointF d = poly[b] - pa;
    const double lenSq = d.x() * d.x() + d.y() * d.y();
    double worst = tolSq;
    qsizetype worstAt = -1;
    for (qsizetype i = a + 1; i < b; ++i) {
      const QPointF v = poly[i] - pa;
      double distSq = 0.0;
      if (lenSq == 0.0) {
        distSq = v.x() * v.x() + v.y() * v.y();  // closed ring: distance to its first vertex
      } else {
        const double cross = v.x() * d.y() - v.y() * d.x();
        distSq = cross * cross / lenSq;
      }
      if (distSq > worst) {
        worst = distSq;
        worstAt = i;
      }
    }
    if (worstAt < 0) continue;
    keep[static_cast<std::size_t>(worstAt)] = 1;
    stack.emplace_back(a, worstAt);
    stack.emplace_back(worstAt, b);
  }
  qsizetype out = 0;
  for (qsizetype i = 0; i < n; ++i) {
    if (keep[static_cast<std::size_t>(i)]) poly[out++] = poly[i];
  }
  poly.resize(out);
}

// MapSettings::toPixelX/Y with the resolution worked out once: the same arithmetic, so the same
// pixels, without two calls and a division by a recomputed resolution per vertex (8 % of a
// province redraw).
class ToPixel {
 public:
  explicit ToPixel(const MapSettings& s) : minX_(s.extent.minX), maxY_(s.extent.maxY), upp_(s.unitsPerPixel()) {}
  [[nodiscard]] QPointF operator()(const core::Coord& c) const noexcept { return {(c.x - minX_) / upp_, (maxY_ - c.y) / upp_}; }

 private:
  double minX_;
  double maxY_;
  double upp_;
};

class PathBuilder {
 public:
  /// tolerancePx > 0 simplifies paths further (raster targets only: PDF and SVG keep every
  /// vertex the spacing filter lets through).
  PathBuilder(const MapSettings& s, double tolerancePx)
      : toPixel_(s), clip_(-20.0, -20.0, s.widthPx + 40.0, s.heightPx + 40.0), tolerancePx_(tolerancePx) {}
  /// Adds the ring, simplified, clipped and closed, to the path; returns it (empty when nothing
  /// of it is left) so raster targets can stroke it piecewise.
  QPolygonF addRing(QPainterPath& path, std::span<const core::Coord> ring) const {
    QPolygonF poly;
    appendSpaced(poly, ring);
    if (!clip_.contains(poly.boundingRect())) poly = clipRing(poly, clip_);
    simplifyInPlace(poly, tolerancePx_);  // after clipping: off-frame vertices are gone
    if (poly.size() < 3) return {};
    poly << poly.front();
    path.addPolygon(poly);
    return poly;
  }
  void appendSimplified(QPolygonF& poly, std::span<const core::Coord> coords) const {
    appendSpaced(poly, coords);
    simplifyInPlace(poly, tolerancePx_);
  }

 private:
  void appendSpaced(QPolygonF& poly, std::span<const core::Coord> coords) const {
    poly.reserve(static_cast<qsizetype>(coords.size()));
    QPointF last;
    for (std::size_t i = 0; i < coords.size(); ++i) {
      const QPointF p = toPixel_(coords[i]);
      if (i > 0 && i + 1 < coords.size() && std::abs(p.x() - last.x()) < kMinVertexSpacingPx &&
          std::abs(p.y() - last.y()) < kMinVertexSpacingPx)
        continue;
      poly << p;
      last = p;
    }
  }

  ToPixel toPixel_;
  QRectF clip_;
  double tolerancePx_;
};

// Vertices per stroked piece on raster targets. Qt's antialiasing rasterizer works in bands
// from a small fixed memory pool and walks the whole outline of a shape once per band, so one
// stroke along a boundary of thousands of vertices that spans the frame costs bands × vertices:
// the province outline alone took about 100 ms. Pieces of this many vertices have small bounding
// boxes and go through in one band each.
constexpr qsizetype kStrokePieceVertices = 32;

// Strokes a polyline (closed when its last vertex repeats its first) in pieces on raster targets.
// With round caps and joins, two solid pieces meeting at a vertex cover exactly what one round
// join covers, so the pixels are those of one stroke except for a second antialiasing pass on
// the few edge pixels of each junction. Dashes continue across pieces through the dash offset.
// Translucent pens would show the double cover at junctions, and thin pens already take Qt's
// fast cosmetic stroker, so both are drawn whole.
void strokePolyline(QPainter& painter, const QPen& pen, const QPolygonF& line, bool raster) {
  if (pen.style() == Qt::NoPen || line.size() < 2) return;
  painter.setPen(pen);
  painter.setBrush(Qt::NoBrush);
  const bool whole = !raster || line.size() <= kStrokePieceVertices || pen.widthF() <= 1.0 ||
                     pen.color().alpha() != 255 || painter.opacity() < 1.0 || pen.joinStyle() != Qt::RoundJoin ||
                     (pen.style() == Qt::SolidLine && pen.capStyle() != Qt::RoundCap);
  if (whole) {
    painter.drawPolyline(line);
    return;
  }
  QPen piecePen = pen;
  const bool dashed = pen.style() != Qt::SolidLine;
  double offset = pen.dashOffset();
  for (qsizetype first = 0; first + 1 < line.size(); first += kStrokePieceVertices - 1) {
    const qsizetype count = std::min(kStrokePieceVertices, line.size() - first);
    if (dashed) {
      piecePen.setDashOffset(offset);
      painter.setPen(piecePen);
      for (qsizetype i = first + 1; i < first + count; ++i) offset += QLineF(line[i - 1], line[i]).length() / pen.widthF();
    }
    painter.drawPolyline(line.constData() + first, static_cast<int>(count));
  }
}

// A pre-rendered marker stamped onto raster outputs: drawing 100 k antialiased shapes one by one
// costs far more than blitting one small image. Vector outputs always get real shapes.
struct Stamp {
  QImage image;
  QPointF offset;
};

// Whether a feature lies in the map's focus region (a prefecture page veils the rest): the legend
// lists only classes of features a reader can see unveiled. Without a focus everything counts.
class FocusTest {
 public:
  explicit FocusTest(const std::optional<core::Geometry>& focus) {
    if (!focus || focus->isEmpty()) return;
    focus_ = &*focus;
    envelope_ = focus->envelope();
    points_.emplace(std::span<const core::Geometry>(focus_, 1));
  }

  [[nodiscard]] bool contains(const core::Geometry& g, const core::Extent& envelope) const {
    if (!focus_) return true;
    if (!envelope.intersects(envelope_)) return false;
    if (core::isPuntal(g.type())) {
      return std::any_of(g.coords().begin(), g.coords().end(), [&](const core::Coord& c) { return points_->locate(c).has_value(); });
    }
    return geo::intersects(*focus_, g);
  }

 private:
  const core::Geometry* focus_ = nullptr;
  core::Extent envelope_;
  std::optional<geo::PolygonIndex> points_;
};

Stamp makeStamp(const Symbol& symbol, double sizeMm, double pxPerMm) {
  const double extent = (sizeMm * 1.3 + symbol.strokeWidthMm * 2) * pxPerMm + 4;
  const int side = static_cast<int>(std::ceil(extent));
  Stamp stamp{QImage(side, side, QImage::Format_ARGB32_Premultiplied), QPointF(side / 2.0, side / 2.0)};
  stamp.image.fill(Qt::transparent);
  QPainter p(&stamp.image);
  p.setRenderHint(QPainter::Antialiasing, true);
  SymbolPainter(p, pxPerMm).drawMarker(stamp.offset, symbol, sizeMm);
  return stamp;
}

// Middle of the longest on-screen path of a line, and the direction there, for line labels.
bool lineAnchor(const core::Geometry& g, const MapSettings& s, double& x, double& y, double& angleDeg) {
  double best = 0.0;
  for (std::size_t i = 0; i < g.pathCount(); ++i) {
    const auto path = g.path(i);
    if (path.size() < 2) continue;
    std::vector<QPointF> pts;
    double length = 0.0;
    for (const auto& c : path) {
      const QPointF p(s.toPixelX(c.x), s.toPixelY(c.y));
      if (!pts.empty()) length += std::hypot(p.x() - pts.back().x(), p.y() - pts.back().y());
      pts.push_back(p);
    }
    if (length <= best) continue;
    // walk to half the length
    double walked = 0.0;
    for (std::size_t k = 1; k < pts.size(); ++k) {
      const double seg = std::hypot(pts[k].x() - pts[k - 1].x(), pts[k].y() - pts[k - 1].y());
      if (walked + seg >= length / 2 && seg > 0) {
        const double t = (length / 2 - walked) / seg;
        const QPointF mid = pts[k - 1] + (pts[k] - pts[k - 1]) * t;
        if (mid.x() < 0 || mid.y() < 0 || mid.x() > s.widthPx || mid.y() > s.heightPx) break;
        // direction over a stretch of the line, not one jagged segment
        const std::size_t a = k >= 4 ? k - 4 : 0;
        const std::size_t b = std::min(pts.size() - 1, k + 3);
        double deg = std::atan2(-(pts[b].y() - pts[a].y()), pts[b].x() - pts[a].x()) * 180.0 / 3.14159265358979;
        if (deg > 90) deg -= 180;
        if (deg < -90) deg += 180;
        best = length;
        x = mid.x();
        y = mid.y();
        angleDeg = deg;
        break;
      }
      walked += seg;
    }
  }
  return best > 0.0;
}

}  // namespace

MapRenderer::MapRenderer(MapSettings settings) : settings_(std::move(settings)) {}

RenderResult MapRenderer::render(QPainter& painter, std::span<const RenderLayer> layers) const {
  const MapSettings& s = settings_;
  RenderResult result;
  result.classCounts.resize(layers.size());
  const double pxPerMm = s.pixelsPerMm();
  const double scale = s.scaleDenominator();
  const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
  // features whose envelope misses this box are skipped; the margin keeps wide symbols whole
  core::Extent cull = s.extent;
  const double margin = 10.0 * s.unitsPerPixel();
  cull.minX -= margin;
  cull.minY -= margin;
  cull.maxX += margin;
  cull.maxY += margin;

  painter.save();
  painter.setClipRect(QRectF(0, 0, s.widthPx, s.heightPx));
  painter.setRenderHint(QPainter::Antialiasing, true);
  LabelEngine labels(s.widthPx, s.heightPx, s.dpi);
  SymbolPainter symbols(painter, pxPerMm);
  PathBuilder paths(s, raster ? kRasterTolerancePx : 0.0);
  const ToPixel toPixel(s);
  const FocusTest inFocus(s.focus);

  for (std::size_t li = 0; li < layers.size(); ++li) {
    const RenderLayer& rl = layers[li];
    if (!rl.layer || !rl.style) continue;
    const core::Layer& layer = *rl.layer;
    const Style& style = *rl.style;
    auto& counts = result.classCounts[li];
    counts.assign(style.classes.size() + 1, 0);
    if (!style.scaleRange.contains(scale)) continue;
    if (!draws(style.geometry, layer.geometryType())) {
      result.problems.push_back({rl.id, -1, "style '" + style.name + "' is for " + toString(style.geometry) +
                                                ", the layer holds " + std::string(core::toString(layer.geometryType()))});
      continue;
    }
    if (!layer.crs().empty() && layer.crs() != s.crs) {
      result.problems.push_back({rl.id, -1, "layer is in " + layer.crs() + ", the map in " + s.crs + "; not drawn"});
      continue;
    }
    const auto classField = fieldIndex(layer, style.field);
    if (style.renderer != SymbolRenderer::Single && !classField) {
      result.problems.push_back({rl.id, -1, "style '" + style.name + "' classifies by field '" + style.field +
                                                "', which the layer lacks; its features fall into 'other'"});
    }
    const auto sizeField = style.sizeBy ? fieldIndex(layer, style.sizeBy->field) : std::nullopt;
    if (style.sizeBy && !sizeField) {
      result.problems.push_back({rl.id, -1, "size field '" + style.sizeBy->field + "' missing; default sizes used"});
    }
    const bool wantLabels = rl.labels && style.label && style.label->scaleRange.contains(scale);
    const auto labelField = wantLabels ? fieldIndex(layer, style.label->field.in(s.language)) : std::nullopt;
    if (wantLabels && !labelField) {
      result.problems.push_back({rl.id, -1, "label field '" + style.label->field.in(s.language) + "' missing"});
    }
    const LabelRanks ranks = labelField ? LabelRanks(layer, *style.label) : LabelRanks();
    const bool obstacles = style.geometry == StyleGeometry::Point && layer.size() <= 5000;
    const bool useStamps = raster && style.geometry == StyleGeometry::Point && !style.sizeBy && layer.size() > 2000;
    std::map<std::size_t, Stamp> stamps;
    const core::Value null;

    for (const core::Feature& f : layer.features()) {
      if (f.geometry.isEmpty()) continue;
      const core::Extent env = f.geometry.envelope();
      if (!env.intersects(cull)) continue;
      const core::Value& key = classField ? f.values[*classField] : null;
      const auto cls = style.classify(key);
      if (!cls) continue;
      if (inFocus.contains(f.geometry, env)) ++counts[*cls];
      const Symbol& symbol = style.classAt(*cls).symbol;
      double sizeMm = style.geometry == StyleGeometry::Line ? symbol.strokeWidthMm : symbol.sizeMm;
      if (sizeField) {
        if (const auto v = core::toNumber(f.values[*sizeField])) sizeMm = style.sizeBy->sizeFor(*v);
      }
      const core::Geometry& g = f.geometry;
      switch (style.geometry) {
        case StyleGeometry::Polygon: {
          QPainterPath path;
          path.setFillRule(Qt::OddEvenFill);
          std::vector<QPolygonF> rings;
          for (std::size_t part = 0; part < g.partCount(); ++part) {
            const auto [first, last] = g.partPaths(part);
            for (std::size_t r = first; r < last; ++r) rings.push_back(paths.addRing(path, g.path(r)));
          }
          const QBrush brush = symbols.brush(symbol);
          const QPen pen = symbols.pen(symbol, symbol.strokeWidthMm);
          if (!raster) {
            // one path per polygon keeps PDF and SVG output a clean vector outline
            painter.setBrush(brush);
            painter.setPen(pen);
            painter.drawPath(path);
            break;
          }
          if (brush.style() != Qt::NoBrush) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(brush);
            painter.drawPath(path);
          }
          for (const QPolygonF& ring : rings) strokePolyline(painter, pen, ring, raster);
          break;
        }
        case StyleGeometry::Line: {
          const QPen pen = symbols.pen(symbol, sizeMm);
          for (std::size_t i = 0; i < g.pathCount(); ++i) {
            QPolygonF poly;
            paths.appendSimplified(poly, g.path(i));
            strokePolyline(painter, pen, poly, raster);
          }
          break;
        }
        case StyleGeometry::Point: {
          for (const auto& c : g.coords()) {
            const QPointF p = toPixel(c);
            if (useStamps) {
              auto it = stamps.find(*cls);
              if (it == stamps.end()) it = stamps.emplace(*cls, makeStamp(symbol, sizeMm, pxPerMm)).first;
              painter.drawImage(QPointF(std::round(p.x() - it->second.offset.x()), std::round(p.y() - it->second.offset.y())),
                                it->second.image);
            } else {
              symbols.drawMarker(p, symbol, sizeMm);
            }
            if (obstacles) {
              const double r = sizeMm * pxPerMm / 2;
              labels.addObstacle(p.x() - r, p.y() - r, 2 * r, 2 * r);
            }
          }
          break;
        }
      }
      if (!labelField) continue;
      const std::string text = core::toString(f.values[*labelField]);
      if (text.empty()) continue;
      LabelCandidate candidate{text, 0, 0, 0, 0, &*style.label};
      candidate.rank = ranks.of(f);
      try {
        switch (style.label->placement) {
          case LabelPlacement::AroundPoint:
          case LabelPlacement::Interior: {
            core::Coord anchor = g.coords().front();
            if (style.geometry == StyleGeometry::Polygon) anchor = geo::pointOnSurface(g);
            else if (style.geometry == StyleGeometry::Line) anchor = g.coords()[g.coords().size() / 2];
            candidate.x = s.toPixelX(anchor.x);
            candidate.y = s.toPixelY(anchor.y);
            candidate.symbolRadiusPx = style.geometry == StyleGeometry::Point ? sizeMm * pxPerMm / 2 : 0.0;
            break;
          }
          case LabelPlacement::Line:
            if (!lineAnchor(g, s, candidate.x, candidate.y, candidate.angleDeg)) continue;
            break;
        }
      } catch (const core::Error& e) {
        result.problems.push_back({rl.id, f.id.value(), std::string("no label position: ") + e.what()});
        continue;
      }
      labels.add(std::move(candidate));
    }
  }

  std::optional<QPainterPath> focusPath;
  if (s.focus && !s.focus->isEmpty()) {
    QPainterPath focus;
    focus.setFillRule(Qt::OddEvenFill);
    for (std::size_t part = 0; part < s.focus->partCount(); ++part) {
      const auto [first, last] = s.focus->partPaths(part);
      for (std::size_t r = first; r < last; ++r) paths.addRing(focus, s.focus->path(r));
    }
    QPainterPath veil;
    veil.setFillRule(Qt::OddEvenFill);
    veil.addRect(QRectF(0, 0, s.widthPx, s.heightPx));
    veil.addPath(focus);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 150));
    painter.drawPath(veil);
    QPen outline(QColor(60, 60, 60));
    outline.setWidthF(0.5 * pxPerMm);
    outline.setJoinStyle(Qt::RoundJoin);
    painter.setPen(outline);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(focus);
    focusPath = std::move(focus);
  }

  const auto placed = labels.place(painter, focusPath ? &*focusPath : nullptr);
  result.labelsPlaced = placed.placed;
  result.labelsDropped = placed.dropped;
  painter.restore();
  return result;
}

}  // namespace circatlas::render
