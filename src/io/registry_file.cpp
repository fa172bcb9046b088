// Reading a planner's registry file: CSV (UTF-8 or GBK), XLSX/ODS sheets, GIS layers.
#include "io/registry_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "catalogue/admin_areas.h"
#include "catalogue/column_mapping.h"
#include "catalogue/industry_classes.h"
#include "catalogue/registry_import.h"
#include "catalogue/registry_placement.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "core/staging_path.h"
#include "geo/web_map_coords.h"
#include "io/csv_reader.h"
#include "io/gdal_session.h"
#include "io/layer_reader.h"
#include "io/output_target.h"
#include "io/text_encoding.h"

namespace circatlas::io {

namespace {

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// A sheet of a workbook as text: every cell read as a string (codes keep their leading zeros).
// The header is the first of the sheet's first 20 rows in which two or more cells are recognised
// headers (a title row above it, "2023年重点企业名录", is skipped and said so), else the first
// row. `line` is the row number in the sheet.
core::TextTable readSheet(const std::string& path, const std::optional<std::string>& layerName,
                          std::vector<std::string>& notes, std::string& sheetName) {
  detail::ensureGdalInitialised();
  detail::GdalErrorCapture capture;
  (void)checkInputFile(path);
  const char* const openOptions[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                            nullptr, openOptions, nullptr));
  if (!ds) throw core::InputError(path + ": not a workbook GDAL can read" + capture.suffix());
  OGRLayer* layer = nullptr;
  if (layerName) {
    layer = &detail::requireLayer(*ds, path, *layerName);
  } else {
    for (int i = 0; i < ds->GetLayerCount() && !layer; ++i) {
      if (ds->GetLayer(i)->GetFeatureCount() > 0) layer = ds->GetLayer(i);
    }
    if (!layer) throw core::InputError(path + ": every sheet is empty");
    if (ds->GetLayerCount() > 1) {
      notes.push_back(std::string("sheet '") + layer->GetName() + "' read, the first with rows of " +
                      std::to_string(ds->GetLayerCount()) + " sheets (choose another with --layer)");
    }
  }
  sheetName = layer->GetName();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<core::TextTable::Row> rows;
  // GDAL's ODS driver takes the first row as field names whatever HEADERS says; put it back as
  // a row so that the header is found the same way in every workbook.
  bool namedFields = false;
  core::TextTable::Row names{1, {}};
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const std::string name = defn->GetFieldDefn(i)->GetNameRef();
    namedFields = namedFields || name != "Field" + std::to_string(i + 1);
    names.cells.emplace_back(name);
  }
  if (namedFields) rows.push_back(std::move(names));
  layer->ResetReading();
  for (auto& feature : *layer) {
    core::TextTable::Row row{feature->GetFID(), {}};
    bool any = false;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      std::string v = feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "";
      const auto first = v.find_first_not_of(" \t\r\n");
      if (first == std::string::npos) {
        row.cells.emplace_back(std::nullopt);
      } else {
        row.cells.emplace_back(v.substr(first, v.find_last_not_of(" \t\r\n") - first + 1));
        any = true;
      }
    }
    if (any) rows.push_back(std::move(row));  // an empty spreadsheet row is not a record
  }
  if (!capture.errors().empty()) {
    core::InputError e("reading stopped" + capture.suffix());
    e.setFile(path).setLayer(sheetName);
    throw e;
  }
  core::TextTable table;
  table.source = path;
  if (rows.empty()) return table;
  std::size_t headerRow = 0;
  for (std::size_t r = 0; r < rows.size() && r < 20; ++r) {
    const auto recognised = std::count_if(rows[r].cells.begin(), rows[r].cells.end(),
                                          [](const auto& c) { return c && catalogue::recogniseHeader(*c); });
    if (recognised >= 2) {
      headerRow = r;
      break;
    }
  }
  if (headerRow > 0) {
    notes.push_back("row " + std::to_string(rows[headerRow].line) + " taken as the header; the " +
                    std::to_string(headerRow) + " row(s) above it skipped (a title?)");
  }
  // Columns without a header and without any value are dropped; a header-less column with values
  // gets the spreadsheet's column letter as its name.
  const auto& head = rows[headerRow].cells;
  std::vector<std::size_t> keep;
  for (std::size_t c = 0; c < head.size(); ++c) {
    const bool used = std::any_of(rows.begin() + static_cast<std::ptrdiff_t>(headerRow), rows.end(),
                                  [&](const auto& row) { return row.cells[c].has_value(); });
    if (!used) continue;
    keep.push_back(c);
    table.header.push_back(head[c] ? std::string(*head[c])
                                   : "column " + std::string(1, static_cast<char>('A' + c % 26)));
  }
  for (std::size_t r = headerRow + 1; r < rows.size(); ++r) {
    core::TextTable::Row row{rows[r].line, {}};
    for (const std::size_t c : keep) row.cells.push_back(rows[r].cells[c]);
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The attributes of a layer without geometry (a GeoPackage attribute table, a DBF) as text.
core::TextTable tableFromAttributes(const core::Layer& layer, const std::string& source) {
  core::TextTable table;
  table.source = source;
  for (const auto& f : layer.schema().fields()) table.header.push_back(f.name);
  for (const auto& f : layer.features()) {
    core::TextTable::Row row{f.id.value(), {}};
    for (const auto& v : f.values) {
      row.cells.push_back(core::isNull(v) ? std::nullopt : std::optional<std::string>(core::toString(v)));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string readTextFile(const std::string& path, const char* role) {
  (void)checkInputFile(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::IoError(path + ": cannot read the " + std::string(role));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The county seats and prefecture names of the base map, and the township gazetteer.
catalogue::Gazetteer loadGazetteer(const core::Layer& counties, const core::DataPaths& paths) {
  std::vector<catalogue::CountySeat> seats;
  for (std::size_t i = 0; i < counties.size(); ++i) {
    const auto lon = core::toNumber(counties.value(i, "seat_lon"));
    const auto lat = core::toNumber(counties.value(i, "seat_lat"));
    if (!lon || !lat) continue;
    seats.push_back({core::toString(counties.value(i, "code")),
                     core::toString(counties.value(i, "name_zh")),
                     core::toString(counties.value(i, "prefecture_code")),
                     {*lon, *lat}});
  }
  const core::Layer prefectureLayer =
      readLayer(paths.basemap().string(), {.layer = "prefectures", .sql = std::nullopt});
  std::vector<catalogue::PrefectureName> prefectures;
  for (std::size_t i = 0; i < prefectureLayer.size(); ++i) {
    prefectures.push_back(
        {core::toString(prefectureLayer.value(i, "code")), core::toString(prefectureLayer.value(i, "name_zh"))});
  }
  const auto townships = readCsvTable((paths.dataDir() / "gazetteer" / "townships.csv").string());
  return catalogue::Gazetteer(townships, std::move(seats), std::move(prefectures));
}

void saveMapping(const catalogue::RegistrySource& source, const std::string& text) {
  const std::string& target = *source.saveMapping;
  const auto staging = core::stagingPathBeside(target);
  {
    std::ofstream out(staging, std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::filesystem::remove(staging);
      throw core::IoError(target + ": cannot write the mapping file");
    }
  }
  std::filesystem::rename(staging, target);
}

// What each record's `source` names: the file's name, or for a PG: connection the database
// (never the connection string, which may hold a password).
std::string sourceLabel(const std::string& path) {
  if (!path.starts_with("PG:")) return std::filesystem::path(path).filename().string();
  const auto at = path.find("dbname=");
  if (at == std::string::npos) return "PostGIS database";
  std::string name = path.substr(at + 7);
  name = name.substr(0, name.find_first_of(" '\""));
  return "PostGIS database " + name;
}

}  // namespace

EncodingPolicy encodingPolicy(const std::string& name) {
  if (name == "auto" || name == "gb18030" || name == "gbk") return EncodingPolicy::ConvertGb18030;
  if (name == "utf8" || name == "utf-8") return EncodingPolicy::Reject;
  throw core::ParameterError("unknown encoding '" + name + "' (expected auto, utf8 or gb18030)");
}

RegistrySheet readRegistrySheet(const catalogue::RegistrySource& source) {
  const EncodingPolicy encoding = encodingPolicy(source.encoding);
  RegistrySheet sheet;
  std::vector<std::string>& notes = sheet.notes;
  std::string& label = sheet.label;
  core::TextTable& raw = sheet.table;
  label = sourceLabel(source.path);
  const std::string ext = lowerExtension(source.path);
  if (ext == ".csv" || ext == ".txt") {
    raw = readCsvTable(source.path, encoding);
    if (raw.rows.empty()) throw core::InputError(source.path + ": the registry has no rows (only a header or nothing)");
  } else if (ext == ".xlsx" || ext == ".ods") {
    std::string sheetName;
    raw = readSheet(source.path, source.layer, notes, sheetName);
    label += ", sheet " + sheetName;
    if (raw.rows.empty()) {
      core::InputError e("the registry has no rows (only a header or nothing)");
      e.setFile(source.path).setLayer(sheetName);
      throw e;
    }
  } else {
    const core::Layer layer = readLayer(source.path, {.layer = source.layer, .sql = std::nullopt});
    if (layer.size() == 0) {
      core::InputError e("the registry has no features (an empty layer)");
      e.setFile(source.path).setLayer(layer.name());
      throw e;
    }
    if (source.layer) label += ", layer " + layer.name();
    if (layer.geometryType() == core::GeometryType::None) {
      raw = tableFromAttributes(layer, source.path);
    } else {
      raw = catalogue::tableFromPointLayer(layer, source.path);
      notes.emplace_back("lon/lat from the point geometry (reprojected to WGS 84 from the layer's CRS)");
      sheet.pointGeometry = true;
    }
  }
  return sheet;
}

catalogue::RegistryTable readRegistryFile(const catalogue::RegistrySource& source, const core::DataPaths& paths) {
  const geo::LonLatSystem system = geo::parseLonLatSystem(source.coords);
  (void)encodingPolicy(source.encoding);  // a bad --encoding is refused before anything is read
  // --field and --lon-field/--lat-field requests, then the mapping file's (checked before reading).
  std::vector<catalogue::FieldRequest> requests;
  for (const auto& f : source.fields) requests.push_back(catalogue::parseFieldRequest(f));
  if (source.lonField) requests.push_back({"lon", *source.lonField, catalogue::FieldOrigin::Option});
  if (source.latField) requests.push_back({"lat", *source.latField, catalogue::FieldOrigin::Option});
  if (source.saveMapping) {
    // Checked before anything is read: a mapping file is never written over an existing file
    // (the --mapping file being read included), nor onto the registry itself.
    std::error_code ec;
    if (std::filesystem::exists(*source.saveMapping, ec) || std::filesystem::is_symlink(*source.saveMapping, ec)) {
      throw core::ParameterError("--save-mapping " + *source.saveMapping +
                                 ": the file exists; choose another name or remove it first");
    }
    OutputTarget target;
    target.path = *source.saveMapping;
    target.role = "--save-mapping";
    checkOutputTarget(target, std::vector<InputRef>{{source.path, "the registry", source.layer}});
  }
  if (source.mappingFile) {
    for (auto& r :
         catalogue::parseMappingFile(readTextFile(*source.mappingFile, "mapping file"), *source.mappingFile)) {
      requests.push_back(std::move(r));
    }
  }

  RegistrySheet sheet = readRegistrySheet(source);
  const core::TextTable& raw = sheet.table;
  const std::string& label = sheet.label;
  std::vector<std::string>& notes = sheet.notes;
  if (sheet.pointGeometry) {
    // The geometry's lon/lat are WGS 84 already (PROJ); --coords applies to GCJ-02/BD-09 points
    // stored as if they were WGS 84, as AMap and Baidu exports are.
    const bool named = std::any_of(requests.begin(), requests.end(),
                                   [](const auto& r) { return r.field == "lon" || r.field == "lat"; });
    if (!named) {
      requests.push_back({"lon", "lon", catalogue::FieldOrigin::Recognised});
      requests.push_back({"lat", "lat", catalogue::FieldOrigin::Recognised});
    }
  }

  std::vector<std::string> duplicates;
  const auto choices = [&] {
    try {
      return catalogue::chooseColumns(raw.header, requests, &duplicates);
    } catch (core::Error& e) {
      e.setFile(source.path);  // "reg.csv: no column '企业' in the registry (its columns: …)"
      throw;
    }
  }();
  const core::Layer counties = readLayer(paths.basemap().string(), {.layer = "counties", .sql = std::nullopt});
  const catalogue::AdminAreas admin(counties);
  // The gazetteer and the class table are read only when a row needs them (a sheet in catalogue
  // form needs neither, and each read counts against the memory budget).
  auto chosen = [&](std::string_view field) -> std::optional<std::size_t> {
    for (const auto& c : choices) {
      if (c.field == field) return c.column;
    }
    return std::nullopt;
  };
  auto anyRow = [&](auto&& predicate) { return std::any_of(raw.rows.begin(), raw.rows.end(), predicate); };
  const auto lonColumn = chosen("lon");
  const auto latColumn = chosen("lat");
  auto blank = [](core::Cells::Cell v) { return !v || v->find_first_not_of(" \t\r\n") == std::string_view::npos; };
  const bool needsPlacing = !lonColumn || !latColumn || anyRow([&](const core::TextTable::Row& r) {
    return blank(r.cells[*lonColumn]) && blank(r.cells[*latColumn]);
  });
  const auto codeColumn = chosen("industry_code");
  const bool needsClasses =
      chosen("industry_name").has_value() ||
      (codeColumn && anyRow([&](const core::TextTable::Row& r) {
         const auto& v = r.cells[*codeColumn];
         return v &&
                (v->size() != 4 || !std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; }));
       }));
  core::TextTable noTownships;
  noTownships.header = {"name", "county_code", "lon", "lat"};
  core::TextTable noClasses;
  noClasses.header = {"code", "name_zh"};
  const catalogue::Gazetteer gazetteer =
      needsPlacing ? loadGazetteer(counties, paths) : catalogue::Gazetteer(noTownships, {}, {});
  const catalogue::IndustryClasses industries(
      needsClasses ? readCsvTable((paths.dataDir() / "industry" / "gbt4754_2017_classes.csv").string()) : noClasses);
  catalogue::RegistryTable table = catalogue::toCatalogueForm(
      raw, choices,
      {.admin = admin, .gazetteer = gazetteer, .industries = industries, .system = system, .sourceLabel = label});
  for (const auto& d : duplicates) {
    notes.push_back("column '" + d + "' ignored: another column was taken for the same field");
  }
  table.report.notes.insert(table.report.notes.begin(), notes.begin(), notes.end());
  if (source.saveMapping) {
    std::vector<std::string> ignored;
    for (const auto& r : requests) {
      if (r.field == catalogue::kIgnoreField) ignored.push_back(r.column);
    }
    saveMapping(source, catalogue::formatMappingFile(choices, raw.header, label, ignored));
  }
  return table;
}

}  // namespace circatlas::io
