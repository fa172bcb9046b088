// Preprocessing of a ContractionHierarchy: node ordering, witness searches and shortcut insertion.
#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <utility>

#include "analysis/network/contraction_hierarchy.h"

namespace circatlas::analysis::network {

/// Contracts the nodes of a graph one by one (internal to ContractionHierarchy::build).
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

  void load();
  static void addOrImprove(std::vector<DynArc>& list, const DynArc& arc);
  // Dijkstra from source avoiding `avoid`, until maxWeight, the limits, or every out-neighbour of
  // `avoid` is settled.
  void witnessSearch(std::uint32_t source, std::uint32_t avoid, double maxWeight, std::uint32_t settleLimit);
  // Shortcuts needed to contract v. When fwdBase/bwdBase are given, they carry their unpack references.
  void findShortcuts(std::uint32_t v, std::vector<Shortcut>& out, std::uint32_t fwdBase, std::uint32_t bwdBase,
                     std::uint32_t settleLimit);
  int priority(std::uint32_t v);
  void contract(std::uint32_t v, std::uint32_t rank, ContractionHierarchy& ch);

  const RoadGraph& graph_;
  Metric metric_;
  ContractionOptions options_;

  std::vector<std::vector<DynArc>> out_;  // uncontracted arcs v → w
  std::vector<std::vector<DynArc>> in_;   // uncontracted arcs u → v, `other` = u
  std::vector<std::uint32_t> deleted_;    // contracted neighbours
  std::vector<std::uint8_t> contracted_;

  std::uint32_t round_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<double> dist_;
  std::vector<std::uint32_t> hops_;
  std::vector<std::uint32_t> targetStamp_;
  using Entry = std::pair<double, std::uint32_t>;
  std::vector<Entry> heap_;
  std::vector<Shortcut> scratch_;

  // Arcs frozen as nodes are contracted, in contraction order; remapped to node order at the end.
  std::vector<ChArc> forward_;
  std::vector<ChArc> backward_;
  std::vector<std::uint32_t> forwardStart_;   // per node, into forward_ (contraction order)
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
  stamp_.assign(n, 0);
  dist_.assign(n, 0.0);
  hops_.assign(n, 0);
  targetStamp_.assign(n, 0);
}

void Contractor::witnessSearch(std::uint32_t source, std::uint32_t avoid, double maxWeight,
                               std::uint32_t settleLimit) {
  ++round_;
  heap_.clear();
  stamp_[source] = round_;
  dist_[source] = 0.0;
  hops_[source] = 0;
  heap_.emplace_back(0.0, source);
  std::size_t targetsLeft = 0;
  for (const DynArc& b : out_[avoid]) {
    if (b.other != source && targetStamp_[b.other] != round_) {
      targetStamp_[b.other] = round_;
      ++targetsLeft;
    }
  }
  std::uint32_t settled = 0;
  while (!heap_.empty() && targetsLeft > 0) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const auto [d, x] = heap_.back();
    heap_.pop_back();
    if (d > dist_[x]) continue;
    if (d > maxWeight || ++settled > settleLimit) break;
    if (targetStamp_[x] == round_) {
      targetStamp_[x] = 0;
      --targetsLeft;
    }
    if (hops_[x] >= options_.witnessHopLimit) continue;
    for (const DynArc& arc : out_[x]) {
      if (arc.other == avoid) continue;
      const double nd = d + arc.weight;
      if (nd > maxWeight) continue;
      if (stamp_[arc.other] != round_ || nd < dist_[arc.other]) {
        stamp_[arc.other] = round_;
        dist_[arc.other] = nd;
        hops_[arc.other] = hops_[x] + 1;
        heap_.emplace_back(nd, arc.other);
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
      }
    }
  }
}

void Contractor::findShortcuts(std::uint32_t v, std::vector<Shortcut>& out, std::uint32_t fwdBase,
                               std::uint32_t bwdBase, std::uint32_t settleLimit) {
  out.clear();
  const auto& outs = out_[v];
  const auto& ins = in_[v];
  if (outs.empty() || ins.empty()) return;
  double maxOut = 0.0;
  for (const DynArc& b : outs) maxOut = std::max(maxOut, b.weight);
  for (std::uint32_t i = 0; i < ins.size(); ++i) {
    const DynArc& a = ins[i];
    witnessSearch(a.other, v, a.weight + maxOut, settleLimit);
    for (std::uint32_t j = 0; j < outs.size(); ++j) {
      const DynArc& b = outs[j];
      if (b.other == a.other) continue;  // u → v → u: a loop is never needed
      const double via = a.weight + b.weight;
      // A witness at most as long as the path via v (even an unsettled label is a real path) makes the
      // shortcut unnecessary.
      if (stamp_[b.other] == round_ && dist_[b.other] <= via) continue;
      out.push_back({a.other, b.other, {b.other, bwdBase + i, fwdBase + j, via, a.totals + b.totals}});
    }
  }
}

