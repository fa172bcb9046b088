// The current view as a one-map figure page.
#include "viewer/view_export.h"

#include <QPainter>

#include "render/figure_export.h"

namespace circatlas::viewer {

void exportView(const std::vector<DrawItem>& items, const render::MapSettings& view,
                const std::filesystem::path& path) {
  render::FigurePage page;
  page.title = path.stem().string();
  page.dpi = view.dpi * 2;
  page.widthMm = view.widthPx / view.dpi * 25.4;
  page.heightMm = view.heightPx / view.dpi * 25.4;
  page.draw = [&items, view, &page](QPainter& painter) {
    render::MapSettings s = view;
    s.widthPx = page.widthPx();
    s.heightPx = page.heightPx();
    s.dpi = page.dpi;
    painter.fillRect(QRectF(0, 0, s.widthPx, s.heightPx), mapBackground());
    render::FigureReport report;
    report.map = drawMap(painter, items, s);
    report.mapSettings = s;
    return report;
  };
  (void)render::exportFigure(page, path);
}

}  // namespace circatlas::viewer
