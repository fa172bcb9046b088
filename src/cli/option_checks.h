// Checks of numeric and text options made while the command line is parsed, so a bad value fails at once (exit 2).
#pragma once

#include <cstddef>

namespace CLI {
class Option;
}

namespace circatlas::cli {

/// The option's value must be a finite number within [low, high]: CLI11's Range lets NaN through
/// (every comparison with NaN is false), and "inf" parses as a number.
CLI::Option* finiteRange(CLI::Option* option, double low, double high);

/// Text printed on a figure: at most maxChars characters (UTF-8 code points) and no control
/// characters, which would draw as boxes and make the SVG unreadable to XML parsers.
CLI::Option* printableText(CLI::Option* option, std::size_t maxChars);

}  // namespace circatlas::cli
