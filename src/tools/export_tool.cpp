// ExportTool: prepares layers (CRS, styles as QML/SLD, provenance) and hands them to the atomic export writer.
#include "tools/export_tool.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>
#include <variant>

#include "core/clock.h"
#include "core/error.h"
#include "core/extent.h"
#include "definitions/figure_preset.h"
#include "definitions/qgis_project_writer.h"
#include "definitions/qml_writer.h"
#include "definitions/sld_writer.h"
#include "geo/analysis_crs.h"
#include "geo/crs_wkt.h"
#include "geo/transformer.h"
#include "io/layer_writer.h"

namespace circatlas::tools {

namespace {

std::string bilingual(const render::LocalizedText& t) {
  if (t.zh.empty() || t.en.empty() || t.zh == t.en) return t.in(render::Language::Zh);
  return t.zh + " / " + t.en;
}

std::string describe(const ExportItem& item) {
  std::string d = bilingual(item.title);
  if (!item.producedBy.empty()) d += "; made by " + item.producedBy + " (" + item.parameters + ")";
  if (!item.credit.empty()) d += "; " + item.credit;
  return d;
}

/// The style with its fields under the names the format writes them (Shapefile: industry_c), so
/// the QML and SLD beside the file classify, size and label by fields that exist.
render::Style withWrittenFieldNames(render::Style s, const core::Schema& schema,
                                    const std::vector<std::string>& written) {
  auto rename = [&](std::string& field) {
    if (const auto i = schema.indexOf(field); i && *i < written.size()) field = written[*i];
  };
  rename(s.field);
  if (s.sizeBy) rename(s.sizeBy->field);
  if (s.label) {
    rename(s.label->field.zh);
    rename(s.label->field.en);
  }
  return s;
}

/// A full ISO 8601 calendar date ("2024-07-01"), or nullopt.
std::optional<core::DateTime> isoDate(const core::Text& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  core::DateTime date;
  date.year = y, date.month = static_cast<std::int8_t>(m), date.day = static_cast<std::int8_t>(d);
  return date;
}

/// The layer as it is exported: a text column that repeats the geometry as WKT (GDAL's CSV
/// convention, as in data/network) is dropped, and a text column whose every value is an ISO
/// date becomes a date column, so other GIS filter and sort it as dates.
core::Layer tidiedForExport(core::Layer layer) {
  const auto& fields = layer.schema().fields();
  std::vector<std::size_t> keep;
  std::vector<bool> dates(fields.size(), false);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const bool wkt = layer.geometryType() != core::GeometryType::None && fields[i].type == core::FieldType::String &&
                     (fields[i].name == "WKT" || fields[i].name == "wkt" || fields[i].name == "_WKT");
    if (wkt) continue;
    keep.push_back(i);
    if (fields[i].type != core::FieldType::String) continue;
    bool any = false, all = true;
    for (const auto& f : layer.features()) {
      const auto* text = std::get_if<core::Text>(&f.values[i]);
      if (!text || text->empty()) continue;
      any = true;
      if (!isoDate(*text)) {
        all = false;
        break;
      }
    }
    dates[i] = any && all;
  }
  if (keep.size() == fields.size() && std::none_of(dates.begin(), dates.end(), [](bool b) { return b; })) return layer;
  std::vector<core::FieldDef> defs;
  defs.reserve(keep.size());
  for (std::size_t i : keep) defs.push_back({fields[i].name, dates[i] ? core::FieldType::Date : fields[i].type});
  core::Layer out(layer.name(), layer.crs(), layer.geometryType(), core::Schema(std::move(defs)));
  out.reserve(layer.size());
  for (auto& f : layer.mutableFeatures()) {
    core::Feature g{f.id, std::move(f.geometry), {}};
    for (std::size_t i : keep) {
      core::Value v = std::move(f.values[i]);
      if (dates[i]) {
        const auto* text = std::get_if<core::Text>(&v);
        v = text && !text->empty() ? core::Value(*isoDate(*text)) : core::Value();
      }
      g.values.push_back(std::move(v));
    }
    out.add(std::move(g));
  }
  return out;
}

/// Where the project finds an exported layer, relative to the project (QGIS resolves "./").
std::string projectSource(const std::string& driver, const std::string& out, const std::string& layer, bool table,
                          bool projectBesideFolder) {
  namespace fs = std::filesystem;
  if (driver == "GPKG") return "./" + fs::path(out).filename().string() + "|layername=" + layer;
  std::string ext = driver == "GeoJSON"          ? ".geojson"
                    : driver == "ESRI Shapefile" ? ".shp"
                    : driver == "FlatGeobuf"     ? ".fgb"
                                                 : ".csv";
  if (table && (driver == "ESRI Shapefile" || driver == "FlatGeobuf")) ext = ".csv";
  const std::string folder = fs::path(io::exportFolderFor(out)).filename().string();
  return (projectBesideFolder ? "./" + folder + "/" : "./") + layer + ext;
}

const char* qgisGeometry(core::GeometryType t) {
  if (t == core::GeometryType::None) return "";
  if (core::isPuntal(t)) return "Point";
  if (core::isLinear(t)) return "Line";
  return "Polygon";
}

/// Grows `e` by the geometry's coordinates in the analysis CRS.
void expandInAnalysisCrs(core::Extent& e, const core::Geometry& g, const geo::Transformer& toAnalysis) {
  for (const core::Coord c : g.coords()) e.expand(toAnalysis.forward(c));
}

/// xmin, ymin, xmax, ymax of `e` with a 3 % margin on each side; unset when `e` is empty.
std::optional<std::array<double, 4>> withMargin(const core::Extent& e) {
  if (e.isEmpty()) return std::nullopt;
  const double mx = e.width() * 0.03, my = e.height() * 0.03;
  return std::array<double, 4>{e.minX - mx, e.minY - my, e.maxX + mx, e.maxY + my};
}

/// The province's extent (or all layers') in the analysis CRS, for the project's first view.
std::optional<std::array<double, 4>> projectExtent(const std::vector<ExportItem>& items) {
  const ExportItem* province = nullptr;
  for (const auto& i : items) {
    if (i.layer.name() == "province") province = &i;
  }
  core::Extent e;
  for (const auto& i : items) {
    if ((province && &i != province) || i.layer.geometryType() == core::GeometryType::None || i.layer.crs().empty())
      continue;
    const geo::Transformer t(i.layer.crs(), geo::kAnalysisCrs);
    for (const auto& f : i.layer.features()) expandInAnalysisCrs(e, f.geometry, t);
  }
  return withMargin(e);
}

/// The extent of the prefecture `code` (the 'prefectures' item's field `code`) in the analysis CRS,
/// with the 3 % margin of projectExtent; unset when the export holds no such prefecture.
std::optional<std::array<double, 4>> prefectureExtent(const std::vector<ExportItem>& items, const std::string& code,
                                                      render::LocalizedText* name) {
  for (const auto& i : items) {
    if (i.layer.name() != "prefectures" || i.layer.crs().empty()) continue;
    const auto codeField = i.layer.schema().indexOf("code");
    if (!codeField) return std::nullopt;
    for (const auto& f : i.layer.features()) {
      const auto* value = std::get_if<core::Text>(&f.values[*codeField]);
      if (!value || *value != code) continue;
      core::Extent e;
      expandInAnalysisCrs(e, f.geometry, geo::Transformer(i.layer.crs(), geo::kAnalysisCrs));
      for (const char* field : {"name_zh", "name_en"}) {
        const auto k = i.layer.schema().indexOf(field);
        const auto* text = k ? std::get_if<core::Text>(&f.values[*k]) : nullptr;
        if (text) (std::string_view(field) == "name_zh" ? name->zh : name->en) = *text;
      }
      return withMargin(e);
    }
  }
  return std::nullopt;
}

std::string replaceRegion(std::string text, const std::string& region) {
  for (auto at = text.find("{region}"); at != std::string::npos; at = text.find("{region}", at + region.size())) {
    text.replace(at, 8, region);
  }
  return text;
}

/// One print layout per figure preset (layers/figures/), framed on the preset's region, with the
/// preset's layers that the export holds, and the credits of those layers as the figures print them.
std::vector<definitions::QgisPrintLayout> printLayouts(const std::vector<ExportItem>& items, const ExportParams& params,
                                                       const std::optional<std::array<double, 4>>& provinceExtent) {
  std::vector<definitions::QgisPrintLayout> layouts;
  if (!params.presets) return layouts;
  const render::Language lang = params.language;
  for (const auto& name : definitions::builtinPresetNames(*params.presets)) {
    const definitions::FigurePreset preset = definitions::loadBuiltinPreset(*params.presets, name);
    render::LocalizedText region{"甘肃省", "Gansu Province"};
    const auto extent = preset.extent == "province" || preset.extent == "620000"
                            ? provinceExtent
                            : prefectureExtent(items, preset.extent, &region);
    if (!extent) continue;
    definitions::QgisPrintLayout layout;
    layout.title = replaceRegion(preset.title.in(lang), region.in(lang));
    layout.name = layout.title;
    layout.subtitle = replaceRegion(preset.subtitle.in(lang), region.in(lang));
    layout.legendTitle = lang == render::Language::Zh ? "图例" : "Legend";
    layout.pageWidthMm = preset.pageWidthMm;
    layout.pageHeightMm = preset.pageHeightMm;
    layout.dpi = preset.dpi;
    layout.extent = *extent;
    std::vector<std::string> credits;
    // The preset lists layers bottom first; the map's layer set is top first.
    for (auto id = preset.layers.rbegin(); id != preset.layers.rend(); ++id) {
      const auto item = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.layer.name() == *id; });
      if (item == items.end()) continue;
      layout.layers.push_back(*id);
      if (!item->credit.empty() && std::find(credits.begin(), credits.end(), item->credit) == credits.end()) {
        credits.push_back(item->credit);
      }
    }
    if (layout.layers.empty()) continue;
    std::reverse(credits.begin(), credits.end());
    std::string sources = lang == render::Language::Zh ? "数据来源：" : "Data: ";
    for (std::size_t i = 0; i < credits.size(); ++i) sources += (i ? "; " : "") + credits[i];
    layout.credits.push_back(sources);
    for (auto& line : definitions::standardFigureCredits(lang)) layout.credits.push_back(std::move(line));
    layouts.push_back(std::move(layout));
  }
  return layouts;
}

