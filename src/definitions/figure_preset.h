// Figure presets (layers/figures/*.json): title, subtitle, framing, layers, page, DPI and language.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "render/style.h"

namespace circatlas::definitions {

/// A printable figure of a region. Titles may contain "{region}", replaced by the name of the
/// province or prefecture in the figure's language.
struct FigurePreset {
  std::string name;
  render::LocalizedText title;
  render::LocalizedText subtitle;
  /// The region framed when none is asked for: "province" or a prefecture code ("620300").
  std::string extent = "province";
  /// Layer ids of the layer set, drawn in the set's order.
  std::vector<std::string> layers;
  double pageWidthMm = 297.0;
  double pageHeightMm = 210.0;
  double dpi = 200.0;
  render::Language language = render::Language::Zh;
};

[[nodiscard]] FigurePreset parseFigurePreset(const std::string& json, const std::string& fileLabel);
[[nodiscard]] FigurePreset parseFigurePresetFile(const std::filesystem::path& path);

/// The credit lines every figure carries after its data sources, in `language`: the projection
/// and point precision, then the legal basis and the planning-use caveat (figures and the QGIS
/// project's print layouts alike).
[[nodiscard]] std::vector<std::string> standardFigureCredits(render::Language language);

/// paths.layersDir()/figures/<name>.json; core::ParameterError listing the presets when there is none.
[[nodiscard]] FigurePreset loadBuiltinPreset(const core::DataPaths& paths, const std::string& name);
/// Names of every preset in paths.layersDir()/figures/, sorted.
[[nodiscard]] std::vector<std::string> builtinPresetNames(const core::DataPaths& paths);

}  // namespace circatlas::definitions
