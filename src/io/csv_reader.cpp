// CSV → TextTable: encoding check on the raw bytes, then libcsv's strict RFC 4180 parser, fed one
// physical line at a time so every row knows the line it starts on.
#include "io/csv_reader.h"

#include <cpl_vsi.h>
#include <csv.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <string_view>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/memory_budget.h"
#include "io/output_target.h"

namespace circatlas::io {

namespace {

std::string readAllBytes(const std::string& path) {
  // Read straight into the string (GDAL's VSIIngestFile would read into its own buffer, to be
  // copied once more: a second copy of a 200 MB registry).
  VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
  if (file == nullptr) throw core::IoError(path + ": cannot be read");
  std::string bytes;
  bool ok = VSIFSeekL(file, 0, SEEK_END) == 0;
  const vsi_l_offset size = ok ? VSIFTellL(file) : 0;
  // Catalogue and registry tables are small; 2 GiB is a guard against reading a wrong file.
  ok = ok && size <= (vsi_l_offset{2} << 30) && VSIFSeekL(file, 0, SEEK_SET) == 0;
  if (ok) {
    bytes.resize(static_cast<std::size_t>(size));
    ok = VSIFReadL(bytes.data(), 1, bytes.size(), file) == bytes.size();
  }
  VSIFCloseL(file);
  if (!ok) throw core::IoError(path + ": cannot be read");
  return bytes;
}

// 1-based physical line of byte `offset`.
std::int64_t lineAt(std::string_view text, std::size_t offset) {
  return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

// The separator of the header line, as GDAL's CSV driver chooses it: a comma unless the header
// holds none outside quotes and holds semicolons or tabs (registries exported by spreadsheets).
unsigned char detectDelimiter(std::string_view text) {
  std::array<std::size_t, 3> count{};  // ',' ';' '\t'
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++count[0];
    if (c == ';') ++count[1];
    if (c == '\t') ++count[2];
  }
  if (count[0] > 0) return ',';
  if (count[1] >= count[2] && count[1] > 0) return ';';
  if (count[2] > 0) return '\t';
  return ',';
}

// What the parser callbacks build: the header first, then rows, each with its first line.
struct ParseState {
  const std::string* path = nullptr;
  core::TextTable* table = nullptr;
  const FeatureBudget* budget = nullptr;
  bool inHeader = true;
  std::int64_t recordLine = 0;  // physical line the current record started on
  std::vector<std::optional<std::string>> cells;
  // An exception must not unwind through libcsv's C frames: the callbacks park it here, ignore
  // the rest of the line, and readCsvTable rethrows it once csv_parse has returned.
  std::exception_ptr failure;
};

void onField(void* data, std::size_t size, void* state) {
  auto& s = *static_cast<ParseState*>(state);
  if (s.failure) return;
  if (data == nullptr || size == 0) {
    s.cells.emplace_back(std::nullopt);
  } else {
    s.cells.emplace_back(std::string(static_cast<const char*>(data), size));
  }
}

void finishHeader(ParseState& s) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    // An unnamed column gets GDAL's name for it, so it can still be mapped by name.
    std::string name = s.cells[i].value_or("field_" + std::to_string(i + 1));
    if (const auto [it, inserted] = seen.emplace(name, i + 1); !inserted) {
      throw core::InputError(*s.path + ":" + std::to_string(s.recordLine) + ": column '" + name +
                             "' appears twice (columns " + std::to_string(it->second) + " and " +
                             std::to_string(i + 1) + "): rename one so it is clear which is meant");
    }
    s.table->header.push_back(std::move(name));
  }
  s.inHeader = false;
}

void finishRecord(ParseState& s) {
  if (s.inHeader) {
    finishHeader(s);
  } else {
    const std::size_t columns = s.table->header.size();
    if (s.cells.size() > columns) {
      // Trailing empty cells (a spreadsheet's "a,b,c,,") carry nothing; anything else would be lost.
      for (std::size_t i = columns; i < s.cells.size(); ++i) {
        if (s.cells[i].has_value()) {
          throw core::InputError(*s.path + ":" + std::to_string(s.recordLine) + ": " + std::to_string(s.cells.size()) +
                                 " cells, but the header names " + std::to_string(columns) + " columns (cell " +
                                 std::to_string(i + 1) + " is \"" + *s.cells[i] +
                                 "\"): a missing header name, or an unquoted separator inside a value");
        }
      }
    }
    s.cells.resize(columns);
    s.budget->check(s.table->rows.size() + 1);
    s.table->rows.push_back({s.recordLine, std::move(s.cells)});
  }
  // Room for a whole row at once: growing cell by cell reallocated every row five times.
  s.cells = {};
  s.cells.reserve(s.table->header.size());
}

