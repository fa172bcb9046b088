// GeoPackage and per-layer-file export with styles and provenance, staged beside the target and renamed when complete.
#include "io/export_writer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include "core/error.h"

#include "io/gdal_session.h"
#include "io/layer_writer.h"
#include "io/layer_writer_detail.h"
#include "io/output_target.h"
#include "io/postgis_writer.h"
#include "io/sqlite_lock.h"

#include <fcntl.h>
#include <unistd.h>

namespace circatlas::io {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStylesTable = "layer_styles";

/// Counts features written across layers and turns chunks into progress and cancellation.
class ExportProgress {
 public:
  ExportProgress(core::Progress* progress, std::size_t totalFeatures) : progress_(progress), total_(totalFeatures) {}

  void startLayer(const std::string& name, std::size_t features) {
    checkCancelled();
    base_ += layerFeatures_;
    layerFeatures_ = features;
    current_ = 0;
    stage_ = "writing " + name;
    report();
  }
  void written(std::size_t n) {
    current_ = n;
    report();
    checkCancelled();
  }
  /// A last chance to cancel before the file is closed and moved into place.
  void checkCancelled() const {
    if (progress_ && progress_->cancelled()) throw core::Cancelled();
  }

 private:
  void report() const {
    if (!progress_) return;
    const double done = static_cast<double>(base_ + current_);
    progress_->report(total_ == 0 ? 0.0 : std::min(1.0, done / static_cast<double>(total_)), stage_);
  }

