// Adapts catalogue layers to the partners kernel and its results back to layers with reasons in words.
#include "tools/partners_tool.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>

#include "analysis/partners/allocation.h"
#include "core/error.h"
#include "core/grid_index.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"
#include "tools/flow_estimates.h"
#include "tools/layer_fields.h"
#include "tools/site_distances.h"

namespace circatlas::tools {

namespace {

using analysis::partners::Candidate;
using analysis::partners::ExchangeProblem;

// A column a registry may leave out (capacity, demand factors …): null when absent.
core::Value optional(const core::Layer& l, std::size_t i, std::string_view field) {
  const auto col = l.schema().indexOf(field);
  return col ? l[i].values[*col] : core::Value();
}

// printf-style formatting of one number. The formats of this file go through std::to_chars, which
// the standard defines as printf's output in the C locale, at a fraction of the cost (the
// reasons are built for every listed candidate: 400 k rows at 100 k enterprises).
std::string fmt(const char* format, double v) {
  std::array<char, 64> buf{};
  const std::string_view f(format);
  std::to_chars_result r{buf.data(), std::errc::invalid_argument};
  if (f == "%.0f") r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 0);
  else if (f == "%.2f") r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 2);
  else if (f == "%g") r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general, 6);
  if (r.ec == std::errc()) return {buf.data(), r.ptr};
  const int n = std::snprintf(buf.data(), buf.size(), format, v);
  return {buf.data(), static_cast<std::size_t>(std::clamp(n, 0, static_cast<int>(buf.size()) - 1))};
}

struct Material {
  std::string code, nameZh, nameEn, unit;
};

struct Site {
  std::size_t row;  // in the enterprises layer
  core::LonLat at;
  bool home = true;  // in the home province
  std::string province;
};

struct SupplyInfo {
  std::string basis, method;  // reported | estimated | inferred; how the quantity was made
};

struct ReceiverInfo {
  std::string useZh, useEn, method, basis;
};

// A receiver of unknown capacity: the size its record gives (a proxy) and the largest receiver of
// the material measured alike ("2 Mt/a cement", "5 Mt/a cement").
struct SizeProxy {
  std::string size, largest;
};

// Ranking parameters: exchange_parameters.csv (general rows and per-material rows).
struct Parameters {
  std::string currency = "CNY";
  double pipeRouteFactor = 1.2;
  double groupBonus = 1.1;
  double inferredWeight = 0.8;
  double unknownCoverShare = 0.5;
  std::map<std::string, double> value;  // replaced value per unit, by material
  std::map<std::string, std::string> valueBasis;
  std::map<std::string, bool> pipe;         // transport by pipe, by material
  std::map<std::string, double> lossPerKm;  // share per km, by material
};

Parameters readParameters(const core::Layer* layer) {
  Parameters p;
  if (!layer) return p;
  for (std::size_t i = 0; i < layer->size(); ++i) {
    const std::string name = text(*layer, i, "parameter");
    const std::string material = core::toString(optional(*layer, i, "material_code"));
    const std::string raw = text(*layer, i, "value");
    const auto v = core::toNumber(core::Value(raw));
    double num = 0.0;
    const bool isNumber = std::from_chars(raw.data(), raw.data() + raw.size(), num).ec == std::errc();
    (void)v;
    auto need = [&]() {
      if (isNumber) return num;
      core::InputError e("exchange parameter '" + name + "' needs a number, got '" + raw + "'");
      e.setLayer(layer->name());
      e.setFeature(static_cast<std::int64_t>(i + 1));
      e.setField("value");
      throw e;
    };
    if (name == "currency") p.currency = raw;
    else if (name == "pipe_route_factor") p.pipeRouteFactor = need();
    else if (name == "same_group_bonus") p.groupBonus = need();
    else if (name == "inferred_weight") p.inferredWeight = need();
    else if (name == "unknown_cover_share") p.unknownCoverShare = need();
    else if (name == "replaced_value" && !material.empty()) {
      p.value[material] = need();
      p.valueBasis[material] = text(*layer, i, "basis");
    } else if (name == "transport" && !material.empty()) p.pipe[material] = raw == "pipe";
    else if (name == "loss_pct_per_km" && !material.empty()) p.lossPerKm[material] = need() / 100.0;
  }
  return p;
}

class Builder {
 public:
  Builder(const CatalogueInput& in, const PartnersParams& p, core::Progress* progress)
      : in_(in), p_(p), progress_(progress), params_(readParameters(in.parameters)) {}

