// Adapts catalogue layers to the partners kernel and its results back to layers with reasons in words.
#include "tools/partners_tool.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

#include "analysis/partners/allocation.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/transformer.h"
#include "tools/site_distances.h"
#include "tools/layer_fields.h"

namespace circatlas::tools {

namespace {

using analysis::partners::Candidate;
using analysis::partners::ExchangeProblem;


// A column a registry may leave out (capacity, demand factors …): null when absent.
core::Value optional(const core::Layer& l, std::size_t i, std::string_view field) {
  const auto col = l.schema().indexOf(field);
  return col ? l[i].values[*col] : core::Value();
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// Annual tonnes from a capacity and its unit text ("4500", "t/d clinker line" → 4500 × days).
std::optional<double> annualTonnes(double capacity, const std::string& unit, double days) {
  if (unit.rfind("t/d", 0) == 0) return capacity * days;
  if (unit.rfind("t/a", 0) == 0) return capacity;
  if (unit.rfind("kt/a", 0) == 0) return capacity * 1e3;
  if (unit.rfind("Mt/a", 0) == 0) return capacity * 1e6;
  return std::nullopt;  // MW and other non-tonnage capacities say nothing about intake
}

struct Material {
  std::string code, nameZh, nameEn, unit;
};

struct Site {
  std::size_t row;  // in the enterprises layer
  core::LonLat at;
};

struct ReceiverInfo {
  std::string useZh, useEn, method;
};

class Builder {
 public:
  Builder(const CatalogueInput& in, const PartnersParams& p, core::Progress* progress)
      : in_(in), p_(p), progress_(progress) {}

  PartnersResult run() {
    core::advance(progress_, 0.0, "reading the catalogue");
    indexMaterials();
    indexEnterprises();
    addSupplies();
    addReceivers();
    // Straight line in the Gansu conformal conic (within 0.23 % of the geodesic, and a hundred
    // times cheaper, which matters with millions of pairs) × the detour factor.
    analysis::partners::DistanceFn distance = [this](std::uint32_t a, std::uint32_t b) {
      const core::XY pa = problem_.sitePositions[a];
      const core::XY pb = problem_.sitePositions[b];
      const double dx = pa.x - pb.x;
      const double dy = pa.y - pb.y;
      const double km = std::sqrt(dx * dx + dy * dy) / 1000.0 * p_.detourFactor;  // hypot's overflow care is not needed
      return analysis::partners::Leg{km, false};
    };
    // With a road network: one router matrix from the supplying sites to the receiving sites, looked up.
    std::optional<SiteDistances> network;
    if (p_.network) {
      core::advance(progress_, 0.1, "road distances");
      std::vector<std::uint32_t> from;
      std::vector<std::uint32_t> to;
      for (const auto& s : problem_.supplies) from.push_back(s.site);
      for (const auto& r : problem_.receivers) to.push_back(r.site);
      network.emplace(*p_.network, problem_.sitePositions, from, to);
      distance = std::cref(*network);
    }
    // One search serves both: each supply's list is sorted best first, so the listing is a prefix.
    core::advance(progress_, 0.4, "ranking candidates");
    const std::size_t keep = p_.topK == 0 || p_.allocationTopK == 0 ? 0 : std::max(p_.topK, p_.allocationTopK);
    const auto all = analysis::partners::findCandidates(problem_, distance, {keep, 0});
    std::vector<Candidate> top;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (p_.topK == 0 || rankOf(all, i) <= static_cast<std::int64_t>(p_.topK)) top.push_back(all[i]);
    }
    PartnersResult r{linkLayer("candidates"), linkLayer("allocation_optimal"), linkLayer("allocation_greedy"),
                     summaryLayer(), unmatchedLayer(), parameters()};
    for (std::size_t k = 0; k < top.size(); ++k) addCandidate(r.candidates, top[k], rankOf(top, k));
    core::advance(progress_, 0.6, "optimal allocation");
    const auto optimal = analysis::partners::allocateOptimal(problem_, all);
    core::advance(progress_, 0.85, "greedy allocation");
    const auto greedy = analysis::partners::allocateGreedy(problem_, all);
    addExchanges(r.optimal, optimal, all);
    addExchanges(r.greedy, greedy, all);
    addSummary(r.summary, optimal, greedy, all);
    for (const auto s : analysis::partners::unmatchedSupplies(problem_, all)) addUnmatched(r.unmatched, s);
    return r;
  }

 private:
  void indexMaterials() {
    for (std::size_t i = 0; i < in_.materials.size(); ++i) {
      Material m{text(in_.materials, i, "code"), text(in_.materials, i, "name_zh"), text(in_.materials, i, "name_en"),
                 text(in_.materials, i, "unit")};
      materialIndex_[m.code] = static_cast<std::uint32_t>(materials_.size());
      materials_.push_back(m);
      problem_.materials.push_back({number(in_.materials.value(i, "max_distance_km")).value_or(0.0),
                                    number(in_.materials.value(i, "cost_cny_per_unit_km")).value_or(0.0),
                                    number(optional(in_.materials, i, "disposal_cost_cny_per_unit")).value_or(0.0)});
    }
    if (p_.materialCode && !materialIndex_.contains(*p_.materialCode)) {
      throw core::ParameterError("unknown material '" + *p_.materialCode + "'");
    }
  }

  void indexEnterprises() {
    for (std::size_t i = 0; i < in_.enterprises.size(); ++i) {
      const auto& g = in_.enterprises[i].geometry;
      if (g.isEmpty()) continue;
      siteOf_[text(in_.enterprises, i, "id")] = static_cast<std::uint32_t>(sites_.size());
      sites_.push_back({i, {g.coords()[0].x, g.coords()[0].y}});
    }
    // Metric positions let the kernel skip receivers beyond the distance limit by straight line.
    std::vector<core::Coord> metric;
    metric.reserve(sites_.size());
    for (const auto& s : sites_) metric.push_back({s.at.lon, s.at.lat});
    geo::Transformer(geo::kWgs84, geo::kAnalysisCrs).forward(metric);
    for (const auto& c : metric) problem_.sitePositions.push_back({c.x, c.y});
    // Without a network the kernel measures straight line × detour inline; with one it asks `distance`.
    problem_.straightLineDetour = p_.network ? 0.0 : p_.detourFactor;
    if (p_.enterpriseId && !siteOf_.contains(*p_.enterpriseId)) {
      throw core::ParameterError("unknown enterprise '" + *p_.enterpriseId + "'");
    }
  }

  bool wanted(const std::string& material) const { return !p_.materialCode || *p_.materialCode == material; }

  void addSupplies() {
    for (std::size_t i = 0; i < in_.flows.size(); ++i) {
      if (text(in_.flows, i, "direction") != "output") continue;
      const auto quantity = number(in_.flows.value(i, "quantity"));
      const std::string id = text(in_.flows, i, "enterprise_id");
      const std::string material = text(in_.flows, i, "material_code");
      if (!quantity || !siteOf_.contains(id) || !materialIndex_.contains(material) || !wanted(material)) continue;
      if (p_.enterpriseId && *p_.enterpriseId != id) continue;
      problem_.supplies.push_back({siteOf_[id], materialIndex_[material], *quantity});
    }
  }

  void addReceivers() {
    // Declared inputs first: they carry a real capacity.
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> declared;
    for (std::size_t i = 0; i < in_.flows.size(); ++i) {
      if (text(in_.flows, i, "direction") != "input") continue;
      const std::string id = text(in_.flows, i, "enterprise_id");
      const std::string material = text(in_.flows, i, "material_code");
      if (!siteOf_.contains(id) || !materialIndex_.contains(material)) continue;
      const auto q = number(in_.flows.value(i, "quantity"));
      declared[{siteOf_[id], materialIndex_[material]}] = q.value_or(std::nan(""));
    }
    // A declared input without a quantity says the plant uses the material but not how much: its
    // capacity is estimated below like any receiver's, and stays unknown only where it cannot be.
    std::map<std::pair<std::uint32_t, std::uint32_t>, bool> added;
    std::set<std::pair<std::uint32_t, std::uint32_t>> declaredUnknown;
    for (const auto& [key, q] : declared) {
      if (std::isnan(q)) {
        declaredUnknown.insert(key);
        continue;
      }
      problem_.receivers.push_back({key.first, key.second, q, false});
      receiverInfo_.push_back({"申报投入", "declared input", "declared input"});
      added[key] = true;
    }
    // Then industries that use the material, with an estimated capacity where one can be made.
    for (std::size_t u = 0; u < in_.materialUses.size(); ++u) {
      const std::string material = text(in_.materialUses, u, "material_code");
      const std::string prefix = text(in_.materialUses, u, "receiver_industry");
      if (!materialIndex_.contains(material) || prefix.empty()) continue;
      const auto factor = number(optional(in_.materialUses, u, "demand_factor"));
      for (std::uint32_t s = 0; s < sites_.size(); ++s) {
        const std::size_t row = sites_[s].row;
        if (text(in_.enterprises, row, "industry_code").rfind(prefix, 0) != 0) continue;
        const std::pair key{s, materialIndex_[material]};
        if (added[key]) continue;
        added[key] = true;
        std::optional<double> capacity;
        std::string method = "capacity unknown";
        const auto cap = number(optional(in_.enterprises, row, "capacity"));
        const std::string unit = core::toString(optional(in_.enterprises, row, "capacity_unit"));
        if (cap && factor) {
          if (const auto tonnes = annualTonnes(*cap, unit, p_.operatingDaysPerYear)) {
            capacity = *tonnes * *factor;
            method = "estimated: " + fmt("%g", *cap) + " " + unit + " → " + fmt("%.0f", *tonnes) + " t/a × " +
                     fmt("%g", *factor) + " (" + text(in_.materialUses, u, "use_en") + ")";
          }
        }
        if (declaredUnknown.erase(key) > 0) method += "; declared input, quantity unknown";
        problem_.receivers.push_back({s, key.second, capacity, capacity.has_value()});
        receiverInfo_.push_back({text(in_.materialUses, u, "use_zh"), text(in_.materialUses, u, "use_en"), method});
      }
    }
    for (const auto& key : declaredUnknown) {
      problem_.receivers.push_back({key.first, key.second, std::nullopt, false});
      receiverInfo_.push_back({"申报投入", "declared input", "declared input, quantity unknown"});
    }
  }

  static core::Schema linkSchema() {
    using core::FieldType;
    return core::Schema({{"rank", FieldType::Integer},
                         {"supplier_id", FieldType::String},
                         {"supplier_name", FieldType::String},
                         {"receiver_id", FieldType::String},
                         {"receiver_name", FieldType::String},
                         {"material", FieldType::String},
                         {"material_zh", FieldType::String},
                         {"unit", FieldType::String},
                         {"supply", FieldType::Real},
                         {"capacity", FieldType::Real},
                         {"capacity_method", FieldType::String},
                         {"quantity", FieldType::Real},
                         {"km", FieldType::Real},
                         {"distance_basis", FieldType::String},
                         {"cost_cny_per_unit_km", FieldType::Real},
                         {"transport_cny", FieldType::Real},
                         {"score", FieldType::Real},
                         {"reason_zh", FieldType::String},
                         {"reason_en", FieldType::String}});
  }

  core::Layer linkLayer(const char* name) const {
    return core::Layer(name, "EPSG:4326", core::GeometryType::LineString, linkSchema());
  }

  static std::int64_t rankOf(const std::vector<Candidate>& list, std::size_t k) {
    std::int64_t rank = 1;
    for (std::size_t j = k; j > 0 && list[j - 1].supply == list[k].supply; --j) ++rank;
    return rank;
  }

  std::string distanceBasis(const Candidate& c) const {
    if (c.leg.routed) return p_.networkLabel.empty() ? "road" : "road (" + p_.networkLabel + ")";
    return "straight line × " + fmt("%g", p_.detourFactor);
  }

  void addLink(core::Layer& layer, const Candidate& c, std::int64_t rank, std::optional<double> quantity) {
    const auto& supply = problem_.supplies[c.supply];
    const auto& receiver = problem_.receivers[c.receiver];
    const auto& info = receiverInfo_[c.receiver];
    const Material& m = materials_[supply.material];
    const std::size_t from = sites_[supply.site].row;
    const std::size_t to = sites_[receiver.site].row;
    const double perUnitKm = problem_.materials[supply.material].costPerUnitKm;
    const bool capacityKnown = receiver.capacity.has_value();
    const std::string pct = fmt("%.0f", c.coverShare * 100);
    const std::string coverZh = capacityKnown ? "可消纳供给的 " + pct + "%" : "消纳能力未知";
    const std::string coverEn = capacityKnown ? "covers " + pct + " % of supply" : "capacity unknown";
    const std::string km = fmt("%.0f", c.leg.km);
    const std::string reasonZh = m.nameZh + " → " + text(in_.enterprises, to, "name_zh") + "（" + info.useZh + "），" +
                                 (c.leg.routed ? "公路 " : "直线×" + fmt("%g", p_.detourFactor) + " ") + km + " 公里，" +
                                 fmt("%.2f", perUnitKm) + " 元/" + m.unit + "·公里，" + coverZh;
    const std::string reasonEn = m.nameEn + " → " + text(in_.enterprises, to, "name_en") + " (" + info.useEn + "), " +
                                 km + " km " + (c.leg.routed ? "by road" : "straight line × " + fmt("%g", p_.detourFactor)) +
                                 ", " + fmt("%.2f", perUnitKm) + " CNY/" + m.unit + "·km, " + coverEn;
    const auto& a = sites_[supply.site].at;
    const auto& b = sites_[receiver.site].at;
    const double moved = quantity.value_or(std::min(supply.quantity, receiver.capacity.value_or(supply.quantity)));
    layer.add({core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)),
               core::Geometry::lineString(std::vector<core::Coord>{{a.lon, a.lat}, {b.lon, b.lat}}),
               {rank, text(in_.enterprises, from, "id"), text(in_.enterprises, from, "name_zh"),
                text(in_.enterprises, to, "id"), text(in_.enterprises, to, "name_zh"), m.code, m.nameZh, m.unit,
                supply.quantity, receiver.capacity ? core::Value(*receiver.capacity) : core::Value(), info.method,
                moved, c.leg.km, distanceBasis(c), perUnitKm, moved * c.transportCostPerUnit, c.score, reasonZh,
                reasonEn}});
  }

