// Walks OGR geometries, fields and spatial references into the core model.
#include "io/ogr_convert.h"

#include <memory>
#include <vector>

#include "core/error.h"

namespace circatlas::io::detail {

using core::GeometryType;

std::optional<GeometryType> toGeometryType(OGRwkbGeometryType type) noexcept {
  switch (wkbFlatten(OGR_GT_GetLinear(type))) {
    case wkbPoint:
      return GeometryType::Point;
    case wkbLineString:
      return GeometryType::LineString;
    case wkbPolygon:
      return GeometryType::Polygon;
    case wkbMultiPoint:
      return GeometryType::MultiPoint;
    case wkbMultiLineString:
      return GeometryType::MultiLineString;
    case wkbMultiPolygon:
      return GeometryType::MultiPolygon;
    case wkbNone:
      return GeometryType::None;
    default:
      return std::nullopt;
  }
}

std::string toCrsDefinition(const OGRSpatialReference* srs) {
  if (!srs) return {};
  const char* authority = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  if (authority && code) return std::string(authority) + ":" + code;
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  if (srs->exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
    CPLFree(wkt);
    throw core::CrsError("the layer's coordinate reference system cannot be expressed as WKT");
  }
  std::string out = wkt;
  CPLFree(wkt);
  return out;
}

std::string describeCrs(const OGRSpatialReference* srs) {
  if (!srs) return "none";
  const char* name = srs->GetName();
  const char* authority = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  std::string label = name ? name : "unnamed CRS";
  if (authority && code) label = std::string(authority) + ":" + code + " (" + label + ")";
  return label;
}

namespace {

void appendPath(const OGRSimpleCurve& curve, std::vector<core::Coord>& buf) {
  buf.resize(static_cast<std::size_t>(curve.getNumPoints()));
  for (int i = 0; i < curve.getNumPoints(); ++i) buf[static_cast<std::size_t>(i)] = {curve.getX(i), curve.getY(i)};
}

void addPolygon(const OGRPolygon& poly, core::Geometry& out, std::vector<core::Coord>& buf) {
  if (poly.IsEmpty()) return;
  appendPath(*poly.getExteriorRing(), buf);
  out.addPath(buf);
  for (int r = 0; r < poly.getNumInteriorRings(); ++r) {
    appendPath(*poly.getInteriorRing(r), buf);
    out.addPath(buf);
  }
  out.closePart();
}

}  // namespace

core::Geometry toGeometry(const OGRGeometry& input) {
  // Curves (CircularString, CurvePolygon, …) are approximated by straight segments once here.
  std::unique_ptr<OGRGeometry> linear;
  const OGRGeometry* g = &input;
  if (input.hasCurveGeometry()) {
    linear.reset(input.getLinearGeometry());
    g = linear.get();
  }
  const auto type = toGeometryType(g->getGeometryType());
  if (!type || *type == GeometryType::None) {
    throw core::InputError(std::string("unsupported geometry type ") + OGRGeometryTypeToName(g->getGeometryType()));
  }
  core::Geometry out(*type);
  std::vector<core::Coord> buf;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
      const auto* p = g->toPoint();
      if (!p->IsEmpty()) out.addPoint({p->getX(), p->getY()});
      break;
    }
    case wkbMultiPoint:
      for (const OGRPoint* p : *g->toMultiPoint()) {
        if (!p->IsEmpty()) out.addPoint({p->getX(), p->getY()});
      }
      break;
    case wkbLineString:
      if (!g->IsEmpty()) {
        appendPath(*g->toLineString(), buf);
        out.addPath(buf);
      }
      break;
    case wkbMultiLineString:
      for (const OGRLineString* l : *g->toMultiLineString()) {
        appendPath(*l, buf);
        out.addPath(buf);
      }
      break;
    case wkbPolygon:
      addPolygon(*g->toPolygon(), out, buf);
      break;
    case wkbMultiPolygon:
      for (const OGRPolygon* p : *g->toMultiPolygon()) addPolygon(*p, out, buf);
      break;
    default:
      throw core::InputError(std::string("unsupported geometry type ") + OGRGeometryTypeToName(g->getGeometryType()));
  }
  return out;
}

core::FieldType toFieldType(const OGRFieldDefn& field) noexcept {
  switch (field.GetType()) {
    case OFTInteger:
    case OFTInteger64:
      return field.GetSubType() == OFSTBoolean ? core::FieldType::Boolean : core::FieldType::Integer;
    case OFTReal:
      return core::FieldType::Real;
    case OFTDate:
      return core::FieldType::Date;
    case OFTDateTime:
      return core::FieldType::DateTime;
    default:
      return core::FieldType::String;
  }
}

core::Schema toSchema(const OGRFeatureDefn& defn) {
  core::Schema schema;
  for (int i = 0; i < defn.GetFieldCount(); ++i) {
    const OGRFieldDefn* f = defn.GetFieldDefn(i);
    schema.add({f->GetNameRef(), toFieldType(*f)});
  }
  return schema;
}

core::Value toValue(const OGRFeature& feature, int i, core::FieldType type) {
  if (!feature.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (type) {
    case core::FieldType::Boolean:
      return feature.GetFieldAsInteger(i) != 0;
    case core::FieldType::Integer:
      return static_cast<std::int64_t>(feature.GetFieldAsInteger64(i));
    case core::FieldType::Real:
      return feature.GetFieldAsDouble(i);
    case core::FieldType::String:
      return core::Text(feature.GetFieldAsString(i));
    case core::FieldType::Date:
    case core::FieldType::DateTime: {
      int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      feature.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz);
      // OGR keeps each part within its calendar range, which the narrow fields hold.
      core::DateTime dt{y,
                        static_cast<std::int8_t>(mo),
                        static_cast<std::int8_t>(d),
                        static_cast<std::int8_t>(h),
                        static_cast<std::int8_t>(mi),
                        s,
                        std::nullopt};
      // OGR's TZ flag: 0 unknown, 1 local, 100 UTC, 100 ± n quarter hours otherwise.
      if (tz >= 100) dt.utcOffsetMinutes = static_cast<std::int16_t>((tz - 100) * 15);
      return dt;
    }
  }
  return std::monostate{};
}

}  // namespace circatlas::io::detail
