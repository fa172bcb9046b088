// The k-distance report that helps a planner choose DBSCAN's eps for a given minPoints.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/points.h"
#include "core/progress.h"

namespace circatlas::analysis::cluster {

/// One quantile of the k-distances.
struct KDistanceQuantile {
  double fraction = 0.0;        ///< in [0, 1], e.g. 0.95
  double distanceMeters = 0.0;  ///< the k-distance below which that fraction of points lie
};

/// Summary of the k-distances of a point set for one minPoints.
struct KDistanceReport {
  int minPoints = 0;
  /// Every point's k-distance in metres, ascending (the "k-distance plot" of Ester et al. 1996).
  std::vector<double> sortedDistancesMeters;
  /// At fractions 0.5, 0.75, 0.9, 0.95 and 0.99, interpolated linearly between ranks (numpy's default).
  std::vector<KDistanceQuantile> quantiles;
  /// A suggested eps in metres at the knee of the sorted curve (see kneeOfSortedCurve), or
  /// std::nullopt if the curve has no knee.
  std::optional<double> kneeEpsMeters;
};

/// Each point's k-distance in metres, indexed like the input: the distance to its minPoints-th nearest
/// point counting the point itself, i.e. to its (minPoints − 1)-th nearest other point. This is the last
/// column of scikit-learn's NearestNeighbors(n_neighbors=minPoints).kneighbors(X), and the smallest eps
/// for which the point is a DBSCAN core point with that minPoints. Duplicates count at distance 0;
/// minPoints 1 gives 0 everywhere.
///
/// Points are in metres in one metric CRS. Searches a uniform grid in expanding square blocks; the cell
/// size is the typical k-distance estimated from an evenly strided sample, so dense and sparse parts
/// both stay cheap. Uses several threads for large inputs.
///
/// Throws core::ParameterError if minPoints < 1 or there are fewer than minPoints points (or 2^31 or
/// more); core::InputError naming the index of the first point with a non-finite coordinate.
/// With a progress, reports the share of grid cells done and stops with core::Cancelled soon after
/// it asks, as dbscan() does.
[[nodiscard]] std::vector<double> kDistances(std::span<const core::XY> points, int minPoints,
                                             core::Progress* progress = nullptr);

/// kDistances() sorted and summarised, with a suggested eps. Throws as kDistances().
[[nodiscard]] KDistanceReport kDistanceReport(std::span<const core::XY> points, int minPoints,
                                              core::Progress* progress = nullptr);

/// The knee of an ascending curve, by the "maximum distance to the chord" rule: both axes are scaled to
/// [0, 1] (rank over n − 1, value from first to last), and the knee is the value whose point lies
/// farthest below the straight line from the first point to the last (the first such on ties).
/// std::nullopt if there are fewer than 3 values or no point lies below that line (constant or
/// straight or concave curves). Note that one far outlier flattens the scaled curve and pushes the
/// knee towards the top; the quantiles show when that happens.
[[nodiscard]] std::optional<double> kneeOfSortedCurve(std::span<const double> ascending);

}  // namespace circatlas::analysis::cluster