  void addCandidate(core::Layer& layer, const Candidate& c, std::int64_t rank) { addLink(layer, c, rank, std::nullopt); }

  void addExchanges(core::Layer& layer, const analysis::partners::Allocation& a, const std::vector<Candidate>& all) {
    for (const auto& e : a.exchanges) addLink(layer, all[e.candidate], 0, e.quantity);
  }

  static core::Layer summaryLayer() {
    using core::FieldType;
    return core::Layer("allocation_summary", "", core::GeometryType::None,
                       core::Schema({{"material", FieldType::String},
                                     {"material_zh", FieldType::String},
                                     {"unit", FieldType::String},
                                     {"supplied", FieldType::Real},
                                     {"matched_optimal", FieldType::Real},
                                     {"matched_greedy", FieldType::Real},
                                     {"utilisation_pct", FieldType::Real},
                                     {"unit_km", FieldType::Real},
                                     {"transport_cny", FieldType::Real},
                                     {"receivers_without_capacity", FieldType::Integer}}));
  }

  void addSummary(core::Layer& layer, const analysis::partners::Allocation& optimal,
                  const analysis::partners::Allocation& greedy, const std::vector<Candidate>&) {
    for (std::uint32_t m = 0; m < materials_.size(); ++m) {
      const double supplied = optimal.suppliedPerMaterial[m];
      if (supplied <= 0) continue;
      double unitKm = 0;
      double cost = 0;
      for (const auto& e : optimal.exchanges) {
        if (problem_.supplies[e.supply].material != m) continue;
        unitKm += e.quantity * e.km;
        cost += e.transportCost;
      }
      std::int64_t unknown = 0;
      for (const auto r : optimal.receiversWithoutCapacity) unknown += problem_.receivers[r].material == m ? 1 : 0;
      layer.add({core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)), core::Geometry(),
                 {materials_[m].code, materials_[m].nameZh, materials_[m].unit, supplied,
                  optimal.matchedPerMaterial[m], greedy.matchedPerMaterial[m],
                  100.0 * optimal.matchedPerMaterial[m] / supplied, unitKm, cost, unknown}});
    }
  }

  static core::Layer unmatchedLayer() {
    using core::FieldType;
    return core::Layer("unmatched_residues", "", core::GeometryType::None,
                       core::Schema({{"enterprise_id", FieldType::String},
                                     {"enterprise_name", FieldType::String},
                                     {"material", FieldType::String},
                                     {"quantity", FieldType::Real},
                                     {"reason", FieldType::String}}));
  }

  void addUnmatched(core::Layer& layer, std::uint32_t s) {
    const auto& supply = problem_.supplies[s];
    const std::size_t row = sites_[supply.site].row;
    const std::string reason = "no receiver of " + materials_[supply.material].code + " within " +
                               fmt("%g", problem_.materials[supply.material].maxDistanceKm) + " km";
    layer.add({core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)), core::Geometry(),
               {text(in_.enterprises, row, "id"), text(in_.enterprises, row, "name_zh"),
                materials_[supply.material].code, supply.quantity, reason}});
  }

  std::string parameters() const {
    return "topK=" + std::to_string(p_.topK) + " allocation_topK=" + std::to_string(p_.allocationTopK) +
           " detour_factor=" + fmt("%g", p_.detourFactor) +
           (p_.network ? " network=" + (p_.networkLabel.empty() ? std::string("yes") : p_.networkLabel) : "") +
           " operating_days=" + fmt("%g", p_.operatingDaysPerYear) +
           (p_.enterpriseId ? " enterprise=" + *p_.enterpriseId : "") +
           (p_.materialCode ? " material=" + *p_.materialCode : "");
  }

  const CatalogueInput& in_;
  const PartnersParams& p_;
  core::Progress* progress_;
  ExchangeProblem problem_;
  std::vector<Material> materials_;
  std::map<std::string, std::uint32_t> materialIndex_;
  std::vector<Site> sites_;
  std::map<std::string, std::uint32_t> siteOf_;
  std::vector<ReceiverInfo> receiverInfo_;
};

}  // namespace

PartnersResult runPartners(const CatalogueInput& input, const PartnersParams& params, core::Progress* progress) {
  if (!(params.detourFactor >= 1.0)) throw core::ParameterError("the detour factor must be at least 1");
  if (!(params.operatingDaysPerYear > 0 && params.operatingDaysPerYear <= 366)) {
    throw core::ParameterError("operating days per year must lie between 1 and 366");
  }
  PartnersResult result = Builder(input, params, progress).run();
  core::advance(progress, 1.0, "done");
  return result;
}

}  // namespace circatlas::tools
