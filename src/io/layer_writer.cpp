// GDAL-backed writing of core layers with temporary files and renames, so targets are never half-written.
#include "io/layer_writer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/staging_path.h"
#include "io/export_writer.h"
#include "io/gdal_session.h"
#include "io/geopackage_bulk.h"
#include "io/layer_writer_detail.h"
#include "io/output_target.h"
#include "io/sqlite_lock.h"

namespace circatlas::io {

namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

OGRwkbGeometryType toOgrType(core::GeometryType t) {
  switch (t) {
    case core::GeometryType::None:
      return wkbNone;
    case core::GeometryType::Point:
      return wkbPoint;
    case core::GeometryType::LineString:
      return wkbLineString;
    case core::GeometryType::Polygon:
      return wkbPolygon;
    case core::GeometryType::MultiPoint:
      return wkbMultiPoint;
    case core::GeometryType::MultiLineString:
      return wkbMultiLineString;
    case core::GeometryType::MultiPolygon:
      return wkbMultiPolygon;
  }
  return wkbUnknown;
}

OGRErr createField(OGRLayer& layer, const core::FieldDef& f) {
  OGRFieldType type = OFTString;
  OGRFieldSubType sub = OFSTNone;
  switch (f.type) {
    case core::FieldType::Boolean:
      type = OFTInteger;
      sub = OFSTBoolean;
      break;
    case core::FieldType::Integer:
      type = OFTInteger64;
      break;
    case core::FieldType::Real:
      type = OFTReal;
      break;
    case core::FieldType::String:
      type = OFTString;
      break;
    case core::FieldType::Date:
      type = OFTDate;
      break;
    case core::FieldType::DateTime:
      type = OFTDateTime;
      break;
  }
  OGRFieldDefn defn(f.name.c_str(), type);
  defn.SetSubType(sub);
  return layer.CreateField(&defn);
}

OGRLinearRing* makeRing(std::span<const core::Coord> coords) {
  auto* ring = new OGRLinearRing();
  ring->setNumPoints(static_cast<int>(coords.size()), FALSE);
  for (std::size_t i = 0; i < coords.size(); ++i) ring->setPoint(static_cast<int>(i), coords[i].x, coords[i].y);
  ring->closeRings();
  return ring;
}

OGRLineString* makeLine(std::span<const core::Coord> coords) {
  auto* line = new OGRLineString();
  line->setNumPoints(static_cast<int>(coords.size()), FALSE);
  for (std::size_t i = 0; i < coords.size(); ++i) line->setPoint(static_cast<int>(i), coords[i].x, coords[i].y);
  return line;
}

OGRPolygon* makePolygon(const core::Geometry& g, std::size_t part) {
  auto* poly = new OGRPolygon();
  const auto [first, last] = g.partPaths(part);
  for (std::size_t p = first; p < last; ++p) poly->addRingDirectly(makeRing(g.path(p)));
  return poly;
}

}  // namespace

namespace detail {

std::unique_ptr<OGRGeometry> toOgr(const core::Geometry& g) {
  using core::GeometryType;
  switch (g.type()) {
    case GeometryType::None:
      return nullptr;
    case GeometryType::Point:
      if (g.isEmpty()) return std::make_unique<OGRPoint>();
      return std::make_unique<OGRPoint>(g.coords()[0].x, g.coords()[0].y);
    case GeometryType::MultiPoint: {
      auto mp = std::make_unique<OGRMultiPoint>();
      for (const auto& c : g.coords()) mp->addGeometryDirectly(new OGRPoint(c.x, c.y));
      return mp;
    }
    case GeometryType::LineString:
      if (g.pathCount() == 0) return std::make_unique<OGRLineString>();
      return std::unique_ptr<OGRGeometry>(makeLine(g.path(0)));
    case GeometryType::MultiLineString: {
      auto ml = std::make_unique<OGRMultiLineString>();
      for (std::size_t p = 0; p < g.pathCount(); ++p) ml->addGeometryDirectly(makeLine(g.path(p)));
      return ml;
    }
    case GeometryType::Polygon:
      if (g.partCount() == 0) return std::make_unique<OGRPolygon>();
      return std::unique_ptr<OGRGeometry>(makePolygon(g, 0));
    case GeometryType::MultiPolygon: {
      auto mp = std::make_unique<OGRMultiPolygon>();
      for (std::size_t p = 0; p < g.partCount(); ++p) mp->addGeometryDirectly(makePolygon(g, p));
      return mp;
    }
  }
  return nullptr;
}

}  // namespace detail

