// Numeric option checks shared by the subcommands.
#include "cli/option_checks.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <sstream>

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

}  // namespace circatlas::cli
