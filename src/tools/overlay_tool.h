// OverlayTool: administrative codes for every catalogue feature, and summaries per county and prefecture.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/layer.h"
#include "core/progress.h"
#include "tools/flow_estimates.h"

namespace circatlas::tools {

/// The fields runOverlay appends to every enterprise (overlay_county, overlay_county_name,
/// overlay_prefecture): the room to load the registry with (CatalogueRequest::enterpriseRoom).
inline constexpr std::size_t kOverlayCodeFields = 3;

struct OverlayInput {
  const core::Layer& counties;     ///< base map counties (code, name_zh, name_en, prefecture_code), EPSG:4326
  const core::Layer& prefectures;  ///< base map prefectures (code, name_zh, name_en)
  const core::Layer& enterprises;  ///< points with industry_code and status
  /// The flows whose tonnes the summaries add up, each with its enterprise's row in `enterprises`
  /// (tools::flowAmounts).
  std::span<const FlowAmount> flows;
  const core::Layer* parks = nullptr;        ///< points with level (optional; none or empty: no result layer)
  const core::Layer* projects = nullptr;     ///< points (optional; none or empty: no result layer)
  const core::Layer* miningBases = nullptr;  ///< areas (optional; none or empty: no result layer)
  core::Progress* progress = nullptr;        ///< stages reported; cancellation throws core::Cancelled
  /// The county of each enterprise row (an index into `counties`, nullopt: no location or in none) when the
  /// caller has located them on these very counties already (tools::enterpriseUnits); null: located here.
  const std::vector<std::optional<std::size_t>>* enterpriseCounties = nullptr;
  /// false: OverlayResult::enterprises keeps its fields but no rows (a run that writes nothing builds no
  /// copy of every enterprise); the summaries are the same.
  bool codedEnterprises = true;
  /// Set by a caller that needs the enterprises no more, to the very layer `enterprises` refers to: their
  /// features are moved into OverlayResult::enterprises instead of copied (1 M enterprises: seconds and a
  /// gigabyte saved), and this layer is left with its schema but no features.
  core::Layer* consumedEnterprises = nullptr;
};

struct OverlayResult {
  /// Layers named as declared (tools::spec::overlay): overlay_enterprises, overlay_parks, …, county_summary.
  core::Layer enterprises;  ///< input fields + overlay_county, overlay_county_name, overlay_prefecture
  std::optional<core::Layer> parks;
  std::optional<core::Layer> projects;
  std::optional<core::Layer> miningBases;  ///< + counties, prefectures (';'-separated codes they intersect)
  core::Layer countySummary;               ///< county polygons with counts and tonnes (see runOverlay)
  core::Layer prefectureSummary;           ///< the same per prefecture
};

/// Point-in-polygon (GEOS STRtree + prepared polygons, on all cores) for every point layer and
/// polygon intersection for mining-base areas. Summaries, one feature per county (and per
/// prefecture) with its polygon, ready for choropleth maps: enterprises; demonstration units
/// (enterprises whose status is not 'none', plus parks at national pilot, provincial
/// demonstration or demonstration-project level); parks; projects; enterprises by industry group
/// (ind_power 44, ind_mining 06–12, ind_metals 31–32, ind_chemicals 25–29, ind_building_materials
/// 30, ind_other); and, for every material with a quantified flow, out_<CODE> and in_<CODE> in the
/// material's unit per year. Points outside every county keep null codes and are not summed.
[[nodiscard]] OverlayResult runOverlay(const OverlayInput& input);

/// True when a summary of runOverlay counts no enterprise, park or project in any of its units
/// (a registry that lies wholly outside them): its choropleths would be all zero.
[[nodiscard]] bool countsNothing(const core::Layer& summary);

}  // namespace circatlas::tools
