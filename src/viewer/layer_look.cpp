// Layer looks: the palette of added layers, the style a look draws with, and its text forms.
#include "viewer/layer_look.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "definitions/style_parser.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

constexpr std::array<const char*, 7> kMarkers{"circle", "square", "triangle", "diamond", "star", "cross", "hexagon"};

struct PaletteEntry {
  render::Color color;
  render::MarkerShape marker;
};

// Colours none of styles/ uses for its classes (enterprises take orange, grey, blue, purple, brown
// and green circles; seats black squares and white circles; the selection is cyan), each with a
// marker shape of its own, so even two similar colours stay apart on the map.
constexpr std::array<PaletteEntry, 6> kPalette{{
    {{231, 41, 138, 255}, render::MarkerShape::Diamond},   // magenta
    {{27, 158, 119, 255}, render::MarkerShape::Triangle},  // teal
    {{230, 171, 2, 255}, render::MarkerShape::Star},       // gold
    {{77, 0, 75, 255}, render::MarkerShape::Hexagon},      // aubergine
    {{178, 24, 43, 255}, render::MarkerShape::Square},     // crimson
    {{1, 102, 94, 255}, render::MarkerShape::Cross},       // dark teal
}};

}  // namespace

LayerLook defaultLook(core::GeometryType type, std::string legendName, std::span<const LayerLook> taken) {
  std::size_t pick = taken.size() % kPalette.size();  // all taken: go round again
  for (std::size_t i = 0; i < kPalette.size(); ++i) {
    const bool used =
        std::any_of(taken.begin(), taken.end(), [&](const LayerLook& l) { return l.color == kPalette[i].color; });
    if (!used) {
      pick = i;
      break;
    }
  }
  LayerLook look;
  look.color = kPalette[pick].color;
  look.marker = kPalette[pick].marker;
  look.sizeMm = core::isPuntal(type) ? 2.6 : core::isLinear(type) ? 0.6 : 0.4;
  look.legendName = std::move(legendName);
  return look;
}

render::Style styleFromLook(const LayerLook& look, core::GeometryType type) {
  QJsonObject symbol;
  QJsonObject root;
  root["name"] = qs(std::string(kLookStyleName));
  root["title"] = QJsonObject{{"zh", qs(look.legendName)}, {"en", qs(look.legendName)}};
  const QString colour = qs(toHex(look.color));
  QString placement = QStringLiteral("interior");
  if (core::isPuntal(type)) {
    root["geometry"] = "point";
    symbol["marker"] = markerName(look.marker);
    symbol["size"] = look.sizeMm;
    symbol["fill"] = colour;
    symbol["stroke"] = "#ffffff";
    symbol["stroke_width"] = 0.25;
    placement = QStringLiteral("around_point");
  } else if (core::isLinear(type)) {
    root["geometry"] = "line";
    symbol["stroke"] = colour;
    symbol["stroke_width"] = look.sizeMm;
    placement = QStringLiteral("line");
  } else {
    root["geometry"] = "polygon";
    render::Color fill = look.color;
    fill.a = 85;  // a third: what lies beneath stays readable
    symbol["fill"] = qs(toHex(fill));
    symbol["stroke"] = colour;
    symbol["stroke_width"] = look.sizeMm;
  }
  root["symbol"] = symbol;
  if (!look.labelField.empty()) {
    root["labels"] = QJsonObject{{"field", qs(look.labelField)},
                                 {"size", 6.5},
                                 {"color", "#333333"},
                                 {"halo", QJsonObject{{"color", "#ffffff"}, {"width", 0.4}}},
                                 {"priority", 30},
                                 {"placement", placement}};
  }
  return definitions::parseStyle(QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString(), "layer look");
}

std::string toHex(const render::Color& color) {
  char text[10];
  if (color.a == 255) {
    std::snprintf(text, sizeof text, "#%02x%02x%02x", color.r, color.g, color.b);
  } else {
    std::snprintf(text, sizeof text, "#%02x%02x%02x%02x", color.r, color.g, color.b, color.a);
  }
  return text;
}

std::optional<render::Color> colorFromHex(std::string_view text) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text.front() != '#') return std::nullopt;
  std::array<std::uint8_t, 4> parts{0, 0, 0, 255};
  for (std::size_t i = 0; 1 + 2 * i < text.size(); ++i) {
    const char* first = text.data() + 1 + 2 * i;
    const auto [end, ec] = std::from_chars(first, first + 2, parts[i], 16);
    if (ec != std::errc() || end != first + 2) return std::nullopt;
  }
  return render::Color{parts[0], parts[1], parts[2], parts[3]};
}

const char* markerName(render::MarkerShape marker) noexcept {
  const auto i = static_cast<std::size_t>(marker);
  return i < kMarkers.size() ? kMarkers[i] : kMarkers[0];
}

std::optional<render::MarkerShape> markerFromName(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kMarkers.size(); ++i) {
    if (name == kMarkers[i]) return static_cast<render::MarkerShape>(i);
  }
  return std::nullopt;
}

}  // namespace circatlas::viewer
