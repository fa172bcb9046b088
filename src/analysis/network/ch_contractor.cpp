// Preprocessing of a ContractionHierarchy: chain compression, then rounds of independent nodes contracted in parallel.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

#include "analysis/network/contraction_hierarchy.h"

namespace circatlas::analysis::network {

/// Contracts the nodes of a graph (internal to ContractionHierarchy::build).
///
/// Phase 1 compresses chains: nodes with at most two distinct neighbours (shape points of a road,
/// dead ends) are contracted first without witness searches; the shortcut that joins a chain's ends
/// is needed anyway unless a parallel road is shorter, and then it is only superfluous, never wrong.
/// Phase 2 repeats rounds as OSRM's contractor does: every node whose priority is smaller than that of
/// every node within two hops is contracted in the same round, in parallel (their neighbourhoods are
/// disjoint, so the arc lists each one changes are its own). Priorities are updated lazily: neighbours
/// of contracted nodes only gain the deleted-neighbour term, and a candidate whose neighbourhood changed
/// is simulated again and must still win before it is contracted. Witness searches avoid every node of
/// the round, so a witness never runs through a node that disappears in the same round; the result
/// does not depend on the number of threads. Phase 2 ends early when the nodes left have more than
/// ContractionOptions::coreDegree arcs each on average, and is skipped with ContractionOptions::chainsOnly:
/// the nodes left become the core, keeping their arcs.
class Contractor {
 public:
  Contractor(const RoadGraph& graph, Metric metric, const ContractionOptions& options)
      : graph_(graph), metric_(metric), options_(options) {}

  ContractionHierarchy run(core::Progress* progress);

 private:
  struct DynArc {
    std::uint32_t other;
    std::uint32_t first;
    std::uint32_t second;
    double weight;
    Totals totals;
  };
  struct Shortcut {
    std::uint32_t from;
    std::uint32_t to;
    DynArc arc;  // other = to
  };
  // Per-thread witness search state, stamped so that nothing is cleared between searches.
  struct Workspace {
    explicit Workspace(std::uint32_t n) : stamp(n, 0), dist(n, 0.0), hops(n, 0), targetStamp(n, 0) {}
    std::uint32_t round = 0;
    std::vector<std::uint32_t> stamp;
    std::vector<double> dist;
    std::vector<std::uint8_t> hops;
    std::vector<std::uint32_t> targetStamp;
    std::vector<std::pair<double, std::uint32_t>> heap;
    std::vector<Shortcut> scratch;
  };
  struct Priority {
    float value = 0;
    std::uint32_t tie = 0;  // a hash of the node, so that equal priorities still order strictly
    friend bool operator<(const Priority& a, const Priority& b) {
      return a.value < b.value || (a.value == b.value && a.tie < b.tie);
    }
  };

  void load();
  static void addOrImprove(std::vector<DynArc>& list, const DynArc& arc);
  // Dijkstra from source avoiding `avoid` and this round's nodes, until maxWeight, the limits, or every
  // out-neighbour of `avoid` is settled.
  void witnessSearch(Workspace& w, std::uint32_t source, std::uint32_t avoid, double maxWeight,
                     std::uint32_t settleLimit) const;
  // Shortcuts needed to contract v. fwdBase/bwdBase give their unpack references. witness = false
  // adds every shortcut without searching (chains).
  void findShortcuts(Workspace& w, std::uint32_t v, std::vector<Shortcut>& out, std::uint32_t fwdBase,
                     std::uint32_t bwdBase, std::uint32_t settleLimit, bool witness) const;
  Priority priority(Workspace& w, std::uint32_t v) const;
  std::size_t distinctNeighbours(std::uint32_t v, std::uint32_t limit) const;
  // Freezes v's arcs at [fwdBase, …) and [bwdBase, …), computes its shortcuts into `shortcuts`.
  void freeze(Workspace& w, std::uint32_t v, std::uint32_t fwdBase, std::uint32_t bwdBase,
              std::vector<Shortcut>& shortcuts, bool witness);
  // Copies v's remaining arcs to [fwdBase, …) and [bwdBase, …).
  void freezeArcs(std::uint32_t v, std::uint32_t fwdBase, std::uint32_t bwdBase);
  // Removes v from its neighbours' lists, adds its shortcuts and drops v's own lists.
  void detach(std::uint32_t v, const std::vector<Shortcut>& shortcuts);
  static std::uint32_t hash(std::uint32_t v) {
    v ^= v >> 16;
    v *= 0x7feb352dU;
    v ^= v >> 15;
    v *= 0x846ca68bU;
    v ^= v >> 16;
    return v;
  }

