// Fuzzes the style parser (styles/*.json): any bytes give a Style or a core::Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "definitions/style_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)circatlas::definitions::parseStyle(text, "fuzz.json");
  } catch (const circatlas::core::Error&) {
    // a clear error is the expected outcome for bad input
  }
  return 0;
}
