// AnalysisInputs: the catalogue and boundaries the analysis panels run their tools on.
#pragma once

#include <memory>

#include "catalogue/catalogue.h"
#include "core/layer.h"

namespace circatlas::viewer {

/// Read once, shared read-only by the panels and their worker threads.
struct AnalysisInputs {
  /// Every catalogue table as a typed layer (enterprises, flows, materials, …). The panels pass
  /// it to the tools as the commands do: tools::catalogueInput and tools::applyCatalogueDefaults
  /// (tools/catalogue_inputs.h).
  catalogue::Catalogue catalogue;
  /// County boundaries (WGS 84) for the prefectures of cluster members.
  core::Layer counties{"counties", "", core::GeometryType::MultiPolygon, {}};

  /// The built-in catalogue (data/catalogue) and basemap counties. Throws io errors.
  [[nodiscard]] static std::shared_ptr<const AnalysisInputs> loadBuiltin();
};

}  // namespace circatlas::viewer
