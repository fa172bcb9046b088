// PROJ-backed coordinate transformations; PROJ errors become core::CrsError here.
#include "geo/transformer.h"

#include <proj.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/parallel.h"
#include "geo/analysis_crs.h"
#include "geo/crs_wkt.h"

namespace circatlas::geo {

namespace {

struct ContextDeleter {
  void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
struct PjDeleter {
  void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

ContextPtr makeContext() {
  ContextPtr ctx(proj_context_create());
  // Grids are never fetched from the network: the machine has none, and results must not
  // depend on it.
  proj_context_set_enable_network(ctx.get(), 0);
  proj_log_level(ctx.get(), PJ_LOG_NONE);
  return ctx;
}

std::string lastError(PJ_CONTEXT* ctx) {
  const int code = proj_context_errno(ctx);
  const char* text = code != 0 ? proj_context_errno_string(ctx, code) : nullptr;
  return text ? text : "unknown PROJ error";
}

PjPtr createCrs(PJ_CONTEXT* ctx, std::string_view crs) {
  if (crs.empty()) throw core::CrsError("no coordinate reference system given");
  const std::string text(crs);
  PjPtr pj(proj_create(ctx, text.c_str()));
  if (pj && !proj_is_crs(pj.get()) && text.find("+proj=") != std::string::npos &&
      text.find("type=crs") == std::string::npos) {
    // "+proj=lcc …" is a projection to PROJ unless it is told the string is a CRS; GDAL and QGIS
    // read such strings as CRS, and so do we.
    pj.reset(proj_create(ctx, (text + " +type=crs").c_str()));
  }
  if (!pj) {
    throw core::CrsError("unknown coordinate reference system '" + text + "': " + lastError(ctx));
  }
  if (!proj_is_crs(pj.get())) {
    throw core::CrsError("'" + text +
                         "' is not a coordinate reference system (give an EPSG code, a PROJ string or WKT)");
  }
  return pj;
}

}  // namespace

struct Transformer::Impl {
  ContextPtr ctx;
  PjPtr pj;
};

Transformer::Transformer(std::string_view sourceCrs, std::string_view targetCrs)
    : impl_(std::make_unique<Impl>()), source_(sourceCrs), target_(targetCrs) {
  impl_->ctx = makeContext();
  PjPtr src = createCrs(impl_->ctx.get(), sourceCrs);
  PjPtr dst = createCrs(impl_->ctx.get(), targetCrs);
  PjPtr op(proj_create_crs_to_crs_from_pj(impl_->ctx.get(), src.get(), dst.get(), nullptr, nullptr));
  if (!op) {
    throw core::CrsError("no transformation from '" + source_ + "' to '" + target_ +
                         "': " + lastError(impl_->ctx.get()));
  }
  impl_->pj.reset(proj_normalize_for_visualization(impl_->ctx.get(), op.get()));
  if (!impl_->pj) {
    throw core::CrsError("cannot normalise axis order from '" + source_ + "' to '" + target_ + "'");
  }
}

Transformer::~Transformer() = default;
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

namespace {

// `offset`: the index of coords[0] in the caller's coordinates, for the error message.
void transformInPlace(PJ* pj, PJ_CONTEXT* ctx, PJ_DIRECTION dir, std::span<core::Coord> coords, const std::string& from,
                      const std::string& to, std::size_t offset = 0) {
  if (coords.empty()) return;
  proj_errno_reset(pj);
  constexpr auto stride = sizeof(core::Coord);
  proj_trans_generic(pj, dir, &coords[0].x, stride, coords.size(), &coords[0].y, stride, coords.size(), nullptr, 0, 0,
                     nullptr, 0, 0);
  for (std::size_t i = 0; i < coords.size(); ++i) {
    if (!std::isfinite(coords[i].x) || !std::isfinite(coords[i].y)) {
      throw core::CrsError("cannot transform coordinate " + std::to_string(offset + i) + " from '" + from + "' to '" +
                           to + "': " + lastError(ctx));
    }
  }
}

}  // namespace

core::Coord Transformer::forward(core::Coord c) const {
  forward(std::span<core::Coord>(&c, 1));
  return c;
}

core::Coord Transformer::inverse(core::Coord c) const {
  inverse(std::span<core::Coord>(&c, 1));
  return c;
}

void Transformer::forward(std::span<core::Coord> coords) const {
  transformInPlace(impl_->pj.get(), impl_->ctx.get(), PJ_FWD, coords, source_, target_);
}

void Transformer::forwardOnAllCores(std::span<core::Coord> coords) const {
  constexpr std::size_t grain = 1 << 16;
  if (coords.size() <= grain) {
    forward(coords);
    return;
  }
  // Worker 0 is this object; the others make their own on first use (no two calls share a worker).
  std::vector<std::unique_ptr<Transformer>> own(core::workerCount(0));
  core::parallelFor(coords.size(), 0, grain, [&](unsigned worker, std::size_t begin, std::size_t end) {
    const Transformer* t = this;
    if (worker > 0) {
      if (!own[worker]) own[worker] = std::make_unique<Transformer>(source_, target_);
      t = own[worker].get();
    }
    transformInPlace(t->impl_->pj.get(), t->impl_->ctx.get(), PJ_FWD, coords.subspan(begin, end - begin), source_,
                     target_, begin);
  });
}

void Transformer::inverse(std::span<core::Coord> coords) const {
  transformInPlace(impl_->pj.get(), impl_->ctx.get(), PJ_INV, coords, target_, source_);
}

std::vector<core::XY> Transformer::toXY(std::span<const core::LonLat> points) const {
  std::vector<core::Coord> coords;
  coords.reserve(points.size());
  for (const core::LonLat& p : points) coords.push_back({p.lon, p.lat});
  forward(coords);
  std::vector<core::XY> xy;
  xy.reserve(coords.size());
  for (const core::Coord& c : coords) xy.push_back({c.x, c.y});
  return xy;
}

LayerPoints layerPointsWgs84(const core::Layer& layer) {
  try {
    if (layer.crs().empty()) throw core::CrsError("the layer has no coordinate reference system");
    std::vector<core::Coord> coords;
    LayerPoints points;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (layer[i].geometry.isEmpty()) continue;
      coords.push_back(layer[i].geometry.coords()[0]);
      points.rows.push_back(i);
    }
    if (layer.crs() != kWgs84) Transformer(layer.crs(), kWgs84).forward(coords);
    points.lonLat.reserve(coords.size());
    for (const core::Coord& c : coords) points.lonLat.push_back({c.x, c.y});
    return points;
  } catch (core::Error& e) {
    e.setLayer(layer.name());
    throw;
  }
}

std::vector<core::XY> projectPoints(std::span<const core::LonLat> lonLat, std::string_view metricCrs) {
  return Transformer(kWgs84, metricCrs).toXY(lonLat);
}

void transformLayer(core::Layer& layer, std::string_view targetCrs) {
  try {
    if (layer.crs().empty()) throw core::CrsError("the layer has no coordinate reference system");
    const Transformer t(layer.crs(), targetCrs);
    for (auto& f : layer.mutableFeatures()) {
      try {
        t.forward(f.geometry.mutableCoords());
      } catch (core::Error& e) {
        e.setFeature(f.id.value());
        throw;
      }
    }
    layer.setCrs(std::string(targetCrs));
  } catch (core::Error& e) {
    e.setLayer(layer.name());
    throw;
  }
}

bool isGeographic(std::string_view crs) {
  const ContextPtr ctx = makeContext();
  const PjPtr pj = createCrs(ctx.get(), crs);
  const PJ_TYPE type = proj_get_type(pj.get());
  return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

std::string crsName(std::string_view crs) {
  const ContextPtr ctx = makeContext();
  const PjPtr pj = createCrs(ctx.get(), crs);
  const char* name = proj_get_name(pj.get());
  return name ? name : std::string(crs);
}

std::string crsWkt(std::string_view crs) {
  const ContextPtr ctx = makeContext();
  const PjPtr pj = createCrs(ctx.get(), crs);
  const char* wkt = proj_as_wkt(ctx.get(), pj.get(), PJ_WKT2_2019, nullptr);
  if (!wkt) throw core::CrsError("cannot express '" + std::string(crs) + "' as WKT: " + lastError(ctx.get()));
  return wkt;
}

}  // namespace circatlas::geo
