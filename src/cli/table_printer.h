// Aligned plain-text tables for terminal output (widths count characters, CJK as two columns).
#pragma once

#include <ostream>
#include <string>
#include <vector>

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

/// Display width of UTF-8 text in a terminal: East Asian wide characters count two.
[[nodiscard]] std::size_t displayWidth(const std::string& utf8);

}  // namespace circatlas::cli
