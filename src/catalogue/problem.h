// A validation finding, reported as file:line:field: severity: message.
#pragma once

#include <cstdint>
#include <string>

namespace circatlas::catalogue {

enum class Severity { Error, Warning };

/// One problem in one cell (or row, when field is empty; or file, when line is 0).
struct Problem {
  Severity severity = Severity::Error;
  std::string file;
  std::int64_t line = 0;
  std::string field;
  std::string message;
};

/// "enterprises.csv:12:lon: error: expected a number, got "103,8"".
[[nodiscard]] std::string format(const Problem& p);

}  // namespace circatlas::catalogue
