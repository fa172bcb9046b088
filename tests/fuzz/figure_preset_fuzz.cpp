// Fuzzes figure presets (layers/figures/*.json): any bytes give a FigurePreset or a core::Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "definitions/figure_preset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)circatlas::definitions::parseFigurePreset(text, "fuzz.json");
  } catch (const circatlas::core::Error&) {
    // a clear error is the expected outcome for bad input
  }
  return 0;
}
