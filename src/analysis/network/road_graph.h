// The immutable road network: nodes with XY positions and directed arcs in forward and reverse CSR arrays.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/network/quantities.h"
#include "core/ids.h"
#include "core/points.h"
#include "core/shared_array.h"

namespace circatlas::analysis::network {

using NodeId = core::StrongId<struct NodeIdTag, std::uint32_t>;  ///< index of a node, 0..nodeCount-1
using EdgeId = core::StrongId<struct EdgeIdTag, std::uint32_t>;  ///< index of an edge given to GraphBuilder
using ArcId = core::StrongId<struct ArcIdTag, std::uint32_t>;    ///< index of a directed arc in a RoadGraph

/// A contiguous range of arc ids, as returned by RoadGraph::outArcs.
class ArcRange {
 public:
  class Iterator {
   public:
    using value_type = ArcId;
    using difference_type = std::ptrdiff_t;
    constexpr Iterator() = default;
    constexpr explicit Iterator(std::uint32_t index) : index_(index) {}
    constexpr ArcId operator*() const noexcept { return ArcId(index_); }
    constexpr Iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    constexpr Iterator operator++(int) noexcept { return Iterator(index_++); }
    friend constexpr bool operator==(Iterator, Iterator) = default;

   private:
    std::uint32_t index_ = 0;
  };
  constexpr ArcRange(std::uint32_t first, std::uint32_t last) : first_(first), last_(last) {}
  [[nodiscard]] constexpr Iterator begin() const noexcept { return Iterator(first_); }
  [[nodiscard]] constexpr Iterator end() const noexcept { return Iterator(last_); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return last_ - first_; }

 private:
  std::uint32_t first_;
  std::uint32_t last_;
};

/// A directed road graph in compressed sparse row form. Built only by GraphBuilder, never changed
/// afterwards, so it can be shared read-only between threads. Positions are metres in the analysis
/// CRS; an arc's geometry is the straight segment between its end nodes (readers split polylines at
/// their vertices). A two-way edge becomes two arcs; self-loops are not present (see GraphBuilder).
class RoadGraph {
 public:
  RoadGraph() = default;

  [[nodiscard]] std::uint32_t nodeCount() const noexcept { return static_cast<std::uint32_t>(positions_.size()); }
  [[nodiscard]] std::uint32_t arcCount() const noexcept { return static_cast<std::uint32_t>(heads_.size()); }
  /// Number of edges given to the builder (including dropped self-loops and parallel edges).
  [[nodiscard]] std::uint32_t edgeCount() const noexcept { return static_cast<std::uint32_t>(edgeSources_.size()); }

  /// Position of a node in metres, analysis CRS.
  [[nodiscard]] core::XY position(NodeId node) const { return positions_[node.value()]; }
  [[nodiscard]] std::span<const core::XY> positions() const noexcept { return positions_; }

  /// Arcs leaving a node, sorted by head node.
  [[nodiscard]] ArcRange outArcs(NodeId node) const { return {firstOut_[node.value()], firstOut_[node.value() + 1]}; }
  /// Arcs entering a node.
  [[nodiscard]] std::span<const ArcId> inArcs(NodeId node) const {
    return inArcs_.span().subspan(firstIn_[node.value()], firstIn_[node.value() + 1] - firstIn_[node.value()]);
  }

  [[nodiscard]] NodeId tail(ArcId arc) const { return NodeId(tails_[arc.value()]); }
  [[nodiscard]] NodeId head(ArcId arc) const { return NodeId(heads_[arc.value()]); }
  [[nodiscard]] const Totals& totals(ArcId arc) const { return totals_[arc.value()]; }
  /// The arc's value in one metric, in that metric's unit (m, s or CNY/t).
  [[nodiscard]] double weight(ArcId arc, Metric metric) const { return totals_[arc.value()].in(metric); }
  /// The builder edge this arc came from.
  [[nodiscard]] EdgeId edge(ArcId arc) const { return EdgeId(edges_[arc.value()]); }
  /// The source feature an edge was read from, when the builder was told.
  [[nodiscard]] std::optional<core::FeatureId> sourceFeature(EdgeId edge) const {
    if (edgeHasSource_[edge.value()] == 0) return std::nullopt;
    return core::FeatureId(edgeSources_[edge.value()]);
  }

  /// The distinct nodes joined to `node` by an arc either way, counted up to limit + 1 (limit ≤ 3): a node
  /// with more than two is a junction, one with exactly two only passes a road on.
  [[nodiscard]] std::size_t distinctNeighbours(NodeId node, std::size_t limit) const;

  /// The arc from → to that is cheapest in metric (parallel arcs may differ per metric), if any.
  [[nodiscard]] std::optional<ArcId> cheapestArc(NodeId from, NodeId to, Metric metric) const;

  /// The arrays of a graph, as GraphBuilder lays them out, to be kept in a file and read back
  /// (tools/network_cache.h). As a view (spans into the graph) for writing; as shared arrays, which may point
  /// into a mapped file, for reading; as vectors while GraphBuilder fills them.
  template <template <typename> typename Array>
  struct Arrays {
    Array<core::XY> positions;          ///< per node
    Array<std::uint32_t> firstOut;      ///< nodeCount + 1 offsets into the arc arrays
    Array<std::uint32_t> tails;         ///< per arc
    Array<std::uint32_t> heads;         ///< per arc
    Array<Totals> totals;               ///< per arc
    Array<std::uint32_t> edges;         ///< per arc: the builder edge
    Array<std::uint32_t> firstIn;       ///< nodeCount + 1 offsets into inArcs
    Array<ArcId> inArcs;                ///< arcs grouped by head
    Array<std::uint8_t> edgeHasSource;  ///< per builder edge: 1 if read from a feature, else 0
    Array<std::int64_t> edgeSources;    ///< per builder edge: that feature's id (else 0)
  };
  template <typename T>
  using ConstSpan = std::span<const T>;
  template <typename T>
  using Vector = std::vector<T>;
  using View = Arrays<ConstSpan>;
  using Data = Arrays<core::SharedArray>;
  [[nodiscard]] View view() const noexcept;
  /// A graph from arrays made by GraphBuilder and kept elsewhere. Checks that they fit together before any
  /// search can use them, so damaged or foreign arrays are refused instead of searched: core::InputError
  /// saying the first thing that does not fit (sizes, offsets that do not rise from 0 to the arc count, an arc
  /// whose tail is not the node it is listed under, a node or edge that does not exist, a self-loop, a node's
  /// arcs not sorted by head, an in-list that is not the out-lists regrouped, a position or figure that is
  /// not finite or a negative figure). Linear in the arrays' size.
  [[nodiscard]] static RoadGraph fromData(Data&& data);

 private:
  friend class GraphBuilder;
  // A graph of arrays that are known to fit together (GraphBuilder's, or checked by fromData).
  [[nodiscard]] static RoadGraph adopt(Data&& data);

  core::SharedArray<core::XY> positions_;
  core::SharedArray<std::uint32_t> firstOut_;  // nodeCount + 1 offsets into the arc arrays
  core::SharedArray<std::uint32_t> tails_;
  core::SharedArray<std::uint32_t> heads_;
  core::SharedArray<Totals> totals_;
  core::SharedArray<std::uint32_t> edges_;
  core::SharedArray<std::uint32_t> firstIn_;  // nodeCount + 1 offsets into inArcs_
  core::SharedArray<ArcId> inArcs_;
  core::SharedArray<std::uint8_t> edgeHasSource_;
  core::SharedArray<std::int64_t> edgeSources_;
};

}  // namespace circatlas::analysis::network
