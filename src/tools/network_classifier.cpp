// NetworkClassifier: OSM tags or plain fields of a line feature → mode, speed, one-way and label.
#include "tools/network_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <variant>

#include "core/error.h"
#include "core/value.h"

namespace circatlas::tools {
namespace {

// Text of a value, or nullopt for null and empty strings.
std::optional<std::string> textOf(const core::Value& v) {
  if (core::isNull(v)) return std::nullopt;
  std::string s = core::toString(v);
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

NetworkClassifier::NetworkClassifier(const core::Layer& layer, const NetworkParams& p, NetworkReport& report)
    : schema_(layer.schema()), p_(p), report_(report) {
  osm_ = schema_.indexOf("osm_id") && schema_.indexOf("highway");
  report_.flavour = osm_ ? "OpenStreetMap lines" : "line layer";
  if (p_.lengthField && !schema_.indexOf(*p_.lengthField)) {
    throw core::ParameterError("no length field '" + *p_.lengthField + "' in layer '" + layer.name() + "'");
  }
}

std::optional<LineAttributes> NetworkClassifier::classify(const core::Feature& f) const {
  std::optional<LineAttributes> a = osm_ ? classifyOsm(f) : classifyPlain(f);
  if (!a) return a;
  if ((a->mode == TravelMode::Road && !p_.includeRoad) || (a->mode == TravelMode::Rail && !p_.includeRail)) {
    ++report_.skippedOtherMode;
    return std::nullopt;
  }
  return a;
}

std::optional<std::string> NetworkClassifier::field(const core::Feature& f, std::string_view name) const {
  const auto i = schema_.indexOf(name);
  return i ? textOf(f.values[*i]) : std::nullopt;
}

// An OSM tag: its own column when osmconf.ini made one, else other_tags.
std::optional<std::string> NetworkClassifier::tag(const core::Feature& f, std::string_view key) const {
  if (schema_.indexOf(key)) return field(f, key);
  const auto other = field(f, "other_tags");
  return other ? hstoreValue(*other, key) : std::nullopt;
}

std::optional<LineAttributes> NetworkClassifier::classifyOsm(const core::Feature& f) const {
  std::optional<LineClass> cls;
  if (const auto highway = field(f, "highway")) {
    cls = findLineClass(*highway);
    if (cls && cls->mode != TravelMode::Road) cls.reset();
  } else if (tag(f, "railway") == "rail") {
    cls = findLineClass("rail");
  }
  if (!cls) {
    ++report_.skippedNotForFreight;
    return std::nullopt;
  }
  LineAttributes a;
  a.mode = cls->mode;
  a.speedKmh = cls->speedKmh;
  if (const auto maxspeed = tag(f, "maxspeed")) {
    if (const auto v = parseSpeedKmh(*maxspeed)) a.speedKmh = std::min(a.speedKmh, *v);
  }
  const auto onewayTag = tag(f, "oneway");
  if (onewayTag) {
    // Time-dependent or garbled values (reversible, alternating, "yes;no"): both ways, as OSRM does.
    a.oneway = parseOneway(*onewayTag).value_or(Oneway::Both);
  } else if (cls->impliedOneway || tag(f, "junction") == "roundabout") {
    a.oneway = Oneway::Forward;
  }
  a.label = tag(f, "ref").value_or(field(f, "name").value_or(std::string(cls->name)));
  return a;
}

std::optional<LineAttributes> NetworkClassifier::classifyPlain(const core::Feature& f) const {
  LineAttributes a;
  const auto className = field(f, p_.classField);
  const auto cls = className ? findLineClass(*className) : std::nullopt;
  a.mode = cls ? cls->mode : TravelMode::Road;
  if (const auto mode = field(f, p_.modeField)) {
    const auto m = parseTravelMode(*mode);
    if (!m) fail(f, p_.modeField, "expected 'road' or 'rail', got \"" + *mode + "\"");
    a.mode = *m;
  }
  a.speedKmh = cls && cls->mode == a.mode   ? cls->speedKmh
               : a.mode == TravelMode::Rail ? findLineClass("railway")->speedKmh
                                            : p_.unknownClassSpeedKmh;
  if (const auto speed = field(f, p_.speedField)) {
    const auto v = parseSpeedKmh(*speed);
    if (!v) fail(f, p_.speedField, "expected a speed in km/h above 0, got \"" + *speed + "\"");
    a.speedKmh = *v;
  }
  if (const auto oneway = field(f, p_.onewayField)) {
    const auto o = parseOneway(*oneway);
    if (!o) fail(f, p_.onewayField, "expected yes, no, 1, 0 or -1, got \"" + *oneway + "\"");
    a.oneway = *o;
  }
  if (p_.lengthField) {
    const core::Value& v = f.values[*schema_.indexOf(*p_.lengthField)];
    if (!core::isNull(v)) {
      const double* d = std::get_if<double>(&v);
      const std::int64_t* i = std::get_if<std::int64_t>(&v);
      const double len = d ? *d : i ? static_cast<double>(*i) : -1.0;
      if (!(len >= 0) || !std::isfinite(len)) {
        fail(f, *p_.lengthField, "expected a length in metres ≥ 0, got \"" + core::toString(v) + "\"");
      }
      a.publishedLengthMeters = len;
    }
  }
  a.label = field(f, "ref").value_or(field(f, "name_en").value_or(field(f, "name").value_or(className.value_or(""))));
  return a;
}

void NetworkClassifier::fail(const core::Feature& f, std::string_view fieldName, const std::string& detail) {
  core::InputError e(detail);
  e.setFeature(f.id.value()).setField(fieldName);
  throw e;
}

}  // namespace circatlas::tools
