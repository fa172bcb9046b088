// A registry's figure: its own layers and boundaries, framed and projected on its own extent.
#include "atlas/region_figure.h"

#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <string_view>

#include "catalogue/catalogue_layers.h"
#include "core/clock.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"
#include "render/figure_layout.h"
#include "render/map_settings.h"

namespace circatlas::atlas {

namespace {

// Layers and styles made for one page; the page's drawing refers to them, so they live as long as it.
struct OwnedLayers {
  std::deque<core::Layer> layers;
  std::deque<render::Style> styles;
};

// The smallest frame side: a registry of one site, or of sites a few metres apart, still shows
// its surroundings.
constexpr double kMinFrameMetres = 20000.0;

std::string replaceAll(std::string s, const std::string& what, const std::string& with) {
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + with.size()))
    s.replace(p, what.size(), with);
  return s;
}

std::string degrees(double lon, double lat) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f°%c %.2f°%c", std::abs(lon), lon < 0 ? 'W' : 'E', std::abs(lat),
                lat < 0 ? 'S' : 'N');
  return buf;
}

// The registry's table behind a catalogue layer of the set, or nothing when it has none.
std::optional<core::Layer> registryTable(const catalogue::Catalogue& registry, const std::string& table) {
  if (table == "mining_base_areas") {
    if (registry.miningBases.size() == 0) return std::nullopt;
    return catalogue::miningBaseAreas(registry.miningBases, registry.miningBaseMembers);
  }
  const core::Layer* t = registry.find(table);
  if (!t || t->size() == 0) return std::nullopt;
  return *t;
}

void addCorners(std::vector<core::LonLat>& points, const core::Extent& e) {
  if (e.isEmpty()) return;
  points.push_back({e.minX, e.minY});
  points.push_back({e.maxX, e.maxY});
}

// The region's name for "{region}": the one parent of the boundaries, else the registry's file
// (with its sheet or layer), or for a PG: source its table (the connection string is no name).
struct RegionName {
  std::string text;
  bool isRegistry = false;  ///< a file or table, not a place: the title sets it off from its text
};

RegionName regionName(const RegionFigureInput& input) {
  if (input.boundaries && input.boundaries->parents.size() == 1) {
    const auto& p = input.boundaries->parents;
    if (auto name = p.schema().indexOf("name_zh")) return {core::toString(p.features()[0].values[*name]), false};
  }
  const std::string& origin = input.registry->origin;
  if (origin.starts_with("PG:")) {
    const auto layer = origin.rfind(", layer ");
    return {layer == std::string::npos ? std::string("PostGIS") : origin.substr(layer + 8), true};
  }
  return {std::filesystem::path(origin).filename().string(), true};
}

// The preset's title with "{region}" replaced; a registry's name is followed by a colon where the
// title runs straight on ("{region}循环经济…" would read "reg.xlsx, sheet 名录循环经济…").
std::string titleFor(std::string title, const RegionName& name, bool zh) {
  const auto at = title.find("{region}");
  if (at == std::string::npos) return title;
  std::string text = name.text;
  const std::string_view after = std::string_view(title).substr(at + 8);
  const bool runsOn = !after.empty() && !after.starts_with(":") && !after.starts_with("：") &&
                      !after.starts_with(" ") && !after.starts_with(",") && !after.starts_with("，");
  if (name.isRegistry && runsOn) text += zh ? "：" : ": ";
  return replaceAll(std::move(title), "{region}", text);
}

