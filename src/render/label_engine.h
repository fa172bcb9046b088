// Label placement: candidates are collected while layers draw, then placed by priority without overlaps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "render/style.h"

class QPainter;
class QPainterPath;

namespace circatlas::render {

/// A label that wants to be drawn. Coordinates are pixels of the map frame.
struct LabelCandidate {
  std::string text;
  double x = 0.0;
  double y = 0.0;
  /// Radius of the point symbol the label sits beside (AroundPoint), in pixels.
  double symbolRadiusPx = 0.0;
  /// Text direction for Line placement, degrees counter-clockwise from east.
  double angleDeg = 0.0;
  /// Not owned; must outlive place().
  const LabelStyle* style = nullptr;
  /// Order within one style priority: higher first (LabelStyle::rankField); ties keep their order.
  double rank = 0.0;
};

/// Places labels highest priority first, then highest rank (ties: the order they were added). Point labels try eight
/// positions around their symbol (right first, as Chinese and Western atlases both prefer);
/// interior and line labels are centred on their anchor. A label is dropped when every position
/// overlaps a placed label or an obstacle or leaves the frame. Text gets a halo when its style
/// asks for one; the text itself is drawn as text so PDF and SVG keep it selectable (on raster
/// targets the halo is a grown image of the text, see RasterHalo).
///
/// Collisions are looked up in a grid of the frame, and a point label whose eight positions are
/// taken even for zero-width text is dropped before its text is measured, so tens of thousands of
/// crowded candidates cost little more than the labels that fit.
/// `text` as a label may show it: text from the user's data can hold control characters (a tab or
/// line break from a spreadsheet cell, a stray U+0001), which draw as boxes and make an SVG figure
/// malformed XML. Tabs and line breaks become one space each; the other C0 controls and DEL are
/// dropped; leading and trailing spaces so made are trimmed.
[[nodiscard]] std::string printableLabel(std::string_view text);

class LabelEngine {
 public:
  /// Labels of at least this priority may cover other point symbols (never other labels): the
  /// names of cities matter more than a park marker beside them.
  static constexpr int kCoversSymbolsPriority = 80;

  LabelEngine(double widthPx, double heightPx, double dpi);

  void add(LabelCandidate candidate);
  /// A box no label may cover (e.g. a point symbol), in pixels.
  void addObstacle(double x, double y, double w, double h);

  struct Result {
    std::size_t placed = 0;
    std::size_t dropped = 0;
  };
  /// Draws the labels that fit. With a focus path, labels anchored outside it are dropped.
  Result place(QPainter& painter, const QPainterPath* focus = nullptr);

 private:
  struct Box {
    double x0, y0, x1, y1;
  };
  /// Boxes bucketed by the grid cells they touch.
  class BoxGrid {
   public:
    BoxGrid(double widthPx, double heightPx);
    void insert(const Box& b);
    [[nodiscard]] bool overlaps(const Box& b) const noexcept;

   private:
    [[nodiscard]] int column(double x) const noexcept;
    [[nodiscard]] int row(double y) const noexcept;
    int columns_;
    int rows_;
    std::vector<Box> boxes_;
    std::vector<std::vector<std::size_t>> cells_;
  };
  [[nodiscard]] bool free(const Box& b, bool mayCoverSymbols) const noexcept;

  double width_;
  double height_;
  double dpi_;
  std::vector<LabelCandidate> candidates_;
  BoxGrid obstacles_;
  BoxGrid placed_;
};

}  // namespace circatlas::render
