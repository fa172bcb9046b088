// Point-in-polygon and distance tests over the display geometries of the visible layers.
#include "viewer/identify.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace circatlas::viewer {

namespace {

// Even–odd rule over every ring of the polygon: holes and islands come out right.
bool ringsContain(const core::Geometry& g, std::size_t firstPath, std::size_t lastPath, core::Coord p) {
  bool inside = false;
  for (std::size_t r = firstPath; r < lastPath; ++r) {
    const auto ring = g.path(r);
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const auto& a = ring[i];
      const auto& b = ring[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

bool polygonContains(const core::Geometry& g, core::Coord p) {
  if (!g.envelope().contains(p)) return false;
  for (std::size_t part = 0; part < g.partCount(); ++part) {
    const auto [first, last] = g.partPaths(part);
    if (ringsContain(g, first, last, p)) return true;
  }
  return false;
}

double segmentDistance(core::Coord p, core::Coord a, core::Coord b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

bool lineNear(const core::Geometry& g, core::Coord p, double tolerance) {
  core::Extent e = g.envelope();
  e = {e.minX - tolerance, e.minY - tolerance, e.maxX + tolerance, e.maxY + tolerance};
  if (!e.contains(p)) return false;
  for (std::size_t i = 0; i < g.pathCount(); ++i) {
    const auto path = g.path(i);
    for (std::size_t k = 1; k < path.size(); ++k) {
      if (segmentDistance(p, path[k - 1], path[k]) <= tolerance) return true;
    }
  }
  return false;
}

bool pointNear(const core::Geometry& g, core::Coord p, double tolerance) {
  return std::any_of(g.coords().begin(), g.coords().end(),
                     [&](const core::Coord& c) { return std::hypot(c.x - p.x, c.y - p.y) <= tolerance; });
}

}  // namespace

std::vector<IdentifyHit> identifyAt(const LayerStack& stack, core::Coord map, double tolerance) {
  std::vector<IdentifyHit> hits;
  const auto& layers = stack.layers();
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    if (!it->visible) continue;
    const core::Layer& layer = *it->display;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const core::Geometry& g = layer[i].geometry;
      if (g.isEmpty()) continue;
      bool hit = false;
      if (core::isPolygonal(g.type())) hit = polygonContains(g, map);
      else if (core::isLinear(g.type())) hit = lineNear(g, map, tolerance);
      else if (core::isPuntal(g.type())) hit = pointNear(g, map, tolerance);
      if (hit) hits.push_back({it->id, i});
    }
  }
  return hits;
}

bool isEnterpriseLayer(std::string_view layerId) noexcept {
  return layerId == "enterprises" || layerId == "neighbour_enterprises" || layerId == "registry_enterprises";
}

std::vector<IdentifyHit> orderForListing(const LayerStack& stack, std::vector<IdentifyHit> hits) {
  auto group = [&](const IdentifyHit& h) {
    if (isEnterpriseLayer(h.layerId)) return 0;
    const ViewerLayer* layer = stack.find(h.layerId);
    if (!layer) return 4;
    const core::GeometryType type = (*layer->display)[h.feature].geometry.type();
    if (core::isPuntal(type)) return 1;
    if (core::isLinear(type)) return 2;
    return 3;
  };
  std::stable_sort(hits.begin(), hits.end(),
                   [&](const IdentifyHit& a, const IdentifyHit& b) { return group(a) < group(b); });
  return hits;
}

std::optional<IdentifyHit> pickForSelection(const LayerStack& stack, const std::vector<IdentifyHit>& ordered,
                                            std::string_view activeLayerId) {
  for (const IdentifyHit& h : ordered) {
    const ViewerLayer* layer = stack.find(h.layerId);
    if (!layer || h.feature >= layer->display->size()) continue;
    if (!core::isPolygonal((*layer->display)[h.feature].geometry.type()) || h.layerId == activeLayerId) return h;
  }
  return std::nullopt;
}

Selection clickSelection(const Selection& current, const std::optional<IdentifyHit>& hit, bool shift, bool ctrl) {
  if (!hit) return shift || ctrl ? current : Selection{};
  if ((!shift && !ctrl) || current.layerId != hit->layerId || current.empty()) {
    return {hit->layerId, {hit->feature}};
  }
  Selection next = current;
  const auto it = std::find(next.features.begin(), next.features.end(), hit->feature);
  if (it == next.features.end()) next.features.push_back(hit->feature);
  else if (ctrl) next.features.erase(it);
  return next;
}

std::string featureName(const core::Layer& layer, std::size_t feature, bool chineseFirst) {
  const auto& schema = layer.schema();
  const char* order[] = {
      chineseFirst ? "name_zh" : "name_en", chineseFirst ? "name_en" : "name_zh", "name", "id", "code", "cluster_id"};
  for (const char* field : order) {
    if (const auto i = schema.indexOf(field)) {
      std::string text = core::toString(layer[feature].values[*i]);
      if (!text.empty()) return text;
    }
  }
  return "#" + std::to_string(layer[feature].id.value());
}

std::optional<SnapPoint> snapPoint(const LayerStack& stack, core::Coord map, double tolerance, bool chinese) {
  std::optional<SnapPoint> best;
  double bestDistance = tolerance;
  for (const IdentifyHit& hit : identifyAt(stack, map, tolerance)) {
    const ViewerLayer* layer = stack.find(hit.layerId);
    if (!layer || !layer->display) continue;
    const core::Geometry& g = (*layer->display)[hit.feature].geometry;
    if (g.type() != core::GeometryType::Point && g.type() != core::GeometryType::MultiPoint) continue;
    for (const core::Coord& c : g.coords()) {
      const double d = std::hypot(c.x - map.x, c.y - map.y);
      if (d > bestDistance) continue;
      bestDistance = d;
      best = SnapPoint{c, hit.layerId, hit.feature, {}};
    }
  }
  if (!best) return best;
  const core::Layer& source = *stack.find(best->layerId)->source;
  static constexpr std::array<const char*, 3> kChinese{"name_zh", "name", "name_en"};
  static constexpr std::array<const char*, 3> kEnglish{"name_en", "name", "name_zh"};
  for (const char* field : chinese ? kChinese : kEnglish) {
    if (!source.schema().indexOf(field)) continue;
    const std::string name = core::toString(source.value(best->feature, field));
    if (!name.empty()) {
      best->name = name;
      break;
    }
  }
  return best;
}

}  // namespace circatlas::viewer
