// Reads a CSV file (libcsv, strict RFC 4180) into a table of text cells with line numbers.
#pragma once

#include <string>

#include "core/text_table.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// Reads every row of a CSV file as text, without guessing types: validators decide what a cell
/// must be and report "expected a number, got …" themselves. Empty cells are nullopt; cells keep
/// their spaces. A row's line is the physical line it starts on (quoted cells may span lines;
/// blank lines are skipped). The separator is a comma, or a semicolon or tab when the header has
/// no comma. A UTF-8 byte-order mark is dropped. Rows with fewer cells than the header get empty
/// cells; trailing empty extra cells are dropped.
/// Throws core::IoError (missing/unreadable, a FIFO), core::InputError naming the file and line for:
/// not UTF-8 under Reject, a NUL byte, malformed or unclosed quotes, a column named twice in the
/// header, a row with non-empty cells beyond the header's columns.
[[nodiscard]] core::TextTable readCsvTable(const std::string& path, EncodingPolicy encoding = EncodingPolicy::Reject);

}  // namespace circatlas::io
