// AnalysisInputs: the catalogue tables and boundaries the analysis panels run their tools on.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/layer.h"

namespace circatlas::viewer {

/// Read once, shared read-only by the panels and their worker threads.
struct AnalysisInputs {
  /// Every catalogue table as a typed layer, by table name (enterprises, flows, materials, …).
  /// The panels pass them to the tools as the commands do: tools::catalogueInput and
  /// tools::applyCatalogueDefaults (tools/catalogue_inputs.h).
  std::map<std::string, core::Layer> catalogue;
  /// County boundaries (WGS 84) for the prefectures of cluster members.
  core::Layer counties{"counties", "", core::GeometryType::MultiPolygon, {}};

  /// The named table; core::InputError naming it when missing.
  [[nodiscard]] const core::Layer& table(const std::string& name) const;

  /// The built-in catalogue (data/catalogue) and basemap counties. Throws io errors.
  [[nodiscard]] static std::shared_ptr<const AnalysisInputs> loadBuiltin();
};

}  // namespace circatlas::viewer
