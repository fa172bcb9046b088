// GEOS context per thread, error capture, and conversions between core::Geometry and GEOS.
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include "core/error.h"
#include "geo/geos_support.h"

namespace circatlas::geo::detail {

namespace {

struct ThreadContext {
  GEOSContextHandle_t handle = nullptr;
  std::string lastMessage;

  ThreadContext() : handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle, &ThreadContext::onError, this);
    GEOSContext_setNoticeMessageHandler_r(handle, &ThreadContext::onNotice, this);
  }
  ~ThreadContext() { GEOS_finish_r(handle); }
  ThreadContext(const ThreadContext&) = delete;
  ThreadContext& operator=(const ThreadContext&) = delete;

  static void onError(const char* message, void* self) {
    static_cast<ThreadContext*>(self)->lastMessage = message ? message : "";
  }
  static void onNotice(const char*, void*) {}  // notices (e.g. self-intersection at …) are not errors
};

ThreadContext& threadContext() {
  thread_local ThreadContext ctx;
  return ctx;
}

GeomPtr makeSequenceGeometry(const core::Geometry& g, std::size_t pathIndex, bool ring) {
  auto h = geosHandle();
  auto path = g.path(pathIndex);
  std::vector<core::Coord> closed;
  if (ring && !path.empty() && !(path.front() == path.back())) {
    closed.assign(path.begin(), path.end());
    closed.push_back(path.front());
    path = closed;
  }
  GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, &path.data()->x, static_cast<unsigned>(path.size()), 0, 0);
  if (!seq) throwGeosError("building a coordinate sequence");
  return checked(ring ? GEOSGeom_createLinearRing_r(h, seq) : GEOSGeom_createLineString_r(h, seq),
                 ring ? "building a ring" : "building a line");
}

GeomPtr makePolygon(const core::Geometry& g, std::size_t part) {
  auto h = geosHandle();
  const auto [first, last] = g.partPaths(part);
  GeomPtr shell = makeSequenceGeometry(g, first, true);
  std::vector<GEOSGeometry*> holes;
  for (std::size_t p = first + 1; p < last; ++p) holes.push_back(makeSequenceGeometry(g, p, true).release());
  return checked(GEOSGeom_createPolygon_r(h, shell.release(), holes.data(), static_cast<unsigned>(holes.size())),
                 "building a polygon");
}

GeomPtr makeCollection(int type, std::vector<GeomPtr> parts) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(parts.size());
  for (auto& p : parts) raw.push_back(p.release());
  return checked(GEOSGeom_createCollection_r(geosHandle(), type, raw.data(), static_cast<unsigned>(raw.size())),
                 "building a collection");
}

void appendCoords(const GEOSGeometry* line, std::vector<core::Coord>& out) {
  auto h = geosHandle();
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line);
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) throwGeosError("reading coordinates");
  const std::size_t start = out.size();
  out.resize(start + n);
  if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(h, seq, &out[start].x, 0, 0)) throwGeosError("reading coordinates");
}

void addPolygon(const GEOSGeometry* poly, core::Geometry& out) {
  auto h = geosHandle();
  if (GEOSisEmpty_r(h, poly)) return;
  std::vector<core::Coord> buf;
  appendCoords(GEOSGetExteriorRing_r(h, poly), buf);
  out.addPath(buf);
  const int holes = GEOSGetNumInteriorRings_r(h, poly);
  for (int i = 0; i < holes; ++i) {
    buf.clear();
    appendCoords(GEOSGetInteriorRingN_r(h, poly, i), buf);
    out.addPath(buf);
  }
  out.closePart();
}

void collectPolygons(const GEOSGeometry* g, core::Geometry& out) {
  auto h = geosHandle();
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    addPolygon(g, out);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collectPolygons(GEOSGetGeometryN_r(h, g, i), out);
  }
}

}  // namespace

GEOSContextHandle_t geosHandle() { return threadContext().handle; }

void GeomDeleter::operator()(GEOSGeometry* g) const noexcept {
  if (g) GEOSGeom_destroy_r(geosHandle(), g);
}

void throwGeosError(std::string_view operation) {
  std::string message = std::string(operation) + " failed";
  if (const auto& last = threadContext().lastMessage; !last.empty()) message += ": " + last;
  throw core::InputError(message);
}

