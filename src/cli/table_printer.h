// Aligned plain-text tables for terminal output (widths count characters, CJK as two columns).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/value.h"

namespace circatlas::cli {

/// Collects rows and prints them with columns padded to the widest cell.
class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header, std::vector<bool> rightAligned = {});
  void addRow(std::vector<std::string> row);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> rightAligned_;
  std::vector<std::vector<std::string>> rows_;
};

/// A number with `decimals` digits after the point ("12.35").
[[nodiscard]] std::string formatFixed(double value, int decimals);

/// A real cell with a printf format ("%.0f", "%+.0f", "%.3g"); "-" when the value is not a real.
[[nodiscard]] std::string formatReal(const core::Value& value, const char* printfFormat);

/// Display width of UTF-8 text in a terminal: East Asian wide characters count two.
[[nodiscard]] std::size_t displayWidth(const std::string& utf8);

}  // namespace circatlas::cli
