// DBSCAN and DBSCAN* density clustering of points in metres, with a deterministic numbering.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/ids.h"
#include "core/points.h"
#include "core/progress.h"

namespace circatlas::analysis::cluster {

/// Number of a cluster in a DbscanResult: 0, 1, … in the order defined by dbscan().
using ClusterId = core::StrongId<struct ClusterIdTag, std::int32_t>;

/// Parameters of dbscan().
struct DbscanParams {
  /// Neighbourhood radius in metres of the analysis CRS; finite and > 0. Two points are neighbours
  /// when their distance is <= epsMeters (a distance exactly equal to eps counts, as in scikit-learn).
  double epsMeters = 0.0;
  /// Neighbours a point needs within eps to be a core point, counting the point itself (as in
  /// scikit-learn and PostGIS ST_ClusterDBSCAN); >= 1. With 1 every point is a core point.
  int minPoints = 0;
  /// DBSCAN* (Campello et al. 2013): border points are reported as noise, so clusters hold core
  /// points only.
  bool borderPointsAsNoise = false;
};

/// What a point is to DBSCAN.
enum class PointRole : std::uint8_t {
  Core,    ///< has at least minPoints points (itself included) within eps
  Border,  ///< not core, but within eps of a core point; belongs to that point's cluster
  Noise,   ///< neither; belongs to no cluster (in DBSCAN* mode, border points too)
};

/// The clustering of n points: a cluster (or none) and a role per point, indexed like the input.
class DbscanResult {
 public:
  DbscanResult() = default;

  [[nodiscard]] std::size_t pointCount() const noexcept { return roles_.size(); }
  /// Number of clusters; their ids are 0 … clusterCount() - 1.
  [[nodiscard]] std::size_t clusterCount() const noexcept { return clusterCount_; }
  /// The point's cluster, or std::nullopt for noise. Throws std::out_of_range if point >= pointCount().
  [[nodiscard]] std::optional<ClusterId> clusterOf(std::size_t point) const;
  /// The point's role. Throws std::out_of_range if point >= pointCount().
  [[nodiscard]] PointRole roleOf(std::size_t point) const { return roles_.at(point); }
  /// Roles of all points, indexed like the input.
  [[nodiscard]] std::span<const PointRole> roles() const noexcept { return roles_; }
  /// Points (core and border) in each cluster, indexed by ClusterId::value().
  [[nodiscard]] std::vector<std::size_t> clusterSizes() const;
  /// How many points have the role.
  [[nodiscard]] std::size_t countOf(PointRole role) const noexcept;

 private:
  friend class DbscanBuilder;
  std::vector<std::int32_t> cluster_;  // internal: -1 for noise, never exposed
  std::vector<PointRole> roles_;
  std::size_t clusterCount_ = 0;
};

/// Clusters the points with DBSCAN (Ester et al. 1996), or DBSCAN* if params.borderPointsAsNoise.
///
/// Points are in metres in one metric CRS (geo::kAnalysisCrs); distances are Euclidean, compared as
/// dx² + dy² <= eps² in double precision. Duplicate points are distinct points at distance 0.
///
/// Deterministic numbering (the same as scikit-learn's, which scans points in input order):
/// - a cluster is a maximal set of core points linked by chains of core points each within eps of
///   the next, plus (unless DBSCAN*) its border points;
/// - clusters are numbered 0, 1, … in the order of their lowest-indexed core point;
/// - a border point within eps of core points of several clusters joins the lowest-numbered one,
///   i.e. the first cluster that reaches it when clusters are expanded one after another in that
///   order. The result does not depend on the number of threads.
///
/// Runs in about O(n) time on spread data (a uniform grid of cells of side eps/√2; all points of a
/// cell are mutually neighbours, so dense cells cost no distance computations) and O(n) memory.
/// Uses several threads for large inputs. Holds no reference to the points after returning.
///
/// Throws core::ParameterError if eps is not finite and > 0, minPoints < 1, there are 2^31 points
/// or more, or eps is so small next to the extent of the points that the grid would need more
/// than 2^31 cells a side; core::InputError naming the index of the first point with a
/// non-finite coordinate.
///
/// With a progress, its three passes (core points, linking core cells, border points) report the share
/// of grid cells done, from [0, 1], and the work stops with core::Cancelled soon after the progress
/// asks (within a batch of cells per thread). Its report() is never called concurrently; cancelled()
/// is polled from the kernel's threads under the same lock.
[[nodiscard]] DbscanResult dbscan(std::span<const core::XY> points, const DbscanParams& params,
                                  core::Progress* progress = nullptr);

}  // namespace circatlas::analysis::cluster
