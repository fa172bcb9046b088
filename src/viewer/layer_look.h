// LayerLook: how a planner draws a layer they added — one colour, a size, a label field and a legend name.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/geometry.h"
#include "render/style.h"

namespace circatlas::viewer {

/// The choices of the layer properties dialog (layer_style_dialog.h), kept in the project file.
struct LayerLook {
  render::Color color;
  /// Points only: the marker's shape.
  render::MarkerShape marker = render::MarkerShape::Circle;
  /// Millimetres on paper: the marker size of points, the line width of lines and of polygon outlines.
  double sizeMm = 2.2;
  /// The field whose values label the features; empty for no labels.
  std::string labelField;
  /// The layer's name in the layer list and the legend.
  std::string legendName;
  friend bool operator==(const LayerLook&, const LayerLook&) = default;
};

/// The name of the style styleFromLook makes, so a project can say the look is in use.
inline constexpr std::string_view kLookStyleName = "layer_look";

/// A look for a newly added layer named `legendName`, distinct from the looks in `taken` (the
/// other added layers) and from the built-in styles: the first of a palette of colour and marker
/// pairs (magenta diamonds, teal triangles, …) that no taken look uses.
[[nodiscard]] LayerLook defaultLook(core::GeometryType type, std::string legendName,
                                    std::span<const LayerLook> taken = {});

/// The single-symbol style that draws a layer of `type` with `look`, titled with its legend name
/// (so the legend shows that name), labelled by its label field when it has one. Made through
/// the style parser, exactly as a style file would give it.
[[nodiscard]] render::Style styleFromLook(const LayerLook& look, core::GeometryType type);

/// "#rrggbb" (or "#rrggbbaa" when not opaque) and back; fromHex gives nullopt for anything else.
[[nodiscard]] std::string toHex(const render::Color& color);
[[nodiscard]] std::optional<render::Color> colorFromHex(std::string_view text);
/// The marker names of the style files ("circle", "diamond", …) and back (nullopt if unknown).
[[nodiscard]] const char* markerName(render::MarkerShape marker) noexcept;
[[nodiscard]] std::optional<render::MarkerShape> markerFromName(std::string_view name) noexcept;

}  // namespace circatlas::viewer
