// A figure of a user's registry anywhere: framed on its data (or its boundaries), in a projection
// fitted to that extent, with the user's boundaries in place of Gansu's base map.
#pragma once

#include <string>
#include <vector>

#include "atlas/atlas_data.h"
#include "atlas/figure_builder.h"
#include "catalogue/catalogue.h"
#include "definitions/figure_preset.h"
#include "io/registry_boundaries.h"
#include "render/figure_page.h"

namespace circatlas::atlas {

/// What a registry figure draws on.
struct RegionFigureInput {
  const catalogue::Catalogue* registry = nullptr;  ///< the registry (its enterprises, parks, projects, mining bases)
  /// The user's units (--boundaries), drawn in place of the preset's counties and prefectures; nullptr: none.
  const io::Boundaries* boundaries = nullptr;
  /// Every located enterprise lies in Gansu: without boundaries, Gansu's base map and projection are used.
  bool inGansu = false;
  /// A Gansu prefecture code to frame on (only with inGansu and no boundaries); empty: the data.
  std::string prefecture;
};

/// The page and what the user should be told about it.
struct RegionFigure {
  render::FigurePage page;
  std::string projection;          ///< the map's CRS and its scale error (geo::FittedCrs::describe)
  std::vector<std::string> notes;  ///< layers left out and why, the locator's absence
};

/// The page of `preset` for a registry. The registry's own tables take the place of the preset's
/// catalogue layers (a table it lacks is left out); the user's boundaries take the place of the
/// preset's counties (units) and prefectures (parents, when they have two levels); Gansu's base map
/// (counties, rivers, seats, network …) is drawn only when the registry lies in Gansu and no
/// boundaries are given. The frame is the extent of the registry's located records and the
/// boundaries, in a conformal projection fitted to it (geo::conformalCrsFor; Gansu's display CRS in
/// Gansu). China's provinces are drawn as context and the locator inset of China shown only when
/// the frame's centre lies in China, the base map's locator covering nothing else. The page refers
/// to `data` and `input`'s registry and boundaries, which must outlive it. Throws
/// core::InputError when there is nothing to frame, core::ParameterError for an unknown prefecture.
[[nodiscard]] RegionFigure buildRegionFigure(const AtlasData& data, const definitions::FigurePreset& preset,
                                             const RegionFigureInput& input, const FigureOptions& options = {});

}  // namespace circatlas::atlas