int Contractor::priority(std::uint32_t v) {
  findShortcuts(v, scratch_, 0, 0, options_.simulationSettleLimit);
  const int edgeDifference =
      static_cast<int>(scratch_.size()) - static_cast<int>(out_[v].size() + in_[v].size());
  // Edge difference keeps the graph sparse; deleted neighbours spread contraction evenly. (A level /
  // search-depth term was tried and made the core denser on grid-like networks.)
  return 2 * edgeDifference + static_cast<int>(deleted_[v]);
}

void Contractor::contract(std::uint32_t v, std::uint32_t rank, ContractionHierarchy& ch) {
  ch.rank_[v] = rank;
  // Freeze v's remaining arcs: all of them lead to nodes contracted later.
  const auto fwdBase = static_cast<std::uint32_t>(forward_.size());
  const auto bwdBase = static_cast<std::uint32_t>(backward_.size());
  forwardStart_[v] = fwdBase;
  backwardStart_[v] = bwdBase;
  for (const DynArc& a : out_[v]) forward_.push_back({a.other, a.first, a.second, a.weight, a.totals});
  for (const DynArc& a : in_[v]) backward_.push_back({a.other, a.first, a.second, a.weight, a.totals});

  std::vector<Shortcut> shortcuts;
  findShortcuts(v, shortcuts, fwdBase, bwdBase, options_.witnessSettleLimit);
  ch.shortcuts_ += shortcuts.size();

  for (const DynArc& a : in_[v]) {
    auto& list = out_[a.other];
    list.erase(std::remove_if(list.begin(), list.end(), [v](const DynArc& x) { return x.other == v; }), list.end());
  }
  for (const DynArc& b : out_[v]) {
    auto& list = in_[b.other];
    list.erase(std::remove_if(list.begin(), list.end(), [v](const DynArc& x) { return x.other == v; }), list.end());
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
  ch.rank_.assign(n, 0);
  forwardStart_.assign(n, 0);
  backwardStart_.assign(n, 0);

  using QueueEntry = std::pair<int, std::uint32_t>;
  std::priority_queue<QueueEntry, std::vector<QueueEntry>, std::greater<>> queue;
  std::vector<int> current(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    current[v] = priority(v);
    queue.emplace(current[v], v);
  }
  std::vector<std::uint32_t> order;
  order.reserve(n);
  std::vector<std::uint32_t> neighbours;
  while (!queue.empty()) {
    const auto [p, v] = queue.top();
    queue.pop();
    if (contracted_[v] || p != current[v]) continue;  // stale entry
    // Lazy update: contractions elsewhere may have made v worse; if so, requeue it.
    current[v] = priority(v);
    if (!queue.empty() && current[v] > queue.top().first) {
      queue.emplace(current[v], v);
      continue;
    }
    neighbours.clear();
    for (const DynArc& a : out_[v]) neighbours.push_back(a.other);
    for (const DynArc& a : in_[v]) neighbours.push_back(a.other);
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());

    contract(v, static_cast<std::uint32_t>(order.size()), ch);
    order.push_back(v);
    // Neighbours only get the deleted-neighbour term now; their shortcut count is re-simulated when
    // they reach the top (re-simulating every neighbour here costs degree² witness searches late on).
    for (std::uint32_t w : neighbours) {
      ++deleted_[w];
      ++current[w];
      queue.emplace(current[w], w);
    }
    if (progress && order.size() % 4096 == 0) {
      if (progress->cancelled()) return ContractionHierarchy(graph_, metric_);
      progress->report(static_cast<double>(order.size()) / n, "contracting the road network");
    }
  }

  // Lay the frozen blocks out in node order and remap the shortcuts' references into them.
  std::vector<std::uint32_t> forwardMap(forward_.size());
  std::vector<std::uint32_t> backwardMap(backward_.size());
  auto layOut = [&](const std::vector<ChArc>& frozen, const std::vector<std::uint32_t>& start,
                    std::vector<std::uint32_t>& begin, std::vector<ChArc>& laid, std::vector<std::uint32_t>& map) {
    begin.assign(n + 1, 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t v = order[k];
      const std::uint32_t end = k + 1 < n ? start[order[k + 1]] : static_cast<std::uint32_t>(frozen.size());
      begin[v + 1] = end - start[v];
    }
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    laid.resize(frozen.size());
    for (std::uint32_t v = 0; v < n; ++v) {
      for (std::uint32_t i = 0; i < begin[v + 1] - begin[v]; ++i) map[start[v] + i] = begin[v] + i;
    }
    for (std::uint32_t i = 0; i < frozen.size(); ++i) laid[map[i]] = frozen[i];
  };
  layOut(forward_, forwardStart_, ch.forwardBegin_, ch.forward_, forwardMap);
  layOut(backward_, backwardStart_, ch.backwardBegin_, ch.backward_, backwardMap);
  for (auto* arcs : {&ch.forward_, &ch.backward_}) {
    for (ChArc& arc : *arcs) {
      if (arc.isShortcut()) {
        arc.first = backwardMap[arc.first];
        arc.second = forwardMap[arc.second];
      }
    }
  }
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