namespace {

using detail::toOgr;

void setValue(OGRFeature& f, int i, const core::Value& v) {
  struct Visitor {
    OGRFeature& f;
    int i;
    void operator()(std::monostate) const { f.SetFieldNull(i); }
    void operator()(bool b) const { f.SetField(i, b ? 1 : 0); }
    void operator()(std::int64_t x) const { f.SetField(i, static_cast<GIntBig>(x)); }
    void operator()(double x) const { f.SetField(i, x); }
    void operator()(const core::Text& s) const { f.SetField(i, s.c_str()); }
    void operator()(const core::DateTime& d) const {
      const int tz = d.utcOffsetMinutes ? 100 + *d.utcOffsetMinutes / 15 : 0;
      f.SetField(i, d.year, d.month, d.day, d.hour, d.minute, static_cast<float>(d.second), tz);
    }
  };
  std::visit(Visitor{f, i}, v);
}

bool writesLonLatColumns(const std::string& driver, const core::Layer& layer) {
  return driver == "CSV" && layer.geometryType() == core::GeometryType::Point && layer.schema().indexOf("lon") &&
         layer.schema().indexOf("lat");
}

}  // namespace

namespace detail {

OGRLayer& writeLayerInto(GDALDataset& ds, const std::string& driver, const core::Layer& layer,
                         const std::string& target, const LayerWriteTuning& tuning) {
  detail::GdalErrorCapture capture;
  std::unique_ptr<OGRSpatialReference> srs;
  const bool dropGeometry = writesLonLatColumns(driver, layer);
  if (!layer.crs().empty() && layer.geometryType() != core::GeometryType::None && !dropGeometry) {
    srs = std::make_unique<OGRSpatialReference>();
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs->SetFromUserInput(layer.crs().c_str()) != OGRERR_NONE) {
      core::CrsError e("cannot express the layer's CRS for GDAL: " + layer.crs());
      e.setFile(target).setLayer(layer.name());
      throw e;
    }
  }
  CPLStringList options;
  if (driver == "ESRI Shapefile") options.SetNameValue("ENCODING", "UTF-8");
  if (driver == "CSV" && !dropGeometry && layer.geometryType() != core::GeometryType::None) {
    options.SetNameValue("GEOMETRY", "AS_WKT");
  }
  for (const auto& [key, value] : tuning.layerOptions) options.SetNameValue(key.c_str(), value.c_str());
  const OGRwkbGeometryType type = dropGeometry ? wkbNone : toOgrType(layer.geometryType());
  OGRLayer* out = ds.CreateLayer(layer.name().c_str(), srs.get(), type, options.List());
  auto fail = [&](const std::string& what) {
    core::IoError e(what + capture.suffix());
    e.setFile(target).setLayer(layer.name());
    throw e;
  };
  if (!out) fail("cannot create the layer");
  for (const auto& field : layer.schema().fields()) {
    if (createField(*out, field) != OGRERR_NONE) fail("cannot create field '" + field.name + "'");
  }
  // Commit every featuresPerTransaction features, as ogr2ogr does: one huge transaction makes
  // SQLite's journal grow without bound, one per feature is a thousand times slower.
  const bool transactions = out->TestCapability(OLCTransactions) && out->StartTransaction() == OGRERR_NONE;
  const std::size_t chunk = std::max<std::size_t>(1, tuning.featuresPerTransaction);
  if (tuning.schemaOnly) {
    if (transactions && out->CommitTransaction() != OGRERR_NONE) fail("cannot create the table");
    return *out;
  }
  const OGRFeatureDefn* defn = out->GetLayerDefn();
  std::size_t written = 0;
  for (const auto& f : layer.features()) {
    OGRFeature feature(const_cast<OGRFeatureDefn*>(defn));
    for (std::size_t i = 0; i < f.values.size(); ++i) setValue(feature, static_cast<int>(i), f.values[i]);
    if (type != wkbNone && !f.geometry.isEmpty()) feature.SetGeometryDirectly(toOgr(f.geometry).release());
    if (out->CreateFeature(&feature) != OGRERR_NONE) fail("cannot write feature " + std::to_string(f.id.value()));
    if (++written % chunk == 0) {
      if (transactions && (out->CommitTransaction() != OGRERR_NONE || out->StartTransaction() != OGRERR_NONE)) {
        fail("cannot commit the features");
      }
      if (tuning.afterChunk) tuning.afterChunk(written);
    }
  }
  if (transactions && out->CommitTransaction() != OGRERR_NONE) fail("cannot commit the features");
  return *out;
}