  const RoadGraph& graph_;
  Metric metric_;
  ContractionOptions options_;

  std::vector<std::vector<DynArc>> out_;  // uncontracted arcs v → w
  std::vector<std::vector<DynArc>> in_;   // uncontracted arcs u → v, `other` = u
  std::vector<std::uint32_t> deleted_;    // contracted neighbours
  std::vector<std::uint8_t> contracted_;
  std::vector<std::uint8_t> inRound_;  // being contracted in the current round
  std::vector<Priority> priority_;
  std::vector<std::uint8_t> fresh_;  // priority simulated since the neighbourhood last changed

  std::size_t shortcuts_ = 0;
  std::vector<std::uint32_t> rank_;
  std::vector<std::uint32_t> order_;
  // Arcs frozen as nodes are contracted, in contraction order; remapped to node order at the end.
  std::vector<ChArc> forward_;
  std::vector<ChArc> backward_;
  std::vector<std::uint32_t> forwardStart_;  // per node, into forward_ (contraction order)
  std::vector<std::uint32_t> backwardStart_;
};

void Contractor::addOrImprove(std::vector<DynArc>& list, const DynArc& arc) {
  for (DynArc& existing : list) {
    if (existing.other == arc.other) {
      if (arc.weight < existing.weight) existing = arc;
      return;
    }
  }
  list.push_back(arc);
}

void Contractor::load() {
  const std::uint32_t n = graph_.nodeCount();
  out_.assign(n, {});
  in_.assign(n, {});
  for (std::uint32_t v = 0; v < n; ++v) {
    out_[v].reserve(graph_.outArcs(NodeId(v)).size());
    in_[v].reserve(graph_.inArcs(NodeId(v)).size());
  }
  for (std::uint32_t a = 0; a < graph_.arcCount(); ++a) {
    const ArcId arc(a);
    const std::uint32_t u = graph_.tail(arc).value();
    const std::uint32_t v = graph_.head(arc).value();
    // Parallel arcs (cheapest in another metric) collapse to the cheapest in this one.
    addOrImprove(out_[u], {v, a, ChArc::kOriginal, graph_.weight(arc, metric_), graph_.totals(arc)});
    addOrImprove(in_[v], {u, a, ChArc::kOriginal, graph_.weight(arc, metric_), graph_.totals(arc)});
  }
  deleted_.assign(n, 0);
  contracted_.assign(n, 0);
  inRound_.assign(n, 0);
  priority_.assign(n, {});
  fresh_.assign(n, 1);
  rank_.assign(n, 0);
  forwardStart_.assign(n, 0);
  backwardStart_.assign(n, 0);
  order_.reserve(n);
  // Every arc is frozen once, at its lower end (shortcuts come on top): reserving address space only.
  forward_.reserve(graph_.arcCount());
  backward_.reserve(graph_.arcCount());
}

void Contractor::witnessSearch(Workspace& w, std::uint32_t source, std::uint32_t avoid, double maxWeight,
                               std::uint32_t settleLimit) const {
  const std::uint32_t round = ++w.round;
  auto& heap = w.heap;
  heap.clear();
  w.stamp[source] = round;
  w.dist[source] = 0.0;
  w.hops[source] = 0;
  heap.emplace_back(0.0, source);
  std::size_t targetsLeft = 0;
  for (const DynArc& b : out_[avoid]) {
    if (b.other != source && w.targetStamp[b.other] != round) {
      w.targetStamp[b.other] = round;
      ++targetsLeft;
    }
  }
  std::uint32_t settled = 0;
  while (!heap.empty() && targetsLeft > 0) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
    const auto [d, x] = heap.back();
    heap.pop_back();
    if (d > w.dist[x]) continue;
    if (d > maxWeight || ++settled > settleLimit) break;
    if (w.targetStamp[x] == round) {
      w.targetStamp[x] = 0;
      --targetsLeft;
    }
    if (w.hops[x] >= options_.witnessHopLimit) continue;
    for (const DynArc& arc : out_[x]) {
      if (arc.other == avoid || inRound_[arc.other]) continue;
      const double nd = d + arc.weight;
      if (nd > maxWeight) continue;
      if (w.stamp[arc.other] != round || nd < w.dist[arc.other]) {
        w.stamp[arc.other] = round;
        w.dist[arc.other] = nd;
        w.hops[arc.other] = static_cast<std::uint8_t>(w.hops[x] + 1);
        heap.emplace_back(nd, arc.other);
        std::push_heap(heap.begin(), heap.end(), std::greater<>{});
      }
    }
  }
}

