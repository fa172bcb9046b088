// Candidate search: per supply, the receivers of its material in range, scored and ranked.
#include "analysis/partners/candidates.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "core/grid_index.h"
#include "core/parallel.h"
#include "geo/geodesic.h"

namespace circatlas::analysis::partners {

namespace {

// Receivers of one material in a core::GridIndex of square cells half as wide as the material's
// distance limit, their positions in cell order so the scan runs through contiguous memory; a supply
// visits the cells within the limit around it (at most 5 × 5), skipping those wholly beyond it.
class ReceiverGrid {
 public:
  struct Entry {
    double x, y;
    std::uint32_t receiver;
  };

  ReceiverGrid(const ExchangeProblem& p, const std::vector<std::uint32_t>& receivers, double limitMeters)
      : limit_(limitMeters), grid_(core::GridIndex::ofPoints(positions(p, receivers), limitMeters / 2.0)) {
    entries_.reserve(receivers.size());
    for (std::size_t pos = 0; pos < receivers.size(); ++pos) {
      const core::XY xy = grid_.sortedPoints()[pos];
      entries_.push_back({xy.x, xy.y, receivers[grid_.items()[pos]]});
    }
  }

  template <typename Visit>
  void near(core::XY at, Visit visit) const {
    grid_.forEachCellWithin(at, limit_, [&](std::uint32_t cell, double) { visitCell(cell, visit); });
  }

  // The same cells, nearest first: `hopeless(metres)` is asked with each cell's shortest possible
  // distance before it is visited, and the search stops at the first cell it rejects (it must
  // reject every longer distance once it rejects one, and keep doing so as the search goes on).
  template <typename Hopeless, typename Visit>
  void nearestFirst(core::XY at, Hopeless hopeless, Visit visit) const {
    thread_local std::vector<std::pair<double, std::uint32_t>> order;
    order.clear();
    grid_.forEachCellWithin(at, limit_, [&](std::uint32_t cell, double d2) { order.emplace_back(d2, cell); });
    std::sort(order.begin(), order.end());
    for (const auto& [d2, cell] : order) {
      if (hopeless(std::sqrt(d2))) return;
      visitCell(cell, visit);
    }
  }

 private:
  static std::vector<core::XY> positions(const ExchangeProblem& p, const std::vector<std::uint32_t>& receivers) {
    std::vector<core::XY> at;
    at.reserve(receivers.size());
    for (const auto r : receivers) at.push_back(p.sitePositions[p.receivers[r].site]);
    return at;
  }
  template <typename Visit>
  void visitCell(std::uint32_t cell, Visit& visit) const {
    for (std::uint32_t pos = grid_.cellBegin(cell); pos < grid_.cellEnd(cell); ++pos) visit(entries_[pos]);
  }

