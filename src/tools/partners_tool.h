// PartnersTool: catalogue layers in, candidate partner links and the residue allocation out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layer.h"
#include "core/progress.h"

namespace circatlas::analysis::network {
class Router;
}

namespace circatlas::tools {

/// The catalogue layers the tool reads (as built by catalogue::toLayer; enterprises in EPSG:4326).
struct CatalogueInput {
  const core::Layer& enterprises;
  const core::Layer& flows;
  const core::Layer& materials;
  const core::Layer& materialUses;
};

struct PartnersParams {
  std::optional<std::string> enterpriseId;  ///< only this enterprise's residues
  std::optional<std::string> materialCode;  ///< only this material
  std::size_t topK = 5;                     ///< candidates per residue listed; 0 = all in range
  std::size_t allocationTopK = 50;          ///< best candidates per residue the allocation may use; 0 = all
  double detourFactor = 1.3;                ///< road km ≈ straight km × this where no network applies
  double operatingDaysPerYear = 310.0;      ///< to turn t/d capacities into t/a (assumption)
  /// Road distances: a router on a network (see NetworkTool); null = straight line × detourFactor.
  /// Pairs it cannot route fall back to its straight line × its detour factor and say so. Not owned.
  const analysis::network::Router* network = nullptr;
  std::string networkLabel;                 ///< how results name the network ("schematic trunk network")
};

/// Result layers; every one records the parameters that made it in `parameters`.
struct PartnersResult {
  core::Layer candidates;   ///< LineString per candidate: supplier → receiver, with reason (zh, en)
  core::Layer optimal;      ///< LineString per exchange of the min-cost max-flow allocation
  core::Layer greedy;       ///< the same for greedy nearest-first, for comparison
  core::Layer summary;      ///< table per material: supplied, matched (optimal, greedy), utilisation, t·km, CNY
  core::Layer unmatched;    ///< table: residues with no receiver in range, and why
  std::string parameters;   ///< "topK=5 detour=1.3 …"
};

/// The allocation is exact (min-cost max-flow) over each residue's `allocationTopK` best
/// candidates by score: at provincial scale a fly-ash plant has thousands of receivers in range,
/// and the pairs beyond the best fifty never carry flow in practice but would cost gigabytes.
/// Supply = output flows with a quantity. Receivers = enterprises whose industry code starts with
/// a receiving industry of the material (materials catalogue), or that declare an input of it;
/// capacity = the declared input, else the enterprise's capacity in t/a (t/d × operating days,
/// kt/a, Mt/a) × the use's demand factor, flagged as estimated with its method; else unknown
/// (candidate only, not allocated). Distances: straight line on the ellipsoid × detour factor,
/// marked as such, or road km through params.network with that fallback flagged per pair. Throws core::ParameterError
/// for an unknown enterprise or material, core::InputError naming layer and field for missing
/// catalogue fields. Reports its stages to `progress` when given and throws core::Cancelled between
/// them when it asks to stop.
[[nodiscard]] PartnersResult runPartners(const CatalogueInput& input, const PartnersParams& params,
                                         core::Progress* progress = nullptr);

}  // namespace circatlas::tools
