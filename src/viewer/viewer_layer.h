// ViewerLayer: one layer of the viewer's map — shared, immutable data plus what the planner can change.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/layer.h"
#include "render/style.h"
#include "viewer/layer_look.h"

namespace circatlas::viewer {

/// A layer as the viewer holds it. The data are shared and never modified after loading, so a
/// render or an analysis in a worker thread can keep them alive while the user removes the layer.
struct ViewerLayer {
  std::string id;
  render::LocalizedText title;
  /// The features as read (usually WGS 84): what the attribute table and identify show.
  std::shared_ptr<const core::Layer> source;
  /// The same features projected into the display CRS (render::displayCrs()), same order.
  std::shared_ptr<const core::Layer> display;
  std::shared_ptr<const render::Style> style;
  /// A layer the planner added: the look they chose (or were given), which the style list
  /// offers and the project keeps; style is styleFromLook(*look) unless another was chosen.
  std::optional<LayerLook> look;
  bool visible = true;
  bool labels = true;
  /// 0–1, applied to the whole layer.
  double opacity = 1.0;
  /// When > 0, a polygon smaller than this on screen (mm on paper at the map's DPI) is also drawn
  /// as a ring of this diameter around its centre, so a small cluster hull stays visible at
  /// province scale. Not part of the style: the exported style files draw the polygons as they are.
  double minFeatureMm = 0.0;
  /// Provenance, carried into exports: where the data came from, its credit line, and for
  /// analysis results the analysis and the parameters that made them.
  std::string origin;
  /// The file the layer was read from (layers the planner opened), which no export may replace.
  std::string file;
  /// That file's layer (for a project to open it again).
  std::string fileLayer;
  render::LocalizedText credit;
  std::string producedBy;
  std::string parameters;
};

/// Wraps a source layer (any CRS PROJ knows) as a viewer layer: projects a copy into the display
/// CRS. Throws core::CrsError naming the layer when it has no CRS or cannot be projected.
[[nodiscard]] ViewerLayer makeViewerLayer(std::string id, render::LocalizedText title, core::Layer source,
                                          render::Style style);

/// A plain style for a layer the user brings: orange points, dark-blue lines, pale polygons.
[[nodiscard]] render::Style defaultStyleFor(core::GeometryType type);

/// The id of the layer `layerName` of the file at `path` as readUserLayer gives it.
[[nodiscard]] std::string userLayerId(const std::string& path, const std::string& layerName);

/// Reads any file GDAL opens (its only layer, or the named one) and wraps it with a look of its
/// own (defaultLook: a colour and marker none of `others` has, named after the file), so two
/// added layers never look alike nor like a built-in one. Throws the io errors of io::readLayer
/// (naming file, layer, feature, field) and core::CrsError.
[[nodiscard]] ViewerLayer readUserLayer(const std::string& path, const std::string& layerName = {},
                                        std::span<const ViewerLayer> others = {});

}  // namespace circatlas::viewer