  double limit_;
  core::GridIndex grid_;
  std::vector<Entry> entries_;  // in the grid's cell order
};

// Score, leg length and receiver: what ranks a candidate (see `better`).
struct Key {
  double score;
  double km;
  std::uint32_t receiver;
};

bool keyBetter(const Key& a, const Key& b) {
  return std::tie(b.score, a.km, a.receiver) < std::tie(a.score, b.km, b.receiver);
}

}  // namespace

std::vector<Candidate> findCandidates(const ExchangeProblem& problem, const DistanceFn& distance,
                                      const CandidateOptions& options) {
  // Receivers per material, so each supply only looks at its own material's users.
  std::vector<std::vector<std::uint32_t>> byMaterial(problem.materials.size());
  for (std::uint32_t r = 0; r < problem.receivers.size(); ++r) {
    byMaterial.at(problem.receivers[r].material).push_back(r);
  }
  const bool spatial = !problem.sitePositions.empty();
  const bool inlineDistance = spatial && problem.straightLineDetour > 0;
  const bool geodesic = !problem.siteLonLat.empty();
  const double scale = std::max(1.0, problem.prefilterScale);
  std::vector<std::unique_ptr<ReceiverGrid>> grids(problem.materials.size());
  if (spatial) {
    for (std::size_t m = 0; m < grids.size(); ++m) {
      const double limit = std::max(1.0, problem.materials[m].maxDistanceKm * 1000.0 * scale);
      grids[m] = std::make_unique<ReceiverGrid>(problem, byMaterial[m], limit);
    }
  }
  auto groupOf = [&](std::uint32_t site) { return site < problem.siteGroup.size() ? problem.siteGroup[site] : -1; };
  // The largest weight among each material's receivers: with cover ≤ 1 and the group bonus it
  // bounds the score any receiver at a given distance can reach (see `hopeless` below).
  std::vector<double> maxWeight(problem.materials.size(), 1.0);
  for (const Receiver& r : problem.receivers) {
    maxWeight[r.material] =
        std::max(maxWeight[r.material], (r.weight > 0 ? r.weight : 1.0) * std::max(1.0, r.sizeShare));
  }
  const double maxFactor = std::max(1.0, problem.unknownCoverShare) * std::max(1.0, problem.groupBonus);

  const auto better = [](const Candidate& a, const Candidate& b) {
    return std::tie(b.score, a.leg.km, a.receiver) < std::tie(a.score, b.leg.km, b.receiver);
  };
  // Candidates of one supply, best first, at most topK.
  auto forSupply = [&](std::uint32_t s, std::vector<Candidate>& mine,
                       std::vector<std::pair<std::uint32_t, double>>& near, std::vector<Key>& pessimistic) {
    mine.clear();
    const Supply& supply = problem.supplies[s];
    const MaterialRule& rule = problem.materials.at(supply.material);
    const std::size_t topK = !supply.quantity && options.topKUnquantified > 0 && options.topK > 0
                                 ? std::min(options.topK, options.topKUnquantified)
                                 : options.topK;
    const double prefilter = rule.maxDistanceKm * 1000.0 * scale;
    const double prefilterSquared = prefilter * prefilter;
    // A candidate at straight distance `straightKm` (its leg from the material's transport).
    auto make = [&](std::uint32_t r, double straightKm, bool measured) {
      const Receiver& receiver = problem.receivers[r];
      Leg leg;
      if (rule.pipeRouteFactor > 0 && (spatial || geodesic)) {
        leg = Leg{straightKm * rule.pipeRouteFactor, false, true};
      } else if (inlineDistance) {
        leg = Leg{straightKm * problem.straightLineDetour, false, false};
      } else if (measured) {
        leg = distance(supply.site, receiver.site);
      } else {
        leg = Leg{straightKm, false, false};  // a lower bound: no route is shorter than the straight line
      }
      Candidate c;
      c.supply = s;
      c.receiver = r;
      c.leg = leg;
      c.straightKm = straightKm;
      c.transportCostPerUnit = leg.km * rule.costPerUnitKm;
      c.lossPerUnit = rule.valuePerUnit * std::min(1.0, leg.km * rule.lossPerKm);
      c.netBenefitPerUnit = rule.disposalCostPerUnit + rule.valuePerUnit - c.lossPerUnit - c.transportCostPerUnit;
      double cover = problem.unknownCoverShare * receiver.sizeShare;
      if (supply.quantity && receiver.capacity && *supply.quantity > 0) {
        c.coverShare = std::min(1.0, *receiver.capacity / *supply.quantity);
        cover = *c.coverShare;
      }
      c.sameGroup = groupOf(supply.site) >= 0 && groupOf(supply.site) == groupOf(receiver.site);
      double score =
          c.netBenefitPerUnit * supply.quantity.value_or(1.0) * cover * (c.sameGroup ? problem.groupBonus : 1.0);
      const double w = receiver.weight > 0 ? receiver.weight : 1.0;
      c.score = score >= 0 ? score * w : score / w;
      return c;
    };
    // The same score as `make`, for a straight-line leg, without building the candidate.
    const double legFactor = rule.pipeRouteFactor > 0 ? rule.pipeRouteFactor : problem.straightLineDetour;
    auto keyAt = [&](std::uint32_t r, double straightKm) {
      const Receiver& receiver = problem.receivers[r];
      const double km = straightKm * legFactor;
      const double net = rule.disposalCostPerUnit + rule.valuePerUnit -
                         rule.valuePerUnit * std::min(1.0, km * rule.lossPerKm) - km * rule.costPerUnitKm;
      double cover = problem.unknownCoverShare * receiver.sizeShare;
      if (supply.quantity && receiver.capacity && *supply.quantity > 0)
        cover = std::min(1.0, *receiver.capacity / *supply.quantity);
      const bool same = groupOf(supply.site) >= 0 && groupOf(supply.site) == groupOf(receiver.site);
      const double score = net * supply.quantity.value_or(1.0) * cover * (same ? problem.groupBonus : 1.0);
      const double w = receiver.weight > 0 ? receiver.weight : 1.0;
      return Key{score >= 0 ? score * w : score / w, km, r};
    };
    auto keep = [&](const Candidate& c) {
      // Keep only the best topK in a heap whose top is the worst kept.
      if (topK == 0 || mine.size() < topK) {
        mine.push_back(c);
        if (topK > 0) std::push_heap(mine.begin(), mine.end(), better);
      } else if (better(c, mine.front())) {
        std::pop_heap(mine.begin(), mine.end(), better);
        mine.back() = c;
        std::push_heap(mine.begin(), mine.end(), better);
      }
    };
    const bool scaled = geodesic && problem.siteScale.size() == problem.siteLonLat.size();
    auto exact = [&](std::uint32_t r, double projectedKm) {
      const std::uint32_t to = problem.receivers[r].site;
      const double straightKm =
          scaled     ? projectedKm * 2.0 / (problem.siteScale[supply.site] + problem.siteScale[to])
          : geodesic ? geo::geodesicDistanceMeters(problem.siteLonLat[supply.site], problem.siteLonLat[to]) / 1000.0
                     : projectedKm;
      if (straightKm > rule.maxDistanceKm) return;
      // With a full list, a straight-line or pipe leg is first scored without building the
      // candidate (keyAt is make's score): most pairs in range cannot displace the worst kept.
      if (topK > 0 && mine.size() == topK && (inlineDistance || (rule.pipeRouteFactor > 0 && (spatial || geodesic)))) {
        const Candidate& worst = mine.front();
        if (!keyBetter(keyAt(r, straightKm), Key{worst.score, worst.leg.km, worst.receiver})) return;
      }
      const Candidate c = make(r, straightKm, true);
      if (c.leg.km <= rule.maxDistanceKm) keep(c);
    };
    // Geodesics are measured only for pairs that could rank: the projected distance brackets the
    // true one within [projected / maxScale, projected / minScale], so a pair whose score at its
    // shortest possible distance is below the topK-th best score at the longest possible distance
    // cannot enter the list (the score falls with distance). Exact, and as cheap as the projection.
    const bool bracket = geodesic && !scaled && topK > 0 && (inlineDistance || rule.pipeRouteFactor > 0);
    // With a full list and a straight-line or pipe leg, a receiver whose best possible score (at
    // the shortest distance its projected one allows, whole capacity, bonus and largest weight) is
    // below the worst kept cannot enter: the score falls with distance, so the search, nearest
    // cells first, stops there. The margin keeps rounding from ever dropping a pair that ranks.
    const double quantity = supply.quantity.value_or(1.0);
    const bool bounded = topK > 0 && quantity > 0 && rule.costPerUnitKm >= 0 && rule.lossPerKm >= 0 &&
                         rule.valuePerUnit >= 0 && (inlineDistance || (rule.pipeRouteFactor > 0 && spatial));
    auto hopeless = [&](double projectedMeters) {
      if (!bounded || mine.size() < topK) return false;
      const double worst = mine.front().score;
      if (!(worst > 0)) return false;
      const double km = projectedMeters / 1000.0 / scale * legFactor;
      const double net = rule.disposalCostPerUnit + rule.valuePerUnit -
                         rule.valuePerUnit * std::min(1.0, km * rule.lossPerKm) - km * rule.costPerUnitKm;
      const double best = net > 0 ? net * quantity * maxFactor * maxWeight[supply.material] : 0.0;
      return best < worst * (1.0 - 1e-9);
    };
    if (spatial && !bracket) {
      const core::XY at = problem.sitePositions[supply.site];
      grids[supply.material]->nearestFirst(at, hopeless, [&](const ReceiverGrid::Entry& e) {
        const double dx = e.x - at.x;
        const double dy = e.y - at.y;
        const double d2 = dx * dx + dy * dy;
        if (d2 > prefilterSquared || problem.receivers[e.receiver].site == supply.site) return;
        const double d = std::sqrt(d2);
        if (!hopeless(d)) exact(e.receiver, d / 1000.0);
      });
    } else if (spatial) {
      const core::XY at = problem.sitePositions[supply.site];
      near.clear();
      grids[supply.material]->near(at, [&](const ReceiverGrid::Entry& e) {
        const double dx = e.x - at.x;
        const double dy = e.y - at.y;
        const double d2 = dx * dx + dy * dy;
        if (d2 <= prefilterSquared && problem.receivers[e.receiver].site != supply.site) {
          near.emplace_back(e.receiver, std::sqrt(d2) / 1000.0);
        }
      });
      if (near.size() <= 4 * topK) {
        for (const auto& [r, km] : near) exact(r, km);
      } else {
        // Only pairs certainly within the limit at their longest possible distance set the bar.
        const double minScale = std::min(1.0, problem.prefilterMinScale);
        pessimistic.clear();
        for (const auto& [r, km] : near) {
          const Key k = keyAt(r, km / minScale);
          if (k.km <= rule.maxDistanceKm) pessimistic.push_back(k);
        }
        if (pessimistic.size() < topK) {
          for (const auto& [r, km] : near) exact(r, km);
        } else {
          std::nth_element(pessimistic.begin(), pessimistic.begin() + static_cast<std::ptrdiff_t>(topK - 1),
                           pessimistic.end(), keyBetter);
          const Key bar = pessimistic[topK - 1];
          for (const auto& [r, km] : near) {
            if (keyBetter(bar, keyAt(r, km / scale))) continue;  // cannot reach the list
            exact(r, km);
          }
        }
      }
    } else {
      for (const std::uint32_t r : byMaterial[supply.material]) {
        if (problem.receivers[r].site != supply.site) exact(r, 0.0);
      }
    }
    std::sort(mine.begin(), mine.end(), better);
    if (scaled) {
      // The listed candidates get their geodesic (they were ranked on the scale-corrected length).
      const std::size_t n = options.exactTopK == 0 ? mine.size() : std::min(options.exactTopK, mine.size());
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t r = mine[i].receiver;
        const double km = geo::geodesicDistanceMeters(problem.siteLonLat[supply.site],
                                                      problem.siteLonLat[problem.receivers[r].site]) /
                          1000.0;
        mine[i] = make(r, km, true);
      }
      std::stable_sort(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(n), better);
    }
  };

