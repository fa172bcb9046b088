// Private to src/definitions: the <Layouts> element of a QGIS project, one print layout per figure preset.
#pragma once

#include <QXmlStreamWriter>

#include "definitions/qgis_project_writer.h"

namespace circatlas::definitions::detail {

/// `extent` (xmin, ymin, xmax, ymax; its margin included) widened in x or y to the aspect of a frame
/// `widthMm` × `heightMm`, keeping its centre: what the map item shows without distortion.
[[nodiscard]] std::array<double, 4> fittedExtent(const std::array<double, 4>& extent, double widthMm, double heightMm);

/// Writes <Layouts> with one <Layout> per project.layouts entry (nothing when there are none).
void writeLayouts(QXmlStreamWriter& w, const QgisProject& project);

}  // namespace circatlas::definitions::detail
