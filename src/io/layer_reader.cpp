// Reads features from GDAL into core::Layer, attaching file/layer/feature/field context to errors.
#include "io/layer_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/memory_budget.h"
#include "io/ogr_convert.h"

namespace circatlas::io {

namespace {

// GDAL opens a .shp whose .dbf is missing as a layer without attributes; every column would then
// be reported missing without naming the real problem.
void requireShapefileParts(const std::string& source) {
  const std::filesystem::path shp(source);
  std::string ext = shp.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".shp" || !detail::isLocalPath(source)) return;
  std::filesystem::path dbf = shp;
  std::error_code ec;
  if (std::filesystem::exists(dbf.replace_extension(".dbf"), ec) ||
      std::filesystem::exists(dbf.replace_extension(".DBF"), ec)) {
    return;
  }
  throw core::InputError(source + ": its attribute table " + shp.stem().string() +
                         ".dbf is missing: a shapefile is read from its .shp, .shx and .dbf together (copy all of "
                         "them, with the .prj and .cpg)");
}

struct SqlResultDeleter {
  GDALDataset* dataset;
  void operator()(OGRLayer* layer) const noexcept {
    if (layer) dataset->ReleaseResultSet(layer);
  }
};

OGRLayer& chooseLayer(GDALDataset& ds, const std::string& source, const ReadOptions& options,
                      std::unique_ptr<OGRLayer, SqlResultDeleter>& sqlResult) {
  if (options.sql) {
    detail::GdalErrorCapture capture;
    sqlResult.reset(ds.ExecuteSQL(options.sql->c_str(), nullptr, nullptr));
    if (!sqlResult) {
      throw core::ParameterError(source + ": SQL statement failed: " + *options.sql + capture.suffix());
    }
    return *sqlResult;
  }
  if (options.layer) return detail::requireLayer(ds, source, *options.layer);
  if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
  std::string names;
  for (OGRLayer* l : ds.GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
  throw core::ParameterError(source + ": holds " + std::to_string(ds.GetLayerCount()) + " layers; name one (" +
                             (names.empty() ? "none" : names) + ")");
}

// Unifies the geometry types of a layer: one family only; singles promoted to multi when any
// feature (or the declared type) is multi; null geometries become empty geometries of that type.
core::GeometryType unifyGeometries(std::vector<core::Feature>& features, core::GeometryType declared) {
  std::optional<core::GeometryType> family;  // the multi type of the family
  core::GeometryType single = core::GeometryType::None;
  bool anyMulti = false;
  auto observe = [&](core::GeometryType t, std::optional<std::int64_t> fid) {
    if (t == core::GeometryType::None) return;
    const auto fam = core::multiTypeOf(t);
    if (family && *family != fam) {
      core::InputError e("mixed geometry types: a " + std::string(core::toString(t)) + " in a layer of " +
                         std::string(core::toString(*family)) + " geometries");
      if (fid) e.setFeature(*fid);
      throw e;
    }
    family = fam;
    if (t == fam) anyMulti = true;
    else single = t;
  };
  observe(declared, std::nullopt);
  for (const auto& f : features) observe(f.geometry.type(), f.id.value());
  if (!family) return core::GeometryType::None;
  const core::GeometryType result = anyMulti ? *family : single;
  for (auto& f : features) {
    if (f.geometry.type() == core::GeometryType::None) {
      f.geometry = core::Geometry(result);
    } else if (anyMulti) {
      f.geometry.promoteToMulti();
    }
  }
  return result;
}

}  // namespace

core::Layer readLayer(const std::string& source, const ReadOptions& options) {
  GDALDatasetUniquePtr ds = detail::openVector(source);
  requireShapefileParts(source);
  std::unique_ptr<OGRLayer, SqlResultDeleter> sqlResult(nullptr, SqlResultDeleter{ds.get()});
  OGRLayer& layer = chooseLayer(*ds, source, options, sqlResult);
  const std::string layerName = layer.GetName();
  // Refuse a layer that would not fit before reading it. Formats without a stored count (CSV,
  // GeoJSON sequences) answer -1 to the cheap question; counting them costs one pass of reading
  // without keeping anything, far less than the load it may prevent. SQL results are not counted;
  // OpenStreetMap layers answer -1 even then, and go unchecked.
  GIntBig count = layer.GetFeatureCount(FALSE);
  if (count < 0 && !options.sql) count = layer.GetFeatureCount(TRUE);
  if (count > 0) requireFitsInMemory(source, layerName, static_cast<std::uint64_t>(count));
  detail::GdalErrorCapture capture;
  try {
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    core::Schema schema = detail::toSchema(defn);
    const std::string crs = detail::toCrsDefinition(layer.GetSpatialRef());
    // A .prj GDAL cannot parse is reported while the layer's CRS is read (the layer then has
    // none); say so here rather than as a vague failure of the features after it.
    if (!capture.errors().empty()) {
      throw core::CrsError("its coordinate system cannot be read (a broken .prj?)" + capture.suffix());
    }
    const auto declared = detail::toGeometryType(layer.GetGeomType()).value_or(core::GeometryType::None);

    std::vector<core::Feature> features;
    if (count > 0) features.reserve(static_cast<std::size_t>(count));
    layer.ResetReading();
    std::int64_t sequence = 0;
    // The declared count may be wrong (a stale gpkg_ogr_contents): the budget holds while reading.
    const FeatureBudget budget(source, layerName);
    for (auto& ogrFeature : layer) {
      budget.check(static_cast<std::uint64_t>(sequence) + 1);
      const std::int64_t fid = ogrFeature->GetFID() == OGRNullFID ? sequence : ogrFeature->GetFID();
      ++sequence;
      core::Feature f{core::FeatureId(fid), core::Geometry(), {}};
      try {
        // GDAL reports a corrupt geometry blob or record while fetching it, and hands the feature
        // over without it: name this feature rather than the count read at the end.
        if (capture.hasErrors()) throw core::InputError("cannot be read" + capture.suffix());
        if (const OGRGeometry* g = ogrFeature->GetGeometryRef()) f.geometry = detail::toGeometry(*g);
        f.values.reserve(schema.size());
        for (std::size_t i = 0; i < schema.size(); ++i) {
          try {
            f.values.push_back(detail::toValue(*ogrFeature, static_cast<int>(i), schema[i].type));
          } catch (core::Error& e) {
            e.setField(schema[i].name);
            throw;
          }
        }
      } catch (core::Error& e) {
        e.setFeature(fid);
        throw;
      }
      features.push_back(std::move(f));
    }
    if (capture.hasErrors()) {
      throw core::InputError("reading stopped after " + std::to_string(sequence) +
                             " features: the next one cannot be read" + capture.suffix());
    }
    const auto type = unifyGeometries(features, declared);
    core::Layer out(layerName, crs, type, std::move(schema));
    out.reserve(features.size());
    for (auto& f : features) out.add(std::move(f));
    return out;
  } catch (core::Error& e) {
    e.setFile(source).setLayer(layerName);
    throw;
  }
}

}  // namespace circatlas::io
