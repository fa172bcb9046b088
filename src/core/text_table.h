// A table of text cells with the line each row came from: what a CSV reader hands to validators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cells.h"

namespace circatlas::core {

/// Rows of optional text cells (nullopt = empty cell) under a header, each row remembering its
/// 1-based line number in the source file so that problems can be reported as file:line:field.
struct TextTable {
  std::string source;               ///< file name as the user gave it
  std::vector<std::string> header;  ///< column names in file order
  struct Row {
    std::int64_t line = 0;
    Cells cells;  ///< one per header column
  };
  std::vector<Row> rows;

  /// Index of a column, or nullopt.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    return std::nullopt;
  }
};

}  // namespace circatlas::core