StagingDir::StagingDir(const fs::path& target) {
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  path_ = core::stagingPathBeside(target);
  std::error_code ec;
  if (!fs::create_directory(path_, ec)) {
    throw core::IoError(target.string() + ": cannot write in " + parent.string() + " (" + ec.message() + ")");
  }
}

StagingDir::~StagingDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace detail

namespace {

// The driver a known output extension stands for, or nullopt for other names (folders, …).
std::optional<std::string> driverOfExtension(const std::string& ext) {
  if (ext == ".gpkg") return "GPKG";
  if (ext == ".geojson" || ext == ".json") return "GeoJSON";
  if (ext == ".shp") return "ESRI Shapefile";
  if (ext == ".fgb") return "FlatGeobuf";
  if (ext == ".csv") return "CSV";
  return std::nullopt;
}

}  // namespace

std::string driverForPath(const std::string& path) {
  const std::string ext = lowerExtension(path);
  if (auto driver = driverOfExtension(ext)) return *driver;
  throw core::ParameterError(path + ": unknown output format '" + ext +
                             "' (use .gpkg, .geojson, .shp, .fgb or .csv, or name a GDAL driver)");
}

std::string driverFor(const std::string& path, const std::optional<std::string>& format) {
  if (!format) return driverForPath(path);
  const std::string ext = lowerExtension(path);
  const auto implied = driverOfExtension(ext);
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  // A GeoPackage called x.shp would be opened as a broken shapefile by every other tool.
  if (implied && lower(*implied) != lower(*format)) {
    throw core::ParameterError(path + ": --format " + *format + " does not match the extension '" + ext + "' (" +
                               *implied + "): change the name's extension or leave out --format");
  }
  return *format;
}

void writeLayers(std::span<const core::Layer* const> layers, const std::string& path, const WriteOptions& options) {
  detail::ensureGdalInitialised();
  if (isDatabaseTarget(path)) {
    std::vector<ExportLayer> tables;
    tables.reserve(layers.size());
    for (const core::Layer* layer : layers) tables.push_back({layer, {}, {}, std::nullopt});
    ExportWriteOptions database;
    database.format = options.format;
    database.existing = options.overwrite ? ExistingTarget::Overwrite : ExistingTarget::Refuse;
    writeExport(tables, path, database);
    return;
  }
  // Not value_or: the extension must not be required (nor its error thrown) when a format is given.
  const std::string driverName = driverFor(path, options.format);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  if (!driver) throw core::ParameterError("GDAL has no driver named '" + driverName + "'");
  if (driverName != "GPKG" && layers.size() != 1) {
    throw core::ParameterError(path + ": " + driverName + " holds one layer per file; " +
                               std::to_string(layers.size()) + " were given");
  }
  const fs::path target(path);
  const detail::StagingDir staging(target);
  const fs::path staged = staging.path() / target.filename();
  // GeoPackage: GDAL creates the tables and their empty spatial indexes, SQLite fills both in one
  // transaction (see geopackage_bulk.h); other drivers, and layers with
  // dates or values that GDAL would convert, take GDAL's per-feature path.
  const bool bulk = driverName == "GPKG" && std::all_of(layers.begin(), layers.end(), [](const core::Layer* l) {
                      return detail::fillableByBulkInsert(*l);
                    });
  {
    detail::GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(driver->Create(staged.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw core::IoError(path + ": cannot create" + capture.suffix());
    detail::LayerWriteTuning tuning;
    tuning.schemaOnly = bulk;
    for (const core::Layer* layer : layers) detail::writeLayerInto(*ds, driverName, *layer, path, tuning);
    // Closing flushes; a failure here (disk full) must not reach the target.
    ds.reset();
    if (!capture.errors().empty()) throw core::IoError(path + ": cannot finish writing" + capture.suffix());
  }
  if (bulk) detail::fillGeoPackage(staged.string(), layers, path);
  // Move every produced file (one, or a Shapefile's components) over its counterpart.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(staging.path())) {
    const fs::path destination = target.parent_path() / entry.path().filename();
    refuseWhileWriteLocked(destination, path);
    fs::rename(entry.path(), destination, ec);
    if (ec) throw core::IoError(destination.string() + ": cannot replace (" + ec.message() + ")");
  }
}

void writeLayer(const core::Layer& layer, const std::string& path, const WriteOptions& options) {
  const core::Layer* one[] = {&layer};
  writeLayers(one, path, options);
}

}  // namespace circatlas::io
