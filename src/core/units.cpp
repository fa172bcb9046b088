// Distance-with-unit parsing.
#include "core/units.h"

#include <charconv>
#include <cmath>
#include <string>

#include "core/error.h"

namespace circatlas::core {

double parseDistanceMeters(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  std::string_view unit = s.substr(static_cast<std::size_t>(end - s.data()));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  double factor = 0;
  if (unit == "km") factor = 1000.0;
  else if (unit == "m") factor = 1.0;
  // The product is checked too: "1e308km" is a finite number of kilometres but no finite metres.
  const double meters = value * factor;
  if (ec != std::errc{} || factor == 0 || !std::isfinite(meters) || value < 0) {
    throw ParameterError("expected a distance with its unit, such as 5km or 500m, got \"" + std::string(text) + "\"");
  }
  return meters;
}

}  // namespace circatlas::core
