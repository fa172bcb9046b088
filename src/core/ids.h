// Strong integer ids, so that a feature id is never passed where a node id is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace circatlas::core {

/// An integer id tagged with the kind of thing it identifies.
template <typename Tag, typename Rep = std::int64_t>
class StrongId {
 public:
  using rep_type = Rep;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}
  [[nodiscard]] constexpr Rep value() const noexcept { return value_; }
  constexpr auto operator<=>(const StrongId&) const = default;  // NOLINT(modernize-use-nullptr): tidy 14 false positive

 private:
  Rep value_{};
};

using FeatureId = StrongId<struct FeatureIdTag>;

}  // namespace circatlas::core

template <typename Tag, typename Rep>
struct std::hash<circatlas::core::StrongId<Tag, Rep>> {
  std::size_t operator()(const circatlas::core::StrongId<Tag, Rep>& id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};
