// Reads features from GDAL into core::Layer, attaching file/layer/feature/field context to errors.
#include "io/layer_reader.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/parallel.h"
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

// Reads the features `layer` yields (after any filter set on it) into `features`, in GDAL's order,
// each converted with its fid, field and GDAL error named. `read` counts the features read by every
// caller reading the same layer, for the memory budget.
void readFeatures(OGRLayer& layer, const core::Schema& schema, const FeatureBudget& budget,
                  std::atomic<std::uint64_t>& read, std::vector<core::Feature>& features) {
  detail::GdalErrorCapture capture;
  std::int64_t sequence = 0;
  for (auto& ogrFeature : layer) {
    budget.check(read.fetch_add(1, std::memory_order_relaxed) + 1);
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
}

// SQLite reads one table through several connections at once: a GeoPackage table of many features is
// read in fid ranges, one connection per range, on all cores. (Reading and converting a feature costs
// about 2 µs; a 325 k-line network took 0.72 s on one core.)
constexpr std::uint64_t kFeaturesWorthSplitting = 100000;

std::string quotedSqlName(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Reads a whole GeoPackage table in fid ranges, in parallel, into `features` in fid order, and returns
// true; returns false (reading nothing) for other sources, small tables or one core. An error is the
// one a single reader would have met first: that of the earliest range.
bool readInFidRanges(GDALDataset& ds, OGRLayer& layer, const std::string& source, const core::Schema& schema,
                     const FeatureBudget& budget, std::uint64_t count, std::vector<core::Feature>& features) {
  const unsigned workers = core::workerCount(0);
  const std::string fidColumn = layer.GetFIDColumn();
  if (workers < 2 || count < kFeaturesWorthSplitting || fidColumn.empty() || ds.GetDriver() == nullptr ||
      std::string_view(ds.GetDriver()->GetDescription()) != "GPKG") {
    return false;
  }
  const std::string table = quotedSqlName(layer.GetName());
  const std::string fid = quotedSqlName(fidColumn);
  std::int64_t low = 0;
  std::int64_t high = -1;
  {
    detail::GdalErrorCapture capture;
    const std::string sql = "SELECT MIN(" + fid + "), MAX(" + fid + ") FROM " + table;
    std::unique_ptr<OGRLayer, SqlResultDeleter> range(ds.ExecuteSQL(sql.c_str(), nullptr, nullptr),
                                                      SqlResultDeleter{&ds});
    if (!range) return false;
    const std::unique_ptr<OGRFeature> row(range->GetNextFeature());
    if (!row || !row->IsFieldSetAndNotNull(0) || !row->IsFieldSetAndNotNull(1)) return false;
    low = row->GetFieldAsInteger64(0);
    high = row->GetFieldAsInteger64(1);
  }
  // Ranges of equal fid span; fids are usually dense, so they hold about as many features each.
  const std::size_t ranges = workers;
  const auto span = static_cast<double>(high - low) + 1.0;
  std::vector<std::vector<core::Feature>> parts(ranges);
  std::vector<std::exception_ptr> failures(ranges);
  std::atomic<std::uint64_t> read{0};
  core::parallelFor(ranges, workers, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      try {
        const auto from = low + static_cast<std::int64_t>(span * static_cast<double>(r) / static_cast<double>(ranges));
        const auto to =
            r + 1 == ranges
                ? high + 1
                : low + static_cast<std::int64_t>(span * static_cast<double>(r + 1) / static_cast<double>(ranges));
        GDALDatasetUniquePtr own = detail::openVector(source);
        OGRLayer* part = own->GetLayerByName(layer.GetName());
        if (part == nullptr) throw core::IoError("the layer vanished while it was read");
        const std::string filter = fid + " >= " + std::to_string(from) + " AND " + fid + " < " + std::to_string(to);
        if (part->SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
          throw core::IoError("cannot select features by " + fidColumn);
        parts[r].reserve(static_cast<std::size_t>(count / ranges + 1));
        readFeatures(*part, schema, budget, read, parts[r]);
      } catch (...) {
        failures[r] = std::current_exception();
      }
    }
  });
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  std::size_t total = 0;
  for (const auto& part : parts) total += part.size();
  features.reserve(total);
  for (auto& part : parts) std::move(part.begin(), part.end(), std::back_inserter(features));
  return true;
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

    // The declared count may be wrong (a stale gpkg_ogr_contents): the budget holds while reading.
    const FeatureBudget budget(source, layerName);
    std::vector<core::Feature> features;
    if (options.sql || !readInFidRanges(*ds, layer, source, schema, budget,
                                        static_cast<std::uint64_t>(std::max<GIntBig>(count, 0)), features)) {
      std::atomic<std::uint64_t> read{0};
      if (count > 0) features.reserve(static_cast<std::size_t>(count));
      layer.ResetReading();
      readFeatures(layer, schema, budget, read, features);
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
