// The styles a planner can choose for a layer: every file in styles/ that can draw it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/layer.h"
#include "render/style.h"

namespace circatlas::viewer {

/// The style files of one folder, parsed once. A file that does not parse is left out and its
/// message (file, line, column) kept in problems, so one bad file never hides the others.
struct StyleLibrary {
  std::vector<std::shared_ptr<const render::Style>> styles;
  std::vector<std::string> problems;
};

/// Reads every *.json in `dir` (core::DataPaths::stylesDir() for the built-in styles), sorted by name.
[[nodiscard]] StyleLibrary loadStyleLibrary(const std::filesystem::path& dir);

/// Why `style` cannot draw `layer`, or empty when it can: the geometry must match and every
/// field the style reads must exist — the field it classifies, sizes, labels (both languages')
/// and ranks its labels by — so a style made for another layer is not offered for one that lacks them.
[[nodiscard]] std::string styleMismatch(const render::Style& style, const core::Layer& layer);

/// The styles of the library that can draw `layer`, in the library's order.
[[nodiscard]] std::vector<std::shared_ptr<const render::Style>> stylesFor(const StyleLibrary& library,
                                                                          const core::Layer& layer);

}  // namespace circatlas::viewer
