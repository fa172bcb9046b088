// Column alignment for terminal tables.
#include "cli/table_printer.h"

#include <algorithm>
#include <cstdio>

namespace circatlas::cli {

std::string formatFixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string formatReal(const core::Value& value, const char* printfFormat) {
  const auto* d = std::get_if<double>(&value);
  if (!d) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, printfFormat, *d);
  return buf;
}

std::size_t displayWidth(const std::string& utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t len = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07U;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0FU;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1FU;
    }
    for (std::size_t k = 1; k < len && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
    }
    // CJK ideographs, Hangul, full-width forms and CJK punctuation take two columns.
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

TablePrinter::TablePrinter(std::vector<std::string> header, std::vector<bool> rightAligned)
    : header_(std::move(header)), rightAligned_(std::move(rightAligned)) {
  rightAligned_.resize(header_.size(), false);
}

void TablePrinter::addRow(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

void TablePrinter::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) {
    widths[c] = displayWidth(header_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], displayWidth(row[c]));
  }
  auto printRow = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - displayWidth(row[c]), ' ');
      line += rightAligned_[c] ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : "");
      if (c + 1 < row.size()) line += "  ";
    }
    out << line << '\n';
  };
  printRow(header_);
  for (const auto& row : rows_) printRow(row);
}

}  // namespace circatlas::cli
