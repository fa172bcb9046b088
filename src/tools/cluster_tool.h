// ClusterTool: DBSCAN on enterprise points in the analysis CRS, with cluster hulls and profiles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/cluster/k_distance.h"
#include "core/layer.h"
#include "core/progress.h"
#include "tools/analysis_specs.h"

namespace circatlas::tools {

/// What the members result holds; the hulls and profiles are the same for each.
enum class MembersForm : std::uint8_t {
  Points,  ///< cluster_members: every input feature, geometry and fields, plus cluster_id and role
  Table,   ///< cluster_membership: an attribute table of the input's id, cluster_id and role, to join to the
           ///< registry by id (no copy of the points: a fraction of the size and time for large registries)
  None,    ///< no members layer (an empty one)
};

/// The fields MembersForm::Points appends to every enterprise (cluster_id, role): the room to load the
/// registry with (CatalogueRequest::enterpriseRoom).
inline constexpr std::size_t kClusterMemberFields = 2;

struct ClusterParams {
  double epsMeters = spec::cluster::eps.number;                       ///< neighbourhood radius in metres (analysis CRS)
  int minPoints = static_cast<int>(spec::cluster::minPoints.number);  ///< counts the point itself
  bool borderPointsAsNoise = spec::cluster::dbscanStar.number == 1;   ///< DBSCAN*
  double concaveRatio = spec::cluster::concaveRatio.number;           ///< GEOS concave hull ratio (1 = convex)
  bool kDistance = false;  ///< also report the k-distance distribution (on the same projected points)
  MembersForm members = MembersForm::Points;
  /// The county of each enterprise row (an index into `counties`, nullopt: no location or in none) when the
  /// caller has located them on these very counties already (tools::enterpriseUnits); null: located here.
  const std::vector<std::optional<std::size_t>>* enterpriseCounties = nullptr;
  /// Set by a caller that needs the enterprises no more, to the very layer runCluster is given: with
  /// MembersForm::Points their features are moved into the members layer instead of copied (a million
  /// enterprises: a copy of every text saved), and this layer is left with its schema but no features.
  core::Layer* consumedEnterprises = nullptr;
};

struct ClusterResult {
  /// As params.members asks: the input points + cluster_id (null for noise) and role (core/border/noise;
  /// "unlocated" for a feature without a point, which is never clustered); or the same as a table by id; or empty.
  core::Layer members;
  core::Layer convexHulls;   ///< one polygon per cluster with its profile (see runCluster)
  core::Layer concaveHulls;  ///< the same profile on the concave hull (see runCluster for large clusters)
  std::string parameters;    ///< "eps_m=5000 min_points=5 …"
  /// With params.kDistance: each member's distance to its minPoints-th nearest member (itself
  /// included), summarised, to help choose eps.
  std::optional<analysis::cluster::KDistanceReport> kDistance;
  std::size_t noise = 0;      ///< located input features in no cluster
  std::size_t unlocated = 0;  ///< input features without a point
};

/// Points (any CRS PROJ knows; projected once to the analysis CRS, never clustered in degrees)
/// are clustered with DBSCAN. Each cluster's profile: members, core and border counts; industry
/// mix ("3011:4;4411:2", by 4-digit code) and its Shannon diversity H = −Σ p ln p; total output
/// and input per material from the flows (out_<CODE>, in_<CODE>); the prefectures its members lie
/// in; the parks whose points fall inside its convex hull. Hulls smaller than one hectare
/// (collinear or coincident members) are buffered by 100 m so every cluster has an area. The
/// concave hull of a cluster of more than 20 000 members is traced through one member per grid
/// cell (eps/4, doubled until at most 50 000 cells) and widened by the cell diagonal, so it holds
/// every member and lies within one diagonal of the exact hull, in about a second. Throws
/// core::ParameterError for invalid parameters, core::CrsError for a layer without CRS, and
/// core::Cancelled when the optional progress asks to stop (checked between stages and hulls).
[[nodiscard]] ClusterResult runCluster(const core::Layer& enterprises, const core::Layer& flows,
                                       const core::Layer& counties, const core::Layer* parks,
                                       const ClusterParams& params, core::Progress* progress = nullptr);

}  // namespace circatlas::tools
