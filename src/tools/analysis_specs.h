// The declaration of every analysis: each parameter's default and unit and each result's id, title, style and fields,
// once.
#pragma once

#include <vector>

#include "tools/analysis_spec.h"

/// The tools' Params structs take their defaults from here; the CLI options, the viewer docks,
/// export and the figure presets read the same constants, so a default lives in one place and a
/// result has one name. Checked by tests/tools/analysis_spec_test.cpp.
namespace circatlas::tools::spec {

namespace cluster {
inline constexpr ParameterSpec eps{"eps", ParameterUnit::Meters, 5000.0, {}, "Neighbourhood radius"};
inline constexpr ParameterSpec minPoints{
    "min-points", ParameterUnit::Count, 5, {}, "Points within eps, the point itself included"};
inline constexpr ParameterSpec dbscanStar{
    "dbscan-star", ParameterUnit::Flag, 0, {}, "Treat border points as noise (DBSCAN*)"};
inline constexpr ParameterSpec concaveRatio{
    "concave-ratio", ParameterUnit::Factor, 0.3, {}, "GEOS concave hull ratio (1 = convex)", false};
inline constexpr ResultSpec members{
    "cluster_members", {"聚类成员企业", "Cluster members"}, "enterprises", "cluster_id role"};
inline constexpr ResultSpec membership{
    "cluster_membership", {"聚类成员（属性表）", "Cluster membership (table)"}, "", "id cluster_id role"};
inline constexpr ResultSpec convexHulls{"cluster_hulls",
                                        {"企业聚类（凸包）", "Enterprise clusters (convex hulls)"},
                                        "clusters",
                                        "cluster_id members core border industries shannon prefectures parks area_km2"};
inline constexpr ResultSpec concaveHulls{
    "cluster_concave_hulls",
    {"企业聚类（凹包）", "Enterprise clusters (concave hulls)"},
    "clusters",
    "cluster_id members core border industries shannon prefectures parks area_km2"};
}  // namespace cluster

namespace overlay {
inline constexpr ResultSpec enterprises{"overlay_enterprises",
                                        {"企业（含所在县、市）", "Enterprises with county and prefecture"},
                                        "enterprises",
                                        "overlay_county overlay_county_name overlay_prefecture"};
inline constexpr ResultSpec parks{"overlay_parks",
                                  {"园区（含所在县、市）", "Parks with county and prefecture"},
                                  "parks",
                                  "overlay_county overlay_county_name overlay_prefecture"};
inline constexpr ResultSpec projects{"overlay_projects",
                                     {"项目（含所在县、市）", "Projects with county and prefecture"},
                                     "projects",
                                     "overlay_county overlay_county_name overlay_prefecture"};
inline constexpr ResultSpec miningBases{"overlay_mining_bases",
                                        {"矿业基地（含所涉县、市）", "Mining bases with counties and prefectures"},
                                        "mining_bases",
                                        "counties prefectures"};
inline constexpr ResultSpec countySummary{
    "county_summary",
    {"分县汇总", "Summary per county"},
    "enterprise_count",
    "code name_zh name_en enterprises demonstration_units parks projects ind_power "
    "ind_mining ind_metals ind_chemicals ind_building_materials ind_other"};
inline constexpr ResultSpec prefectureSummary{
    "prefecture_summary",
    {"分市汇总", "Summary per prefecture"},
    "enterprise_count",
    "code name_zh name_en enterprises demonstration_units parks projects ind_power "
    "ind_mining ind_metals ind_chemicals ind_building_materials ind_other"};
}  // namespace overlay

namespace hotspots {
inline constexpr ParameterSpec material{"material", ParameterUnit::Text, 0, "FLY_ASH", "Material code"};
inline constexpr ParameterSpec bandwidth{"bandwidth", ParameterUnit::Meters, 20000.0, {}, "Kernel radius"};
inline constexpr ParameterSpec cell{"cell", ParameterUnit::Meters, 2000.0, {}, "Grid cell size"};
inline constexpr ParameterSpec permutations{
    "permutations", ParameterUnit::Count, 999, {}, "Permutations for the p-values (1 to 99999)"};
inline constexpr ParameterSpec seed{"seed", ParameterUnit::Count, 20120517, {}, "Seed of the permutations", false};
inline constexpr ResultSpec counties{"hotspots_{material}",
                                     {"热点分析（Gi*）：{material}", "Hot spots (Gi*): {material}"},
                                     "hotspots",
                                     "code name_zh name_en output gi_z gi_p hotspot"};
/// The kernel density surface, a GeoTIFF: density_<MATERIAL>.tif, or <export>_density_<MATERIAL>.tif.
inline constexpr ResultSpec density{
    "density_{material}", {"产出密度：{material}", "Output density: {material}"}, "", ""};
}  // namespace hotspots

/// partners, allocate and whatif: the same engine (PartnersTool) and the same parameters.
namespace partners {
inline constexpr ParameterSpec top{"top", ParameterUnit::Count, 5, {}, "Candidates per residue (0 = all in range)"};
inline constexpr ParameterSpec allocationTop{"allocation-top",
                                             ParameterUnit::Count,
                                             50,
                                             {},
                                             "Best candidates per residue the allocation may use (0 = all)",
                                             false};
/// Overridden by detour_factor of the catalogue's exchange_parameters.csv when it has one.
inline constexpr ParameterSpec detour{
    "detour", ParameterUnit::Factor, 1.3, {}, "Road km per straight km where no network applies"};
inline constexpr ParameterSpec operatingDays{
    "operating-days", ParameterUnit::Count, 310, {}, "Operating days per year, to turn t/d capacities into t/a", false};
inline constexpr ParameterSpec year{
    "year", ParameterUnit::Count, 0, {}, "Planning year: facilities count by status, start and end year"};
inline constexpr ParameterSpec lang{"lang", ParameterUnit::Text, 0, "zh", "Language of the reasons: zh or en"};
inline constexpr std::string_view linkFields =
    "rank supplier_id supplier_name receiver_id receiver_name material material_zh unit supply quantity km "
    "distance_basis transport_cny score reason_zh reason_en";
inline constexpr ResultSpec candidates{
    "partner_candidates", {"候选交换伙伴", "Candidate exchange partners"}, "partner_links", linkFields};
inline constexpr ResultSpec unmatched{"unmatched_residues",
                                      {"无受纳方的废弃物", "Residues without a receiver"},
                                      "",
                                      "enterprise_id enterprise_name material quantity basis nearest_receiver_id "
                                      "nearest_receiver_name nearest_km reason"};
inline constexpr ResultSpec inactive{"inactive_facilities",
                                     {"规划年未运行的设施", "Facilities not operating in the planning year"},
                                     "",
                                     "enterprise_id enterprise_name reason"};
}  // namespace partners

namespace allocate {
inline constexpr ResultSpec optimal{"allocation_optimal",
                                    {"最优分配（最小费用最大流）", "Optimal allocation (min-cost max-flow)"},
                                    "partner_links",
                                    partners::linkFields};
inline constexpr ResultSpec greedy{"allocation_greedy",
                                   {"贪心分配（就近优先）", "Greedy allocation (nearest first)"},
                                   "partner_links",
                                   partners::linkFields};
inline constexpr ResultSpec summary{"allocation_summary",
                                    {"分配汇总（按物料）", "Allocation summary per material"},
                                    "",
                                    "material material_zh unit supplied matched_optimal matched_greedy utilisation_pct "
                                    "unit_km transport_cny exported imported"};
inline constexpr ResultSpec byPrefecture{
    "allocation_by_prefecture",
    {"分配汇总（按市）", "Allocation per prefecture"},
    "",
    "code name_zh name_en supplied_t matched_t matched_greedy_t utilisation_pct received_t"};
}  // namespace allocate

namespace whatif {
inline constexpr ResultSpec table{
    "whatif",
    {"项目情景比较", "What-if per proposed project"},
    "",
    "project_id project_name kind status material direction project_quantity matched_without "
    "matched_with matched_change transport_cny_without transport_cny_with partners_in_reach why"};
}  // namespace whatif

/// The road network of route and distances (and of partners, allocate and whatif when asked).
namespace network {
inline constexpr ParameterSpec source{"network", ParameterUnit::Text, 0, "builtin",
                                      "builtin (the schematic Gansu trunk network) or a line layer: GeoPackage, "
                                      "Shapefile, GeoJSON, OpenStreetMap .osm/.osm.pbf"};
inline constexpr ParameterSpec mode{"mode", ParameterUnit::Text, 0, "road", "Lines to use: road, rail or both"};
inline constexpr ParameterSpec joinTolerance{
    "join-tolerance", ParameterUnit::Meters, 1.0, {}, "Line ends this close join"};
inline constexpr ParameterSpec metric{"metric", ParameterUnit::Text, 0, "time", "What routes minimise"};
inline constexpr ParameterSpec detour{
    "detour", ParameterUnit::Factor, 1.3, {}, "Straight line × this for access legs and unroutable pairs"};
/// Places farther from every line fall back to the straight line: on a real road layer…
inline constexpr ParameterSpec snap{"snap",
                                    ParameterUnit::Meters,
                                    5000.0,
                                    {},
                                    "Places farther than this from every line fall back to the straight line"};
/// … and on the built-in network, whose lines run straight between seats, so a place by the real
/// road can be tens of kilometres from them.
inline constexpr ParameterSpec builtinSnap{
    "snap", ParameterUnit::Meters, 50000.0, {}, "Snap limit on the built-in schematic network", false};
/// The built-in network's published lengths (data/README.md), not its straight schematic lines.
inline constexpr ParameterSpec builtinLengthField{
    "length-field", ParameterUnit::Text, 0, "length_m", "Field with a published length in metres", false};
}  // namespace network

namespace distances {
inline constexpr std::string_view pairFields = "from_id to_id distance_m time_s cost_cny_per_t status method";
inline constexpr ResultSpec matrix{"distances", {"距离矩阵", "Distance matrix"}, "", pairFields};
inline constexpr ResultSpec routes{
    "routes", {"路线", "Routes"}, "", "from_id to_id distance_m time_s cost_cny_per_t status method via"};
}  // namespace distances

namespace route {
inline constexpr ResultSpec line{
    "route", {"路线", "Route"}, "", "from_id to_id distance_m time_s cost_cny_per_t status method via"};
}  // namespace route

}  // namespace circatlas::tools::spec

namespace circatlas::tools {

/// Every analysis, in the order of `circatlas --help`: cluster, overlay, hotspots, partners,
/// allocate, whatif, distances, route.
[[nodiscard]] const std::vector<AnalysisSpec>& analyses();

/// The `circatlas export --results` groups, in export order: the analyses' exportGroup.
[[nodiscard]] const std::vector<std::string>& exportGroups();

/// The declared result whose id (with "{material}" standing for any material) names `layer`; null if none.
[[nodiscard]] const ResultSpec* findResult(std::string_view layer);

}  // namespace circatlas::tools
