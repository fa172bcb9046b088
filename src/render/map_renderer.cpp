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
        case 0:
          return p.x() >= r.left();
        case 1:
          return p.x() <= r.right();
        case 2:
          return p.y() >= r.top();
        default:
          return p.y() <= r.bottom();
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
  [[nodiscard]] QPointF operator()(const core::Coord& c) const noexcept {
    return {(c.x - minX_) / upp_, (maxY_ - c.y) / upp_};
  }

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
      for (qsizetype i = first + 1; i < first + count; ++i)
        offset += QLineF(line[i - 1], line[i]).length() / pen.widthF();
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
      return std::any_of(g.coords().begin(), g.coords().end(),
                         [&](const core::Coord& c) { return points_->locate(c).has_value(); });
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

// How one layer is drawn: its style's fields resolved against the layer's schema.
struct LayerPlan {
  std::optional<std::size_t> classField;
  std::optional<std::size_t> sizeField;
  std::optional<std::size_t> labelField;
  LabelRanks ranks;
  bool obstacles = false;  // point symbols keep labels off them
  bool useStamps = false;  // many identical raster markers: draw each class once, then copy it
};

// One render of a layer list onto a painter, stage by stage: check each layer and resolve its
// fields, draw its features by class, gather their labels; then the focus veil; then place labels.
class RenderJob {
 public:
  RenderJob(const MapSettings& s, QPainter& painter, bool raster)
      : s_(s),
        painter_(painter),
        raster_(raster),
        pxPerMm_(s.pixelsPerMm()),
        cull_(cullBox(s)),
        labels_(s.widthPx, s.heightPx, s.dpi),
        symbols_(painter, pxPerMm_),
        paths_(s, raster ? kRasterTolerancePx : 0.0),
        toPixel_(s),
        inFocus_(s.focus) {}

  void drawLayer(const RenderLayer& rl, std::vector<std::size_t>& counts, std::vector<RenderProblem>& problems) {
    if (!rl.layer || !rl.style) return;
    const Style& style = *rl.style;
    counts.assign(style.classes.size() + 1, 0);
    if (!style.scaleRange.contains(s_.scaleDenominator())) return;
    const std::optional<LayerPlan> plan = planLayer(rl, problems);
    if (!plan) return;
    std::map<std::size_t, Stamp> stamps;
    const core::Value null;
    for (const core::Feature& f : rl.layer->features()) {
      if (f.geometry.isEmpty()) continue;
      const core::Extent env = f.geometry.envelope();
      if (!env.intersects(cull_)) continue;
      const core::Value& key = plan->classField ? f.values[*plan->classField] : null;
      const auto cls = style.classify(key);
      if (!cls) continue;
      if (inFocus_.contains(f.geometry, env)) ++counts[*cls];
      const Symbol& symbol = style.classAt(*cls).symbol;
      double sizeMm = style.geometry == StyleGeometry::Line ? symbol.strokeWidthMm : symbol.sizeMm;
      if (plan->sizeField) {
        if (const auto v = core::toNumber(f.values[*plan->sizeField])) sizeMm = style.sizeBy->sizeFor(*v);
      }
      switch (style.geometry) {
        case StyleGeometry::Polygon:
          drawPolygon(f.geometry, symbol);
          break;
        case StyleGeometry::Line:
          drawLine(f.geometry, symbol, sizeMm);
          break;
        case StyleGeometry::Point:
          drawPoints(f.geometry, symbol, sizeMm, *cls, *plan, stamps);
          break;
      }
      if (plan->labelField) addLabel(rl, *plan, f, sizeMm, problems);
    }
  }

  // The focus region's outline over a white veil on everything outside it.
  void drawFocusVeil() {
    if (!s_.focus || s_.focus->isEmpty()) return;
    QPainterPath focus;
    focus.setFillRule(Qt::OddEvenFill);
    for (std::size_t part = 0; part < s_.focus->partCount(); ++part) {
      const auto [first, last] = s_.focus->partPaths(part);
      for (std::size_t r = first; r < last; ++r) paths_.addRing(focus, s_.focus->path(r));
    }
    QPainterPath veil;
    veil.setFillRule(Qt::OddEvenFill);
    veil.addRect(QRectF(0, 0, s_.widthPx, s_.heightPx));
    veil.addPath(focus);
    painter_.setPen(Qt::NoPen);
    painter_.setBrush(QColor(255, 255, 255, 150));
    painter_.drawPath(veil);
    QPen outline(QColor(60, 60, 60));
    outline.setWidthF(0.5 * pxPerMm_);
    outline.setJoinStyle(Qt::RoundJoin);
    painter_.setPen(outline);
    painter_.setBrush(Qt::NoBrush);
    painter_.drawPath(focus);
    focusPath_ = std::move(focus);
  }

