// STRtree of polygon envelopes plus GEOS prepared geometries for exact point tests.
#include "geo/polygon_index.h"

#include <algorithm>
#include <cstdint>
#include <memory>

#include "core/parallel.h"
#include "geo/geos_support.h"

namespace circatlas::geo {

using detail::checked;
using detail::GeomPtr;
using detail::geosHandle;

namespace {

struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* p) const noexcept {
    if (p) GEOSPreparedGeom_destroy_r(geosHandle(), p);
  }
};
struct TreeDeleter {
  void operator()(GEOSSTRtree* t) const noexcept {
    if (t) GEOSSTRtree_destroy_r(geosHandle(), t);
  }
};

void collectItem(void* item, void* userdata) {
  static_cast<std::vector<std::size_t>*>(userdata)->push_back(reinterpret_cast<std::uintptr_t>(item));
}

}  // namespace

struct PolygonIndex::Impl {
  std::vector<GeomPtr> geometries;
  std::vector<std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>> prepared;
  std::unique_ptr<GEOSSTRtree, TreeDeleter> tree;
  // A query result is usually one or two polygons; reused to avoid an allocation per query.
  mutable std::vector<std::size_t> scratch;

  std::vector<std::size_t> query(const GEOSGeometry* g) const {
    std::vector<std::size_t> hits;
    GEOSSTRtree_query_r(geosHandle(), tree.get(), g, &collectItem, &hits);
    std::sort(hits.begin(), hits.end());
    return hits;
  }
};

PolygonIndex::PolygonIndex(std::span<const core::Geometry> polygons) : impl_(std::make_unique<Impl>()) {
  auto h = geosHandle();
  impl_->tree.reset(GEOSSTRtree_create_r(h, 10));
  impl_->geometries.reserve(polygons.size());
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    impl_->geometries.push_back(detail::toGeos(polygons[i]));
    const GEOSGeometry* g = impl_->geometries.back().get();
    impl_->prepared.emplace_back(GEOSPrepare_r(h, g));
    if (!impl_->prepared.back()) detail::throwGeosError("preparing a polygon");
    GEOSSTRtree_insert_r(h, impl_->tree.get(), g, reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));
  }
}

PolygonIndex::~PolygonIndex() = default;
PolygonIndex::PolygonIndex(PolygonIndex&&) noexcept = default;
PolygonIndex& PolygonIndex::operator=(PolygonIndex&&) noexcept = default;

std::optional<std::size_t> PolygonIndex::locate(core::Coord c) const {
  auto h = geosHandle();
  const GeomPtr point = checked(GEOSGeom_createPointFromXY_r(h, c.x, c.y), "building a point");
  impl_->scratch.clear();
  GEOSSTRtree_query_r(h, impl_->tree.get(), point.get(), &collectItem, &impl_->scratch);
  std::sort(impl_->scratch.begin(), impl_->scratch.end());
  for (const std::size_t i : impl_->scratch) {
    const char hit = GEOSPreparedCovers_r(h, impl_->prepared[i].get(), point.get());
    if (hit == 2) detail::throwGeosError("testing a point against a polygon");
    if (hit == 1) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> PolygonIndex::candidates(const core::Extent& extent) const {
  if (extent.isEmpty()) return {};
  auto h = geosHandle();
  const GeomPtr box = checked(GEOSGeom_createRectangle_r(h, extent.minX, extent.minY, extent.maxX, extent.maxY),
                              "building a rectangle");
  return impl_->query(box.get());
}

std::size_t PolygonIndex::size() const noexcept { return impl_->geometries.size(); }

std::vector<std::optional<std::size_t>> locateAll(std::span<const core::Geometry> polygons,
                                                  std::span<const core::Coord> points, unsigned threads) {
  std::vector<std::optional<std::size_t>> out(points.size());
  // GEOS prepared geometries cache lazily and are not shared between threads: one index per worker,
  // built when it first gets points.
  std::vector<std::unique_ptr<PolygonIndex>> indexOfWorker(core::workerCount(threads));
  core::parallelFor(points.size(), threads, 1024, [&](unsigned worker, std::size_t begin, std::size_t end) {
    std::unique_ptr<PolygonIndex>& index = indexOfWorker[worker];
    if (!index) index = std::make_unique<PolygonIndex>(polygons);
    for (std::size_t i = begin; i < end; ++i) out[i] = index->locate(points[i]);
  });
  return out;
}

}  // namespace circatlas::geo