/// Legend order: groups catalogue, results, base map, tables; inside a group the reverse of the
/// draw order (the last drawn is on top), as QGIS lists layers. The drawing order is the items'
/// (the atlas's) across groups.
definitions::QgisProject makeProject(const std::vector<ExportItem>& items, const std::vector<io::ExportLayer>& layers,
                                     const ExportParams& params, const std::string& driver, bool besideFolder) {
  definitions::QgisProject project;
  project.title = params.language == render::Language::Zh ? "甘肃省循环经济地图集（circatlas）"
                                                          : "Gansu circular-economy atlas (circatlas)";
  project.crsWkt = geo::crsWkt(geo::kAnalysisCrs);
  project.crsProj = std::string(geo::kAnalysisCrs);
  project.extent = projectExtent(items);
  const std::string layerWkt = geo::crsWkt(params.crs);
  const render::LocalizedText otherLayers{"图层", "Layers"};  // items that name no group (the viewer's layers)
  for (const auto& item : items) {
    if (item.layer.geometryType() != core::GeometryType::None) project.drawOrder.push_back(item.layer.name());
  }
  for (const auto& group : {catalogueGroup(), resultsGroup(), baseMapGroup(), otherLayers, tablesGroup()}) {
    for (std::size_t k = items.size(); k-- > 0;) {
      const ExportItem& item = items[k];
      const bool table = item.layer.geometryType() == core::GeometryType::None;
      const render::LocalizedText itemGroup = table ? tablesGroup() : item.group.empty() ? otherLayers : item.group;
      if (itemGroup.zh != group.zh) continue;
      definitions::QgisProjectLayer l;
      l.id = item.layer.name();
      l.source = projectSource(driver, params.out, item.layer.name(), table, besideFolder);
      l.title = item.title.in(params.language);
      l.group = group.in(params.language);
      l.visible = !table && item.visible;
      l.geometry = qgisGeometry(item.layer.geometryType());
      if (!table) l.crsWkt = layerWkt;
      if (layers[k].style) l.qml = layers[k].style->qml;
      project.layers.push_back(std::move(l));
    }
  }
  project.layouts = printLayouts(items, params, project.extent);
  return project;
}

}  // namespace

