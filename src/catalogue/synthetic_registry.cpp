// The synthetic registry generator: park centres, clustered points, industries and residue flows.
#include "catalogue/synthetic_registry.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <string_view>

#include "core/error.h"

namespace circatlas::catalogue {

namespace {

// Gansu's bounding box; points are drawn in it and kept only where a county covers them.
constexpr double kWest = 92.34, kEast = 108.71, kSouth = 32.60, kNorth = 42.80;
constexpr double kMetresPerDegreeLat = 111'320.0;

// Industries and what they put out, with a typical yearly quantity (median of the lognormal).
// Assumptions for synthetic data only: orders of magnitude, not facts about Gansu.
struct IndustryProfile {
  std::string_view code;
  double weight;
  std::string_view output;  // material code, empty for pure receivers
  double medianQuantity;    // in the material's unit per year
  std::string_view input;   // a material it commonly takes, or empty
};

constexpr std::array<IndustryProfile, 12> kIndustries = {{
    {"4411", 10, "FLY_ASH", 300'000, "COAL_GANGUE"},
    {"4412", 4, "FGD_GYPSUM", 60'000, ""},
    {"0610", 8, "COAL_GANGUE", 400'000, ""},
    {"3120", 4, "STEEL_SLAG", 500'000, "SCRAP_METAL"},
    {"3110", 3, "BF_SLAG", 600'000, ""},
    {"3211", 3, "NONFERROUS_SLAG", 400'000, ""},
    {"0913", 4, "TAILINGS", 1'000'000, ""},
    {"2511", 3, "WASTE_HEAT", 200'000, ""},
    {"3011", 8, "", 0, "FLY_ASH"},
    {"3031", 10, "", 0, "COAL_GANGUE"},
    {"3024", 3, "", 0, "FGD_GYPSUM"},
    {"4430", 4, "", 0, "WASTE_HEAT"},
}};

core::Schema enterpriseSchema() {
  using core::FieldType;
  return core::Schema({{"id", FieldType::String},
                       {"name_zh", FieldType::String},
                       {"name_en", FieldType::String},
                       {"industry_code", FieldType::String},
                       {"park_id", FieldType::String},
                       {"status", FieldType::String},
                       {"lon", FieldType::Real},
                       {"lat", FieldType::Real},
                       {"county_code", FieldType::String},
                       {"prefecture_code", FieldType::String},
                       {"source", FieldType::String},
                       {"location_precision", FieldType::String}});
}

core::Schema flowSchema() {
  using core::FieldType;
  return core::Schema({{"enterprise_id", FieldType::String},
                       {"material_code", FieldType::String},
                       {"direction", FieldType::String},
                       {"quantity", FieldType::Real},
                       {"year", FieldType::Integer},
                       {"basis", FieldType::String},
                       {"method", FieldType::String},
                       {"source", FieldType::String}});
}

class Generator {
 public:
  Generator(const SyntheticParams& p, const AdminAreas& admin)
      : params_(p), admin_(admin), rng_(p.seed), source_("synthetic (circatlas, seed " + std::to_string(p.seed) + ")") {
    for (const auto& i : kIndustries) weights_.push_back(i.weight);
  }

  SyntheticRegistry run() {
    SyntheticRegistry out{core::Layer("enterprises", "EPSG:4326", core::GeometryType::Point, enterpriseSchema()),
                          core::Layer("flows", "", core::GeometryType::None, flowSchema())};
    out.enterprises.reserve(params_.enterprises);
    std::vector<core::LonLat> centres;
    while (centres.size() < params_.parkCentres) centres.push_back(uniformInGansu().first);
    std::bernoulli_distribution clustered(params_.clusteredShare);
    std::uniform_int_distribution<std::size_t> pickCentre(0, centres.size() - 1);
    std::discrete_distribution<std::size_t> pickIndustry(weights_.begin(), weights_.end());
    for (std::size_t i = 0; i < params_.enterprises; ++i) {
      const auto [p, county] = clustered(rng_) ? nearCentre(centres[pickCentre(rng_)]) : uniformInGansu();
      const IndustryProfile& industry = kIndustries[pickIndustry(rng_)];
      const std::string id = makeId(i);
      addEnterprise(out.enterprises, i, id, p, county, industry);
      addFlows(out.flows, id, industry);
    }
    return out;
  }

 private:
  std::pair<core::LonLat, std::string> uniformInGansu() {
    std::uniform_real_distribution<double> lon(kWest, kEast);
    std::uniform_real_distribution<double> lat(kSouth, kNorth);
    while (true) {
      const core::LonLat p{lon(rng_), lat(rng_)};
      if (auto county = admin_.countyAt(p)) return {p, *county};
    }
  }

  std::pair<core::LonLat, std::string> nearCentre(core::LonLat centre) {
    std::normal_distribution<double> offset(0.0, params_.clusterSigmaMeters);
    for (int attempt = 0; attempt < 100; ++attempt) {
      const double dy = offset(rng_) / kMetresPerDegreeLat;
      const double dx = offset(rng_) / (kMetresPerDegreeLat * std::cos(centre.lat * 3.141592653589793 / 180.0));
      const core::LonLat p{centre.lon + dx, centre.lat + dy};
      if (auto county = admin_.countyAt(p)) return {p, *county};
    }
    return uniformInGansu();  // a centre on the border: fall back rather than loop forever
  }

  static std::string makeId(std::size_t i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "S%07zu", i + 1);
    return buf;
  }

  void addEnterprise(core::Layer& layer, std::size_t i, const std::string& id, core::LonLat p,
                     const std::string& county, const IndustryProfile& industry) {
    const auto n = static_cast<std::int64_t>(i + 1);
    layer.add({core::FeatureId(n),
               core::Geometry::point({p.lon, p.lat}),
               {id, "合成企业" + id, "Synthetic enterprise " + id, std::string(industry.code), std::monostate{},
                std::string("none"), p.lon, p.lat, county, admin_.prefectureOf(county).value_or(""), source_,
                std::string("synthetic point")}});
  }

  void addFlows(core::Layer& flows, const std::string& id, const IndustryProfile& industry) {
    std::lognormal_distribution<double> spread(0.0, 0.8);
    const auto next = [&flows] { return core::FeatureId(static_cast<std::int64_t>(flows.size() + 1)); };
    const std::string method = "synthetic: lognormal(median, sigma 0.8)";
    if (!industry.output.empty()) {
      flows.add(
          {next(),
           core::Geometry(),
           {id, std::string(industry.output), std::string("output"), std::round(industry.medianQuantity * spread(rng_)),
            std::int64_t{2012}, std::string("estimated"), method, source_}});
    }
    std::bernoulli_distribution declaresInput(0.3);
    if (!industry.input.empty() && declaresInput(rng_)) {
      flows.add({next(),
                 core::Geometry(),
                 {id, std::string(industry.input), std::string("input"), std::round(100'000 * spread(rng_)),
                  std::int64_t{2012}, std::string("estimated"), method, source_}});
    }
  }

  const SyntheticParams& params_;
  const AdminAreas& admin_;
  std::mt19937_64 rng_;
  std::vector<double> weights_;
  std::string source_;
};

}  // namespace

SyntheticRegistry generateRegistry(const SyntheticParams& params, const AdminAreas& admin) {
  if (params.enterprises == 0) throw core::ParameterError("a synthetic registry needs at least one enterprise");
  if (params.parkCentres == 0) throw core::ParameterError("a synthetic registry needs at least one park centre");
  if (!(params.clusteredShare >= 0.0 && params.clusteredShare <= 1.0)) {
    throw core::ParameterError("the clustered share must lie between 0 and 1");
  }
  if (!(params.clusterSigmaMeters > 0.0)) throw core::ParameterError("the cluster spread must be positive");
  return Generator(params, admin).run();
}

}  // namespace circatlas::catalogue
