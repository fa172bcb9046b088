// Writes figure pages as PNG, PDF (one or many pages) or SVG, each through the same draw function.
#pragma once

#include <filesystem>
#include <span>

#include "render/figure_page.h"

namespace circatlas::render {

enum class FigureFormat { Png, Pdf, Svg };

/// The format for a file name's extension (.png, .pdf, .svg); core::ParameterError otherwise.
[[nodiscard]] FigureFormat figureFormatFor(const std::filesystem::path& path);

/// Draws the page into a file of the format its extension names: PNG at the page's DPI (pixel
/// size = DPI × page size), vector PDF with selectable text, or SVG with text as <text>. Written
/// to a temporary file beside the target and renamed when complete; core::IoError naming the file
/// when it cannot be written.
FigureReport exportFigure(const FigurePage& page, const std::filesystem::path& path);

/// Several pages into one PDF (atlas mode), atomically like exportFigure.
void exportPdfPages(std::span<const FigurePage> pages, const std::filesystem::path& path);

}  // namespace circatlas::render
