// Private to src/io: conversions between OGR objects and the core data model.
#pragma once

#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <optional>
#include <string>

#include "core/geometry.h"
#include "core/schema.h"
#include "core/value.h"

namespace circatlas::io::detail {

/// Our geometry family for an OGR type (Z/M dropped, curves linearised), or nullopt for types we
/// cannot hold (GeometryCollection, Unknown).
[[nodiscard]] std::optional<core::GeometryType> toGeometryType(OGRwkbGeometryType type) noexcept;

/// The CRS as "AUTHORITY:CODE" when it has one, otherwise WKT2; empty when srs is null.
[[nodiscard]] std::string toCrsDefinition(const OGRSpatialReference* srs);

/// A readable CRS label: "EPSG:4326 (WGS 84)" or the CRS name; "none" when srs is null.
[[nodiscard]] std::string describeCrs(const OGRSpatialReference* srs);

/// OGR geometry → core::Geometry of the same type (Z/M dropped, curves linearised). Throws
/// core::InputError for types circatlas cannot hold (GeometryCollection, …).
[[nodiscard]] core::Geometry toGeometry(const OGRGeometry& geometry);

/// Field type mapping: integers (booleans by subtype), reals, strings, dates; lists and times
/// are read as text.
[[nodiscard]] core::FieldType toFieldType(const OGRFieldDefn& field) noexcept;

/// The schema of an OGR layer definition.
[[nodiscard]] core::Schema toSchema(const OGRFeatureDefn& defn);

/// The value of field i of the feature, converted to the schema's type.
[[nodiscard]] core::Value toValue(const OGRFeature& feature, int i, core::FieldType type);

}  // namespace circatlas::io::detail