  core::Progress* progress_;
  std::size_t total_;
  std::size_t base_ = 0;           ///< features of the layers before this one
  std::size_t layerFeatures_ = 0;  ///< features of this layer
  std::size_t current_ = 0;        ///< of this layer, written so far
  std::string stage_;
};

std::string quoteSql(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

void createStringField(OGRLayer& layer, const char* name, int width, const std::string& target) {
  OGRFieldDefn defn(name, OFTString);
  defn.SetWidth(width);
  if (layer.CreateField(&defn) != OGRERR_NONE) {
    throw core::IoError(target + ": cannot create field '" + name + "' of table " + kStylesTable);
  }
}

/// The `layer_styles` table as QGIS creates it, through OGR so that it is registered in
/// gpkg_contents (data_type 'attributes') and GDAL's validator accepts it.
OGRLayer& stylesTable(GDALDataset& ds, const std::string& target) {
  if (OGRLayer* existing = ds.GetLayerByName(kStylesTable)) return *existing;
  CPLStringList options;
  options.SetNameValue("FID", "id");
  options.SetNameValue("DESCRIPTION", "Layer styles for QGIS (QML) and other clients (SLD 1.1)");
  OGRLayer* layer = ds.CreateLayer(kStylesTable, nullptr, wkbNone, options.List());
  if (!layer) throw core::IoError(target + ": cannot create table " + kStylesTable);
  for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column"}) {
    createStringField(*layer, name, 256, target);
  }
  createStringField(*layer, "styleName", 0, target);
  createStringField(*layer, "styleQML", 0, target);
  createStringField(*layer, "styleSLD", 0, target);
  OGRFieldDefn useAsDefault("useAsDefault", OFTInteger);
  useAsDefault.SetSubType(OFSTBoolean);
  OGRFieldDefn updateTime("update_time", OFTDateTime);
  if (layer->CreateField(&useAsDefault) != OGRERR_NONE)
    throw core::IoError(target + ": cannot create field 'useAsDefault'");
  createStringField(*layer, "description", 0, target);
  createStringField(*layer, "owner", 0, target);
  createStringField(*layer, "ui", 0, target);
  if (layer->CreateField(&updateTime) != OGRERR_NONE)
    throw core::IoError(target + ": cannot create field 'update_time'");
  return *layer;
}

void removeStyleRows(OGRLayer& styles, const std::string& table, const std::string& target) {
  auto fail = [&] {
    core::IoError e("cannot replace its row in " + std::string(kStylesTable));
    e.setFile(target).setLayer(table);
    throw e;
  };
  if (styles.SetAttributeFilter(("f_table_name = " + quoteSql(table)).c_str()) != OGRERR_NONE) fail();
  std::vector<GIntBig> ids;
  for (auto& f : styles) ids.push_back(f->GetFID());
  if (styles.SetAttributeFilter(nullptr) != OGRERR_NONE) fail();
  for (GIntBig id : ids) {
    if (styles.DeleteFeature(id) != OGRERR_NONE) fail();
  }
}

void addStyleRow(OGRLayer& styles, OGRLayer& layer, const LayerStyleDocument& style, const std::string& target) {
  OGRFeature row(styles.GetLayerDefn());
  row.SetField("f_table_catalog", "");
  row.SetField("f_table_schema", "");
  row.SetField("f_table_name", layer.GetName());
  row.SetField("f_geometry_column", layer.GetGeometryColumn());
  row.SetField("styleName", style.name.c_str());
  row.SetField("styleQML", style.qml.c_str());
  row.SetField("styleSLD", style.sld.c_str());
  row.SetField("useAsDefault", 1);
  row.SetField("description", style.description.c_str());
  row.SetField("owner", "");
  row.SetField("ui", "");
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, tz = 0;
  const std::time_t now = std::time(nullptr);
  if (std::tm utc{}; gmtime_r(&now, &utc)) {
    y = utc.tm_year + 1900, mo = utc.tm_mon + 1, d = utc.tm_mday, h = utc.tm_hour, mi = utc.tm_min, s = utc.tm_sec;
    tz = 100;  // UTC
  }
  row.SetField("update_time", y, mo, d, h, mi, static_cast<float>(s), tz);
  if (styles.CreateFeature(&row) != OGRERR_NONE) {
    core::IoError e("cannot write its style to " + std::string(kStylesTable));
    e.setFile(target).setLayer(layer.GetName());
    throw e;
  }
}

/// The .qgs zipped as QGIS zips a .qgz (one entry, deflated), through GDAL's zip writer in memory.
std::string zipProject(const QgisProjectDocument& project, const std::string& target) {
  static std::atomic<unsigned> counter{0};
  const std::string path =
      "/vsimem/circatlas_project_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".qgz";
  detail::GdalErrorCapture capture;
  void* zip = CPLCreateZip(path.c_str(), nullptr);
  if (!zip) throw core::IoError(target + ": cannot zip the QGIS project" + capture.suffix());
  const std::string entry = project.name + ".qgs";
  bool ok = CPLCreateFileInZip(zip, entry.c_str(), nullptr) == CE_None &&
            CPLWriteFileInZip(zip, project.qgs.data(), static_cast<int>(project.qgs.size())) == CE_None &&
            CPLCloseFileInZip(zip) == CE_None;
  ok = CPLCloseZip(zip) == CE_None && ok;
  vsi_l_offset size = 0;
  GByte* data = VSIGetMemFileBuffer(path.c_str(), &size, TRUE);
  std::string bytes =
      data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string();
  CPLFree(data);
  if (!ok || bytes.empty()) throw core::IoError(target + ": cannot zip the QGIS project" + capture.suffix());
  return bytes;
}

/// The `qgis_projects` table as QGIS's GeoPackage project storage creates and fills it.
void storeQgisProject(GDALDataset& ds, const QgisProjectDocument& project, const std::string& target) {
  const std::string zip = zipProject(project, target);
  static const char* digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(zip.size() * 2);
  for (unsigned char c : zip) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char time[32];
  std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%S", &utc);
  const std::string metadata =
      std::string("{\"last_modified_time\": \"") + time + "\", \"last_modified_user\": \"circatlas\" }";
  detail::GdalErrorCapture capture;
  for (const std::string& sql :
       {std::string("CREATE TABLE IF NOT EXISTS qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)"),
        "DELETE FROM qgis_projects WHERE name = " + quoteSql(project.name),
        "INSERT INTO qgis_projects VALUES (" + quoteSql(project.name) + ", " + quoteSql(metadata) + ", " +
            quoteSql(hex) + ")"}) {
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds.ReleaseResultSet(result);
    if (!capture.errors().empty()) throw core::IoError(target + ": cannot store the QGIS project" + capture.suffix());
  }
}

/// The checks of GDAL's validate_gpkg.py that matter for a reader to accept the file.
void checkGeoPackage(const fs::path& staged, const std::string& target) {
  detail::GdalErrorCapture capture;
  const char* drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(staged.string().c_str(), GDAL_OF_VECTOR, drivers));
  if (!ds) throw core::IoError(target + ": the written GeoPackage cannot be reopened" + capture.suffix());
  auto scalar = [&](const std::string& sql) -> GIntBig {
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) throw core::IoError(target + ": cannot check the GeoPackage (" + sql + ")" + capture.suffix());
    GIntBig value = 0;
    if (auto f = std::unique_ptr<OGRFeature>(result->GetNextFeature())) value = f->GetFieldAsInteger64(0);
    ds->ReleaseResultSet(result);
    return value;
  };
  if (scalar("PRAGMA application_id") != 0x47504B47) throw core::IoError(target + ": application_id is not 'GPKG'");
  if (scalar("PRAGMA user_version") < 10200)
    throw core::IoError(target + ": user_version is older than GeoPackage 1.2");
  if (scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('gpkg_spatial_ref_sys', 'gpkg_contents', "
             "'gpkg_geometry_columns')") != 3) {
    throw core::IoError(target + ": required GeoPackage tables are missing");
  }
}

