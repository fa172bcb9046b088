// Per-prefecture sums of supply and of the allocation's exchanges, by point in polygon.
#include "tools/allocation_regions.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "geo/polygon_index.h"
#include "tools/layer_fields.h"

namespace circatlas::tools {

namespace {

void requireFields(const core::Layer& layer, std::initializer_list<std::string_view> fields) {
  for (const auto field : fields) {
    if (!layer.schema().indexOf(field)) {
      core::InputError e("missing field");
      e.setLayer(layer.name());
      e.setField(std::string(field));
      throw e;
    }
  }
}

std::optional<double> real(const core::Layer& layer, std::size_t row, std::string_view field) {
  return number(layer.value(row, field));
}

struct Sums {
  double supplied = 0, matched = 0, matchedGreedy = 0, received = 0, tonneKm = 0, cny = 0;
};

}  // namespace

core::Layer allocationByPrefecture(const CatalogueInput& input, const PartnersResult& result,
                                   const core::Layer& prefectures) {
  requireFields(input.enterprises, {"id"});
  requireFields(input.materials, {"code", "unit"});
  requireFields(prefectures, {"code", "name_zh", "name_en"});

  // Prefecture of each enterprise, by location.
  std::vector<core::Geometry> shapes;
  for (const auto& f : prefectures.features()) shapes.push_back(f.geometry);
  std::vector<core::Coord> points;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < input.enterprises.size(); ++i) {
    if (input.enterprises[i].geometry.isEmpty()) continue;
    points.push_back(input.enterprises[i].geometry.coords()[0]);
    rows.push_back(i);
  }
  const auto where = geo::locateAll(shapes, points);
  std::map<std::string, std::size_t> prefectureOf;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (where[k]) prefectureOf[text(input.enterprises, rows[k], "id")] = *where[k];
  }
  std::map<std::string, bool> inTonnes;
  for (std::size_t i = 0; i < input.materials.size(); ++i) {
    inTonnes[text(input.materials, i, "code")] = text(input.materials, i, "unit") == "t";
  }

  std::vector<Sums> sums(prefectures.size());
  auto at = [&](const std::string& enterpriseId) -> Sums* {
    const auto it = prefectureOf.find(enterpriseId);
    return it == prefectureOf.end() ? nullptr : &sums[it->second];
  };
  // Supply as the search saw it: declared and estimated outputs of the operating facilities.
  for (std::size_t i = 0; i < result.flows.size(); ++i) {
    if (text(result.flows, i, "direction") != "output" || !inTonnes[text(result.flows, i, "material")]) continue;
    const auto q = real(result.flows, i, "quantity");
    if (Sums* s = at(text(result.flows, i, "enterprise_id")); s && q) s->supplied += *q;
  }
  auto addExchanges = [&](const core::Layer& links, bool optimal) {
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (text(links, i, "unit") != "t") continue;
      const double tonnes = real(links, i, "quantity").value_or(0.0);
      if (Sums* s = at(text(links, i, "supplier_id"))) {
        (optimal ? s->matched : s->matchedGreedy) += tonnes;
        if (optimal) {
          s->tonneKm += tonnes * real(links, i, "km").value_or(0.0);
          s->cny += real(links, i, "transport_cny").value_or(0.0);
        }
      }
      if (Sums* r = at(text(links, i, "receiver_id")); r && optimal) r->received += tonnes;
    }
  };
  addExchanges(result.optimal, true);
  addExchanges(result.greedy, false);

  using core::FieldType;
  core::Layer out("allocation_by_prefecture", prefectures.crs(), core::GeometryType::MultiPolygon,
                  core::Schema({{"code", FieldType::String},
                                {"name_zh", FieldType::String},
                                {"name_en", FieldType::String},
                                {"supplied_t", FieldType::Real},
                                {"matched_t", FieldType::Real},
                                {"matched_greedy_t", FieldType::Real},
                                {"utilisation_pct", FieldType::Real},
                                {"received_t", FieldType::Real},
                                {"t_km", FieldType::Real},
                                {"transport_cny", FieldType::Real}}));
  for (std::size_t i = 0; i < prefectures.size(); ++i) {
    const Sums& s = sums[i];
    core::Geometry g = prefectures[i].geometry;
    g.promoteToMulti();
    core::Value utilisation;
    if (s.supplied > 0) utilisation = 100.0 * s.matched / s.supplied;
    out.add({prefectures[i].id,
             std::move(g),
             {prefectures.value(i, "code"), prefectures.value(i, "name_zh"), prefectures.value(i, "name_en"),
              s.supplied, s.matched, s.matchedGreedy, utilisation, s.received, s.tonneKm, s.cny}});
  }
  return out;
}

const std::vector<UtilisationBenchmark>& utilisationBenchmarks() {
  static const std::vector<UtilisationBenchmark> benchmarks{
      {"China 2019 utilisation for comparison",
       "全国2019年综合利用率（参照）",
       "NDRC 发改环资〔2021〕381号",
       {{"fly ash", "粉煤灰", {"FLY_ASH"}, {}, 78.0},
        {"coal gangue", "煤矸石", {"COAL_GANGUE"}, {}, 70.0},
        {"by-product gypsum", "工业副产石膏", {"FGD_GYPSUM", "PHOSPHOGYPSUM"}, {}, 70.0},
        {"all bulk solid waste", "大宗固废合计", {}, "bulk_solid", 55.0}},
       false},
      {"Targets for 2015",
       "2015年目标",
       "甘工信发[2012]350号",
       {{"industrial solid waste used", "工业固废综合利用率", {}, "bulk_solid", 66.0},
        {"fly ash and coal gangue from coal power", "燃煤电厂粉煤灰和煤矸石", {"FLY_ASH", "COAL_GANGUE"}, {}, 100.0}},
       true}};
  return benchmarks;
}

std::optional<double> homeUtilisationPct(const UtilisationFigure& figure, const core::Layer& summary,
                                         const core::Layer& materials) {
  requireFields(summary, {"material", "unit", "home_supplied", "home_matched"});
  std::map<std::string, std::string> categoryOf;
  if (!figure.category.empty()) {
    // A materials table without categories (a planner's own) cannot say what the figure covers.
    if (!materials.schema().indexOf("code") || !materials.schema().indexOf("category")) return std::nullopt;
    for (std::size_t i = 0; i < materials.size(); ++i)
      categoryOf[text(materials, i, "code")] = text(materials, i, "category");
  }
  auto covered = [&](const std::string& code) {
    if (!figure.materials.empty()) {
      for (const auto m : figure.materials) {
        if (m == code) return true;
      }
      return false;
    }
    if (!figure.category.empty()) {
      const auto it = categoryOf.find(code);
      return it != categoryOf.end() && it->second == figure.category;
    }
    return true;
  };
  double supplied = 0, matched = 0;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    if (text(summary, i, "unit") != "t" || !covered(text(summary, i, "material"))) continue;
    supplied += real(summary, i, "home_supplied").value_or(0.0);
    matched += real(summary, i, "home_matched").value_or(0.0);
  }
  if (supplied <= 0) return std::nullopt;
  return 100.0 * matched / supplied;
}

}  // namespace circatlas::tools
