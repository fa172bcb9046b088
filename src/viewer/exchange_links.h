// Exchange links (partner candidates, allocated flows) as a map layer in the partner_links style.
#pragma once

#include <string>

#include "core/layer.h"
#include "core/value.h"
#include "viewer/viewer_layer.h"

namespace circatlas::viewer {

/// A number cell as double: integers widen, null and text give 0.
[[nodiscard]] double realOf(const core::Value& v);

/// The link layer of PartnersTool (candidates, allocation_optimal, allocation_greedy: LineStrings in
/// WGS 84 with `material` and `quantity`) as viewer layer `id`, styled by styles/partner_links.json:
/// classified by `material`, line width by `quantity`. Throws the style parser's
/// errors and core::CrsError.
[[nodiscard]] ViewerLayer makeExchangeLinks(const core::Layer& links, std::string id, render::LocalizedText title);

}  // namespace circatlas::viewer
