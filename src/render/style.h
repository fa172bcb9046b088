// The style model: how a layer's features are symbolised and labelled, independent of any back end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/value.h"

namespace circatlas::render {

/// The two languages of figures and labels.
enum class Language { Zh, En };

/// "zh" or "en".
[[nodiscard]] const char* toString(Language language) noexcept;

/// A text in both languages; in() falls back to the other language when one is empty.
struct LocalizedText {
  std::string zh;
  std::string en;
  [[nodiscard]] const std::string& in(Language language) const noexcept;
  [[nodiscard]] bool empty() const noexcept { return zh.empty() && en.empty(); }
};

/// sRGB colour with alpha (0–255).
struct Color {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
  friend bool operator==(const Color&, const Color&) = default;
};

enum class MarkerShape { Circle, Square, Triangle, Diamond, Star, Cross, Hexagon };

/// How one class of features is drawn. Sizes are in millimetres on paper, so a figure looks the
/// same at any DPI. Points use marker/size/fill/stroke; lines stroke/strokeWidth/dash; polygons
/// fill/stroke/strokeWidth/dash.
struct Symbol {
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double strokeWidthMm = 0.26;
  /// Dash pattern, alternating dash and gap lengths in mm; empty for a solid line.
  std::vector<double> dashMm;
  MarkerShape marker = MarkerShape::Circle;
  double sizeMm = 2.0;
  /// Opacity of the whole symbol, 0–1, on top of the colours' own alpha.
  double opacity = 1.0;
};

/// Which features a class takes: listed values (categorised), a [min, max) range (graduated), or
/// everything (single symbol).
struct StyleClass {
  LocalizedText label;
  std::vector<std::string> values;
  std::optional<double> min;
  std::optional<double> max;
  Symbol symbol;
};

enum class SymbolRenderer { Single, Categorised, Graduated };
/// How categorised values are compared with the field's text: whole value, or value starts with
/// the listed text (industry code "4411" matches "44"; minerals "nickel;copper" match "nickel").
enum class MatchMode { Exact, Prefix };
enum class StyleGeometry { Point, Line, Polygon };
/// Whether a style for `style` draws features of `type` (point styles: Point and MultiPoint …).
[[nodiscard]] bool draws(StyleGeometry style, core::GeometryType type) noexcept;
/// "points", "lines" or "polygons": what a style draws, for messages.
[[nodiscard]] const char* toString(StyleGeometry geometry) noexcept;
enum class LabelPlacement { AroundPoint, Interior, Line };

/// Visible between two scale denominators (both inclusive). Unset ends are open.
struct ScaleRange {
  std::optional<double> minDenominator;
  std::optional<double> maxDenominator;
  [[nodiscard]] bool contains(double scaleDenominator) const noexcept;
};

struct Halo {
  Color color{255, 255, 255, 255};
  double widthMm = 0.5;
};

/// Labels: the field (per language), font and placement. Higher priority is placed first.
struct LabelStyle {
  LocalizedText field;
  double sizePt = 7.0;
  bool bold = false;
  Color color{51, 51, 51, 255};
  std::optional<Halo> halo;
  int priority = 0;
  /// Within one priority, features with a larger value of this numeric field are labelled first
  /// (e.g. capacity: the biggest plants keep their names where labels collide). Empty: draw order.
  std::string rankField;
  /// Values of rankField are compared as shares of the largest value among the features that have
  /// the same value of this field (e.g. capacity_unit: MW with MW, Mt/a cement with Mt/a cement).
  std::string rankPer;
  LabelPlacement placement = LabelPlacement::AroundPoint;
  /// Letter spacing in percent of normal (e.g. 120 for the spaced names of areas).
  double letterSpacingPercent = 100.0;
  ScaleRange scaleRange;
};

/// Data-defined size: markers (sizeMm) or line widths (strokeWidthMm) scale linearly with a
/// numeric field between minValue and maxValue (clamped).
struct SizeBy {
  std::string field;
  double minValue = 0.0;
  double maxValue = 1.0;
  double minSizeMm = 0.3;
  double maxSizeMm = 3.0;
  [[nodiscard]] double sizeFor(double value) const noexcept;
};

/// One style: symbols by class, labels, and the scales at which the layer is drawn.
struct Style {
  std::string name;
  /// Heading of the layer in the legend.
  LocalizedText title;
  StyleGeometry geometry = StyleGeometry::Polygon;
  SymbolRenderer renderer = SymbolRenderer::Single;
  std::string field;
  MatchMode match = MatchMode::Exact;
  std::vector<StyleClass> classes;
  /// Features no class takes; when unset they are not drawn.
  std::optional<StyleClass> other;
  std::optional<SizeBy> sizeBy;
  std::optional<LabelStyle> label;
  ScaleRange scaleRange;
  bool showInLegend = true;

  /// The class of a feature with this value of `field`: an index into classes, classes.size()
  /// for `other`, or nullopt when the feature is not drawn.
  [[nodiscard]] std::optional<std::size_t> classify(const core::Value& value) const;
  /// The class at index i (classes.size() means `other`).
  [[nodiscard]] const StyleClass& classAt(std::size_t i) const noexcept;
};

}  // namespace circatlas::render
