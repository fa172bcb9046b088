// CSV → TextTable: encoding check on the raw bytes, then libcsv's strict RFC 4180 parser, fed one
// physical line at a time so every row knows the line it starts on. A large file is cut at record
// boundaries into pieces parsed on every core, each by its own parser.
#include "io/csv_reader.h"

#include <cpl_vsi.h>
#include <csv.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iterator>
#include <map>
#include <string_view>

#include "core/error.h"
#include "core/parallel.h"
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

// How many rows a piece parses between additions to the shared row count.
constexpr std::uint64_t kRowsPerBudgetBatch = 4096;

// What the parser callbacks build: the header first, then rows, each with its first line.
struct ParseState {
  // `headerColumns`: the header's width once it has been read (by another state: a piece's table has no
  // header); 0 while the header is still to be read.
  ParseState(const std::string& file, core::TextTable& into, const FeatureBudget& rowBudget, std::size_t headerColumns,
             std::atomic<std::uint64_t>* rowsCounted = nullptr)
      : path(&file),
        table(&into),
        budget(&rowBudget),
        inHeader(headerColumns == 0),
        columns(headerColumns),
        rowsOfAllPieces(rowsCounted) {}

  const std::string* path = nullptr;
  core::TextTable* table = nullptr;
  const FeatureBudget* budget = nullptr;
  bool inHeader = true;
  std::size_t columns = 0;      // the header's width
  std::int64_t recordLine = 0;  // physical line the current record started on
  // Rows counted by all the pieces of a file parsed in parallel (null: one parser reads it all), added
  // in batches so that the budget is checked against the whole file's rows without a shared write per row.
  std::atomic<std::uint64_t>* rowsOfAllPieces = nullptr;
  // The record being read; each finished row gets a copy of its exact size, and this keeps its room.
  core::Cells cells;
  // An exception must not unwind through libcsv's C frames: the callbacks park it here, ignore
  // the rest of the line, and readCsvTable rethrows it once csv_parse has returned.
  std::exception_ptr failure;
};

void onField(void* data, std::size_t size, void* state) {
  auto& s = *static_cast<ParseState*>(state);
  if (s.failure) return;
  if (data == nullptr || size == 0) {
    s.cells.push_back(std::nullopt);
  } else {
    s.cells.push_back(std::string_view(static_cast<const char*>(data), size));
  }
}

void finishHeader(ParseState& s) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    // An unnamed column gets GDAL's name for it, so it can still be mapped by name.
    std::string name = s.cells[i] ? std::string(*s.cells[i]) : "field_" + std::to_string(i + 1);
    if (const auto [it, inserted] = seen.emplace(name, i + 1); !inserted) {
      throw core::InputError(*s.path + ":" + std::to_string(s.recordLine) + ": column '" + name +
                             "' appears twice (columns " + std::to_string(it->second) + " and " +
                             std::to_string(i + 1) + "): rename one so it is clear which is meant");
    }
    s.table->header.push_back(std::move(name));
  }
  s.columns = s.table->header.size();
  s.inHeader = false;
}

