// Exporting the canvas's current view as a figure page (title, legend, scale bar, north arrow,
// locator, credits) through the shared figure layout and export.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "render/figure_page.h"
#include "render/map_renderer.h"
#include "render/map_settings.h"
#include "viewer/map_drawing.h"

namespace circatlas::viewer {

/// What a view figure shows: the visible layers as the canvas draws them (styles, looks,
/// opacity), the view (its extent, CRS and map language), and what the page prints around it.
struct ViewFigure {
  std::vector<DrawItem> items;
  render::MapSettings view;
  std::string title;
  /// The credit lines of the visible layers (repeats are printed once).
  std::vector<std::string> credits;
  /// The locator inset (China) and the extent it shows; none when empty. The layers must outlive the page.
  std::vector<render::RenderLayer> locatorLayers;
  core::Extent locatorContent;
  /// Printed date (ISO); today when empty. Tests fix it.
  std::string date;
};

/// The A4 landscape page of `figure` drawn by render::FigureLayout — the layout of every figure
/// preset — with the view's extent fitted into the map frame and a legend of the visible layers.
/// The page holds its own copy of `figure`.
[[nodiscard]] render::FigurePage viewFigurePage(ViewFigure figure);

/// Writes viewFigurePage(figure) to a PNG at the page's DPI, or a vector PDF or SVG, chosen by the
/// extension; through render::exportFigure, so the file is written to a temporary file and renamed
/// when complete. Throws core::ParameterError for an unknown extension, core::IoError naming the
/// file when it cannot be written (nothing is left behind).
render::FigureReport exportView(ViewFigure figure, const std::filesystem::path& path);

}  // namespace circatlas::viewer