  const std::size_t n = problem.supplies.size();
  // Scratch space per worker; the candidates of each range of supplies kept under the range's first
  // supply, so they are joined in supply order whichever thread ran them.
  struct Scratch {
    std::vector<Candidate> mine;
    std::vector<std::pair<std::uint32_t, double>> near;
    std::vector<Key> pessimistic;
  };
  std::vector<Scratch> scratch(core::workerCount(options.threads));
  std::vector<std::vector<Candidate>> partFrom(n);
  core::parallelFor(n, options.threads, 64, [&](unsigned worker, std::size_t begin, std::size_t end) {
    Scratch& w = scratch[worker];
    std::vector<Candidate>& part = partFrom[begin];
    for (std::size_t s = begin; s < end; ++s) {
      forSupply(static_cast<std::uint32_t>(s), w.mine, w.near, w.pessimistic);
      part.insert(part.end(), w.mine.begin(), w.mine.end());
    }
  });
  std::vector<Candidate> out;
  for (auto& part : partFrom) out.insert(out.end(), part.begin(), part.end());
  return out;
}

std::vector<std::uint32_t> unmatchedSupplies(const ExchangeProblem& problem, const std::vector<Candidate>& candidates) {
  std::vector<bool> matched(problem.supplies.size(), false);
  for (const auto& c : candidates) matched[c.supply] = true;
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < matched.size(); ++s) {
    if (!matched[s]) out.push_back(s);
  }
  return out;
}

}  // namespace circatlas::analysis::partners