  PartnersResult run() {
    core::advance(progress_, 0.0, "reading the catalogue");
    indexMaterials();
    indexEnterprises();
    addFlows();
    addReceiversByUse();
    sizeProxies();
    // Without a network the kernel measures straight lines inline (geodesic, projected prefilter);
    // with one it asks `distance` for road pairs (pipes are always straight × the pipe factor).
    analysis::partners::DistanceFn distance = [this](std::uint32_t a, std::uint32_t b) {
      const double km = geo::geodesicDistanceMeters(problem_.siteLonLat[a], problem_.siteLonLat[b]) / 1000.0;
      return analysis::partners::Leg{km * p_.detourFactor, false, false};
    };
    std::optional<SiteDistances> network;
    if (p_.network) {
      core::advance(progress_, 0.1, "road distances");
      std::vector<std::uint32_t> from;
      std::vector<std::uint32_t> to;
      for (const auto& s : problem_.supplies) from.push_back(s.site);
      for (const auto& r : problem_.receivers) to.push_back(r.site);
      network.emplace(*p_.network, networkPositions_, from, to);
      distance = std::cref(*network);
    }
    core::advance(progress_, 0.4, "ranking candidates");
    // The allocation chooses among each residue's allocationTopK best; without it only the listed are kept.
    const std::size_t keep = p_.candidatesOnly                        ? p_.topK
                             : p_.topK == 0 || p_.allocationTopK == 0 ? 0
                                                                      : std::max(p_.topK, p_.allocationTopK);
    // Supplies of unknown quantity are never allocated: only the listed topK are kept for them.
    const auto all =
        analysis::partners::findCandidates(problem_, distance, {keep, 0, std::max<std::size_t>(p_.topK, 1), p_.topK});
    std::vector<Candidate> top;
    if (keep != p_.topK) {
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (p_.topK == 0 || rankOf(all, i) <= static_cast<std::int64_t>(p_.topK)) top.push_back(all[i]);
      }
    }
    const std::vector<Candidate>& listed = keep == p_.topK ? all : top;
    PartnersResult r{linkLayer(spec::partners::candidates.id),
                     linkLayer(spec::allocate::optimal.id),
                     linkLayer(spec::allocate::greedy.id),
                     summaryLayer(),
                     unmatchedLayer(),
                     inactiveLayer(),
                     flowsLayer(),
                     parameters(),
                     home_};
    for (const auto& f : p_.candidatesOnly ? std::span<const FacilityFlow>() : std::span<const FacilityFlow>(flows_)) {
      if (!materialIndex_.contains(f.material)) continue;
      r.flows.add({core::FeatureId(static_cast<std::int64_t>(r.flows.size() + 1)),
                   core::Geometry(),
                   {text(in_.enterprises, f.enterpriseRow, "id"), text(in_.enterprises, f.enterpriseRow, "name_zh"),
                    f.material, materials_[materialIndex_.at(f.material)].unit,
                    std::string(f.output ? "output" : "input"), f.quantity ? core::Value(*f.quantity) : core::Value(),
                    f.low ? core::Value(*f.low) : core::Value(), f.high ? core::Value(*f.high) : core::Value(), f.basis,
                    f.method, f.source, sites_[siteOf_.at(text(in_.enterprises, f.enterpriseRow, "id"))].province}});
    }
    if (!p_.candidateSink) r.candidates.reserve(listed.size());
    for (std::size_t k = 0; k < listed.size(); ++k) addCandidate(r.candidates, listed[k], rankOf(listed, k));
    if (!p_.candidatesOnly) {
      core::advance(progress_, 0.6, "optimal allocation");
      const auto optimal = analysis::partners::allocateOptimal(problem_, all);
      core::advance(progress_, 0.85, "greedy allocation");
      const auto greedy = analysis::partners::allocateGreedy(problem_, all);
      addExchanges(r.optimal, optimal, all);
      addExchanges(r.greedy, greedy, all);
      addSummary(r.summary, optimal, greedy);
    }
    const auto unmatched = analysis::partners::unmatchedSupplies(problem_, all);
    nearestBeyondReach(unmatched);
    for (const auto s : unmatched) addUnmatched(r.unmatched, s);
    for (const auto& [row, why] : inactive_) {
      r.inactive.add({core::FeatureId(static_cast<std::int64_t>(r.inactive.size() + 1)),
                      core::Geometry(),
                      {text(in_.enterprises, row, "id"), text(in_.enterprises, row, "name_zh"), why}});
    }
    return r;
  }

 private:
  void indexMaterials() {
    for (std::size_t i = 0; i < in_.materials.size(); ++i) {
      Material m{text(in_.materials, i, "code"), text(in_.materials, i, "name_zh"), text(in_.materials, i, "name_en"),
                 text(in_.materials, i, "unit")};
      materialIndex_[m.code] = static_cast<std::uint32_t>(materials_.size());
      analysis::partners::MaterialRule rule{
          number(in_.materials.value(i, "max_distance_km")).value_or(0.0),
          number(in_.materials.value(i, "cost_cny_per_unit_km")).value_or(0.0),
          number(optional(in_.materials, i, "disposal_cost_cny_per_unit")).value_or(0.0)};
      if (const auto it = params_.value.find(m.code); it != params_.value.end()) rule.valuePerUnit = it->second;
      if (params_.pipe.contains(m.code) && params_.pipe.at(m.code)) rule.pipeRouteFactor = params_.pipeRouteFactor;
      if (const auto it = params_.lossPerKm.find(m.code); it != params_.lossPerKm.end()) rule.lossPerKm = it->second;
      problem_.materials.push_back(rule);
      materials_.push_back(m);
    }
    if (p_.materialCode && !materialIndex_.contains(*p_.materialCode)) {
      throw core::ParameterError("unknown material '" + *p_.materialCode + "'");
    }
  }

  void indexEnterprises() {
    const std::set<std::string> on(p_.switchedOn.begin(), p_.switchedOn.end());
    const ActivityOf activity(in_.enterprises);
    for (std::size_t i = 0; i < in_.enterprises.size(); ++i) {
      const auto& g = in_.enterprises[i].geometry;
      if (g.isEmpty()) continue;
      const std::string id = text(in_.enterprises, i, "id");
      known_.insert(id);
      std::string why;
      const Activity a = activity(i, p_.year > 0 ? p_.year : 99999, &why);
      if (a != Activity::Active && !on.contains(id)) {
        inactive_.emplace_back(i, why);
        continue;
      }
      siteOf_[id] = static_cast<std::uint32_t>(sites_.size());
      activeRows_.push_back(i);
      sites_.push_back({i, {g.coords()[0].x, g.coords()[0].y}, true, provinceOf(i)});
    }
    // The home province: the caller's, else the one most sites lie in (the registry's own region),
    // else none (no record says where it lies). A site with no code lies in the home province.
    home_ = p_.homeProvince;
    if (home_.empty()) {
      std::map<std::string, std::size_t> count;
      for (const auto& s : sites_) {
        if (!s.province.empty()) ++count[s.province];
      }
      std::size_t most = 0;
      for (const auto& [code, n] : count) {
        if (n > most) {  // ties: the smaller code
          home_ = code;
          most = n;
        }
      }
    }
    for (auto& s : sites_) {
      if (s.province.empty()) s.province = home_;
      s.home = home_.empty() || s.province == home_;
    }
    // A conformal projection fitted to the sites: the prefilter grid runs in it, distances are
    // geodesics measured on the pairs it keeps.
    for (const auto& s : sites_) problem_.siteLonLat.push_back(s.at);
    crs_ = geo::conformalCrsFor(problem_.siteLonLat);
    const geo::Transformer toMetric(geo::kWgs84, crs_.proj);
    const std::vector<core::XY> metric = toMetric.toXY(problem_.siteLonLat);
    problem_.sitePositions.insert(problem_.sitePositions.end(), metric.begin(), metric.end());
    // The projection's scale factor at each site, from a 1 km step north (conformal: the same in
    // every direction), so pair lengths can be ranked without a geodesic for every pair.
    std::vector<core::LonLat> northLonLat;
    northLonLat.reserve(sites_.size());
    for (const auto& s : sites_) northLonLat.push_back({s.at.lon, s.at.lat + (s.at.lat < 89.0 ? 0.009 : -0.009)});
    const std::vector<core::XY> north = toMetric.toXY(northLonLat);
    for (std::size_t i = 0; i < sites_.size(); ++i) {
      const core::LonLat b{sites_[i].at.lon, sites_[i].at.lat + (sites_[i].at.lat < 89.0 ? 0.009 : -0.009)};
      const double projected = std::hypot(north[i].x - metric[i].x, north[i].y - metric[i].y);
      problem_.siteScale.push_back(projected / geo::geodesicDistanceMeters(sites_[i].at, b));
    }
    problem_.prefilterScale = crs_.maxScale * 1.002;
    problem_.prefilterMinScale = crs_.minScale / 1.002;
    problem_.unknownCoverShare = params_.unknownCoverShare;
    problem_.groupBonus = params_.groupBonus;
    if (p_.network) {
      // The router snaps in the Gansu analysis CRS (the network's own).
      const std::vector<core::XY> gansu = geo::projectPoints(problem_.siteLonLat, geo::kAnalysisCrs);
      networkPositions_.insert(networkPositions_.end(), gansu.begin(), gansu.end());
    }
    problem_.straightLineDetour = p_.network ? 0.0 : p_.detourFactor;
    if (p_.enterpriseId && !known_.contains(*p_.enterpriseId)) {
      throw core::ParameterError("unknown enterprise '" + *p_.enterpriseId + "'");
    }
  }

  // GB/T 2260 province of an enterprise row: its province_code, else the province of its county or
  // prefecture code (first two digits); empty when it gives none.
  std::string provinceOf(std::size_t row) const {
    std::string code = core::toString(optional(in_.enterprises, row, "province_code"));
    for (const char* field : {"county_code", "prefecture_code"}) {
      if (!code.empty()) break;
      const std::string c = core::toString(optional(in_.enterprises, row, field));
      if (c.size() == 6 && std::all_of(c.begin(), c.end(), [](char d) { return d >= '0' && d <= '9'; })) {
        code = c.substr(0, 2) + "0000";
      }
    }
    return code;
  }

  bool wanted(const std::string& material) const { return !p_.materialCode || *p_.materialCode == material; }

  void addFlows() {
    flows_ = facilityFlows(in_.enterprises, activeRows_, in_.flows, in_.profiles, {p_.operatingDaysPerYear});
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> inputAt;
    for (const auto& f : flows_) {
      const auto m = materialIndex_.find(f.material);
      if (m == materialIndex_.end()) continue;  // the catalogue reader rejects unknown codes in a user's files
      const std::uint32_t site = siteOf_.at(text(in_.enterprises, f.enterpriseRow, "id"));
      if (f.output) {
        if (!wanted(f.material)) continue;
        if (p_.enterpriseId && *p_.enterpriseId != text(in_.enterprises, f.enterpriseRow, "id")) continue;
        problem_.supplies.push_back({site, m->second, f.quantity});
        supplyInfo_.push_back({f.basis, f.method});
        continue;
      }
      const std::pair key{site, m->second};
      if (inputAt.contains(key)) continue;
      inputAt[key] = problem_.receivers.size();
      const bool inferred = f.basis == "inferred";
      problem_.receivers.push_back(
          {site, m->second, f.quantity, f.basis == "estimated", inferred ? params_.inferredWeight : 1.0});
      std::string method = f.declared() && f.basis != "estimated"
                               ? (f.quantity ? "declared input" : "declared input, quantity unknown")
                               : (f.declared() ? "declared input; " : "") + f.method;
      receiverInfo_.push_back({f.declared() ? "申报投入" : "行业投入",
                               f.declared() ? "declared input" : "typical input of the industry", method,
                               f.declared() ? "declared" : f.basis});
      receiverKeys_[key] = problem_.receivers.size() - 1;
    }
  }

  // Industries that can use a material (material_uses.csv), where no flow made them a receiver yet:
  // capacity from a user's demand factor where given, else unknown.
  void addReceiversByUse() {
    const auto column = in_.enterprises.schema().indexOf("industry_code");
    // Sites by industry code, so a use's prefix visits only the codes it matches (sorted keys: the
    // codes with a prefix are one run from lower_bound).
    std::map<std::string, std::vector<std::uint32_t>> sitesOfIndustry;
    for (std::uint32_t s = 0; s < sites_.size(); ++s) {
      industryOf_.push_back(column ? core::toString(in_.enterprises[sites_[s].row].values[*column]) : std::string());
      sitesOfIndustry[industryOf_.back()].push_back(s);
    }
    std::vector<std::uint32_t> matching;
    for (std::size_t u = 0; u < in_.materialUses.size(); ++u) {
      const std::string material = text(in_.materialUses, u, "material_code");
      const std::string prefix = text(in_.materialUses, u, "receiver_industry");
      if (!materialIndex_.contains(material) || prefix.empty()) continue;
      const auto factor = number(optional(in_.materialUses, u, "demand_factor"));
      matching.clear();
      for (auto it = sitesOfIndustry.lower_bound(prefix);
           it != sitesOfIndustry.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        matching.insert(matching.end(), it->second.begin(), it->second.end());
      }
      std::sort(matching.begin(), matching.end());  // site order, as receivers were always numbered
      for (const std::uint32_t s : matching) {
        const std::size_t row = sites_[s].row;
        const std::pair key{s, materialIndex_[material]};
        const auto existing = receiverKeys_.find(key);
        if (existing != receiverKeys_.end() && problem_.receivers[existing->second].capacity) continue;
        std::optional<double> capacity;
        std::string method = "capacity unknown";
        const auto cap = number(optional(in_.enterprises, row, "capacity"));
        const std::string unit = core::toString(optional(in_.enterprises, row, "capacity_unit"));
        if (cap && factor) {
          if (const auto c = parseCapacity(*cap, unit, p_.operatingDaysPerYear); c && c->basis == "t/a") {
            capacity = c->amount * *factor;
            method = "estimated: " + fmt("%g", *cap) + " " + unit + " → " + fmt("%.0f", c->amount) + " t/a × " +
                     fmt("%g", *factor) + " (" + text(in_.materialUses, u, "use_en") + ")";
          }
        }
        if (existing != receiverKeys_.end()) {
          // A declared input without a quantity: its capacity estimated from the use's demand factor.
          if (!capacity) continue;
          auto& receiver = problem_.receivers[existing->second];
          receiver.capacity = capacity;
          receiver.capacityEstimated = true;
          auto& info = receiverInfo_[existing->second];
          info = {text(in_.materialUses, u, "use_zh"), text(in_.materialUses, u, "use_en"),
                  method + "; declared input, quantity unknown", "estimated"};
          continue;
        }
        receiverKeys_[key] = problem_.receivers.size();
        problem_.receivers.push_back(
            {s, key.second, capacity, capacity.has_value(), capacity ? 1.0 : params_.inferredWeight});
        receiverInfo_.push_back({text(in_.materialUses, u, "use_zh"), text(in_.materialUses, u, "use_en"), method,
                                 capacity ? "estimated" : "inferred"});
      }
    }
    // Uses named for receivers that came from the profiles: the first matching use, for reasons.
    for (std::size_t r = 0; r < problem_.receivers.size(); ++r) {
      if (receiverInfo_[r].useEn != "typical input of the industry") continue;
      const std::string industry =
          core::toString(optional(in_.enterprises, sites_[problem_.receivers[r].site].row, "industry_code"));
      const std::string& material = materials_[problem_.receivers[r].material].code;
      for (std::size_t u = 0; u < in_.materialUses.size(); ++u) {
        if (text(in_.materialUses, u, "material_code") != material) continue;
        const std::string prefix = text(in_.materialUses, u, "receiver_industry");
        if (prefix.empty() || industry.rfind(prefix, 0) != 0) continue;
        receiverInfo_[r].useZh = text(in_.materialUses, u, "use_zh");
        receiverInfo_[r].useEn = text(in_.materialUses, u, "use_en");
        break;
      }
    }
  }

  // Receivers of unknown capacity whose record gives a size (the enterprise's capacity in any unit,
  // else its employees): each is taken to absorb in proportion to it, the largest receiver of the
  // material measured alike the whole assumed share. No coefficient is invented: without a
  // published demand factor only sizes in one measure are compared, never across measures.
  void sizeProxies() {
    struct Size {
      double amount = 0.0;
      std::string key, text;  // what is measured ("t/a cement", "MW", "employees"); "2 Mt/a cement"
    };
    std::vector<std::optional<Size>> sizes(problem_.receivers.size());
    std::map<std::pair<std::uint32_t, std::string>, std::pair<double, std::string>> largest;
    for (std::size_t r = 0; r < problem_.receivers.size(); ++r) {
      const auto& receiver = problem_.receivers[r];
      if (receiver.capacity) continue;
      const std::size_t row = sites_[receiver.site].row;
      const auto cap = number(optional(in_.enterprises, row, "capacity"));
      const std::string unit = core::toString(optional(in_.enterprises, row, "capacity_unit"));
      std::optional<Size> size;
      if (cap && *cap > 0 && !unit.empty()) {
        const auto parsed = parseCapacity(*cap, unit, p_.operatingDaysPerYear);
        size = parsed ? Size{parsed->amount, parsed->basis + " " + parsed->product, fmt("%g", *cap) + " " + unit}
                      : Size{*cap, unit, fmt("%g", *cap) + " " + unit};
      } else if (const auto staff = number(optional(in_.enterprises, row, "employees")); staff && *staff > 0) {
        size = Size{*staff, "employees", fmt("%g", *staff) + " employees"};
      }
      if (!size) continue;
      auto& top = largest[{receiver.material, size->key}];
      if (size->amount > top.first) top = {size->amount, size->text};
      sizes[r] = size;
    }
    for (std::size_t r = 0; r < sizes.size(); ++r) {
      if (!sizes[r]) continue;
      const auto& top = largest.at({problem_.receivers[r].material, sizes[r]->key});
      problem_.receivers[r].sizeShare = sizes[r]->amount / top.first;
      sizeProxy_[static_cast<std::uint32_t>(r)] = {sizes[r]->text, top.second};
    }
  }

  // For every unmatched supply, the nearest receiver of its material at any distance (projected
  // search, geodesic for the one found).
  void nearestBeyondReach(const std::vector<std::uint32_t>& unmatched) {
    // Receivers per material in a core::GridIndex of 20 km cells, searched ring by ring outward until
    // no nearer receiver can remain; of equally near ones the first receiver wins.
    constexpr double kCell = 20000.0;
    std::vector<std::vector<std::uint32_t>> byMaterial(problem_.materials.size());
    for (std::uint32_t r = 0; r < problem_.receivers.size(); ++r)
      byMaterial.at(problem_.receivers[r].material).push_back(r);
    std::vector<std::optional<core::GridIndex>> grids(byMaterial.size());  // built when first needed
    for (const auto s : unmatched) {
      const auto& supply = problem_.supplies[s];
      const std::vector<std::uint32_t>& receivers = byMaterial.at(supply.material);
      if (receivers.empty()) continue;
      std::optional<core::GridIndex>& grid = grids[supply.material];
      if (!grid) {
        std::vector<core::XY> positions;
        positions.reserve(receivers.size());
        for (const auto r : receivers) positions.push_back(problem_.sitePositions[problem_.receivers[r].site]);
        grid = core::GridIndex::ofPoints(positions, kCell);
      }
      const core::XY at = problem_.sitePositions[supply.site];
      double best = std::numeric_limits<double>::infinity();
      std::optional<std::uint32_t> found;
      grid->searchRings(
          at, [&](double bound) { return found && bound * bound > best; },
          [&](std::uint32_t cell) {
            for (std::uint32_t pos = grid->cellBegin(cell); pos < grid->cellEnd(cell); ++pos) {
              const std::uint32_t r = receivers[grid->items()[pos]];
              if (problem_.receivers[r].site == supply.site) continue;
              const core::XY p = grid->sortedPoints()[pos];
              const double d = (p.x - at.x) * (p.x - at.x) + (p.y - at.y) * (p.y - at.y);
              if (d < best || (d == best && r < *found)) {
                best = d;
                found = r;
              }
            }
          });
      if (found) {
        nearest_[s] = {*found, geo::geodesicDistanceMeters(problem_.siteLonLat[supply.site],
                                                           problem_.siteLonLat[problem_.receivers[*found].site]) /
                                   1000.0};
      }
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
                         {"supply_basis", FieldType::String},
                         {"supply_method", FieldType::String},
                         {"capacity", FieldType::Real},
                         {"capacity_method", FieldType::String},
                         {"receiver_basis", FieldType::String},
                         {"receiver_province", FieldType::String},
                         {"quantity", FieldType::Real},
                         {"km", FieldType::Real},
                         {"straight_km", FieldType::Real},
                         {"distance_basis", FieldType::String},
                         {"cost_cny_per_unit_km", FieldType::Real},
                         {"value_cny_per_unit", FieldType::Real},
                         {"net_cny_per_unit", FieldType::Real},
                         {"transport_cny", FieldType::Real},
                         {"score", FieldType::Real},
                         {"score_unit", FieldType::String},
                         {"reason_zh", FieldType::String},
                         {"reason_en", FieldType::String},
                         {"assumed", FieldType::String},
                         {"would_change", FieldType::String}});
  }

  core::Layer linkLayer(std::string_view name) const {
    return core::Layer(std::string(name), "EPSG:4326", core::GeometryType::LineString, linkSchema());
  }

  static std::int64_t rankOf(const std::vector<Candidate>& list, std::size_t k) {
    std::int64_t rank = 1;
    for (std::size_t j = k; j > 0 && list[j - 1].supply == list[k].supply; --j) ++rank;
    return rank;
  }

  std::string distanceBasis(const Candidate& c) const {
    if (c.leg.pipe) return "pipe: straight line × " + fmt("%g", params_.pipeRouteFactor);
    if (c.leg.routed) return p_.networkLabel.empty() ? "road" : "road (" + p_.networkLabel + ")";
    return "straight line × " + fmt("%g", p_.detourFactor);
  }

  struct ScoreBasis {
    std::string unit, en, zh;  // "CNY/yr" or "CNY/t"; what quantity the score assumes, in words
  };

  // What the score counts: a yearly value for the quantity the receiver takes (its capacity when
  // known, else the assumed share of the supply), or, when the supply's quantity is unknown, a
  // value per unit of supply that only ranks receivers (by net value per unit, i.e. use and distance).
  ScoreBasis scoreBasis(const Candidate& c) const {
    const auto& supply = problem_.supplies[c.supply];
    const auto& receiver = problem_.receivers[c.receiver];
    const Material& m = materials_[supply.material];
    const std::string& cur = params_.currency;
    const std::string yuan = cur == "CNY" ? "元" : cur;
    const std::string share = fmt("%.0f", problem_.unknownCoverShare * 100);
    std::string factorsEn, factorsZh;
    if (c.sameGroup) {
      factorsEn += " × " + fmt("%g", problem_.groupBonus) + " same park";
      factorsZh += " × " + fmt("%g", problem_.groupBonus) + "（同园区）";
    }
    if (receiver.weight > 0 && receiver.weight != 1.0) {
      factorsEn += (c.score >= 0 ? " × " : " ÷ ") + fmt("%g", receiver.weight) + " inferred use";
      factorsZh += (c.score >= 0 ? " × " : " ÷ ") + fmt("%g", receiver.weight) + "（推断用途）";
    }
    const std::string net = fmt("%.2f", c.netBenefitPerUnit);
    // A receiver of unknown capacity is taken to absorb in proportion to the size its record gives.
    const auto proxy = sizeProxy_.find(c.receiver);
    const bool sized = !receiver.capacity && proxy != sizeProxy_.end();
    const SizeProxy info = sized ? proxy->second : SizeProxy{};
    const std::string sizeEn = sized ? " × " + fmt("%.2f", receiver.sizeShare) + " for its size (" + info.size +
                                           " against " + info.largest + ", the largest receiver of " + m.code +
                                           " so measured)"
                                     : "";
    const std::string sizeZh = sized ? " × " + fmt("%.2f", receiver.sizeShare) + "（按规模：" + info.size +
                                           "，同类最大接收方 " + info.largest + "）"
                                     : "";
    if (!supply.quantity) {
      return {cur + "/" + m.unit,
              "ranking figure in " + cur + " per " + m.unit + " of supply, not a yearly value (supply quantity " +
                  "unknown): net " + net + " × " + share + " % assumed taken" + sizeEn + factorsEn +
                  (sized ? "; it orders receivers by use, distance and size"
                         : "; it orders receivers by use and distance only"),
              "排序值（" + yuan + "/" + m.unit + "供给，非年值；供给量未知）：净收益 " + net + " × 假定接收 " + share +
                  "%" + sizeZh + factorsZh + (sized ? "，按用途、距离和规模排序" : "，仅按用途和距离排序")};
    }
    if (c.coverShare) {
      const double taken = *supply.quantity * *c.coverShare;
      const std::string limit = *c.coverShare < 1.0 ? "the receiver's capacity" : "the whole supply";
      const std::string limitZh = *c.coverShare < 1.0 ? "接收方能力" : "全部供给";
      return {
          cur + "/yr",
          cur + "/yr for " + fmt("%.0f", taken) + " " + m.unit + "/yr taken (" + limit + ") × net " + net + factorsEn,
          yuan + "/年，按接收 " + fmt("%.0f", taken) + " " + m.unit + "/年（" + limitZh + "）× 净收益 " + net +
              factorsZh};
    }
    const double taken = *supply.quantity * problem_.unknownCoverShare * receiver.sizeShare;
    return {cur + "/yr",
            cur + "/yr for an assumed " + fmt("%.0f", taken) + " " + m.unit + "/yr taken (" + share +
                " % of the supply" + sizeEn +
                (sized ? "; the receiver's capacity is unknown"
                       : "; the receiver's capacity is unknown and its record gives no size, so use and distance rank "
                         "it") +
                ") × net " + net + factorsEn,
            yuan + "/年，假定接收 " + fmt("%.0f", taken) + " " + m.unit + "/年（供给的 " + share + "%" + sizeZh +
                (sized ? "；接收方能力未知" : "；接收方能力未知，记录无规模，按用途和距离排序") + "）× 净收益 " + net +
                factorsZh};
  }

  // One row of a links layer (linkSchema): the candidate with its reasons in words.
  core::Feature link(const Candidate& c, std::int64_t rank, std::optional<double> quantity, std::size_t id) const {
    const auto& supply = problem_.supplies[c.supply];
    const auto& receiver = problem_.receivers[c.receiver];
    const auto& info = receiverInfo_[c.receiver];
    const auto& sInfo = supplyInfo_[c.supply];
    const Material& m = materials_[supply.material];
    const auto& rule = problem_.materials[supply.material];
    const std::size_t from = sites_[supply.site].row;
    const std::size_t to = sites_[receiver.site].row;
    const double perUnitKm = rule.costPerUnitKm;
    const bool capacityKnown = receiver.capacity.has_value();
    const std::string km = fmt("%.0f", c.leg.km);
    const std::string cur = params_.currency;
    std::string coverZh = "消纳能力未知";
    std::string coverEn = "capacity unknown";
    if (c.coverShare) {
      const std::string pct = fmt("%.0f", *c.coverShare * 100);
      coverZh = "可消纳供给的 " + pct + "%";
      coverEn = "covers " + pct + " % of supply";
    } else if (capacityKnown) {
      coverZh = "消纳能力 " + fmt("%.0f", *receiver.capacity) + " " + m.unit + "/年";
      coverEn = "takes up to " + fmt("%.0f", *receiver.capacity) + " " + m.unit + "/yr";
    }
    const std::string how = c.leg.pipe ? "管道 " : c.leg.routed ? "公路 " : "直线×" + fmt("%g", p_.detourFactor) + " ";
    std::string reasonZh = m.nameZh + " → " + text(in_.enterprises, to, "name_zh") + "（" + info.useZh + "），" + how +
                           km + " 公里，" + fmt("%.2f", perUnitKm) + " 元/" + m.unit + "·公里，" + coverZh + "；每" +
                           m.unit + "净收益 " + fmt("%.0f", c.netBenefitPerUnit) + " 元";
    const std::string howEn = c.leg.pipe     ? "by pipe (straight line × " + fmt("%g", params_.pipeRouteFactor) + ")"
                              : c.leg.routed ? std::string("by road")
                                             : "straight line × " + fmt("%g", p_.detourFactor);
    std::string reasonEn = m.nameEn + " → " + text(in_.enterprises, to, "name_en") + " (" + info.useEn + "), " + km +
                           " km " + howEn + ", " + fmt("%.2f", perUnitKm) + " " + cur + "/" + m.unit + "·km, " +
                           coverEn;
    // Why: what the exchange is worth per unit.
    reasonEn +=
        "; net " + fmt("%.0f", c.netBenefitPerUnit) + " " + cur + "/" + m.unit + " (" +
        (rule.valuePerUnit > 0 ? "replaces " + fmt("%g", rule.valuePerUnit) + " of virgin material"
                               : "no replaced value") +
        (rule.disposalCostPerUnit > 0 ? " + " + fmt("%g", rule.disposalCostPerUnit) + " disposal avoided" : "") +
        " − " + fmt("%.0f", c.transportCostPerUnit) + " transport" +
        (c.lossPerUnit > 0 ? " − " + fmt("%.0f", c.lossPerUnit) + " heat lost" : "") + ")";
    if (c.sameGroup) reasonEn += "; same park";
    if (!sites_[receiver.site].home)
      reasonEn += "; receiver outside the province (" + sites_[receiver.site].province + ")";
    const ScoreBasis basis = scoreBasis(c);
    reasonEn += "; score: " + basis.en;
    reasonZh += "；评分：" + basis.zh;
    // What is assumed.
    std::vector<std::string> assumed;
    if (!supply.quantity) assumed.push_back("supply quantity unknown (" + sInfo.basis + "): ranked per " + m.unit);
    else if (sInfo.basis == "estimated") assumed.push_back("supply estimated: " + sInfo.method);
    if (!capacityKnown) {
      assumed.push_back("receiver capacity unknown: taken to absorb " + fmt("%.0f", params_.unknownCoverShare * 100) +
                        " %" +
                        (!sizeProxy_.contains(c.receiver)
                             ? std::string(" (no size in its record)")
                             : " × " + fmt("%.2f", receiver.sizeShare) + " (its size " +
                                   sizeProxy_.at(c.receiver).size + " against " + sizeProxy_.at(c.receiver).largest +
                                   ", the largest receiver of the material so measured)") +
                        " for ranking, nothing in the allocation");
    } else if (receiver.capacityEstimated) {
      assumed.push_back("receiver capacity estimated: " + info.method);
    }
    if (info.basis == "inferred") assumed.emplace_back("use inferred from the receiver's industry code");
    if (!c.leg.routed && !c.leg.pipe) assumed.push_back("road length = straight line × " + fmt("%g", p_.detourFactor));
    if (rule.valuePerUnit > 0)
      assumed.push_back("replaced value " + fmt("%g", rule.valuePerUnit) + " " + cur + "/" + m.unit);
    std::string assumedText;
    for (const auto& a : assumed) assumedText += (assumedText.empty() ? "" : "; ") + a;
    // What would change the answer.
    std::vector<std::string> change;
    if (!capacityKnown) change.push_back("a declared intake of " + m.code + " at the receiver");
    if (!supply.quantity || sInfo.basis != "reported") change.emplace_back("a reported quantity at the supplier");
    if (!c.leg.routed && !c.leg.pipe) change.emplace_back("a road network (--network)");
    change.emplace_back("a different price or haul cost in exchange_parameters.csv / materials.csv");
    std::string changeText;
    for (const auto& a : change) changeText += (changeText.empty() ? "" : "; ") + a;
    const auto& a = sites_[supply.site].at;
    const auto& b = sites_[receiver.site].at;
    core::Value moved;
    if (quantity) moved = *quantity;
    else if (supply.quantity) moved = std::min(*supply.quantity, receiver.capacity.value_or(*supply.quantity));
    const core::Value transport =
        core::isNull(moved) ? core::Value() : core::Value(std::get<double>(moved) * c.transportCostPerUnit);
    return {core::FeatureId(static_cast<std::int64_t>(id)),
            core::Geometry::lineString(std::vector<core::Coord>{{a.lon, a.lat}, {b.lon, b.lat}}),
            {rank,
             text(in_.enterprises, from, "id"),
             text(in_.enterprises, from, "name_zh"),
             text(in_.enterprises, to, "id"),
             text(in_.enterprises, to, "name_zh"),
             m.code,
             m.nameZh,
             m.unit,
             supply.quantity ? core::Value(*supply.quantity) : core::Value(),
             sInfo.basis,
             sInfo.method,
             receiver.capacity ? core::Value(*receiver.capacity) : core::Value(),
             info.method,
             info.basis,
             sites_[receiver.site].province,
             moved,
             c.leg.km,
             c.straightKm,
             distanceBasis(c),
             perUnitKm,
             rule.valuePerUnit,
             c.netBenefitPerUnit,
             transport,
             c.score,
             basis.unit,
             reasonZh,
             reasonEn,
             assumedText,
             changeText}};
  }

  // A listed candidate: into the layer, or to the caller's sink (which then holds what it needs).
  void addCandidate(core::Layer& layer, const Candidate& c, std::int64_t rank) {
    if (p_.candidateSink) p_.candidateSink(layer.schema(), link(c, rank, std::nullopt, ++sunk_));
    else layer.add(link(c, rank, std::nullopt, layer.size() + 1));
  }

  void addExchanges(core::Layer& layer, const analysis::partners::Allocation& a, const std::vector<Candidate>& all) {
    for (const auto& e : a.exchanges) layer.add(link(all[e.candidate], 0, e.quantity, layer.size() + 1));
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
                                     {"receivers_without_capacity", FieldType::Integer},
                                     {"supplies_without_quantity", FieldType::Integer},
                                     {"home_supplied", FieldType::Real},
                                     {"home_matched", FieldType::Real},
                                     {"home_utilisation_pct", FieldType::Real},
                                     {"exported", FieldType::Real},
                                     {"imported", FieldType::Real}}));
  }

  void addSummary(core::Layer& layer, const analysis::partners::Allocation& optimal,
                  const analysis::partners::Allocation& greedy) {
    for (std::uint32_t m = 0; m < materials_.size(); ++m) {
      const double supplied = optimal.suppliedPerMaterial[m];
      std::int64_t withoutQuantity = 0;
      double homeSupplied = 0;
      for (const auto& s : problem_.supplies) {
        if (s.material != m) continue;
        if (!s.quantity) ++withoutQuantity;
        else if (sites_[s.site].home) homeSupplied += *s.quantity;
      }
      if (supplied <= 0 && withoutQuantity == 0) continue;
      double unitKm = 0, cost = 0, homeMatched = 0, exported = 0, imported = 0;
      for (const auto& e : optimal.exchanges) {
        if (problem_.supplies[e.supply].material != m) continue;
        unitKm += e.quantity * e.km;
        cost += e.transportCost;
        const bool fromHome = sites_[problem_.supplies[e.supply].site].home;
        const bool toHome = sites_[problem_.receivers[e.receiver].site].home;
        if (fromHome) homeMatched += e.quantity;
        if (fromHome && !toHome) exported += e.quantity;
        if (!fromHome && toHome) imported += e.quantity;
      }
      std::int64_t unknown = 0;
      for (const auto r : optimal.receiversWithoutCapacity) unknown += problem_.receivers[r].material == m ? 1 : 0;
      core::Value utilisation;
      if (supplied > 0) utilisation = 100.0 * optimal.matchedPerMaterial[m] / supplied;
      core::Value homeUtilisation;
      if (homeSupplied > 0) homeUtilisation = 100.0 * homeMatched / homeSupplied;
      layer.add({core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)),
                 core::Geometry(),
                 {materials_[m].code, materials_[m].nameZh, materials_[m].unit, supplied, optimal.matchedPerMaterial[m],
                  greedy.matchedPerMaterial[m], utilisation, unitKm, cost, unknown, withoutQuantity, homeSupplied,
                  homeMatched, homeUtilisation, exported, imported}});
    }
  }

  static core::Layer unmatchedLayer() {
    using core::FieldType;
    return core::Layer("unmatched_residues", "", core::GeometryType::None,
                       core::Schema({{"enterprise_id", FieldType::String},
                                     {"enterprise_name", FieldType::String},
                                     {"material", FieldType::String},
                                     {"quantity", FieldType::Real},
                                     {"basis", FieldType::String},
                                     {"nearest_receiver_id", FieldType::String},
                                     {"nearest_receiver_name", FieldType::String},
                                     {"nearest_km", FieldType::Real},
                                     {"reason", FieldType::String}}));
  }

  static core::Layer flowsLayer() {
    using core::FieldType;
    return core::Layer("facility_flows", "", core::GeometryType::None,
                       core::Schema({{"enterprise_id", FieldType::String},
                                     {"enterprise_name", FieldType::String},
                                     {"material", FieldType::String},
                                     {"unit", FieldType::String},
                                     {"direction", FieldType::String},
                                     {"quantity", FieldType::Real},
                                     {"quantity_low", FieldType::Real},
                                     {"quantity_high", FieldType::Real},
                                     {"basis", FieldType::String},
                                     {"method", FieldType::String},
                                     {"source", FieldType::String},
                                     {"province_code", FieldType::String}}));
  }

  static core::Layer inactiveLayer() {
    using core::FieldType;
    return core::Layer("inactive_facilities", "", core::GeometryType::None,
                       core::Schema({{"enterprise_id", FieldType::String},
                                     {"enterprise_name", FieldType::String},
                                     {"reason", FieldType::String}}));
  }

  void addUnmatched(core::Layer& layer, std::uint32_t s) {
    const auto& supply = problem_.supplies[s];
    const std::size_t row = sites_[supply.site].row;
    std::string reason = "no receiver of " + materials_[supply.material].code + " within " +
                         fmt("%g", problem_.materials[supply.material].maxDistanceKm) + " km";
    core::Value nearestId, nearestName, nearestKm;
    if (const auto it = nearest_.find(s); it != nearest_.end()) {
      const std::size_t to = sites_[problem_.receivers[it->second.first].site].row;
      nearestId = text(in_.enterprises, to, "id");
      nearestName = text(in_.enterprises, to, "name_zh");
      nearestKm = it->second.second;
      const double straight = it->second.second;
      const auto& rule = problem_.materials[supply.material];
      reason += "; nearest: " + text(in_.enterprises, to, "name_en") + " (" + text(in_.enterprises, to, "id") +
                ") at " + fmt("%.0f", straight) + " km straight line";
      // The limit applies to the leg as the material travels: say how long that would be.
      if (rule.pipeRouteFactor > 0) {
        reason += ", " + fmt("%.0f", straight * rule.pipeRouteFactor) + " km of pipe (straight line × " +
                  fmt("%g", rule.pipeRouteFactor) + ")";
      } else if (p_.network) {
        reason += " (by road at least as far)";
      } else {
        reason += ", " + fmt("%.0f", straight * p_.detourFactor) + " km by road (straight line × " +
                  fmt("%g", p_.detourFactor) + ")";
      }
    } else {
      reason += "; no receiver of it anywhere in the catalogue";
    }
    layer.add({core::FeatureId(static_cast<std::int64_t>(layer.size() + 1)),
               core::Geometry(),
               {text(in_.enterprises, row, "id"), text(in_.enterprises, row, "name_zh"),
                materials_[supply.material].code, supply.quantity ? core::Value(*supply.quantity) : core::Value(),
                supplyInfo_[s].basis, nearestId, nearestName, nearestKm, reason}});
  }

  std::string parameters() const {
    return "topK=" + std::to_string(p_.topK) + " allocation_topK=" + std::to_string(p_.allocationTopK) +
           " detour_factor=" + fmt("%g", p_.detourFactor) +
           (p_.network ? " network=" + (p_.networkLabel.empty() ? std::string("yes") : p_.networkLabel) : "") +
           " operating_days=" + fmt("%g", p_.operatingDaysPerYear) +
           (p_.year > 0 ? " year=" + std::to_string(p_.year) + (p_.yearBasis.empty() ? "" : " (" + p_.yearBasis + ")")
                        : "") +
           " currency=" + params_.currency + " home_province=" + (home_.empty() ? std::string("none") : home_) +
           (in_.profiles ? " profiles=industry_profiles" : "") + " straight lines: geodesic (WGS 84); prefilter CRS " +
           crs_.describe() + (p_.enterpriseId ? " enterprise=" + *p_.enterpriseId : "") +
           (p_.materialCode ? " material=" + *p_.materialCode : "");
  }

  const CatalogueInput& in_;
  const PartnersParams& p_;
  core::Progress* progress_;
  Parameters params_;
  ExchangeProblem problem_;
  geo::FittedCrs crs_;
  std::vector<core::XY> networkPositions_;
  std::vector<Material> materials_;
  std::map<std::string, std::uint32_t> materialIndex_;
  std::vector<Site> sites_;
  std::vector<std::size_t> activeRows_;
  std::vector<std::string> industryOf_;  // per site
  std::set<std::string> known_;
  std::vector<std::pair<std::size_t, std::string>> inactive_;
  std::map<std::string, std::uint32_t> siteOf_;
  std::vector<FacilityFlow> flows_;
  std::vector<SupplyInfo> supplyInfo_;
  std::vector<ReceiverInfo> receiverInfo_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> receiverKeys_;
  std::map<std::uint32_t, std::pair<std::uint32_t, double>> nearest_;
  std::size_t sunk_ = 0;                          // candidate rows given to the caller's sink
  std::string home_;                              // the home province (GB/T 2260), empty: none
  std::map<std::uint32_t, SizeProxy> sizeProxy_;  // by receiver
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
