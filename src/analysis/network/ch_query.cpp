// ChQuery: both upward searches run to completion, the best meeting node wins, shortcuts are unpacked.
#include "analysis/network/ch_query.h"

#include <algorithm>
#include <limits>

namespace circatlas::analysis::network {

ChQuery::ChQuery(const ContractionHierarchy& ch) : ch_(&ch), forward_(ch, true, true), backward_(ch, false, false) {}

std::optional<Totals> ChQuery::distance(NodeId source, NodeId target) {
  const Anchor s[] = {{source, {}}};
  const Anchor t[] = {{target, {}}};
  const auto found = route(s, t);
  if (!found) return std::nullopt;
  return found->totals;
}

std::optional<ChRoute> ChQuery::route(std::span<const Anchor> sources, std::span<const Anchor> targets) {
  if (ch_->empty()) return std::nullopt;
  forward_.run(sources);
  backward_.run(targets);
  // Upward search spaces are small (hundreds of nodes), so running both to the end and scanning the
  // smaller is simpler than interleaving them with a stopping rule, and as fast in practice. Only the
  // forward search crosses the core, so the backward one is the smaller.
  double best = std::numeric_limits<double>::infinity();
  std::uint32_t meet = UpwardSearch::kNone;
  for (std::uint32_t x : backward_.settled()) {
    if (!forward_.reached(x)) continue;
    const double d = forward_.dist(x) + backward_.dist(x);
    if (d < best) {
      best = d;
      meet = x;
    }
  }
  if (meet == UpwardSearch::kNone) return std::nullopt;

  ChRoute result;
  result.totals = forward_.totals(meet) + backward_.totals(meet);
  std::vector<std::uint32_t> up;  // forward arcs from the source anchor up to meet, collected backwards
  std::uint32_t x = meet;
  for (; forward_.parentArc(x) != UpwardSearch::kNone; x = forward_.parentNode(x)) up.push_back(forward_.parentArc(x));
  result.sourceNode = NodeId(x);
  std::for_each(up.rbegin(), up.rend(), [&](auto arc) { ch_->unpack(ch_->forwardArcs()[arc], result.arcs); });
  for (x = meet; backward_.parentArc(x) != UpwardSearch::kNone; x = backward_.parentNode(x)) {
    ch_->unpack(ch_->backwardArcs()[backward_.parentArc(x)], result.arcs);
  }
  result.targetNode = NodeId(x);
  return result;
}

}  // namespace circatlas::analysis::network
