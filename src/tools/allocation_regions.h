// Where residues are produced and where the allocation uses them: per-prefecture summaries.
#pragma once

#include "core/layer.h"
#include "tools/partners_tool.h"

namespace circatlas::tools {

/// One polygon per prefecture (ready for a choropleth), in tonnes: materials whose unit is `t`
/// only, since MWh and m³ cannot be added to tonnes. Enterprises are placed by point in polygon,
/// so a registry without prefecture codes works too.
/// - supplied_t: quantified output flows (declared or estimated, result.flows) of the operating
///   enterprises inside the prefecture (the supply the allocation sees);
/// - matched_t / matched_greedy_t: tonnes those suppliers send in the optimal / greedy allocation,
///   wherever the receiver is; utilisation_pct = matched_t / supplied_t (null without supply);
/// - received_t: tonnes the prefecture's receivers take in the optimal allocation, from anywhere;
/// - t_km, transport_cny: of the optimal exchanges whose supplier lies in the prefecture.
/// Enterprises outside every prefecture are summed in no row. Throws core::InputError naming the
/// layer and field when a needed field is missing.
[[nodiscard]] core::Layer allocationByPrefecture(const CatalogueInput& input, const PartnersResult& result,
                                                 const core::Layer& prefectures);

}  // namespace circatlas::tools
