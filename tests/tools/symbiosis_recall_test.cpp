// Evaluation on published industrial-symbiosis networks (tests/data/symbiosis): how many documented
// exchanges the partner search ranks in its top 3 and top 5, with industry codes only and with the
// suppliers' outputs declared, beside the "three nearest sites" baseline. Prints the recall table.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "catalogue/catalogue.h"
#include "catalogue/catalogue_layers.h"
#include "catalogue/catalogue_schema.h"
#include "core/data_paths.h"
#include "geo/geodesic.h"
#include "io/catalogue_reader.h"
#include "io/csv_reader.h"
#include "tools/partners_tool.h"

namespace circatlas::tools {
namespace {

const std::filesystem::path kData = std::filesystem::path(CIRCATLAS_TEST_DATA_DIR) / "symbiosis";

struct Exchange {
  std::string supplier, receiver, material;
};

struct Network {
  std::string name;
  catalogue::Catalogue layers;  // catalogue tables (built-in reference tables merged in)
  core::Layer declared{"flows", "", core::GeometryType::None, core::Schema()};  // documented outputs, as flows
  std::vector<Exchange> truth;
};

core::Layer flowsLayer(const std::filesystem::path& csv) {
  return catalogue::toLayer({catalogue::findTable("flows"), io::readCsvTable(csv.string())});
}

Network load(const std::string& name) {
  Network n;
  n.name = name;
  n.layers = catalogue::catalogueFromTables(
      io::readCatalogueWithBuiltinFallback(kData / name, core::DataPaths::fromEnvironment().catalogueDir()));
  n.declared = flowsLayer(kData / name / "declared_outputs.csv");
  const auto truth = io::readCsvTable((kData / name / "exchanges.csv").string());
  for (const auto& row : truth.rows)
    n.truth.push_back({core::text(row.cells[0]), core::text(row.cells[1]), core::text(row.cells[2])});
  return n;
}

struct Recall {
  double top3 = 0, top5 = 0;
};

// Hits of the partner search: a documented exchange counts when its receiver is ranked within k
// for the supplier's supply of that material.
Recall searchRecall(const Network& n, const core::Layer& flows, const char* label) {
  const CatalogueInput input{n.layers.enterprises,       flows,
                             n.layers.materials,         n.layers.materialUses,
                             &n.layers.industryProfiles, &n.layers.exchangeParameters};
  PartnersParams p;
  p.topK = 5;
  p.homeProvince = "";
  const PartnersResult r = runPartners(input, p);
  Recall out;
  for (const auto& e : n.truth) {
    std::int64_t best = 0;  // 0: not among the top 5
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
      if (core::toString(r.candidates.value(i, "supplier_id")) != e.supplier ||
          core::toString(r.candidates.value(i, "receiver_id")) != e.receiver ||
          core::toString(r.candidates.value(i, "material")) != e.material) {
        continue;
      }
      const auto rank = std::get<std::int64_t>(r.candidates.value(i, "rank"));
      out.top3 += rank <= 3 ? 1 : 0;
      out.top5 += rank <= 5 ? 1 : 0;
      best = rank;
    }
    // The exchanges not in the top 3, so a reader sees what is missed and where it ranks.
    if (best == 0 || best > 3) {
      std::printf("  %s %s: %s -> %s %s ranks %s\n", n.name.c_str(), label, e.supplier.c_str(), e.receiver.c_str(),
                  e.material.c_str(), best == 0 ? "below 5" : std::to_string(best).c_str());
    }
  }
  return out;
}

// The baseline: the receiver is among the supplier's k nearest other sites (ties at equal distance
// count by their expected share, as random tie-breaking would).
Recall nearestRecall(const Network& n) {
  const core::Layer& e = n.layers.enterprises;
  std::map<std::string, core::LonLat> at;
  for (std::size_t i = 0; i < e.size(); ++i) {
    at[core::toString(e.value(i, "id"))] = {e[i].geometry.coords()[0].x, e[i].geometry.coords()[0].y};
  }
  Recall out;
  for (const auto& x : n.truth) {
    const double d = geo::geodesicDistanceMeters(at.at(x.supplier), at.at(x.receiver));
    double nearer = 0, equal = 0;
    for (const auto& [id, p] : at) {
      if (id == x.supplier) continue;
      const double other = geo::geodesicDistanceMeters(at.at(x.supplier), p);
      if (other < d - 1e-6) ++nearer;
      else if (other <= d + 1e-6) ++equal;  // includes the receiver itself
    }
    for (const auto& [k, sum] : {std::pair{3.0, &out.top3}, std::pair{5.0, &out.top5}}) {
      *sum += std::clamp((k - nearer) / equal, 0.0, 1.0);
    }
  }
  return out;
}

TEST(SymbiosisRecall, PublishedNetworksTopThreeAndTopFive) {
  double total = 0;
  Recall codes, declared, nearest;
  std::printf("%-10s %3s | %-21s | %-21s | %-21s\n", "network", "n", "codes only top3/top5", "declared top3/top5",
              "nearest-3/5 baseline");
  for (const std::string name : {"kwinana", "ulsan", "guitang", "handelo"}) {
    const Network n = load(name);
    const core::Layer none("flows", "", core::GeometryType::None, n.declared.schema());  // codes only
    const Recall c = searchRecall(n, none, "codes only");
    const Recall d = searchRecall(n, n.declared, "declared");
    const Recall b = nearestRecall(n);
    const double size = static_cast<double>(n.truth.size());
    std::printf("%-10s %3zu | %9.0f %% %9.0f %% | %9.0f %% %9.0f %% | %9.0f %% %9.0f %%\n", name.c_str(),
                n.truth.size(), 100 * c.top3 / size, 100 * c.top5 / size, 100 * d.top3 / size, 100 * d.top5 / size,
                100 * b.top3 / size, 100 * b.top5 / size);
    total += size;
    for (const auto& [sum, part] : {std::pair{&codes, c}, std::pair{&declared, d}, std::pair{&nearest, b}}) {
      sum->top3 += part.top3;
      sum->top5 += part.top5;
    }
    // Declaring an output never loses a documented partner the industry code found.
    EXPECT_GE(d.top5, c.top5) << name;
  }
  std::printf("%-10s %3.0f | %9.0f %% %9.0f %% | %9.0f %% %9.0f %% | %9.0f %% %9.0f %%\n", "all", total,
              100 * codes.top3 / total, 100 * codes.top5 / total, 100 * declared.top3 / total,
              100 * declared.top5 / total, 100 * nearest.top3 / total, 100 * nearest.top5 / total);
  // Regression floor at the values measured with the receiver rows of material_uses.csv as
  // committed (17 exchanges: 15 in the top 3 and 16 in the top 5, with codes only and with declared
  // outputs; the nearest-three baseline about 11 of 17 in its top 3).
  EXPECT_GE(codes.top3, 15.0);
  EXPECT_GE(codes.top5, 16.0);
  EXPECT_GE(declared.top3, codes.top3);
  EXPECT_GE(declared.top5, 16.0);
}

}  // namespace
}  // namespace circatlas::tools
