// PartnersTool: catalogue layers in, candidate partner links and the residue allocation out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/layer.h"
#include "core/progress.h"
#include "tools/analysis_specs.h"

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
  /// The coefficient table (industry_profiles.csv); null: declared flows and material_uses only.
  const core::Layer* profiles = nullptr;
  /// Ranking parameters (exchange_parameters.csv); null: built-in defaults, no replaced values.
  const core::Layer* parameters = nullptr;
};

struct PartnersParams {
  std::optional<std::string> enterpriseId;  ///< only this enterprise's residues
  std::optional<std::string> materialCode;  ///< only this material
  std::size_t topK =
      static_cast<std::size_t>(spec::partners::top.number);  ///< candidates per residue listed; 0 = all in range
  /// Best candidates per residue the allocation may use; 0 = all.
  std::size_t allocationTopK = static_cast<std::size_t>(spec::partners::allocationTop.number);
  double detourFactor = spec::partners::detour.number;  ///< road km ≈ straight km × this where no network applies
  double operatingDaysPerYear = spec::partners::operatingDays.number;  ///< to turn t/d capacities into t/a (assumption)
  /// Road distances: a router on a network (see NetworkTool); null = straight line × detourFactor.
  /// Pairs it cannot route fall back to its straight line × its detour factor and say so. Not owned.
  const analysis::network::Router* network = nullptr;
  std::string networkLabel;  ///< how results name the network ("schematic trunk network")
  /// Planning year: facilities count by op_status, start_year and end_year in this year.
  int year = 0;           ///< 0: every facility that is not retired, mothballed or planned
  std::string yearBasis;  ///< how the year was chosen, for the parameters line
  /// Province (GB/T 2260) whose residues the summary's home figures count and outside which a
  /// receiver is said to lie. Empty: the one most operating facilities lie in (province_code, else
  /// the province of county_code or prefecture_code), none when no record gives one. A facility
  /// with no code lies in the home province.
  std::string homeProvince;
  /// Enterprise ids to treat as operating whatever their status (what-if switches a planned one on).
  std::vector<std::string> switchedOn;
  /// true: only the candidates, unmatched and inactive layers are made (what `circatlas partners`
  /// shows): no allocation, summary or flows table, and only the listed topK candidates of each
  /// residue are searched rather than allocationTopK.
  bool candidatesOnly = false;
  /// When set, each candidate row goes here as it is made (in the candidates layer's schema and
  /// order, with its feature id) instead of into PartnersResult::candidates, which then stays empty:
  /// a caller that only prints 400 k rows need not hold them all with their texts.
  std::function<void(const core::Schema& schema, const core::Feature& row)> candidateSink;
};

/// Result layers; every one records the parameters that made it in `parameters`.
struct PartnersResult {
  core::Layer candidates;    ///< LineString per candidate: supplier → receiver, with reason (zh, en)
  core::Layer optimal;       ///< LineString per exchange of the min-cost max-flow allocation
  core::Layer greedy;        ///< the same for greedy nearest-first, for comparison
  core::Layer summary;       ///< table per material: supplied, matched (optimal, greedy), utilisation, t·km, CNY,
                             ///< and the home province's own supply, matched, exported and imported
  core::Layer unmatched;     ///< table: residues with no receiver in range, why, and the nearest receiver beyond reach
  core::Layer inactive;      ///< table: facilities left out in the planning year, and why
  core::Layer flows;         ///< table: every flow of the operating facilities the search used: declared,
                             ///< estimated (capacity × coefficient, method and source) or inferred (no quantity)
  std::string parameters;    ///< "topK=5 detour=1.3 …"
  std::string homeProvince;  ///< the home province used (see PartnersParams::homeProvince); empty: none
};

/// Supplies: every output flow of an operating facility (facilityFlows: declared, estimated from
/// capacity × industry_profiles.csv, or inferred without quantity from the industry code). A
/// supply of unknown quantity is a candidate ranked per unit and listed when unmatched, never
/// allocated.
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
