// Fuzzes distance parsing ("5km", "500 m"): a finite, non-negative number of metres or a
// core::ParameterError, never a crash, an infinity or a NaN.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "core/units.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const double meters = circatlas::core::parseDistanceMeters(text);
    if (!std::isfinite(meters) || meters < 0) std::abort();
  } catch (const circatlas::core::ParameterError&) {
    // the expected outcome for text that is not a distance
  }
  return 0;
}
