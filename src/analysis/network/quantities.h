// Strong types for the three edge weights (metres, seconds, yuan per tonne) and the metric a query optimises.
#pragma once

#include <compare>
#include <cstdint>
#include <string_view>

namespace circatlas::analysis::network {

/// A double tagged with its unit, so a length is never added to a travel time.
template <typename Tag>
class Quantity {
 public:
  constexpr Quantity() = default;
  constexpr explicit Quantity(double value) : value_(value) {}
  [[nodiscard]] constexpr double value() const noexcept { return value_; }

  constexpr Quantity& operator+=(Quantity other) noexcept {
    value_ += other.value_;
    return *this;
  }
  friend constexpr Quantity operator+(Quantity a, Quantity b) noexcept { return Quantity(a.value_ + b.value_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) noexcept { return Quantity(a.value_ - b.value_); }
  friend constexpr Quantity operator*(Quantity a, double factor) noexcept { return Quantity(a.value_ * factor); }
  friend constexpr auto operator<=>(Quantity, Quantity) = default;

 private:
  double value_ = 0.0;
};

using Meters = Quantity<struct MetersTag>;              ///< length along the road, metres
using Seconds = Quantity<struct SecondsTag>;            ///< travel time, seconds
using YuanPerTonne = Quantity<struct YuanPerTonneTag>;  ///< transport cost, CNY per tonne carried

/// What a shortest-path query minimises.
enum class Metric : std::uint8_t { Length, Time, Cost };

/// "length", "time" or "cost".
[[nodiscard]] constexpr std::string_view toString(Metric metric) noexcept {
  switch (metric) {
    case Metric::Length:
      return "length";
    case Metric::Time:
      return "time";
    case Metric::Cost:
      return "cost";
  }
  return "?";
}

/// Length, time and cost of one arc or of a whole path, all three always carried together so that a
/// route optimised for one metric also reports the other two along the same path.
struct Totals {
  Meters length;
  Seconds time;
  YuanPerTonne cost;

  /// The value of one metric in its own unit (m, s or CNY/t), for comparisons inside a search.
  [[nodiscard]] constexpr double in(Metric metric) const noexcept {
    switch (metric) {
      case Metric::Length:
        return length.value();
      case Metric::Time:
        return time.value();
      case Metric::Cost:
        return cost.value();
    }
    return 0.0;
  }
  /// Every component multiplied by factor (e.g. the part of an arc before a snapped point).
  [[nodiscard]] constexpr Totals scaled(double factor) const noexcept {
    return {length * factor, time * factor, cost * factor};
  }
  friend constexpr Totals operator+(const Totals& a, const Totals& b) noexcept {
    return {a.length + b.length, a.time + b.time, a.cost + b.cost};
  }
  friend constexpr bool operator==(const Totals&, const Totals&) = default;
};

}  // namespace circatlas::analysis::network
