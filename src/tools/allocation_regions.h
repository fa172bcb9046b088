// Where residues are produced and where the allocation uses them: per-prefecture summaries.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

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

/// One utilisation figure an allocation is set against. It covers the materials listed in
/// `materials` (codes), else every material of `category`, else every material counted in tonnes.
struct UtilisationFigure {
  std::string_view labelEn;  ///< e.g. "fly ash"
  std::string_view labelZh;  ///< e.g. "粉煤灰"
  std::vector<std::string_view> materials;
  std::string_view category;  ///< a category of materials.csv, e.g. bulk_solid
  double pct = 0.0;
};

/// A set of figures from one document: the programme's targets or a national reference.
struct UtilisationBenchmark {
  std::string_view titleEn;  ///< e.g. "Targets for 2015"
  std::string_view titleZh;
  std::string_view source;  ///< the document, e.g. 甘工信发[2012]350号
  std::vector<UtilisationFigure> figures;
  /// Gansu's own targets: set against a registry in Gansu only (registryInGansu, catalogue_inputs.h).
  bool gansuOnly = false;
};

/// China's 2019 utilisation (NDRC 发改环资〔2021〕381号), then the programme's 2015 targets
/// (甘工信发[2012]350号), as `circatlas allocate` prints them and the viewer's allocation dock shows them.
[[nodiscard]] const std::vector<UtilisationBenchmark>& utilisationBenchmarks();

/// The home province's utilisation of the materials `figure` covers, in %: the sum of home_matched
/// over the sum of home_supplied of the allocation summary's rows (PartnersResult::summary) whose
/// unit is t. `materials` is the catalogue's materials table (code, category), used when the
/// figure names a category. None when those materials have no home supply, or the figure names a
/// category and `materials` has no code and category fields. Throws core::InputError naming the
/// summary's missing field.
[[nodiscard]] std::optional<double> homeUtilisationPct(const UtilisationFigure& figure, const core::Layer& summary,
                                                       const core::Layer& materials);

}  // namespace circatlas::tools