/// Sets a GDAL configuration option for this thread while alive, restoring the previous value.
class ScopedThreadConfig {
 public:
  ScopedThreadConfig(const char* key, const char* value) : key_(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old;
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ScopedThreadConfig() { CPLSetThreadLocalConfigOption(key_, old_ ? old_->c_str() : nullptr); }
  ScopedThreadConfig(const ScopedThreadConfig&) = delete;
  ScopedThreadConfig& operator=(const ScopedThreadConfig&) = delete;

 private:
  const char* key_;
  std::optional<std::string> old_;
};

/// Flushes a finished file to disk before it is renamed over the target, so that a crash after
/// the rename cannot leave a renamed but incomplete file.
void syncFile(const fs::path& file, const std::string& target) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw core::IoError(target + ": cannot flush the written file to disk");
  }
  ::close(fd);
}

void setMetadata(GDALMajorObject& object, const MetadataItems& items) {
  for (const auto& [key, value] : items) object.SetMetadataItem(key.c_str(), value.c_str());
}

ExportReport writeGeoPackage(std::span<const ExportLayer> layers, const fs::path& target, const ExportWriteOptions& o) {
  const std::string path = target.string();
  const bool append = o.existing == ExistingTarget::Append && fs::exists(target);
  const detail::StagingDir staging(target);
  const fs::path staged = staging.path() / target.filename();
  std::size_t total = 0;
  for (const auto& l : layers) total += l.layer->size();
  ExportProgress progress(o.progress, total);
  {
    // The staged file is thrown away on any failure and renamed only once complete and flushed
    // (syncFile below), so SQLite need not sync at every commit: one fsync instead of dozens.
    const ScopedThreadConfig noSync("OGR_SQLITE_SYNCHRONOUS", "OFF");
    // SQLite's default 2 MB page cache makes a growing table spill and re-read its pages (most
    // of the time of a large export went to pread/pwrite); the cache is allocated as it fills.
    const ScopedThreadConfig cache("OGR_SQLITE_CACHE", "512");
    detail::GdalErrorCapture capture;
    GDALDatasetUniquePtr ds;
    if (append) {
      std::error_code ec;
      fs::copy_file(target, staged, ec);
      if (ec) throw core::IoError(path + ": cannot copy for appending (" + ec.message() + ")");
      const char* drivers[] = {"GPKG", nullptr};
      ds.reset(GDALDataset::Open(staged.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
      if (!ds) throw core::InputError(path + ": cannot open as a GeoPackage to append to" + capture.suffix());
      for (const auto& l : layers) {
        for (int i = 0; i < ds->GetLayerCount(); ++i) {
          if (l.layer->name() == ds->GetLayer(i)->GetName()) {
            if (ds->DeleteLayer(i) != OGRERR_NONE) {
              throw core::IoError(path + ": cannot replace layer '" + l.layer->name() + "'" + capture.suffix());
            }
            break;
          }
        }
      }
    } else {
      GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
      ds.reset(driver->Create(staged.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
      if (!ds) throw core::IoError(path + ": cannot create" + capture.suffix());
    }
    setMetadata(*ds, o.datasetMetadata);
    detail::LayerWriteTuning tuning;
    tuning.featuresPerTransaction = o.featuresPerTransaction;
    tuning.afterChunk = [&](std::size_t n) { progress.written(n); };
    std::vector<std::pair<OGRLayer*, const ExportLayer*>> written;
    for (const auto& l : layers) {
      progress.startLayer(l.layer->name(), l.layer->size());
      OGRLayer& out = detail::writeLayerInto(*ds, "GPKG", *l.layer, path, tuning);
      if (!l.description.empty()) out.SetMetadataItem("DESCRIPTION", l.description.c_str());
      setMetadata(out, l.metadata);
      written.emplace_back(&out, &l);
    }
    if (std::any_of(layers.begin(), layers.end(), [](const ExportLayer& l) { return l.style.has_value(); })) {
      OGRLayer& styles = stylesTable(*ds, path);
      if (styles.StartTransaction() != OGRERR_NONE)
        throw core::IoError(path + ": cannot write the styles" + capture.suffix());
      for (const auto& [out, l] : written) {
        removeStyleRows(styles, l->layer->name(), path);
        if (l->style) addStyleRow(styles, *out, *l->style, path);
      }
      if (styles.CommitTransaction() != OGRERR_NONE)
        throw core::IoError(path + ": cannot write the styles" + capture.suffix());
    }
    if (o.qgisProject) storeQgisProject(*ds, *o.qgisProject, path);
    progress.checkCancelled();
    ds.reset();  // closing flushes and builds the spatial indexes; a failure must not reach the target
    if (!capture.errors().empty()) throw core::IoError(path + ": cannot finish writing" + capture.suffix());
  }
  checkGeoPackage(staged, path);
  syncFile(staged, path);
  refuseWhileWriteLocked(target, path);
  std::error_code ec;
  fs::rename(staged, target, ec);
  if (ec) throw core::IoError(path + ": cannot replace (" + ec.message() + ")");
  return {"GPKG", {path}, layers.size(), {}, {}};
}

std::string extensionFor(const std::string& driver) {
  if (driver == "GeoJSON") return ".geojson";
  if (driver == "ESRI Shapefile") return ".shp";
  if (driver == "FlatGeobuf") return ".fgb";
  if (driver == "CSV") return ".csv";
  throw core::ParameterError("export to '" + driver +
                             "' is not supported (use GPKG, GeoJSON, ESRI Shapefile, FlatGeobuf or CSV)");
}

/// Writes `text` to `file` (a staged path); a failure names `shownAs`, the path the user asked
/// for, and the system's reason (a full disk says "No space left on device").
void writeText(const fs::path& file, const std::string& text, const std::string& layer, const fs::path& shownAs) {
  errno = 0;
  std::ofstream out(file, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    const int reason = errno;
    core::IoError e("cannot write " + shownAs.filename().string() +
                    (reason != 0 ? " (" + std::string(std::strerror(reason)) + ")" : std::string()));
    e.setFile(shownAs.string()).setLayer(layer);
    throw e;
  }
}

constexpr std::size_t kShapefileTextBytes = 254;  // a dBASE character field holds at most 254 bytes

/// The longest prefix of at most `bytes` bytes that ends on a UTF-8 character boundary.
std::string_view cutUtf8(std::string_view text, std::size_t bytes) {
  std::size_t n = std::min(bytes, text.size());
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

/// "feature 12 (id F012)": the record as a user finds it in the table.
std::string recordName(const core::Layer& layer, const core::Feature& f) {
  std::string name = "feature " + std::to_string(f.id.value());
  if (const auto id = layer.schema().indexOf("id"); id && *id < f.values.size()) {
    if (const auto* text = std::get_if<core::Text>(&f.values[*id]); text && !text->empty())
      name += " (id " + text->str() + ")";
  }
  return name;
}

/// The layer with its text cut to what a Shapefile holds, and one warning per field that had
/// values cut (how many, the longest, the first record), so a long table gives a few lines, not
/// thousands; nullopt when nothing needs cutting. With `strict`, a cut is a core::InputError
/// listing every cut value instead (the first 50, then how many more).
std::optional<core::Layer> fitShapefileText(const core::Layer& layer, const std::string& file, bool strict,
                                            std::vector<std::string>& warnings) {
  struct FieldCuts {
    std::size_t count = 0;
    std::size_t longestBytes = 0;
    std::string first;  // the first record cut, as a user finds it
  };
  std::map<std::size_t, FieldCuts> byField;
  std::vector<std::string> cuts;
  std::optional<core::Layer> out;
  const auto& fields = layer.schema().fields();
  for (std::size_t row = 0; row < layer.size(); ++row) {
    const core::Feature& f = layer.features()[row];
    for (std::size_t i = 0; i < f.values.size() && i < fields.size(); ++i) {
      const auto* text = std::get_if<core::Text>(&f.values[i]);
      if (!text || text->size() <= kShapefileTextBytes) continue;
      FieldCuts& c = byField[i];
      if (c.count++ == 0) c.first = recordName(layer, f);
      c.longestBytes = std::max(c.longestBytes, text->size());
      if (strict && cuts.size() < 50) {
        cuts.push_back(file + ": layer '" + layer.name() + "', " + recordName(layer, f) + ", field '" + fields[i].name +
                       "': " + std::to_string(text->size()) + " bytes of text would be cut to " +
                       std::to_string(cutUtf8(*text, kShapefileTextBytes).size()));
      }
      if (!out) {
        out.emplace(layer.name(), layer.crs(), layer.geometryType(), layer.schema());
        out->reserve(layer.size());
        for (std::size_t r = 0; r < row; ++r) out->add(layer.features()[r]);
      }
    }
    if (out) {
      core::Feature copy = f;
      for (auto& v : copy.values) {
        if (auto* text = std::get_if<core::Text>(&v); text && text->size() > kShapefileTextBytes) {
          *text = cutUtf8(*text, kShapefileTextBytes);
        }
      }
      out->add(std::move(copy));
    }
  }
  std::size_t total = 0;
  for (const auto& [field, c] : byField) total += c.count;
  if (strict && total > 0) {
    std::string message = file + ": Shapefile would cut " + std::to_string(total) +
                          " text value(s) to 254 bytes (--strict); use GeoPackage, or export without --strict:";
    for (const auto& c : cuts) message += "\n  " + c;
    if (total > cuts.size()) message += "\n  … and " + std::to_string(total - cuts.size()) + " more";
    core::InputError e(message);
    e.setLayer(layer.name());
    throw e;
  }
  for (const auto& [field, c] : byField) {
    warnings.push_back(file + ": layer '" + layer.name() + "', field '" + fields[field].name +
                       "': " + std::to_string(c.count) +
                       " text value(s) cut to 254 bytes, Shapefile's limit (longest " + std::to_string(c.longestBytes) +
                       " bytes; first: " + c.first + "); GeoPackage keeps the full text");
  }
  return out;
}

bool holdsTablesWithoutGeometry(const std::string& driver) {
  return driver != "FlatGeobuf" && driver != "ESRI Shapefile";
}

ExportReport writeLayerFiles(std::span<const ExportLayer> layers, const fs::path& folder, const std::string& driverName,
                             const ExportWriteOptions& o) {
  const std::string ext = extensionFor(driverName);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  GDALDriver* csv = GetGDALDriverManager()->GetDriverByName("CSV");
  if (!driver || !csv) throw core::ParameterError("GDAL has no driver named '" + driverName + "'");
  const bool exists = fs::exists(folder);
  if (exists && !fs::is_directory(folder)) {
    throw core::IoError(folder.string() + ": exists and is not a folder; " + driverName +
                        " export writes one file per layer");
  }
  const detail::StagingDir staging(folder);
  std::size_t total = 0;
  for (const auto& l : layers) total += l.layer->size();
  ExportProgress progress(o.progress, total);
  detail::LayerWriteTuning tuning;
  tuning.featuresPerTransaction = o.featuresPerTransaction;
  tuning.afterChunk = [&](std::size_t n) { progress.written(n); };
  ExportReport report{driverName, {}, layers.size(), {}, {}};
  for (const auto& l : layers) {
    progress.startLayer(l.layer->name(), l.layer->size());
    const std::string name = l.layer->name();
    const bool table = l.layer->geometryType() == core::GeometryType::None;
    const bool asCsv = table && !holdsTablesWithoutGeometry(driverName);
    const std::string layerDriver = asCsv ? "CSV" : driverName;
    const std::string layerExt = asCsv ? ".csv" : ext;
    const fs::path file = staging.path() / (name + layerExt);
    const std::string label = (folder / (name + layerExt)).string();
    if (asCsv) {
      report.notes.push_back(label + ": '" + name + "' has no geometry, which " + driverName +
                             " cannot hold; written as CSV");
    }
    const core::Layer* data = l.layer;
    std::optional<core::Layer> fitted;
    detail::LayerWriteTuning layerTuning = tuning;
    if (layerDriver == "ESRI Shapefile") {
      fitted = fitShapefileText(*l.layer, label, o.strict, report.warnings);
      if (fitted) data = &*fitted;
      const auto written = writtenFieldNames(layerDriver, l.layer->schema());
      std::string renamed;
      for (std::size_t i = 0; i < written.size(); ++i) {
        const std::string& original = l.layer->schema().fields()[i].name;
        if (written[i] != original) renamed += (renamed.empty() ? "" : ", ") + original + " → " + written[i];
      }
      if (!renamed.empty()) {
        report.notes.push_back(label + ": field names shortened to Shapefile's 10 characters (" + renamed +
                               "); its .qml and .sld use the short names");
      }
    }
    if (layerDriver == "GeoJSON") {
      if (!table && !l.layer->crs().empty() && l.layer->crs() != "EPSG:4326" && l.layer->crs() != "OGC:CRS84") {
        core::ParameterError e("GeoJSON (RFC 7946) holds WGS 84 longitude/latitude only, not " + l.layer->crs() +
                               "; export GeoJSON in EPSG:4326, or use GeoPackage for other CRS");
        e.setFile(label).setLayer(name);
        throw e;
      }
      // RFC 7946: no "crs" member, counter-clockwise outer rings (GDAL rewinds them), 7 decimals
      // (about 1 cm), the coordinates in WGS 84.
      layerTuning.layerOptions = {{"RFC7946", "YES"}, {"COORDINATE_PRECISION", "7"}};
    }
    // A .csvt beside each CSV keeps the types (industry code "0610" stays text, not the number 610).
    if (layerDriver == "CSV") layerTuning.layerOptions.emplace_back("CREATE_CSVT", "YES");
    detail::GdalErrorCapture capture;
    GDALDriver* creator = asCsv ? csv : driver;
    GDALDatasetUniquePtr ds(creator->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw core::IoError(label + ": cannot create" + capture.suffix());
    detail::writeLayerInto(*ds, layerDriver, *data, label, layerTuning);
    ds.reset();
    if (!capture.errors().empty()) throw core::IoError(label + ": cannot finish writing" + capture.suffix());
    if (l.style && !table) {
      writeText(staging.path() / (name + ".qml"), l.style->qml, name, folder / (name + ".qml"));
      writeText(staging.path() / (name + ".sld"), l.style->sld, name, folder / (name + ".sld"));
    }
    // The file that holds the data, as it is on disk (GDAL writes only a .dbf for a Shapefile
    // without geometry; such tables go to CSV above, so this names what the user will find).
    if (!fs::exists(file)) {
      core::IoError e("GDAL did not write the file");
      e.setFile(label).setLayer(name);
      throw e;
    }
    report.files.push_back(label);
  }
  progress.checkCancelled();
  std::error_code ec;
  if (o.existing == ExistingTarget::Append && exists) {
    for (const auto& entry : fs::directory_iterator(staging.path())) {
      const fs::path destination = folder / entry.path().filename();
      fs::rename(entry.path(), destination, ec);
      if (ec) throw core::IoError(destination.string() + ": cannot replace (" + ec.message() + ")");
    }
    return report;
  }
  // Overwrite: the old folder steps aside, the new one takes its name, then the old one goes.
  fs::path old;
  if (exists) {
    old = folder.parent_path() / ("." + folder.filename().string() + ".old-" + staging.path().extension().string() +
                                  staging.path().filename().string());
    fs::rename(folder, old, ec);
    if (ec) throw core::IoError(folder.string() + ": cannot replace (" + ec.message() + ")");
  }
  fs::rename(staging.path(), folder, ec);
  if (ec) {
    std::error_code restore;
    if (!old.empty()) fs::rename(old, folder, restore);
    throw core::IoError(folder.string() + ": cannot replace (" + ec.message() + ")");
  }
  if (!old.empty()) fs::remove_all(old, ec);
  return report;
}

}  // namespace

bool isMultiLayerDriver(const std::string& driver) noexcept { return driver == "GPKG"; }

void writeQgisProjectFile(const QgisProjectDocument& project, const std::string& path, bool overwrite) {
  detail::ensureGdalInitialised();
  const fs::path target(path);
  if (!overwrite && fs::exists(target)) throw core::ParameterError(path + ": exists; pass --overwrite to replace it");
  const std::string zip = zipProject(project, path);
  const detail::StagingDir staging(target);
  const fs::path staged = staging.path() / target.filename();
  writeText(staged, zip, project.name, target);
  syncFile(staged, path);
  std::error_code ec;
  fs::rename(staged, target, ec);
  if (ec) throw core::IoError(path + ": cannot replace (" + ec.message() + ")");
}

std::vector<std::string> writtenFieldNames(const std::string& driver, const core::Schema& schema) {
  std::vector<std::string> names;
  for (const auto& f : schema.fields()) names.push_back(f.name);
  if (driver != "ESRI Shapefile") return names;
  detail::ensureGdalInitialised();
  static std::atomic<unsigned> counter{0};
  const std::string folder =
      "/vsimem/circatlas_field_names_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  detail::GdalErrorCapture capture;  // GDAL warns of each shortened name: the caller reports them
  {
    GDALDatasetUniquePtr ds(shp->Create((folder + "/names.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds ? ds->CreateLayer("names", nullptr, wkbPoint, nullptr) : nullptr;
    if (!layer) throw core::IoError("cannot work out Shapefile field names" + capture.suffix());
    for (const auto& f : schema.fields()) {
      OGRFieldDefn defn(f.name.c_str(), OFTString);
      if (layer->CreateField(&defn) != OGRERR_NONE) {
        throw core::IoError("cannot work out the Shapefile name of field '" + f.name + "'" + capture.suffix());
      }
    }
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount() && i < static_cast<int>(names.size()); ++i) {
      names[static_cast<std::size_t>(i)] = defn->GetFieldDefn(i)->GetNameRef();
    }
  }
  VSIRmdirRecursive(folder.c_str());
  return names;
}

std::string exportFolderFor(const std::string& path) {
  // A trailing separator ("out.shp/") names the same folder.
  fs::path p(path);
  if (!p.has_filename()) p = p.parent_path();
  return p.string();
}

std::string exportDriverFor(const std::string& path, const std::optional<std::string>& format) {
  if (isDatabaseTarget(path)) return format ? *format : "PostgreSQL";
  return driverFor(path, format);
}

ExportReport writeExport(std::span<const ExportLayer> layers, const std::string& path,
                         const ExportWriteOptions& options) {
  detail::ensureGdalInitialised();
  const std::string driver = exportDriverFor(path, options.format);
  std::set<std::string> names;
  for (const auto& l : layers) {
    if (!l.layer) throw core::ParameterError(path + ": an export layer has no data");
    if (!names.insert(l.layer->name()).second) {
      throw core::ParameterError(path + ": two layers are named '" + l.layer->name() + "'");
    }
  }
  if (layers.empty()) throw core::ParameterError(path + ": nothing to export");
  if (driver == "PostgreSQL") {
    if (!isDatabaseTarget(path)) {
      throw core::ParameterError(path +
                                 ": PostgreSQL export needs a connection string, e.g. PG:\"service=bureau\" or "
                                 "PG:\"dbname=atlas host=db.example\"");
    }
    return detail::writePostgis(layers, path, options);
  }
  if (isDatabaseTarget(path)) {
    throw core::ParameterError(maskSecrets(path) + ": a database connection cannot be written as " + driver +
                               " (leave out --format, or use --format PostgreSQL)");
  }
  const fs::path target = isMultiLayerDriver(driver) ? fs::path(path) : fs::path(exportFolderFor(path));
  if (options.existing == ExistingTarget::Refuse && fs::exists(target)) {
    throw core::ParameterError(target.string() +
                               ": exists; pass --overwrite to replace it or --append to add layers to it");
  }
  if (isMultiLayerDriver(driver)) return writeGeoPackage(layers, target, options);
  return writeLayerFiles(layers, target, driver, options);
}

}  // namespace circatlas::io