render::LocalizedText baseMapGroup() { return {"底图", "Base map"}; }
render::LocalizedText catalogueGroup() { return {"园区、企业与项目", "Parks, enterprises and projects"}; }
render::LocalizedText resultsGroup() { return {"分析结果", "Analysis results"}; }
render::LocalizedText tablesGroup() { return {"表格", "Tables"}; }

core::Layer renamedLayer(const core::Layer& layer, const std::string& name) {
  core::Layer out(name, layer.crs(), layer.geometryType(), layer.schema());
  out.reserve(layer.size());
  for (const auto& f : layer.features()) out.add(f);
  return out;
}

render::Style plainStyle(const core::Layer& layer) {
  render::Style s;
  s.name = layer.name();
  s.title = {layer.name(), layer.name()};
  render::StyleClass c;
  c.label = s.title;
  const render::Color grey{99, 99, 99, 255};
  if (core::isPuntal(layer.geometryType())) {
    s.geometry = render::StyleGeometry::Point;
    c.symbol.fill = grey;
    c.symbol.stroke = render::Color{255, 255, 255, 255};
    c.symbol.strokeWidthMm = 0.2;
  } else if (core::isLinear(layer.geometryType())) {
    s.geometry = render::StyleGeometry::Line;
    c.symbol.stroke = grey;
    c.symbol.strokeWidthMm = 0.4;
  } else {
    s.geometry = render::StyleGeometry::Polygon;
    c.symbol.fill = render::Color{189, 189, 189, 128};
    c.symbol.stroke = grey;
  }
  s.classes.push_back(c);
  return s;
}

