// Classification of feature values into style classes.
#include "render/style.h"

#include <algorithm>
#include <variant>

namespace circatlas::render {

const char* toString(Language language) noexcept { return language == Language::Zh ? "zh" : "en"; }

bool draws(StyleGeometry style, core::GeometryType type) noexcept {
  switch (style) {
    case StyleGeometry::Point:
      return core::isPuntal(type);
    case StyleGeometry::Line:
      return core::isLinear(type);
    case StyleGeometry::Polygon:
      return core::isPolygonal(type);
  }
  return false;
}

const char* toString(StyleGeometry geometry) noexcept {
  switch (geometry) {
    case StyleGeometry::Point:
      return "points";
    case StyleGeometry::Line:
      return "lines";
    case StyleGeometry::Polygon:
      return "polygons";
  }
  return "?";
}

const std::string& LocalizedText::in(Language language) const noexcept {
  const std::string& first = language == Language::Zh ? zh : en;
  const std::string& second = language == Language::Zh ? en : zh;
  return first.empty() ? second : first;
}

bool ScaleRange::contains(double scaleDenominator) const noexcept {
  if (minDenominator && scaleDenominator < *minDenominator) return false;
  if (maxDenominator && scaleDenominator > *maxDenominator) return false;
  return true;
}

double SizeBy::sizeFor(double value) const noexcept {
  if (maxValue <= minValue) return maxSizeMm;
  const double t = std::clamp((value - minValue) / (maxValue - minValue), 0.0, 1.0);
  return minSizeMm + t * (maxSizeMm - minSizeMm);
}

namespace {

std::optional<double> asNumber(const core::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<core::Text>(&v)) {
    try {
      std::size_t used = 0;
      const double d = std::stod(s->str(), &used);
      if (used == s->size()) return d;
    } catch (const std::exception&) {
      // not a number: the feature falls into `other`
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> Style::classify(const core::Value& value) const {
  std::optional<std::size_t> found;
  switch (renderer) {
    case SymbolRenderer::Single:
      if (!classes.empty()) found = 0;
      break;
    case SymbolRenderer::Categorised: {
      const std::string text = core::toString(value);
      for (std::size_t i = 0; i < classes.size() && !found; ++i) {
        for (const auto& v : classes[i].values) {
          const bool hit = match == MatchMode::Exact ? text == v : (!v.empty() && text.starts_with(v));
          if (hit) {
            found = i;
            break;
          }
        }
      }
      break;
    }
    case SymbolRenderer::Graduated: {
      const auto number = asNumber(value);
      if (!number) break;
      for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto& c = classes[i];
        // the last class includes its upper bound, so the maximum of a range is drawn
        const bool last = i + 1 == classes.size();
        if ((!c.min || *number >= *c.min) && (!c.max || *number < *c.max || (last && *number == *c.max))) {
          found = i;
          break;
        }
      }
      break;
    }
  }
  if (!found && other) found = classes.size();
  return found;
}

const StyleClass& Style::classAt(std::size_t i) const noexcept { return i < classes.size() ? classes[i] : *other; }

}  // namespace circatlas::render