void Contractor::findShortcuts(Workspace& w, std::uint32_t v, std::vector<Shortcut>& out, std::uint32_t fwdBase,
                               std::uint32_t bwdBase, std::uint32_t settleLimit, bool witness) const {
  out.clear();
  const auto& outs = out_[v];
  const auto& ins = in_[v];
  if (outs.empty() || ins.empty()) return;
  double maxOut = 0.0;
  for (const DynArc& b : outs) maxOut = std::max(maxOut, b.weight);
  for (std::uint32_t i = 0; i < ins.size(); ++i) {
    const DynArc& a = ins[i];
    if (witness) witnessSearch(w, a.other, v, a.weight + maxOut, settleLimit);
    for (std::uint32_t j = 0; j < outs.size(); ++j) {
      const DynArc& b = outs[j];
      if (b.other == a.other) continue;  // u → v → u: a loop is never needed
      const double via = a.weight + b.weight;
      // A witness at most as long as the path via v (even an unsettled label is a real path) makes the
      // shortcut unnecessary.
      if (witness && w.stamp[b.other] == w.round && w.dist[b.other] <= via) continue;
      out.push_back({a.other, b.other, {b.other, bwdBase + i, fwdBase + j, via, a.totals + b.totals}});
    }
  }
}

Contractor::Priority Contractor::priority(Workspace& w, std::uint32_t v) const {
  findShortcuts(w, v, w.scratch, 0, 0, options_.simulationSettleLimit, true);
  // Edge difference keeps the graph sparse; contracted neighbours spread contraction evenly, so that the
  // hierarchy is shallow. (OSRM's quotients of added to removed arcs and original arcs were tried and
  // left a denser core on grid-like networks.)
  const int edgeDifference = static_cast<int>(w.scratch.size()) - static_cast<int>(out_[v].size() + in_[v].size());
  return {static_cast<float>(2 * edgeDifference + static_cast<int>(deleted_[v])), hash(v)};
}

std::size_t Contractor::distinctNeighbours(std::uint32_t v, std::uint32_t limit) const {
  std::uint32_t found[4];
  std::size_t count = 0;
  for (const auto* list : {&out_[v], &in_[v]}) {
    for (const DynArc& a : *list) {
      if (std::find(found, found + count, a.other) != found + count) continue;
      if (count == limit) return limit + 1;
      found[count++] = a.other;
    }
  }
  return count;
}

void Contractor::freeze(Workspace& w, std::uint32_t v, std::uint32_t fwdBase, std::uint32_t bwdBase,
                        std::vector<Shortcut>& shortcuts, bool witness) {
  freezeArcs(v, fwdBase, bwdBase);
  findShortcuts(w, v, shortcuts, fwdBase, bwdBase, options_.witnessSettleLimit, witness);
}

void Contractor::freezeArcs(std::uint32_t v, std::uint32_t fwdBase, std::uint32_t bwdBase) {
  forwardStart_[v] = fwdBase;
  backwardStart_[v] = bwdBase;
  // Every remaining arc of v leads to a node contracted later (or, for a core node, to another core node).
  std::uint32_t i = fwdBase;
  for (const DynArc& a : out_[v]) forward_[i++] = {a.other, a.first, a.second, a.weight, a.totals};
  i = bwdBase;
  for (const DynArc& a : in_[v]) backward_[i++] = {a.other, a.first, a.second, a.weight, a.totals};
}