std::vector<ExportItem> atlasItems(const atlas::AtlasData& data, const std::vector<std::string>& ids) {
  std::vector<const atlas::LoadedLayer*> chosen;
  if (ids.empty()) {
    for (const auto& l : data.layers()) chosen.push_back(&l);
  } else {
    for (const auto& id : ids) {
      const atlas::LoadedLayer* l = data.find(id);
      if (!l) {
        std::string known;
        for (const auto& k : data.layers()) known += (known.empty() ? "" : ", ") + k.definition.id;
        throw core::ParameterError("unknown layer '" + id + "' (layers: " + known + ")");
      }
      chosen.push_back(l);
    }
  }
  std::vector<ExportItem> items;
  for (const auto* l : chosen) {
    const auto& d = l->definition;
    render::Style style = l->style;
    if (!d.labels) style.label.reset();
    items.push_back({renamedLayer(l->source, d.id), d.title, std::move(style),
                     d.source + (d.layer.empty() ? "" : ", layer " + d.layer), bilingual(d.credit), "", "",
                     d.source == "catalogue" ? catalogueGroup() : baseMapGroup(), d.visible});
  }
  return items;
}

ExportSummary runExport(std::vector<ExportItem> items, const ExportParams& params, core::Progress& progress) {
  const std::string exportTime = params.exportTime.empty() ? core::utcTimestampIso() : params.exportTime;
  std::vector<io::ExportLayer> layers;
  layers.reserve(items.size());
  ExportSummary summary;
  const std::string driver = io::exportDriverFor(params.out, params.format);
  for (ExportItem& item : items) {
    core::advance(&progress, 0.0, "preparing " + item.layer.name());
    item.layer = tidiedForExport(std::move(item.layer));
    const bool spatial = item.layer.geometryType() != core::GeometryType::None;
    if (spatial && item.layer.crs() != params.crs) {
      try {
        geo::transformLayer(item.layer, params.crs);
      } catch (core::Error& e) {
        e.setLayer(item.layer.name());
        throw;
      }
    }
    io::ExportLayer out;
    out.layer = &item.layer;
    out.description = describe(item);
    // gpkg_contents.identifier is UNIQUE: the table name keeps two layers of one title (or a layer
    // appended beside an older one) apart.
    out.metadata = {{"IDENTIFIER", bilingual(item.title) + " (" + item.layer.name() + ")"},
                    {"circatlas_title_zh", item.title.zh},
                    {"circatlas_title_en", item.title.en},
                    {"circatlas_source", item.source},
                    {"circatlas_credit", item.credit},
                    {"circatlas_tool_version", params.toolVersion},
                    {"circatlas_exported_at", exportTime}};
    if (!item.producedBy.empty()) {
      out.metadata.emplace_back("circatlas_produced_by", item.producedBy);
      out.metadata.emplace_back("circatlas_parameters", item.parameters);
    }
    if (spatial) {
      const render::Style style =
          withWrittenFieldNames(item.style ? *item.style : plainStyle(item.layer), item.layer.schema(),
                                io::writtenFieldNames(driver, item.layer.schema()));
      out.style = io::LayerStyleDocument{style.name, definitions::toQml(style, params.language),
                                         definitions::toSld(style, item.layer.name(), params.language),
                                         bilingual(style.title.empty() ? item.title : style.title)};
      ++summary.styledLayers;
    }
    layers.push_back(std::move(out));
  }
  io::ExportWriteOptions options;
  options.format = params.format;
  options.existing = params.existing;
  options.featuresPerTransaction = params.featuresPerTransaction;
  options.strict = params.strict;
  options.schema = params.schema;
  options.progress = &progress;
  options.datasetMetadata = {{"circatlas_tool_version", params.toolVersion},
                             {"circatlas_exported_at", exportTime},
                             {"circatlas_crs", params.crs},
                             {"circatlas_layers", std::to_string(items.size())}};
  const std::string name = "circatlas";
  // Appending keeps the file's project: it lists the layers of the whole atlas, not just these.
  if (driver == "GPKG" && params.existing != io::ExistingTarget::Append) {
    options.qgisProject =
        io::QgisProjectDocument{name, definitions::toQgs(makeProject(items, layers, params, driver, false))};
  }
  if (!params.qgisProjectFile.empty() && driver == "PostgreSQL") {
    throw core::ParameterError(
        "--qgis-project: a PostGIS export is opened from QGIS's browser (styles in layer_styles)");
  }
  // Sources in a project file are relative to it: it lies beside the folder (or the GeoPackage)
  // or inside the folder, so that it finds the layers wherever the whole is copied.
  bool inside = false;
  if (!params.qgisProjectFile.empty()) {
    namespace fs = std::filesystem;
    const fs::path projectDir = fs::weakly_canonical(fs::absolute(params.qgisProjectFile)).parent_path();
    const fs::path target =
        fs::weakly_canonical(fs::absolute(driver == "GPKG" ? params.out : io::exportFolderFor(params.out)));
    inside = driver != "GPKG" && projectDir == target;
    if (!inside && projectDir != target.parent_path()) {
      throw core::ParameterError(params.qgisProjectFile + ": put the project beside " + target.filename().string() +
                                 " or inside it, so that it finds the layers wherever they are copied");
    }
  }
  summary.report = io::writeExport(layers, params.out, options);
  if (!params.qgisProjectFile.empty()) {
    io::writeQgisProjectFile({name, definitions::toQgs(makeProject(items, layers, params, driver, !inside))},
                             params.qgisProjectFile, params.existing != io::ExistingTarget::Refuse);
    summary.report.files.push_back(params.qgisProjectFile);
  }
  return summary;
}

}  // namespace circatlas::tools