  void placeLabels(RenderResult& result) {
    const auto placed = labels_.place(painter_, focusPath_ ? &*focusPath_ : nullptr);
    result.labelsPlaced = placed.placed;
    result.labelsDropped = placed.dropped;
  }

 private:
  // Features whose envelope misses this box are skipped; the margin keeps wide symbols whole.
  static core::Extent cullBox(const MapSettings& s) {
    core::Extent cull = s.extent;
    const double margin = 10.0 * s.unitsPerPixel();
    cull.minX -= margin;
    cull.minY -= margin;
    cull.maxX += margin;
    cull.maxY += margin;
    return cull;
  }

  // The layer's fields for its style, or nullopt (with the problem listed) when it cannot be drawn.
  // Missing class, size or label fields are listed too, and the layer is drawn without them.
  std::optional<LayerPlan> planLayer(const RenderLayer& rl, std::vector<RenderProblem>& problems) const {
    const core::Layer& layer = *rl.layer;
    const Style& style = *rl.style;
    if (!draws(style.geometry, layer.geometryType())) {
      problems.push_back({rl.id, -1,
                          "style '" + style.name + "' is for " + toString(style.geometry) + ", the layer holds " +
                              std::string(core::toString(layer.geometryType()))});
      return std::nullopt;
    }
    if (!layer.crs().empty() && layer.crs() != s_.crs) {
      problems.push_back({rl.id, -1, "layer is in " + layer.crs() + ", the map in " + s_.crs + "; not drawn"});
      return std::nullopt;
    }
    LayerPlan plan;
    plan.classField = fieldIndex(layer, style.field);
    if (style.renderer != SymbolRenderer::Single && !plan.classField) {
      problems.push_back({rl.id, -1,
                          "style '" + style.name + "' classifies by field '" + style.field +
                              "', which the layer lacks; its features fall into 'other'"});
    }
    plan.sizeField = style.sizeBy ? fieldIndex(layer, style.sizeBy->field) : std::nullopt;
    if (style.sizeBy && !plan.sizeField) {
      problems.push_back({rl.id, -1, "size field '" + style.sizeBy->field + "' missing; default sizes used"});
    }
    const bool wantLabels = rl.labels && style.label && style.label->scaleRange.contains(s_.scaleDenominator());
    plan.labelField = wantLabels ? fieldIndex(layer, style.label->field.in(s_.language)) : std::nullopt;
    if (wantLabels && !plan.labelField) {
      problems.push_back({rl.id, -1, "label field '" + style.label->field.in(s_.language) + "' missing"});
    }
    if (plan.labelField) plan.ranks = LabelRanks(layer, *style.label);
    plan.obstacles = style.geometry == StyleGeometry::Point && layer.size() <= 5000;
    plan.useStamps = raster_ && style.geometry == StyleGeometry::Point && !style.sizeBy && layer.size() > 2000;
    return plan;
  }