// The locator of a region outside China: the world's land and borders around it, in an azimuthal
// equal-area projection centred on it, framed at six times the map's side (at least 3000 km, at most
// 14 000 km across) so that the region shows among its neighbours. Land is clipped to 90° of longitude
// and 60° of latitude either side of the centre first: the projection tears at the antipode.
void addWorldLocator(const std::vector<LoadedLayer>& world, const core::Coord& centre, double mapSideMetres,
                     render::FigureContent& content, std::deque<core::Layer>& owned) {
  char crs[160];
  std::snprintf(crs, sizeof crs, "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                centre.y, centre.x);
  content.locatorCrs = crs;
  const core::Extent window{std::max(-180.0, centre.x - 90.0), std::max(-89.0, centre.y - 60.0),
                            std::min(180.0, centre.x + 90.0), std::min(89.0, centre.y + 60.0)};
  const std::vector<std::vector<core::Coord>> ring{{{window.minX, window.minY},
                                                    {window.maxX, window.minY},
                                                    {window.maxX, window.maxY},
                                                    {window.minX, window.maxY},
                                                    {window.minX, window.minY}}};
  const core::Geometry box = core::Geometry::polygon(ring);
  for (const auto& l : world) {
    core::Layer near(l.definition.id, l.source.crs(), l.source.geometryType(), l.source.schema());
    for (const auto& f : l.source.features()) {
      if (f.geometry.isEmpty() || !f.geometry.envelope().intersects(window)) continue;
      core::Geometry g = f.geometry;
      if (l.source.geometryType() == core::GeometryType::Polygon ||
          l.source.geometryType() == core::GeometryType::MultiPolygon) {
        g = geo::polygonIntersection(g, box);
        if (g.isEmpty()) continue;
        g.promoteToMulti();
      }
      near.add({f.id, std::move(g), f.values});
    }
    geo::transformLayer(near, content.locatorCrs);
    owned.push_back(std::move(near));
    content.locatorLayers.push_back({l.definition.id, &owned.back(), &l.style, false});
  }
  const double half = std::clamp(3.0 * mapSideMetres, 1.5e6, 7.0e6);
  content.locatorContent = core::Extent{-half, -half, half, half};
  content.locatorRingsSmallFrame = true;
}

}  // namespace

