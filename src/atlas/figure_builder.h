// Turns a figure preset and a region into a printable page drawn from the atlas data.
#pragma once

#include <optional>
#include <string>

#include "atlas/atlas_data.h"
#include "definitions/figure_preset.h"
#include "render/figure_page.h"

namespace circatlas::atlas {

struct FigureOptions {
  /// Overrides the preset's language and DPI when set.
  std::optional<render::Language> language;
  std::optional<double> dpi;
  /// Printed date (ISO, e.g. "2024-05-17"); today when empty. Tests fix it.
  std::string date;
};

/// The page of `preset` framed on `regionCode` ("province" or a prefecture code; empty means
/// the preset's own extent). Prefecture pages veil the land outside the prefecture. The page
/// refers to `data`, which must outlive it. Throws core::ParameterError for an unknown region or a
/// layer id the set does not define.
[[nodiscard]] render::FigurePage buildFigure(const AtlasData& data, const definitions::FigurePreset& preset,
                                             const std::string& regionCode, const FigureOptions& options = {});

}  // namespace circatlas::atlas
