// Analysis results as map layers, named, titled and styled as declared (tools/analysis_specs.h); exchange links among
// them.
#pragma once

#include <string>

#include "core/data_paths.h"
#include "core/layer.h"
#include "core/value.h"
#include "tools/analysis_spec.h"
#include "viewer/viewer_layer.h"

namespace circatlas::viewer {

/// A number cell as double: integers widen, null and text give 0.
[[nodiscard]] double realOf(const core::Value& v);

/// A tool's result layer as viewer layer `result.id` with the declared title, in the declared style
/// (<paths.styles>/<result.style>.json), as export writes it. Throws the style parser's errors and
/// core::CrsError.
[[nodiscard]] ViewerLayer makeResultLayer(const tools::ResultSpec& result, core::Layer layer,
                                          const core::DataPaths& paths);

/// The link layer of PartnersTool (partner_candidates, allocation_optimal, allocation_greedy:
/// LineStrings in WGS 84 with `material` and `quantity`) as the declared result, styled by
/// styles/partner_links.json: classified by `material`, line width by `quantity`; the legend names
/// what is drawn (the result's title). Throws as makeResultLayer.
[[nodiscard]] ViewerLayer makeExchangeLinks(const core::Layer& links, const tools::ResultSpec& result,
                                            const core::DataPaths& paths);

}  // namespace circatlas::viewer
