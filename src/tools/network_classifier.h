// The attributes a line feature brings to the network (mode, speed, one-way, label), read from
// OpenStreetMap tags or a plain line layer's fields. Internal to NetworkTool.
#pragma once

#include <optional>
#include <string>

#include "core/feature.h"
#include "core/layer.h"
#include "core/schema.h"
#include "tools/network_attributes.h"
#include "tools/network_tool.h"

namespace circatlas::tools {

/// What one used line feature contributes to its edges.
struct LineAttributes {
  TravelMode mode = TravelMode::Road;
  double speedKmh = 0;
  Oneway oneway = Oneway::Both;
  std::optional<double> publishedLengthMeters;
  std::string label;
};

/// Reads the attributes of one feature; nullopt, with the reason counted in the report, when the
/// line is not used. OSM layers (osm_id and highway columns) are read by their tags, others by
/// NetworkParams' field names. Throws core::ParameterError for a missing length field and
/// core::InputError naming feature and field for an unreadable value.
class NetworkClassifier {
 public:
  NetworkClassifier(const core::Layer& layer, const NetworkParams& p, NetworkReport& report);
  [[nodiscard]] std::optional<LineAttributes> classify(const core::Feature& f) const;

 private:
  std::optional<std::string> field(const core::Feature& f, std::string_view name) const;
  std::optional<std::string> tag(const core::Feature& f, std::string_view key) const;
  std::optional<LineAttributes> classifyOsm(const core::Feature& f) const;
  std::optional<LineAttributes> classifyPlain(const core::Feature& f) const;
  [[noreturn]] static void fail(const core::Feature& f, std::string_view fieldName, const std::string& detail);

  const core::Schema& schema_;
  const NetworkParams& p_;
  NetworkReport& report_;
  bool osm_ = false;
};

}  // namespace circatlas::tools