void finishRecord(ParseState& s) {
  if (s.inHeader) {
    finishHeader(s);
  } else {
    const std::size_t columns = s.columns;
    if (s.cells.size() > columns) {
      // Trailing empty cells (a spreadsheet's "a,b,c,,") carry nothing; anything else would be lost.
      for (std::size_t i = columns; i < s.cells.size(); ++i) {
        if (s.cells[i].has_value()) {
          throw core::InputError(*s.path + ":" + std::to_string(s.recordLine) + ": " + std::to_string(s.cells.size()) +
                                 " cells, but the header names " + std::to_string(columns) + " columns (cell " +
                                 std::to_string(i + 1) + " is \"" + std::string(*s.cells[i]) +
                                 "\"): a missing header name, or an unquoted separator inside a value");
        }
      }
    }
    s.cells.resize(columns);
    const std::uint64_t rows = s.table->rows.size() + 1;
    if (s.rowsOfAllPieces == nullptr) {
      s.budget->check(rows);
    } else if (rows % kRowsPerBudgetBatch == 0) {
      s.budget->check(s.rowsOfAllPieces->fetch_add(kRowsPerBudgetBatch) + kRowsPerBudgetBatch);
    }
    s.table->rows.push_back({s.recordLine, s.cells});
  }
  s.cells.clear();
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

// The step by which a parser's cell buffer grows; it is allocated on the first cell (untouched pages
// cost nothing).
constexpr std::size_t kCellBufferStep = std::size_t{1} << 20;

// libcsv's parser, freed on every exit.
class Parser {
 public:
  explicit Parser(unsigned char options) {
    if (csv_init(&parser_, options) != 0) throw core::IoError("cannot start the CSV parser");
    // Values are kept exactly as written: no trimming of spaces around unquoted cells.
    csv_set_space_func(&parser_, [](unsigned char) { return 0; });
    // libcsv grows its cell buffer by this step (128 bytes by default): a cell of megabytes (a WKT polygon,
    // a pasted document) was copied tens of thousands of times, minutes under a sanitizer's realloc.
    csv_set_blk_size(&parser_, kCellBufferStep);
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

constexpr unsigned char kParserOptions = CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL;

// A file at least this large is parsed in pieces on every core; a piece is at least kMinPieceBytes.
constexpr std::size_t kMinParallelBytes = std::size_t{8} << 20;
constexpr std::size_t kMinPieceBytes = std::size_t{2} << 20;

// Feeds the whole physical lines of `text` to the parser, the first being line `firstLine`. With
// `headerOnly` it stops after the line that ends the header record. Returns the bytes fed.
std::size_t parseLines(std::string_view text, std::int64_t firstLine, Parser& parser, ParseState& s, bool headerOnly) {
  std::size_t fed = 0;
  std::int64_t line = firstLine;
  while (fed < text.size() && !(headerOnly && !s.inHeader && parser.betweenRecords())) {
    const std::string_view rest = text.substr(fed);
    const std::size_t end = std::min(rest.find('\n'), rest.size() - 1);
    const std::string_view physical = rest.substr(0, end + 1);
    if (parser.betweenRecords()) s.recordLine = line;
    if (csv_parse(parser.get(), physical.data(), physical.size(), onField, onRecord, &s) != physical.size()) {
      throw core::InputError(*s.path + ":" + std::to_string(line) +
                             ": malformed quotes (a \" inside a quoted cell must be doubled as \"\", and a "
                             "quoted cell must end right before a separator or the line's end)");
    }
    if (s.failure) std::rethrow_exception(s.failure);
    fed += physical.size();
    ++line;
  }
  return fed;
}

// Ends the parse: a last record without a line break is finished, an open quote is an error.
void finishParse(Parser& parser, ParseState& s) {
  const int finished = csv_fini(parser.get(), onField, onRecord, &s);
  if (s.failure) std::rethrow_exception(s.failure);
  if (finished != 0) {
    throw core::InputError(*s.path + ":" + std::to_string(s.recordLine) +
                           ": a quoted cell that starts on this line is never closed (a missing \")");
  }
}

// Rows of `text` (starting between records, on line `firstLine`) read by one parser into the state's table.
void parseAll(std::string_view text, std::int64_t firstLine, unsigned char delimiter, ParseState& s) {
  Parser parser(kParserOptions);
  csv_set_delim(parser.get(), delimiter);
  parseLines(text, firstLine, parser, s, false);
  finishParse(parser, s);
}

struct QuotesAndBreaks {
  std::size_t quotes = 0;
  std::size_t breaks = 0;
};

// The quotes and line breaks in `text`, in one pass. The inner loop runs over blocks of a fixed size so
// that the compiler turns it into vector instructions (at -O2 it vectorises only loops without a
// remainder): five times as fast as std::count twice.
QuotesAndBreaks countQuotesAndBreaks(std::string_view text) {
  constexpr std::size_t kBlock = 64;
  QuotesAndBreaks n;
  std::size_t i = 0;
  for (; i + kBlock <= text.size(); i += kBlock) {
    const char* block = text.data() + i;
    unsigned quotes = 0;
    unsigned breaks = 0;
    for (std::size_t k = 0; k < kBlock; ++k) {
      quotes += block[k] == '"' ? 1U : 0U;
      breaks += block[k] == '\n' ? 1U : 0U;
    }
    n.quotes += quotes;
    n.breaks += breaks;
  }
  for (; i < text.size(); ++i) {
    n.quotes += text[i] == '"' ? 1U : 0U;
    n.breaks += text[i] == '\n' ? 1U : 0U;
  }
  return n;
}

// A part of a file's body that starts between records, and the physical line it starts on.
struct Piece {
  std::string_view text;
  std::int64_t firstLine = 0;
};

// `body` (which starts between records, on line `firstLine`) cut into about `count` pieces that
// each start between records. A quoted cell may hold line breaks, so a cut goes after the first line
// break past the aimed-for offset that an even number of quotes precedes. ("" inside a quoted cell
// counts twice and keeps the parity; quotes anywhere else are malformed, which a piece's parser reports.)
std::vector<Piece> cutAtRecords(std::string_view body, std::int64_t firstLine, std::size_t count) {
  const std::size_t step = body.size() / count;
  std::vector<QuotesAndBreaks> counts(count);
  core::parallelFor(count, 0, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      counts[i] = countQuotesAndBreaks(body.substr(i * step, i + 1 == count ? std::string_view::npos : step));
    }
  });
  std::vector<Piece> pieces;
  std::size_t start = 0;
  std::int64_t startLine = firstLine;
  std::size_t quotesBefore = 0;  // in body[0, i * step)
  std::size_t breaksBefore = 0;
  for (std::size_t i = 1; i < count; ++i) {
    quotesBefore += counts[i - 1].quotes;
    breaksBefore += counts[i - 1].breaks;
    std::size_t at = i * step;
    std::size_t breaksToCut = breaksBefore;
    bool quoted = quotesBefore % 2 == 1;
    while (at < body.size() && (quoted || body[at] != '\n')) {
      if (body[at] == '"') quoted = !quoted;
      if (body[at] == '\n') ++breaksToCut;
      ++at;
    }
    if (at >= body.size()) break;
    ++at;  // past the line break
    ++breaksToCut;
    if (at <= start) continue;  // the previous cut went past this one (a long quoted cell)
    pieces.push_back({body.substr(start, at - start), startLine});
    start = at;
    startLine = firstLine + static_cast<std::int64_t>(breaksToCut);
  }
  pieces.push_back({body.substr(start), startLine});
  return pieces;
}

// The rows of `pieces` parsed on every core, each piece by its own parser, appended to `table` in
// file order. False when a piece fails: a cut made after malformed quotes need not be a record
// boundary, so the caller parses the file again with one parser, which reports what it meets first.
bool parsePieces(const std::vector<Piece>& pieces, unsigned char delimiter, std::uint64_t estimatedRows,
                 const FeatureBudget& budget, core::TextTable& table) {
  std::size_t bodySize = 0;
  for (const auto& p : pieces) bodySize += p.text.size();
  std::vector<std::vector<core::TextTable::Row>> rows(pieces.size());
  std::atomic<bool> failed = false;
  std::atomic<std::uint64_t> counted = 0;
  core::parallelFor(pieces.size(), 0, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && !failed; ++i) {
      core::TextTable part;
      // Its share of the estimate and a little more: the rows of a piece are not copied as they grow.
      const double share = static_cast<double>(pieces[i].text.size()) / static_cast<double>(bodySize);
      part.rows.reserve(static_cast<std::size_t>(1.05 * share * static_cast<double>(estimatedRows)) + 16);
      ParseState s(table.source, part, budget, table.header.size(), &counted);
      try {
        parseAll(pieces[i].text, pieces[i].firstLine, delimiter, s);
        rows[i] = std::move(part.rows);
      } catch (...) {
        failed = true;
      }
    }
  });
  if (failed) return false;
  std::size_t total = 0;
  for (const auto& r : rows) total += r.size();
  table.rows.reserve(total);
  for (auto& r : rows) {
    std::move(r.begin(), r.end(), std::back_inserter(table.rows));
    r = {};
  }
  return true;
}

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
  const FeatureBudget budget(path, layerName);
  const unsigned char delimiter = detectDelimiter(rest);
  // The header first, by one parser; then the body, in pieces on every core when it is large.
  ParseState header(path, table, budget, 0);
  Parser headerParser(kParserOptions);
  csv_set_delim(headerParser.get(), delimiter);
  const std::size_t headerBytes = parseLines(rest, 1, headerParser, header, true);
  const std::string_view body = rest.substr(headerBytes);
  if (header.inHeader || body.empty()) {
    finishParse(headerParser, header);
    if (header.inHeader) throw core::InputError(path + ": holds only blank lines: no header, no rows");
    return table;
  }
  const std::int64_t bodyLine =
      1 + static_cast<std::int64_t>(std::count(rest.begin(), rest.begin() + headerBytes, '\n'));
  const unsigned workers = core::workerCount(0);
  if (workers > 1 && body.size() >= kMinParallelBytes) {
    const std::size_t count = std::min<std::size_t>(std::size_t{workers} * 4, body.size() / kMinPieceBytes);
    if (parsePieces(cutAtRecords(body, bodyLine, count), delimiter, estimate.records, budget, table)) return table;
  }
  // The estimate may be high or low by a little; reserving it saves copying every row as it grows.
  table.rows.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(estimate.records, size / 2 + 1)));
  ParseState s(path, table, budget, table.header.size());
  parseAll(body, bodyLine, delimiter, s);
  return table;
}

}  // namespace circatlas::io