void Contractor::detach(std::uint32_t v, const std::vector<Shortcut>& shortcuts) {
  for (const DynArc& a : in_[v]) {
    auto& list = out_[a.other];
    list.erase(std::remove_if(list.begin(), list.end(), [v](const DynArc& x) { return x.other == v; }), list.end());
    ++deleted_[a.other];
  }
  for (const DynArc& b : out_[v]) {
    auto& list = in_[b.other];
    list.erase(std::remove_if(list.begin(), list.end(), [v](const DynArc& x) { return x.other == v; }), list.end());
    // A two-way neighbour counts once.
    if (std::none_of(in_[v].begin(), in_[v].end(), [&](const DynArc& a) { return a.other == b.other; }))
      ++deleted_[b.other];
  }
  for (const Shortcut& s : shortcuts) {
    addOrImprove(out_[s.from], s.arc);
    DynArc reverse = s.arc;
    reverse.other = s.from;
    addOrImprove(in_[s.to], reverse);
  }
  contracted_[v] = 1;
  std::vector<DynArc>().swap(out_[v]);
  std::vector<DynArc>().swap(in_[v]);
}

ContractionHierarchy Contractor::run(core::Progress* progress) {
  ContractionHierarchy ch(graph_, metric_);
  load();
  const std::uint32_t n = graph_.nodeCount();
  auto report = [&] {
    if (!progress) return true;
    if (progress->cancelled()) return false;
    progress->report(static_cast<double>(order_.size()) / std::max<std::uint32_t>(n, 1),
                     "contracting the road network");
    return true;
  };
  const unsigned threads =
      options_.threads ? options_.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::task_arena arena(static_cast<int>(std::max(1u, threads)));
  tbb::enumerable_thread_specific<Workspace> workspaces([n] { return Workspace(n); });

  // Phase 1: chains and dead ends, sequentially (each contraction is a handful of list operations).
  {
    Workspace& w = workspaces.local();
    std::vector<Shortcut> shortcuts;
    std::vector<std::uint32_t> work;
    for (std::uint32_t v = 0; v < n; ++v) {
      if (distinctNeighbours(v, 2) <= 2) work.push_back(v);
    }
    std::reverse(work.begin(), work.end());
    std::vector<std::uint32_t> neighbours;
    while (!work.empty()) {
      const std::uint32_t v = work.back();
      work.pop_back();
      if (contracted_[v] || distinctNeighbours(v, 2) > 2) continue;
      neighbours.clear();
      for (const DynArc& a : out_[v]) neighbours.push_back(a.other);
      for (const DynArc& a : in_[v]) neighbours.push_back(a.other);
      const auto fwdBase = static_cast<std::uint32_t>(forward_.size());
      const auto bwdBase = static_cast<std::uint32_t>(backward_.size());
      forward_.resize(forward_.size() + out_[v].size());
      backward_.resize(backward_.size() + in_[v].size());
      freeze(w, v, fwdBase, bwdBase, shortcuts, false);
      shortcuts_ += shortcuts.size();
      detach(v, shortcuts);
      rank_[v] = static_cast<std::uint32_t>(order_.size());
      order_.push_back(v);
      // A junction whose side roads were all dead ends may now be a chain node itself.
      for (std::uint32_t x : neighbours) {
        if (!contracted_[x] && distinctNeighbours(x, 2) <= 2) work.push_back(x);
      }
    }
    if (!report()) return ContractionHierarchy(graph_, metric_);
  }

  // Phase 2: rounds of independent nodes, until what is left is the core (checked before the
  // priorities are simulated, so a core left right after phase 1 costs no witness search).
  std::vector<std::uint32_t> remaining;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!contracted_[v]) remaining.push_back(v);
  }
  auto coreReached = [&] {
    if (options_.chainsOnly) return true;
    if (options_.coreDegree <= 0) return false;
    std::size_t arcs = 0;
    for (std::uint32_t v : remaining) arcs += out_[v].size() + in_[v].size();
    return static_cast<double>(arcs) > options_.coreDegree * static_cast<double>(remaining.size());
  };
  if (!coreReached()) {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, remaining.size(), 256), [&](const auto& r) {
        Workspace& w = workspaces.local();
        for (std::size_t i = r.begin(); i != r.end(); ++i) priority_[remaining[i]] = priority(w, remaining[i]);
      });
    });
  }
  std::vector<std::uint8_t> selected(n, 0);
  std::vector<std::uint32_t> round;
  std::vector<std::vector<Shortcut>> roundShortcuts;
  std::vector<std::uint32_t> candidates;
  std::size_t lastReport = order_.size();
  while (!remaining.empty() && !coreReached()) {
    // A node is independent when its priority is below that of every node within two hops.
    auto independent = [&](std::uint32_t v) {
      const Priority p = priority_[v];
      for (const auto* list : {&out_[v], &in_[v]}) {
        for (const DynArc& a : *list) {
          if (!(p < priority_[a.other])) return false;
          for (const auto* list2 : {&out_[a.other], &in_[a.other]}) {
            for (const DynArc& b : *list2) {
              if (b.other != v && !(p < priority_[b.other])) return false;
            }
          }
        }
      }
      return true;
    };
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, remaining.size(), 256), [&](const auto& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) selected[remaining[i]] = independent(remaining[i]) ? 1 : 0;
      });
    });
    candidates.clear();
    for (std::uint32_t v : remaining) {
      if (selected[v]) candidates.push_back(v);
    }
    // Lazy update: a candidate whose neighbourhood changed since its priority was simulated is simulated
    // again; it stays in the round only if it still beats everything within two hops.
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size(), 16), [&](const auto& r) {
        Workspace& w = workspaces.local();
        for (std::size_t i = r.begin(); i != r.end(); ++i) {
          const std::uint32_t v = candidates[i];
          if (!fresh_[v]) {
            priority_[v] = priority(w, v);
            fresh_[v] = 1;
          }
        }
      });
    });
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size(), 64), [&](const auto& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) selected[candidates[i]] = independent(candidates[i]) ? 1 : 0;
      });
    });
    round.clear();
    for (std::uint32_t v : candidates) {
      if (selected[v]) round.push_back(v);
      selected[v] = 0;
    }
    // Ranks and frozen-arc positions in a fixed order, so the hierarchy does not depend on threads.
    std::vector<std::uint32_t> fwdBase(round.size());
    std::vector<std::uint32_t> bwdBase(round.size());
    for (std::size_t k = 0; k < round.size(); ++k) {
      const std::uint32_t v = round[k];
      inRound_[v] = 1;
      rank_[v] = static_cast<std::uint32_t>(order_.size());
      order_.push_back(v);
      fwdBase[k] = static_cast<std::uint32_t>(forward_.size());
      bwdBase[k] = static_cast<std::uint32_t>(backward_.size());
      forward_.resize(forward_.size() + out_[v].size());
      backward_.resize(backward_.size() + in_[v].size());
    }
    roundShortcuts.resize(round.size());
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, round.size(), 8), [&](const auto& r) {
        Workspace& w = workspaces.local();
        for (std::size_t k = r.begin(); k != r.end(); ++k)
          freeze(w, round[k], fwdBase[k], bwdBase[k], roundShortcuts[k], true);
      });
    });
    // Neighbours only get the deleted-neighbour term now and are marked for simulation when they next
    // become candidates (re-simulating every neighbour costs degree² witness searches late on).
    for (std::uint32_t v : round) {
      for (const DynArc& a : in_[v]) {
        fresh_[a.other] = 0;
        priority_[a.other].value += 1.0f;
      }
      for (const DynArc& b : out_[v]) {
        if (std::any_of(in_[v].begin(), in_[v].end(), [&](const DynArc& a) { return a.other == b.other; })) continue;
        fresh_[b.other] = 0;
        priority_[b.other].value += 1.0f;
      }
    }
    // Each node's neighbourhood is its own within a round (two-hop independence): no two writers meet.
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, round.size(), 8), [&](const auto& r) {
        for (std::size_t k = r.begin(); k != r.end(); ++k) detach(round[k], roundShortcuts[k]);
      });
    });
    for (std::size_t k = 0; k < round.size(); ++k) {
      shortcuts_ += roundShortcuts[k].size();
      inRound_[round[k]] = 0;
    }
    remaining.erase(
        std::remove_if(remaining.begin(), remaining.end(), [&](std::uint32_t v) { return contracted_[v] != 0; }),
        remaining.end());
    if (order_.size() - lastReport >= 4096 || remaining.empty()) {
      lastReport = order_.size();
      if (!report()) return ContractionHierarchy(graph_, metric_);
    }
  }

  // The core: what is left keeps its arcs among itself, ranked after every contracted node.
  const auto coreBegin = static_cast<std::uint32_t>(order_.size());
  for (std::uint32_t v : remaining) {
    rank_[v] = static_cast<std::uint32_t>(order_.size());
    order_.push_back(v);
    const auto fwdBase = static_cast<std::uint32_t>(forward_.size());
    const auto bwdBase = static_cast<std::uint32_t>(backward_.size());
    forward_.resize(forward_.size() + out_[v].size());
    backward_.resize(backward_.size() + in_[v].size());
    freezeArcs(v, fwdBase, bwdBase);
  }

  // Lay the frozen blocks out in node order and remap the shortcuts' references into them.
  ch.rank_ = std::move(rank_);
  ch.shortcuts_ = shortcuts_;
  ch.coreBegin_ = coreBegin;
  // One pass per direction (both at once): blocks copied in node order, each arc's new index noted.
  std::vector<std::uint32_t> forwardMap(forward_.size());
  std::vector<std::uint32_t> backwardMap(backward_.size());
  auto layOut = [&](const std::vector<ChArc>& frozen, const std::vector<std::uint32_t>& start,
                    std::vector<std::uint32_t>& begin, std::vector<ChArc>& laid, std::vector<std::uint32_t>& map) {
    begin.assign(n + 1, 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t v = order_[k];
      const std::uint32_t end = k + 1 < n ? start[order_[k + 1]] : static_cast<std::uint32_t>(frozen.size());
      begin[v + 1] = end - start[v];
    }
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    laid.resize(frozen.size());
    for (std::uint32_t v = 0; v < n; ++v) {
      const std::uint32_t from = start[v];
      const std::uint32_t to = begin[v];
      const std::uint32_t count = begin[v + 1] - to;
      std::copy_n(frozen.begin() + from, count, laid.begin() + to);
      std::iota(map.begin() + from, map.begin() + from + count, to);
    }
  };
  std::vector<std::uint32_t> forwardBegin;
  std::vector<std::uint32_t> backwardBegin;
  std::vector<ChArc> forward;
  std::vector<ChArc> backward;
  arena.execute([&] {
    tbb::parallel_invoke([&] { layOut(forward_, forwardStart_, forwardBegin, forward, forwardMap); },
                         [&] { layOut(backward_, backwardStart_, backwardBegin, backward, backwardMap); });
  });
  std::vector<ChArc>().swap(forward_);
  std::vector<ChArc>().swap(backward_);
  for (auto* arcs : {&forward, &backward}) {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, arcs->size(), 65536), [&](const auto& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) {
          ChArc& arc = (*arcs)[i];
          if (arc.isShortcut()) {
            arc.first = backwardMap[arc.first];
            arc.second = forwardMap[arc.second];
          }
        }
      });
    });
  }
  ch.forwardBegin_ = std::move(forwardBegin);
  ch.backwardBegin_ = std::move(backwardBegin);
  ch.forward_ = std::move(forward);
  ch.backward_ = std::move(backward);
  if (progress) progress->report(1.0, "contracting the road network");
  return ch;
}

ContractionHierarchy ContractionHierarchy::build(const RoadGraph& graph, Metric metric,
                                                 const ContractionOptions& options, core::Progress* progress) {
  return Contractor(graph, metric, options).run(progress);
}

void ContractionHierarchy::unpack(const ChArc& arc, std::vector<ArcId>& out) const {
  std::vector<const ChArc*> stack{&arc};
  while (!stack.empty()) {
    const ChArc* top = stack.back();
    stack.pop_back();
    if (!top->isShortcut()) {
      out.emplace_back(top->first);
      continue;
    }
    stack.push_back(&forward_[top->second]);  // b → c after
    stack.push_back(&backward_[top->first]);  // a → b first
  }
}

}  // namespace circatlas::analysis::network