RegionFigure buildRegionFigure(const AtlasData& data, const definitions::FigurePreset& preset,
                               const RegionFigureInput& input, const FigureOptions& options) {
  const render::Language lang = options.language.value_or(preset.language);
  const bool zh = lang == render::Language::Zh;
  const catalogue::Catalogue& registry = *input.registry;
  const io::Boundaries* boundaries = input.boundaries;
  const bool gansuBase = input.inGansu && !boundaries;
  if (!input.prefecture.empty() && !gansuBase) {
    throw core::ParameterError(
        "--prefecture frames a Gansu prefecture: it applies only to a registry in Gansu without --boundaries");
  }
  for (const auto& id : preset.layers) {
    if (!data.find(id)) {
      throw core::ParameterError("figure preset '" + preset.name + "' lists layer '" + id +
                                 "', which the layer set does not define");
    }
  }
  RegionFigure out;

  // The registry's tables behind the preset's catalogue layers, in WGS 84.
  std::vector<std::pair<const LoadedLayer*, core::Layer>> own;
  std::vector<core::LonLat> extentPoints;
  for (const auto& l : data.layers()) {
    if (std::find(preset.layers.begin(), preset.layers.end(), l.definition.id) == preset.layers.end()) continue;
    if (l.definition.source != "catalogue") continue;
    auto table = registryTable(registry, l.definition.layer);
    if (!table) {
      out.notes.push_back("layer '" + l.definition.id + "' left out: the registry has no " + l.definition.layer);
      continue;
    }
    for (const auto& f : table->features()) {
      if (!f.geometry.isEmpty()) addCorners(extentPoints, f.geometry.envelope());
    }
    own.emplace_back(&l, std::move(*table));
  }
  if (boundaries) addCorners(extentPoints, boundaries->units.extent());
  if (extentPoints.empty()) {
    throw core::InputError(registry.origin +
                           ": the registry has no located record to frame a figure on (give "
                           "--boundaries FILE to draw its region)");
  }

  geo::FittedCrs fitted;
  if (gansuBase) {
    fitted.proj = std::string(render::displayCrs());
    fitted.minScale = 1.0 - geo::kAnalysisCrsMaxScaleError;
    fitted.maxScale = 1.0 + geo::kAnalysisCrsMaxScaleError;
  } else {
    fitted = geo::conformalCrsFor(extentPoints);
  }
  out.projection = fitted.describe();
  const std::string crs = fitted.proj;

  auto owned = std::make_shared<OwnedLayers>();
  auto content = std::make_shared<render::FigureContent>();
  content->crs = crs;
  const auto project = [&](core::Layer layer) -> const core::Layer* {
    if (layer.crs() != crs) geo::transformLayer(layer, crs);
    owned->layers.push_back(std::move(layer));
    return &owned->layers.back();
  };
  const auto retitled = [&](const render::Style& style, render::LocalizedText title) -> const render::Style* {
    owned->styles.push_back(style);
    owned->styles.back().title = std::move(title);
    return &owned->styles.back();
  };

  // The frame's centre decides whether China's layers (context, locator) cover the region.
  core::Extent wgs;
  for (const auto& p : extentPoints) wgs.expand(core::Coord{p.lon, p.lat});
  bool inChina = false;
  for (const auto& l : data.locator()) {
    if (l.definition.layer != "china_outline") continue;
    std::vector<core::Geometry> shapes;
    for (const auto& f : l.source.features()) shapes.push_back(f.geometry);
    const core::Coord centre = wgs.center();
    inChina = geo::locateAll(shapes, std::span<const core::Coord>(&centre, 1))[0].has_value();
  }

  std::vector<std::string> credits;
  const auto addCredit = [&credits](const std::string& s) {
    if (!s.empty() && std::find(credits.begin(), credits.end(), s) == credits.end()) credits.push_back(s);
  };
  std::size_t gansuLeftOut = 0;
  core::Extent frame;
  for (const auto& l : data.layers()) {
    const std::string& id = l.definition.id;
    if (std::find(preset.layers.begin(), preset.layers.end(), id) == preset.layers.end()) continue;
    if (l.definition.source == "catalogue") {
      for (auto& [def, table] : own) {
        if (def != &l) continue;
        const core::Layer* shown = project(std::move(table));
        frame.expand(shown->extent());
        content->layers.push_back({id, shown, &l.style, l.definition.labels});
        addCredit((zh ? "名录：" : "Registry: ") + registry.origin);
      }
    } else if (boundaries && (id == "counties" || id == "prefectures")) {
      // Two levels: units as counties, parents as prefectures; one level: the units, drawn as prefectures.
      if (boundaries->oneLevel && id == "counties") continue;
      const bool units = id == "counties" || boundaries->oneLevel;
      const core::Layer* shown = project(units ? boundaries->units : boundaries->parents);
      frame.expand(shown->extent());
      content->layers.push_back({id, shown,
                                 retitled(l.style, units ? render::LocalizedText{"行政区", "Administrative units"}
                                                         : render::LocalizedText{"上级行政区", "Parent units"}),
                                 l.definition.labels});
      addCredit((zh ? "边界：" : "Boundaries: ") + boundaries->label);
    } else if (gansuBase) {
      content->layers.push_back({id, &l.display, &l.style, l.definition.labels});
      addCredit(l.definition.credit.in(lang));
    } else if (id == "neighbours" && inChina) {
      // China's provinces around the region: context that exists wherever the region is in China.
      content->layers.push_back(
          {id, project(l.source), retitled(l.style, {"省级行政区", "Provinces of China"}), l.definition.labels});
      addCredit(l.definition.credit.in(lang));
    } else {
      ++gansuLeftOut;
    }
  }
  if (gansuLeftOut > 0) {
    out.notes.push_back(std::to_string(gansuLeftOut) + " layers of Gansu's base map left out: " +
                        (boundaries ? "the figure draws --boundaries " + boundaries->label
                                    : std::string("the registry lies outside Gansu")));
  }

  // The frame: the data, at least kMinFrameMetres on each side; or a Gansu prefecture.
  if (!input.prefecture.empty()) {
    const Region r = data.region(input.prefecture);
    frame = r.extent;
    if (r.code != "620000") content->focus = r.outline;
  }
  // A margin of a tenth of the data's extent on every side keeps the outermost sites and their
  // labels off the frame (a prefecture is framed as the atlas frames it).
  const double margin = input.prefecture.empty() ? 1.2 : 1.0;
  const core::Coord c = frame.center();
  const double halfW = std::max(frame.width() * margin, kMinFrameMetres) / 2.0;
  const double halfH = std::max(frame.height() * margin, kMinFrameMetres) / 2.0;
  content->mapContent = core::Extent{c.x - halfW, c.y - halfH, c.x + halfW, c.y + halfH};

  if (inChina && gansuBase) {
    for (const auto& l : data.locator()) {
      content->locatorLayers.push_back({l.definition.id, &l.display, &l.style, false});
      content->locatorContent.expand(l.display.extent());
      addCredit(l.definition.credit.in(lang));
    }
  } else if (inChina) {
    // The province holding the region takes the highlight the locator gives Gansu.
    for (const auto& l : data.locator()) {
      const render::Style* style = &l.style;
      const auto code = l.source.schema().indexOf("code");
      if (l.definition.layer == "china_provinces" && code) {
        std::vector<core::Geometry> shapes;
        for (const auto& f : l.source.features()) shapes.push_back(f.geometry);
        const core::Coord centre = wgs.center();
        const auto at = geo::locateAll(shapes, std::span<const core::Coord>(&centre, 1))[0];
        owned->styles.push_back(l.style);
        render::Style& s = owned->styles.back();
        if (at && !s.classes.empty()) {
          s.classes.resize(1);
          s.classes[0].values = {core::toString(l.source.features()[*at].values[*code])};
        } else {
          s.classes.clear();
        }
        style = &s;
      }
      content->locatorLayers.push_back({l.definition.id, &l.display, style, false});
      content->locatorContent.expand(l.display.extent());
      addCredit(l.definition.credit.in(lang));
    }
    content->locatorRingsSmallFrame = true;
  } else if (!data.world().empty()) {
    const core::Extent& map = content->mapContent;
    addWorldLocator(data.world(), wgs.center(), std::max(map.width(), map.height()), *content, owned->layers);
    for (const auto& l : data.world()) addCredit(l.definition.credit.in(lang));
    out.notes.push_back("locator inset: the world around the region (Natural Earth), centred on " +
                        degrees(wgs.center().x, wgs.center().y));
  } else {
    out.notes.push_back("no locator inset: the layer set has no world layers, and the region (centre " +
                        degrees(wgs.center().x, wgs.center().y) + ") lies outside China");
  }

  content->language = lang;
  content->title = titleFor(preset.title.in(lang), regionName(input), zh);
  std::size_t located = 0;
  for (const auto& f : registry.enterprises.features()) located += !f.geometry.isEmpty();
  content->subtitle = zh ? "名录 " + registry.origin + "，" + std::to_string(located) + " 家企业有位置" +
                               (boundaries ? "；边界 " + boundaries->label : std::string())
                         : "Registry " + registry.origin + ", " + std::to_string(located) + " located enterprises" +
                               (boundaries ? "; boundaries " + boundaries->label : std::string());
  content->legendHeading = zh ? "图例" : "Legend";
  content->date = (zh ? "制图日期 " : "Map date ") + (options.date.empty() ? core::localDateIso() : options.date);
  std::string joined = zh ? "数据来源：" : "Data: ";
  for (std::size_t i = 0; i < credits.size(); ++i) joined += (i ? "; " : "") + credits[i];
  content->credits.push_back(joined);
  if (gansuBase) {
    content->credits.push_back(definitions::standardFigureCredits(lang).front());
  } else {
    content->credits.push_back(
        (zh ? "投影：按数据范围选定的等角投影 " : "Projection: conformal, fitted to the data's extent: ") +
        out.projection +
        (zh ? "。点位精度见各记录的 location_precision。"
            : ". Point positions carry the precision stated in each record."));
  }
  content->credits.emplace_back(
      zh ? "边界为规划工作用途，非审图号地图，不作为权属界线依据。制图：circatlas"
         : "Boundaries for planning use, not an officially reviewed map. Made with circatlas.");

  render::FigurePage& page = out.page;
  page.title = content->title;
  page.widthMm = preset.pageWidthMm;
  page.heightMm = preset.pageHeightMm;
  page.dpi = options.dpi.value_or(preset.dpi);
  page.draw = [content, owned, w = page.widthMm, h = page.heightMm, dpi = page.dpi](QPainter& painter) {
    return render::FigureLayout(w, h, dpi).draw(painter, *content);
  };
  return out;
}

}  // namespace circatlas::atlas
