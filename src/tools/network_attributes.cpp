// Line classes with planning speeds, one-way and speed parsing, and the hstore reader for OSM other_tags.
#include "tools/network_attributes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace circatlas::tools {
namespace {

constexpr std::array<LineClass, 22> kClasses{{
    // Schematic trunk network (data/network) and other planning layers.
    {"expressway", TravelMode::Road, 80.0, false},
    {"national_road", TravelMode::Road, 60.0, false},
    {"provincial_road", TravelMode::Road, 50.0, false},
    {"railway", TravelMode::Rail, 40.0, false},
    // OpenStreetMap highway=* values open to lorries.
    {"motorway", TravelMode::Road, 80.0, true},
    {"motorway_link", TravelMode::Road, 50.0, true},
    {"trunk", TravelMode::Road, 60.0, false},
    {"trunk_link", TravelMode::Road, 40.0, false},
    {"primary", TravelMode::Road, 50.0, false},
    {"primary_link", TravelMode::Road, 35.0, false},
    {"secondary", TravelMode::Road, 45.0, false},
    {"secondary_link", TravelMode::Road, 30.0, false},
    {"tertiary", TravelMode::Road, 40.0, false},
    {"tertiary_link", TravelMode::Road, 25.0, false},
    {"unclassified", TravelMode::Road, 30.0, false},
    {"road", TravelMode::Road, 30.0, false},
    {"residential", TravelMode::Road, 20.0, false},
    {"service", TravelMode::Road, 15.0, false},
    {"living_street", TravelMode::Road, 10.0, false},
    // OpenStreetMap railway=* values carrying freight.
    {"rail", TravelMode::Rail, 40.0, false},
    // Style classes of styles/network.json, so layers drawn with it also route.
    {"rail_main", TravelMode::Rail, 40.0, false},
    {"rail_branch", TravelMode::Rail, 30.0, false},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Reads one double-quoted hstore token starting at text[pos] (which must be '"'); advances pos past it.
std::optional<std::string> quoted(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '"') return std::nullopt;
  std::string out;
  for (++pos; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '\\' && pos + 1 < text.size()) {
      out += text[++pos];
    } else if (c == '"') {
      ++pos;
      return out;
    } else {
      out += c;
    }
  }
  return std::nullopt;  // unterminated
}

}  // namespace

std::string_view toString(TravelMode mode) noexcept { return mode == TravelMode::Rail ? "rail" : "road"; }

std::optional<TravelMode> parseTravelMode(std::string_view text) noexcept {
  const std::string t = lower(trim(text));
  if (t == "road") return TravelMode::Road;
  if (t == "rail") return TravelMode::Rail;
  return std::nullopt;
}

std::span<const LineClass> builtinLineClasses() noexcept { return kClasses; }

std::optional<LineClass> findLineClass(std::string_view name) noexcept {
  for (const LineClass& c : kClasses) {
    if (c.name == name) return c;
  }
  return std::nullopt;
}

std::optional<Oneway> parseOneway(std::string_view text) noexcept {
  const std::string t = lower(trim(text));
  if (t.empty() || t == "no" || t == "false" || t == "0") return Oneway::Both;
  if (t == "yes" || t == "true" || t == "1") return Oneway::Forward;
  if (t == "-1" || t == "reverse") return Oneway::Backward;
  return std::nullopt;
}

std::optional<double> parseSpeedKmh(std::string_view text) noexcept {
  text = trim(text);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !(value > 0)) return std::nullopt;
  const std::string unit =
      lower(trim(std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end))));
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") return value;
  if (unit == "mph") return value * 1.609344;
  return std::nullopt;
}

std::optional<std::string> hstoreValue(std::string_view hstore, std::string_view key) {
  std::size_t pos = 0;
  auto skipSpaces = [&] {
    while (pos < hstore.size() && std::isspace(static_cast<unsigned char>(hstore[pos]))) ++pos;
  };
  while (true) {
    skipSpaces();
    if (pos >= hstore.size()) return std::nullopt;
    const auto k = quoted(hstore, pos);
    if (!k) return std::nullopt;
    skipSpaces();
    if (hstore.substr(pos, 2) != "=>") return std::nullopt;
    pos += 2;
    skipSpaces();
    std::optional<std::string> v;
    if (hstore.substr(pos, 4) == "NULL") {
      pos += 4;
    } else {
      v = quoted(hstore, pos);
      if (!v) return std::nullopt;
    }
    if (*k == key) return v;
    skipSpaces();
    if (pos >= hstore.size()) return std::nullopt;
    if (hstore[pos] != ',') return std::nullopt;
    ++pos;
  }
}

}  // namespace circatlas::tools