GeomPtr checked(GEOSGeometry* g, std::string_view operation) {
  if (!g) throwGeosError(operation);
  return GeomPtr(g);
}

GeomPtr toGeos(const core::Geometry& g) {
  auto h = geosHandle();
  using core::GeometryType;
  switch (g.type()) {
    case GeometryType::None:
      return checked(GEOSGeom_createEmptyCollection_r(h, GEOS_GEOMETRYCOLLECTION), "building an empty geometry");
    case GeometryType::Point:
      if (g.isEmpty()) return checked(GEOSGeom_createEmptyPoint_r(h), "building a point");
      return checked(GEOSGeom_createPointFromXY_r(h, g.coords()[0].x, g.coords()[0].y), "building a point");
    case GeometryType::MultiPoint: {
      std::vector<GeomPtr> parts;
      for (const auto& c : g.coords()) {
        parts.push_back(checked(GEOSGeom_createPointFromXY_r(h, c.x, c.y), "building a point"));
      }
      return makeCollection(GEOS_MULTIPOINT, std::move(parts));
    }
    case GeometryType::LineString:
      if (g.pathCount() == 0) return checked(GEOSGeom_createEmptyLineString_r(h), "building a line");
      return makeSequenceGeometry(g, 0, false);
    case GeometryType::MultiLineString: {
      std::vector<GeomPtr> parts;
      for (std::size_t p = 0; p < g.pathCount(); ++p) parts.push_back(makeSequenceGeometry(g, p, false));
      return makeCollection(GEOS_MULTILINESTRING, std::move(parts));
    }
    case GeometryType::Polygon:
      if (g.partCount() == 0) return checked(GEOSGeom_createEmptyPolygon_r(h), "building a polygon");
      return makePolygon(g, 0);
    case GeometryType::MultiPolygon: {
      std::vector<GeomPtr> parts;
      for (std::size_t p = 0; p < g.partCount(); ++p) parts.push_back(makePolygon(g, p));
      return makeCollection(GEOS_MULTIPOLYGON, std::move(parts));
    }
  }
  throw core::InputError("unsupported geometry type");
}

core::Geometry fromGeos(const GEOSGeometry* g) {
  auto h = geosHandle();
  using core::GeometryType;
  const int type = GEOSGeomTypeId_r(h, g);
  std::vector<core::Coord> buf;
  switch (type) {
    case GEOS_POINT: {
      core::Geometry out(GeometryType::Point);
      if (!GEOSisEmpty_r(h, g)) {
        appendCoords(g, buf);
        out.addPoint(buf.front());
      }
      return out;
    }
    case GEOS_MULTIPOINT: {
      core::Geometry out(GeometryType::MultiPoint);
      const int n = GEOSGetNumGeometries_r(h, g);
      for (int i = 0; i < n; ++i) {
        buf.clear();
        appendCoords(GEOSGetGeometryN_r(h, g, i), buf);
        if (!buf.empty()) out.addPoint(buf.front());
      }
      return out;
    }
    case GEOS_LINESTRING:
    case GEOS_LINEARRING: {
      core::Geometry out(GeometryType::LineString);
      appendCoords(g, buf);
      if (!buf.empty()) out.addPath(buf);
      return out;
    }
    case GEOS_MULTILINESTRING: {
      core::Geometry out(GeometryType::MultiLineString);
      const int n = GEOSGetNumGeometries_r(h, g);
      for (int i = 0; i < n; ++i) {
        buf.clear();
        appendCoords(GEOSGetGeometryN_r(h, g, i), buf);
        out.addPath(buf);
      }
      return out;
    }
    case GEOS_POLYGON: {
      core::Geometry out(GeometryType::Polygon);
      addPolygon(g, out);
      return out;
    }
    case GEOS_MULTIPOLYGON:
      return polygonalParts(g);
    default:
      break;
  }
  // A GeometryCollection: accept it only if every member is of one family.
  const int n = GEOSGetNumGeometries_r(h, g);
  if (n == 0) return core::Geometry();
  core::Geometry polygons = polygonalParts(g);
  if (static_cast<int>(polygons.partCount()) == n) return polygons;
  throw core::InputError("a geometry collection of mixed types cannot be represented");
}

core::Geometry polygonalParts(const GEOSGeometry* g) {
  core::Geometry out(core::GeometryType::MultiPolygon);
  collectPolygons(g, out);
  return out;
}

}  // namespace circatlas::geo::detail
