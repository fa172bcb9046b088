// Private to src/definitions: the <Layouts> element of a QGIS project, one print layout per figure preset.
#pragma once

#include <QXmlStreamWriter>

#include "definitions/qgis_project_writer.h"

namespace circatlas::render::detail {

/// Page geometry of a print layout, in millimetres from the page's top left, as
/// render::FigureLayout places its figures (margins, header, right-hand panel, footer).
struct LayoutFrames {
  double mapX = 0, mapY = 0, mapW = 0, mapH = 0;
  double panelX = 0, panelW = 0;
  double creditsY = 0;
};
[[nodiscard]] LayoutFrames layoutFrames(double pageWidthMm, double pageHeightMm);

/// `extent` (xmin, ymin, xmax, ymax; its margin included) widened in x or y to the aspect of a frame
/// `widthMm` × `heightMm`, keeping its centre: what the map item shows without distortion.
[[nodiscard]] std::array<double, 4> fittedExtent(const std::array<double, 4>& extent, double widthMm, double heightMm);

/// Writes <Layouts> with one <Layout> per project.layouts entry (nothing when there are none).
void writeLayouts(QXmlStreamWriter& w, const QgisProject& project);

}  // namespace circatlas::render::detail
