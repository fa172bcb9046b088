// The current view as a figure page, laid out like every figure preset.
#include "viewer/view_export.h"

#include <QPainter>

#include <algorithm>
#include <memory>

#include "core/clock.h"
#include "definitions/figure_preset.h"
#include "render/figure_export.h"
#include "render/figure_layout.h"

namespace circatlas::viewer {

namespace {

constexpr double kPageWidthMm = 297.0;
constexpr double kPageHeightMm = 210.0;
constexpr double kPageDpi = 200.0;

}  // namespace

render::FigurePage viewFigurePage(ViewFigure figure) {
  const render::Language lang = figure.view.language;
  auto items = std::make_shared<const std::vector<DrawItem>>(std::move(figure.items));
  auto content = std::make_shared<render::FigureContent>();
  content->language = lang;
  content->title = figure.title;
  content->legendHeading = lang == render::Language::Zh ? "图例" : "Legend";
  content->mapContent = figure.view.extent;
  content->crs = figure.view.crs;
  content->date = (lang == render::Language::Zh ? "制图日期 " : "Map date ") +
                  (figure.date.empty() ? core::localDateIso() : figure.date);
  for (const DrawItem& item : *items) {
    content->layers.push_back({item.id, item.layer.get(), item.style.get(), item.labels});
  }
  // The canvas's own drawing: each layer with its opacity, small hulls ringed.
  content->drawMap = [items](QPainter& painter, const render::MapSettings& settings) {
    return drawMap(painter, *items, settings);
  };
  content->locatorLayers = std::move(figure.locatorLayers);
  content->locatorContent = figure.locatorContent;

  std::vector<std::string> credits;
  for (auto& c : figure.credits) {
    if (!c.empty() && std::find(credits.begin(), credits.end(), c) == credits.end()) credits.push_back(std::move(c));
  }
  if (!credits.empty()) {
    std::string joined = lang == render::Language::Zh ? "数据来源：" : "Data: ";
    for (std::size_t i = 0; i < credits.size(); ++i) joined += (i ? "; " : "") + credits[i];
    content->credits.push_back(joined);
  }
  for (auto& line : definitions::standardFigureCredits(lang)) content->credits.push_back(std::move(line));

  render::FigurePage page;
  page.title = content->title;
  page.widthMm = kPageWidthMm;
  page.heightMm = kPageHeightMm;
  page.dpi = kPageDpi;
  page.draw = [content](QPainter& painter) {
    return render::FigureLayout(kPageWidthMm, kPageHeightMm, kPageDpi).draw(painter, *content);
  };
  return page;
}

render::FigureReport exportView(ViewFigure figure, const std::filesystem::path& path) {
  return render::exportFigure(viewFigurePage(std::move(figure)), path);
}

}  // namespace circatlas::viewer
