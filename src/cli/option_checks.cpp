// Numeric and text option checks shared by the subcommands.
#include "cli/option_checks.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <sstream>
#include <string>

namespace circatlas::cli {

CLI::Option* finiteRange(CLI::Option* option, double low, double high) {
  std::ostringstream range;
  range << "[" << low << " - " << high << "]";
  return option->check(CLI::Validator(
      [low, high, text = range.str()](const std::string& value) {
        double v = 0.0;
        if (!CLI::detail::lexical_cast(value, v) || !std::isfinite(v) || v < low || v > high) {
          return "value " + value + " is not a finite number in " + text;
        }
        return std::string();
      },
      "NUMBER in " + range.str()));
}

CLI::Option* printableText(CLI::Option* option, std::size_t maxChars) {
  return option->check(CLI::Validator(
      [maxChars](const std::string& value) {
        std::size_t chars = 0;
        for (const char c : value) {
          const auto byte = static_cast<unsigned char>(c);
          if (byte < 0x20 || byte == 0x7F) {
            return "holds a control character (code " + std::to_string(byte) + "): only printable text can be drawn";
          }
          if ((byte & 0xC0U) != 0x80U) ++chars;  // count code points, not UTF-8 continuation bytes
        }
        if (chars > maxChars) {
          return "is " + std::to_string(chars) + " characters long; at most " + std::to_string(maxChars) + " fit";
        }
        return std::string();
      },
      "TEXT"));
}

}  // namespace circatlas::cli