void onRecord(int /*terminator*/, void* state) {
  auto& s = *static_cast<ParseState*>(state);
  if (s.failure) return;
  try {
    finishRecord(s);
  } catch (...) {
    s.failure = std::current_exception();
  }
}

// libcsv's parser, freed on every exit.
class Parser {
 public:
  explicit Parser(unsigned char options) {
    if (csv_init(&parser_, options) != 0) throw core::IoError("cannot start the CSV parser");
    // Values are kept exactly as written: no trimming of spaces around unquoted cells.
    csv_set_space_func(&parser_, [](unsigned char) { return 0; });
  }
  ~Parser() { csv_free(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  csv_parser* get() noexcept { return &parser_; }
  // libcsv's state 0 is "row not begun": the next byte fed starts a record (or a blank line).
  [[nodiscard]] bool betweenRecords() const noexcept { return parser_.pstate == 0; }

 private:
  csv_parser parser_{};
};

}  // namespace

core::TextTable readCsvTable(const std::string& path, EncodingPolicy encoding) {
  detail::ensureGdalInitialised();
  const std::string layerName = std::filesystem::path(path).stem().string();
  // Before anything is read: a FIFO or device is refused (it would block), the file's size and a
  // sample of its lines say whether it can fit at all, so a file far over the budget is refused in
  // milliseconds, not after it has been read.
  const std::uint64_t size = checkInputFile(path);
  if (std::filesystem::is_directory(path)) throw core::IoError(path + ": is a folder, not a CSV file");
  if (size == 0) throw core::InputError(path + ": is empty (0 bytes): no header, no rows");
  const RecordEstimate estimate = estimateCsvRecords(path, size);
  if (estimate.records > 0) {
    requireFitsInMemory(path, layerName, estimate.records,
                        estimate.exact
                            ? std::string()
                            : "estimated from the file's " + formatBytes(size) + " and samples of its lines");
  }
  requireTextFitsInMemory(path, size);
  std::string text = toUtf8(readAllBytes(path), path, encoding);
  std::string_view rest(text);
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a spreadsheet's UTF-8 byte-order mark
  if (const auto nul = rest.find('\0'); nul != std::string_view::npos) {
    throw core::InputError(path + ":" + std::to_string(lineAt(rest, nul)) +
                           ": holds a NUL byte (binary data, or a UTF-16 file: save it as UTF-8 CSV)");
  }

  core::TextTable table;
  table.source = path;
  // The estimate may be high or low by a little; reserving it saves copying every row as it grows.
  table.rows.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(estimate.records, size / 2 + 1)));
  const FeatureBudget budget(path, layerName);
  ParseState state{&path, &table, &budget, true, 0, {}, nullptr};
  Parser parser(CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL);
  csv_set_delim(parser.get(), detectDelimiter(rest));
  std::int64_t line = 0;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size() - 1);
    const std::string_view physical = rest.substr(0, end + 1);
    ++line;
    if (parser.betweenRecords()) state.recordLine = line;
    if (csv_parse(parser.get(), physical.data(), physical.size(), onField, onRecord, &state) != physical.size()) {
      throw core::InputError(path + ":" + std::to_string(line) +
                             ": malformed quotes (a \" inside a quoted cell must be doubled as \"\", and a "
                             "quoted cell must end right before a separator or the line's end)");
    }
    if (state.failure) std::rethrow_exception(state.failure);
    rest.remove_prefix(physical.size());
  }
  const int finished = csv_fini(parser.get(), onField, onRecord, &state);
  if (state.failure) std::rethrow_exception(state.failure);
  if (finished != 0) {
    throw core::InputError(path + ":" + std::to_string(state.recordLine) +
                           ": a quoted cell that starts on this line is never closed (a missing \")");
  }
  if (state.inHeader) throw core::InputError(path + ": holds only blank lines: no header, no rows");
  return table;
}

}  // namespace circatlas::io
