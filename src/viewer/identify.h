// Identify: which features of which layers lie under a map point.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/points.h"
#include "viewer/layer_stack.h"

namespace circatlas::viewer {

/// One feature under the cursor: layer id and feature index (same in source and display).
struct IdentifyHit {
  std::string layerId;
  std::size_t feature = 0;
};

/// True for the layers whose features are enterprises of a catalogue: the built-in Gansu ones, the
/// built-in ones of the neighbouring provinces, and an opened registry's.
[[nodiscard]] bool isEnterpriseLayer(std::string_view layerId) noexcept;

/// The features of the visible layers at `map` (display CRS), topmost layer first: polygons that
/// contain the point, points and lines within `tolerance` map units.
[[nodiscard]] std::vector<IdentifyHit> identifyAt(const LayerStack& stack, core::Coord map, double tolerance);

/// The hits as the identify panel lists them: enterprises first (the built-in and a registry's),
/// then other points, then lines, then areas; within each group the topmost layer first.
[[nodiscard]] std::vector<IdentifyHit> orderForListing(const LayerStack& stack, std::vector<IdentifyHit> hits);

/// The feature a click selects, as in a desktop GIS: the first hit of orderForListing that is a
/// point or a line; an area only when its layer is the active one (`activeLayerId`, the layer
/// highlighted in the layer list), so the county, prefecture and province under a click are not
/// selected with it. Nullopt: nothing to select.
[[nodiscard]] std::optional<IdentifyHit> pickForSelection(const LayerStack& stack,
                                                          const std::vector<IdentifyHit>& ordered,
                                                          std::string_view activeLayerId);

/// A point a measurement snaps to: a point feature of a visible layer (an enterprise, a seat, a
/// named place), in the display CRS, with its name.
struct SnapPoint {
  core::Coord map;
  std::string layerId;
  std::size_t feature = 0;
  std::string name;  ///< name_zh (Chinese) or name_en, else name; empty when the feature has none
};

/// The point feature of the visible layers nearest to `map` within `tolerance` map units, named
/// in `chinese` or English; nullopt when none is that near.
[[nodiscard]] std::optional<SnapPoint> snapPoint(const LayerStack& stack, core::Coord map, double tolerance,
                                                 bool chinese);

/// How a click changes the selection: without modifiers it selects `hit` alone (or nothing when
/// there is no hit); Shift adds `hit`; Ctrl toggles it. Shift or Ctrl on another layer than the
/// selection's starts a new selection in that layer; with a modifier and no hit the selection stays.
[[nodiscard]] Selection clickSelection(const Selection& current, const std::optional<IdentifyHit>& hit, bool shift,
                                       bool ctrl);

/// A short name for a feature: name_zh / name_en (in that order for Chinese, reversed for
/// English), else name, id or code, else "#<fid>".
[[nodiscard]] std::string featureName(const core::Layer& layer, std::size_t feature, bool chineseFirst);

}  // namespace circatlas::viewer
