// UpwardSearch: Dijkstra on the upward arcs of a hierarchy, pruning nodes reached better from above.
#include "analysis/network/upward_search.h"

#include <algorithm>
#include <cassert>
#include <functional>

namespace circatlas::analysis::network {

UpwardSearch::UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore, const CoreGraph* core)
    : ch_(&ch),
      forward_(forward),
      expandCore_(expandCore),
      core_(expandCore ? core : nullptr),
      coreBegin_(static_cast<std::uint32_t>(ch.ranks().size()) - ch.coreSize()),
      slots_(ch.graph().nodeCount()),
      coreSlots_(core_ ? core_->size() : 0) {
  assert(!core_ || core_->size() == ch.coreSize());
}

UpwardSearch::Label& UpwardSearch::labelFor(Slot& slot) {
  if (slot.round != round_) {
    slot.round = round_;
    slot.label = static_cast<std::uint32_t>(labels_.size());
    labels_.emplace_back();
  }
  return labels_[slot.label];
}

void UpwardSearch::push(double dist, std::uint32_t node, std::uint32_t core) {
  heap_.push_back({dist, node, core});
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
}

void UpwardSearch::run(std::span<const Anchor> anchors) {
  if (++round_ == 0) {  // after 2^32 runs: forget every node, and count again
    std::fill(slots_.begin(), slots_.end(), Slot{});
    std::fill(coreSlots_.begin(), coreSlots_.end(), Slot{});
    round_ = 1;
  }
  settled_.clear();
  settledDist_.clear();
  heap_.clear();
  labels_.clear();
  const Metric metric = ch_->metric();
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric);
    const std::uint32_t c = coreNumber(v);
    Slot& s = slot(v, c);
    if (s.round != round_ || d < labels_[s.label].dist) {
      labelFor(s) = {d, anchor.offset, kNone, kNone};
      push(d, v, c);
    }
  }
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const Entry top = heap_.back();
    heap_.pop_back();
    const double d = top.dist;
    const std::uint32_t x = top.node;
    if (top.core != kNone) {
      // On the CoreGraph (which only an expanding search has).
      if (d > labels_[coreSlots_[top.core].label].dist) continue;
      settled_.push_back(x);
      settledDist_.push_back(d);
      relaxCore(top.core, d);
      continue;
    }
    if (d > dist(x)) continue;
    if (ch_->isCore(x)) {
      // A core node's arcs lead only to core nodes: inside the core the search is a plain Dijkstra,
      // with nothing higher to stall it.
      settled_.push_back(x);
      settledDist_.push_back(d);
      if (expandCore_) relax(x, d);
      continue;
    }
    // Stall on demand: a higher node already reached offers a shorter way down to x, so x's label is
    // not exact and nothing above x needs to be reached through it.
    bool stalled = false;
    for (const ChArc& arc : forward_ ? ch_->backward(x) : ch_->forward(x)) {
      if (reached(arc.other) && dist(arc.other) + arc.weight < d) {
        stalled = true;
        break;
      }
    }
    if (stalled) continue;
    settled_.push_back(x);
    settledDist_.push_back(d);
    relax(x, d);
  }
}

void UpwardSearch::relax(std::uint32_t x, double d) {
  const auto arcs = forward_ ? ch_->forward(x) : ch_->backward(x);
  const std::uint32_t base = forward_ ? ch_->forwardOffset(x) : ch_->backwardOffset(x);
  for (std::uint32_t i = 0; i < arcs.size(); ++i) {
    const ChArc& arc = arcs[i];
    const double nd = d + arc.weight;
    const std::uint32_t c = coreNumber(arc.other);
    Slot& s = slot(arc.other, c);
    if (s.round != round_ || nd < labels_[s.label].dist) {
      // x's label is read before labelFor may grow labels_ (and move it).
      const Totals totals = label(x).totals + arc.totals;
      labelFor(s) = {nd, totals, base + i, x};
      push(nd, arc.other, c);
    }
  }
}

void UpwardSearch::relaxCore(std::uint32_t c, double d) {
  const std::uint32_t x = core_->node(c);
  // Copied: labelFor may grow labels_ (and move them). x's own label does not change here.
  const Totals from = labels_[coreSlots_[c].label].totals;
  for (const CoreGraph::Arc& arc : core_->arcs(c)) {
    const double nd = d + arc.weight;
    Slot& slot = coreSlots_[arc.head];
    if (slot.round != round_ || nd < labels_[slot.label].dist) {
      labelFor(slot) = {nd, from + arc.totals, arc.index, x};
      push(nd, core_->node(arc.head), arc.head);
    }
  }
}

}  // namespace circatlas::analysis::network
