// Union-find for weak components and an iterative Tarjan for strong components.
#include "analysis/network/components.h"

#include <algorithm>
#include <numeric>

namespace circatlas::analysis::network {
namespace {

constexpr std::uint32_t kNone = 0xffffffffu;

// Renumbers raw labels so that 0 is the largest component, then by size, ties by first node.
ComponentSet normalise(const std::vector<std::uint32_t>& rawLabel) {
  const std::size_t n = rawLabel.size();
  std::vector<std::uint32_t> firstNode(n, kNone);
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (firstNode[rawLabel[v]] == kNone) firstNode[rawLabel[v]] = v;
    ++size[rawLabel[v]];
  }
  std::vector<std::uint32_t> labels;
  for (std::uint32_t l = 0; l < n; ++l) {
    if (size[l] > 0) labels.push_back(l);
  }
  std::sort(labels.begin(), labels.end(), [&](std::uint32_t a, std::uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : firstNode[a] < firstNode[b];
  });
  std::vector<std::uint32_t> newIndex(n, kNone);
  ComponentSet set;
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    newIndex[labels[i]] = i;
    set.sizes.push_back(size[labels[i]]);
  }
  set.componentOf.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) set.componentOf[v] = newIndex[rawLabel[v]];
  return set;
}

std::vector<std::uint32_t> weakLabels(const RoadGraph& graph) {
  std::vector<std::uint32_t> parent(graph.nodeCount());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
    const std::uint32_t x = find(graph.tail(ArcId(a)).value());
    const std::uint32_t y = find(graph.head(ArcId(a)).value());
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  for (std::uint32_t v = 0; v < parent.size(); ++v) parent[v] = find(v);
  return parent;
}

std::vector<std::uint32_t> strongLabels(const RoadGraph& graph) {
  const std::uint32_t n = graph.nodeCount();
  std::vector<std::uint32_t> index(n, kNone);
  std::vector<std::uint32_t> low(n, 0);
  std::vector<std::uint32_t> label(n, kNone);
  std::vector<std::uint32_t> stack;
  struct Frame {
    std::uint32_t node;
    std::uint32_t nextArc;
  };
  std::vector<Frame> calls;
  std::uint32_t counter = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kNone) continue;
    auto open = [&](std::uint32_t v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      calls.push_back({v, (*graph.outArcs(NodeId(v)).begin()).value()});
    };
    open(root);
    while (!calls.empty()) {
      Frame& frame = calls.back();
      const std::uint32_t v = frame.node;
      const std::uint32_t arcEnd = (*graph.outArcs(NodeId(v)).end()).value();
      if (frame.nextArc < arcEnd) {
        const std::uint32_t w = graph.head(ArcId(frame.nextArc++)).value();
        if (index[w] == kNone) {
          open(w);  // invalidates frame
        } else if (label[w] == kNone) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::uint32_t w = kNone;
        do {
          w = stack.back();
          stack.pop_back();
          label[w] = v;
        } while (w != v);
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[v]);
    }
  }
  return label;
}

}  // namespace

ComponentsReport analyseComponents(const RoadGraph& graph) {
  return {normalise(weakLabels(graph)), normalise(strongLabels(graph))};
}

}  // namespace circatlas::analysis::network
