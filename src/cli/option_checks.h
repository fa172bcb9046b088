// Checks of numeric options made while the command line is parsed, so a bad value fails at once (exit 2).
#pragma once

namespace CLI {
class Option;
}

namespace circatlas::cli {

/// The option's value must be a finite number within [low, high]: CLI11's Range lets NaN through
/// (every comparison with NaN is false), and "inf" parses as a number.
CLI::Option* finiteRange(CLI::Option* option, double low, double high);

}  // namespace circatlas::cli
