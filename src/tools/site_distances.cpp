// SiteDistances: the router's many-to-many matrix over the sites the partner search asks about.
#include "tools/site_distances.h"

#include <cmath>
#include <string>

#include "core/error.h"

namespace circatlas::tools {

namespace net = analysis::network;

SiteDistances::SiteDistances(const net::Router& router, std::span<const core::XY> positions,
                             std::span<const std::uint32_t> origins, std::span<const std::uint32_t> destinations)
    : router_(&router), positions_(positions), rowOf_(positions.size(), kAbsent), columnOf_(positions.size(), kAbsent) {
  std::vector<core::XY> from;
  std::vector<core::XY> to;
  for (std::uint32_t s : origins) {
    if (rowOf_[s] != kAbsent) continue;
    rowOf_[s] = static_cast<std::uint32_t>(from.size());
    from.push_back(positions[s]);
  }
  for (std::uint32_t s : destinations) {
    if (columnOf_[s] != kAbsent) continue;
    columnOf_[s] = static_cast<std::uint32_t>(to.size());
    to.push_back(positions[s]);
  }
  if (from.size() * to.size() > kMaxPairs) {
    throw core::ParameterError("network distances for " + std::to_string(from.size()) + " suppliers × " +
                               std::to_string(to.size()) + " receivers exceed " + std::to_string(kMaxPairs) +
                               " pairs: narrow the search (--enterprise, --material) or leave out --network");
  }
  columns_ = to.size();
  const net::RouteMatrix m = router.matrix(from, to);
  km_.resize(m.distances.size());
  routed_.resize(m.distances.size());
  for (std::size_t i = 0; i < m.distances.size(); ++i) {
    km_[i] = m.distances[i].value() / 1000.0;
    routed_[i] = m.statuses[i] == net::PairStatus::Routed;
    ++counts_[static_cast<std::size_t>(m.statuses[i])];
  }
}

analysis::partners::Leg SiteDistances::operator()(std::uint32_t a, std::uint32_t b) const {
  const std::uint32_t r = rowOf_[a];
  const std::uint32_t c = columnOf_[b];
  if (r == kAbsent || c == kAbsent) {
    const core::XY p = positions_[a];
    const core::XY q = positions_[b];
    return {std::hypot(q.x - p.x, q.y - p.y) / 1000.0 * router_->options().detourFactor, false};
  }
  const std::size_t i = r * columns_ + c;
  return {km_[i], routed_[i] != 0};
}

}  // namespace circatlas::tools
