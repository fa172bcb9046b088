// Figure content from presets: titles with the region's name, layers in set order, credits, locator.
#include "atlas/figure_builder.h"

#include <QPainter>
#include <algorithm>
#include <memory>

#include "core/clock.h"
#include "core/error.h"
#include "render/figure_layout.h"
#include "render/map_settings.h"

namespace circatlas::atlas {

namespace {

std::string replaceAll(std::string s, const std::string& what, const std::string& with) {
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + with.size()))
    s.replace(p, what.size(), with);
  return s;
}

}  // namespace

render::FigurePage buildFigure(const AtlasData& data, const definitions::FigurePreset& preset,
                               const std::string& regionCode, const FigureOptions& options) {
  const render::Language lang = options.language.value_or(preset.language);
  const Region region = data.region(regionCode.empty() ? preset.extent : regionCode);
  const bool province = region.code == "620000";

  auto content = std::make_shared<render::FigureContent>();
  content->language = lang;
  content->title = replaceAll(preset.title.in(lang), "{region}", region.name.in(lang));
  content->subtitle = replaceAll(preset.subtitle.in(lang), "{region}", region.name.in(lang));
  content->legendHeading = lang == render::Language::Zh ? "图例" : "Legend";
  content->mapContent = region.extent;
  if (!province) content->focus = region.outline;
  content->date = (lang == render::Language::Zh ? "制图日期 " : "Map date ") +
                  (options.date.empty() ? core::localDateIso() : options.date);

  // layers in the set's draw order, whatever order the preset lists them in
  for (const auto& id : preset.layers) {
    if (!data.find(id)) {
      std::string ids;
      for (const auto& l : data.layers()) ids += (ids.empty() ? "" : ", ") + l.definition.id;
      throw core::ParameterError("figure preset '" + preset.name + "' lists layer '" + id +
                                 "', which the layer set does not define (layers: " + ids + ")");
    }
  }
  std::vector<std::string> credits;
  auto addCredit = [&credits, lang](const render::LocalizedText& t) {
    const std::string& s = t.in(lang);
    if (!s.empty() && std::find(credits.begin(), credits.end(), s) == credits.end()) credits.push_back(s);
  };
  for (const auto& l : data.layers()) {
    if (std::find(preset.layers.begin(), preset.layers.end(), l.definition.id) == preset.layers.end()) continue;
    content->layers.push_back({l.definition.id, &l.display, &l.style, l.definition.labels});
    addCredit(l.definition.credit);
  }
  for (const auto& l : data.locator()) {
    content->locatorLayers.push_back({l.definition.id, &l.display, &l.style, false});
    content->locatorContent.expand(l.display.extent());
    addCredit(l.definition.credit);
  }
  std::string joined = lang == render::Language::Zh ? "数据来源：" : "Data: ";
  for (std::size_t i = 0; i < credits.size(); ++i) joined += (i ? "; " : "") + credits[i];
  content->credits.push_back(joined);
  for (auto& line : definitions::standardFigureCredits(lang)) content->credits.push_back(std::move(line));

  render::FigurePage page;
  page.title = content->title;
  page.widthMm = preset.pageWidthMm;
  page.heightMm = preset.pageHeightMm;
  page.dpi = options.dpi.value_or(preset.dpi);
  const double dpi = page.dpi;
  page.draw = [content, w = page.widthMm, h = page.heightMm, dpi](QPainter& painter) {
    return render::FigureLayout(w, h, dpi).draw(painter, *content);
  };
  return page;
}

}  // namespace circatlas::atlas