  void drawPolygon(const core::Geometry& g, const Symbol& symbol) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    std::vector<QPolygonF> rings;
    for (std::size_t part = 0; part < g.partCount(); ++part) {
      const auto [first, last] = g.partPaths(part);
      for (std::size_t r = first; r < last; ++r) rings.push_back(paths_.addRing(path, g.path(r)));
    }
    const QBrush brush = symbols_.brush(symbol);
    const QPen pen = symbols_.pen(symbol, symbol.strokeWidthMm);
    if (!raster_) {
      // one path per polygon keeps PDF and SVG output a clean vector outline
      painter_.setBrush(brush);
      painter_.setPen(pen);
      painter_.drawPath(path);
      return;
    }
    if (brush.style() != Qt::NoBrush) {
      painter_.setPen(Qt::NoPen);
      painter_.setBrush(brush);
      painter_.drawPath(path);
    }
    for (const QPolygonF& ring : rings) strokePolyline(painter_, pen, ring, raster_);
  }

  void drawLine(const core::Geometry& g, const Symbol& symbol, double widthMm) {
    const QPen pen = symbols_.pen(symbol, widthMm);
    for (std::size_t i = 0; i < g.pathCount(); ++i) {
      QPolygonF poly;
      paths_.appendSimplified(poly, g.path(i));
      strokePolyline(painter_, pen, poly, raster_);
    }
  }

  void drawPoints(const core::Geometry& g, const Symbol& symbol, double sizeMm, std::size_t cls, const LayerPlan& plan,
                  std::map<std::size_t, Stamp>& stamps) {
    for (const auto& c : g.coords()) {
      const QPointF p = toPixel_(c);
      if (plan.useStamps) {
        auto it = stamps.find(cls);
        if (it == stamps.end()) it = stamps.emplace(cls, makeStamp(symbol, sizeMm, pxPerMm_)).first;
        painter_.drawImage(
            QPointF(std::round(p.x() - it->second.offset.x()), std::round(p.y() - it->second.offset.y())),
            it->second.image);
      } else {
        symbols_.drawMarker(p, symbol, sizeMm);
      }
      if (plan.obstacles) {
        const double r = sizeMm * pxPerMm_ / 2;
        labels_.addObstacle(p.x() - r, p.y() - r, 2 * r, 2 * r);
      }
    }
  }

  // The feature's label as a candidate for the label engine, anchored by the style's placement.
  void addLabel(const RenderLayer& rl, const LayerPlan& plan, const core::Feature& f, double sizeMm,
                std::vector<RenderProblem>& problems) {
    const Style& style = *rl.style;
    const core::Geometry& g = f.geometry;
    const std::string text = core::toString(f.values[*plan.labelField]);
    if (text.empty()) return;
    LabelCandidate candidate{text, 0, 0, 0, 0, &*style.label};
    candidate.rank = plan.ranks.of(f);
    try {
      switch (style.label->placement) {
        case LabelPlacement::AroundPoint:
        case LabelPlacement::Interior: {
          core::Coord anchor = g.coords().front();
          if (style.geometry == StyleGeometry::Polygon) anchor = geo::pointOnSurface(g);
          else if (style.geometry == StyleGeometry::Line) anchor = g.coords()[g.coords().size() / 2];
          candidate.x = s_.toPixelX(anchor.x);
          candidate.y = s_.toPixelY(anchor.y);
          candidate.symbolRadiusPx = style.geometry == StyleGeometry::Point ? sizeMm * pxPerMm_ / 2 : 0.0;
          break;
        }
        case LabelPlacement::Line:
          if (!lineAnchor(g, s_, candidate.x, candidate.y, candidate.angleDeg)) return;
          break;
      }
    } catch (const core::Error& e) {
      problems.push_back({rl.id, f.id.value(), std::string("no label position: ") + e.what()});
      return;
    }
    labels_.add(std::move(candidate));
  }

  const MapSettings& s_;
  QPainter& painter_;
  bool raster_;
  double pxPerMm_;
  core::Extent cull_;
  LabelEngine labels_;
  SymbolPainter symbols_;
  PathBuilder paths_;
  ToPixel toPixel_;
  FocusTest inFocus_;
  std::optional<QPainterPath> focusPath_;
};

}  // namespace

MapRenderer::MapRenderer(MapSettings settings) : settings_(std::move(settings)) {}

RenderResult MapRenderer::render(QPainter& painter, std::span<const RenderLayer> layers) const {
  RenderResult result;
  result.classCounts.resize(layers.size());
  const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
  painter.save();
  painter.setClipRect(QRectF(0, 0, settings_.widthPx, settings_.heightPx));
  painter.setRenderHint(QPainter::Antialiasing, true);
  RenderJob job(settings_, painter, raster);
  for (std::size_t li = 0; li < layers.size(); ++li) job.drawLayer(layers[li], result.classCounts[li], result.problems);
  job.drawFocusVeil();
  job.placeLabels(result);
  painter.restore();
  return result;
}

}  // namespace circatlas::render
