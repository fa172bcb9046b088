// Seeded synthetic registries (enterprises and their flows) in the catalogue schema, for tests and benchmarks.
#pragma once

#include <cstdint>

#include "catalogue/admin_areas.h"
#include "core/layer.h"

namespace circatlas::catalogue {

struct SyntheticParams {
  std::size_t enterprises = 1000;
  std::uint64_t seed = 20120517;  ///< default: the date of the source document
  std::size_t parkCentres = 40;   ///< clusters of enterprises, placed uniformly inside Gansu
  double clusteredShare = 0.8;    ///< share of enterprises around a centre; the rest spread over Gansu
  double clusterSigmaMeters = 4000.0;
};

/// A synthetic registry: never real data, and labelled so in every record.
struct SyntheticRegistry {
  core::Layer enterprises;  ///< Point, EPSG:4326, fields of enterprises.csv
  core::Layer flows;        ///< table, fields of flows.csv
};

/// Generates a registry with enterprises clustered around park centres inside Gansu (every point
/// lies in a county of `admin`, and carries that county's codes), industries drawn from producers
/// and receivers of the catalogue's residues, and output flows (and some inputs) with lognormal
/// quantities. Identical output for identical parameters on the same standard library (the
/// generator is std::mt19937_64; the distributions are libstdc++'s). `source` reads
/// "synthetic (circatlas, seed N)" so that no record can pass for real data.
/// Throws core::ParameterError for a zero-size request or shares outside [0, 1].
[[nodiscard]] SyntheticRegistry generateRegistry(const SyntheticParams& params, const AdminAreas& admin);

}  // namespace circatlas::catalogue
