// How the attributes of a road or rail line become a mode, a planning speed and a one-way rule (OSM tags or plain
// fields).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace circatlas::tools {

/// How freight moves along a line.
enum class TravelMode : std::uint8_t { Road, Rail };

/// "road" or "rail".
[[nodiscard]] std::string_view toString(TravelMode mode) noexcept;
/// "road" or "rail" (case-insensitive); nullopt for anything else.
[[nodiscard]] std::optional<TravelMode> parseTravelMode(std::string_view text) noexcept;

/// Which way a line may be travelled, relative to the order of its vertices.
enum class Oneway : std::uint8_t { Both, Forward, Backward };

/// A line class with its mode and the planning speed of a loaded freight vehicle on it.
struct LineClass {
  std::string_view name;  ///< "motorway", "expressway", "railway", …
  TravelMode mode;
  double speedKmh;     ///< heavy goods vehicle (road) or freight train (rail), km/h: an assumption, see below
  bool impliedOneway;  ///< OSM: motorways and their links are one-way unless tagged oneway=no
};

/// The built-in classes: the OpenStreetMap `highway` values a lorry may use (motorway, trunk, primary,
/// secondary, tertiary, their `_link`s, unclassified, residential, living_street, service, road), OSM
/// `railway=rail`, and the classes of the schematic trunk network (expressway, national_road,
/// provincial_road, railway). Speeds are planning assumptions for loaded heavy goods vehicles and freight
/// trains, not posted limits (China caps lorries at 100 km/h on expressways; typical loaded averages are
/// lower): expressway/motorway 80, trunk/national road 60, primary/provincial 50, secondary 45,
/// tertiary 40, unclassified and road 30, residential 20, service 15, living street 10, links about
/// two-thirds of their road, rail 40 (a freight train's average including stops).
[[nodiscard]] std::span<const LineClass> builtinLineClasses() noexcept;

/// The class of that name (exact, case-sensitive as OSM tags are), or nullopt.
[[nodiscard]] std::optional<LineClass> findLineClass(std::string_view name) noexcept;

/// A one-way value: yes/true/1 → Forward, -1/reverse → Backward, no/false/0/empty → Both. Values
/// that change with time (reversible, alternating) and anything else give nullopt.
[[nodiscard]] std::optional<Oneway> parseOneway(std::string_view text) noexcept;

/// A speed in km/h from a plain number or an OSM maxspeed ("80", "80 km/h", "50 mph"); nullopt for
/// non-numeric values (signals, none, walk) and for values ≤ 0.
[[nodiscard]] std::optional<double> parseSpeedKmh(std::string_view text) noexcept;

/// The value of one key in an hstore string, as GDAL's OSM driver writes the tags it has no column for
/// in `other_tags`: `"oneway"=>"yes","maxspeed"=>"80"` (backslash escapes \" and \\ honoured).
/// nullopt when the key is absent or the text is not in that form.
[[nodiscard]] std::optional<std::string> hstoreValue(std::string_view hstore, std::string_view key);

}  // namespace circatlas::tools
