// Seeded synthetic park-clustered points for the cluster benchmarks, and their parallel projection.
#include "cluster/synthetic_points.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numbers>
#include <random>
#include <thread>

#include "geo/analysis_crs.h"
#include "geo/transformer.h"

namespace circatlas::bench {

namespace {

constexpr int kParks = 40;
constexpr double kLonMin = 93.0, kLonMax = 108.0, kLatMin = 33.0, kLatMax = 42.0;
constexpr double kMetresPerDegree = 111320.0;
constexpr double kBackgroundShare = 0.2;

struct Park {
  core::LonLat centre;
  double sigmaMeters;
  double weight;
};

std::vector<Park> makeParks(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> lon(kLonMin + 0.5, kLonMax - 0.5);
  std::uniform_real_distribution<double> lat(kLatMin + 0.5, kLatMax - 0.5);
  std::uniform_real_distribution<double> sigma(2000.0, 5000.0);
  std::uniform_real_distribution<double> weight(1.0, 10.0);
  std::vector<Park> parks;
  for (int i = 0; i < kParks; ++i) parks.push_back({{lon(rng), lat(rng)}, sigma(rng), weight(rng)});
  return parks;
}

}  // namespace

std::vector<core::LonLat> makeSyntheticParkPoints(std::size_t count, std::uint32_t seed) {
  std::mt19937_64 rng(seed);
  const std::vector<Park> parks = makeParks(rng);
  std::vector<double> weights;
  for (const Park& p : parks) weights.push_back(p.weight);
  std::discrete_distribution<int> pickPark(weights.begin(), weights.end());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_real_distribution<double> lon(kLonMin, kLonMax);
  std::uniform_real_distribution<double> lat(kLatMin, kLatMax);
  std::normal_distribution<double> gauss(0.0, 1.0);
  std::vector<core::LonLat> points;
  points.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (unit(rng) < kBackgroundShare) {
      points.push_back({lon(rng), lat(rng)});
      continue;
    }
    const Park& park = parks[static_cast<std::size_t>(pickPark(rng))];
    const double dx = gauss(rng) * park.sigmaMeters;
    const double dy = gauss(rng) * park.sigmaMeters;
    const double cosLat = std::cos(park.centre.lat * std::numbers::pi / 180.0);
    points.push_back({park.centre.lon + dx / (kMetresPerDegree * cosLat), park.centre.lat + dy / kMetresPerDegree});
  }
  return points;
}

std::vector<core::XY> projectToAnalysisCrs(std::span<const core::LonLat> points, unsigned threads) {
  std::vector<core::Coord> coords(points.size());
  std::transform(points.begin(), points.end(), coords.begin(), [](core::LonLat p) {
    return core::Coord{p.lon, p.lat};
  });
  threads = std::max(1u, threads);
  const std::size_t chunk = (coords.size() + threads - 1) / threads;
  std::vector<std::exception_ptr> failures(threads);
  auto project = [&](unsigned t) {
    try {
      const std::size_t begin = std::min(coords.size(), t * chunk);
      const std::size_t end = std::min(coords.size(), begin + chunk);
      const geo::Transformer transformer(geo::kWgs84, geo::kAnalysisCrs);  // one PROJ context per thread
      transformer.forward(std::span<core::Coord>(coords).subspan(begin, end - begin));
    } catch (...) {
      failures[t] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(project, t);
  project(0);
  for (std::thread& h : helpers) h.join();
  for (const std::exception_ptr& f : failures) {
    if (f) std::rethrow_exception(f);
  }
  std::vector<core::XY> xy(coords.size());
  std::transform(coords.begin(), coords.end(), xy.begin(), [](core::Coord c) { return core::XY{c.x, c.y}; });
  return xy;
}

}  // namespace circatlas::bench
