// Reads a CSV file (through GDAL's CSV driver) into a table of text cells with line numbers.
#pragma once

#include <string>

#include "core/text_table.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// Reads every row of a CSV file as text, without guessing types: validators decide what a cell
/// must be and report "expected a number, got …" themselves. Empty cells are nullopt. Line numbers
/// assume one line per record (a quoted cell spanning lines shifts the numbers after it).
/// Throws core::IoError (missing/unreadable), core::InputError (not UTF-8 under Reject, not CSV).
[[nodiscard]] core::TextTable readCsvTable(const std::string& path,
                                           EncodingPolicy encoding = EncodingPolicy::Reject);

}  // namespace circatlas::io
