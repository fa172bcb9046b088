// Exporting the canvas's current view to PNG, PDF or SVG through the shared figure export.
#pragma once

#include <filesystem>
#include <vector>

#include "render/map_settings.h"
#include "viewer/map_drawing.h"

namespace circatlas::viewer {

/// Writes the view (its extent, at its pixel size on screen) to a PNG at twice the screen
/// resolution, or a vector PDF or SVG, chosen by the extension; through render::exportFigure, so
/// files are written atomically. Throws core::ParameterError for an unknown extension,
/// core::IoError naming the file when it cannot be written.
void exportView(const std::vector<DrawItem>& items, const render::MapSettings& view, const std::filesystem::path& path);

}  // namespace circatlas::viewer
