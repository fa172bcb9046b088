// CSV tables are read as text with line numbers; nothing is guessed, nothing is lost.
#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

TEST(CsvReader, ReadsCellsAsTextWithLineNumbers) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "e.csv",
                                    "id,name_zh,lon,lat\n"
                                    "E1,金川集团,102.19,38.52\n"
                                    "E2,\"白银有色, 集团\",103,8\n"
                                    "E3,,,\n")
                        .string();
  const core::TextTable t = readCsvTable(path);
  EXPECT_EQ(t.header, (std::vector<std::string>{"id", "name_zh", "lon", "lat"}));
  ASSERT_EQ(t.rows.size(), 3U);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].cells[2], "102.19");
  EXPECT_EQ(t.rows[1].cells[1], "白银有色, 集团");
  EXPECT_EQ(t.rows[2].line, 4);
  EXPECT_FALSE(t.rows[2].cells[1].has_value());
}

TEST(CsvReader, GbkFileIsRejectedOrConverted) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "gbk.csv", "id,name\n1,\xB8\xCA\xCB\xE0\n").string();
  EXPECT_THROW((void)readCsvTable(path), core::InputError);
  const core::TextTable t = readCsvTable(path, EncodingPolicy::ConvertGb18030);
  EXPECT_EQ(t.rows.at(0).cells.at(1), "甘肃");
}

TEST(CsvReader, LineNumbersArePhysicalLinesAcrossQuotedNewlinesAndBlankLines) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "e.csv",
                                    "id,note\r\n"
                                    "E1,\"two\nlines\"\r\n"
                                    "\r\n"
                                    "E2,plain\r\n"
                                    "E3,last without newline")
                        .string();
  const core::TextTable t = readCsvTable(path);
  ASSERT_EQ(t.rows.size(), 3U);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].cells[1], "two\nlines");
  EXPECT_EQ(t.rows[1].line, 5);  // line 4 is blank
  EXPECT_EQ(t.rows[2].line, 6);
  EXPECT_EQ(t.rows[2].cells[1], "last without newline");
}

TEST(CsvReader, KeepsSpacesDropsBomAndReadsSemicolonSheets) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "s.csv", "\xEF\xBB\xBF名称;经度;纬度\n 金川 ;102,19;38.5\n").string();
  const core::TextTable t = readCsvTable(path);
  EXPECT_EQ(t.header, (std::vector<std::string>{"名称", "经度", "纬度"}));
  EXPECT_EQ(t.rows.at(0).cells.at(0), " 金川 ");
  EXPECT_EQ(t.rows.at(0).cells.at(1), "102,19");
}

TEST(CsvReader, ShortRowsGetEmptyCellsAndTrailingEmptyCellsAreDropped) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "e.csv", "a,b,c\n1\n1,2,3,,\n").string();
  const core::TextTable t = readCsvTable(path);
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0].cells.size(), 3U);
  EXPECT_FALSE(t.rows[0].cells[2].has_value());
  EXPECT_EQ(t.rows[1].cells.size(), 3U);
}

// The message of the InputError readCsvTable throws for `content`, or "" when it reads.
std::string errorFor(const std::string& content) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "bad.csv", content).string();
  try {
    (void)readCsvTable(path);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CsvReader, StructuralProblemsNameTheLine) {
  EXPECT_NE(errorFor("id,lon,lat,lon\nE1,1,2,3\n").find("bad.csv:1: column 'lon' appears twice (columns 2 and 4)"),
            std::string::npos);
  EXPECT_NE(errorFor("id,lon\nE1,1\nE2,103,8\n").find("bad.csv:3: 3 cells, but the header names 2 columns"),
            std::string::npos);
  EXPECT_NE(errorFor("id,name\nE1,ok\nE2,\"never closed\nE3,x\n").find("bad.csv:3: a quoted cell"), std::string::npos);
  EXPECT_NE(errorFor("id,name\nE1,\"bad\"quote\"\n").find("bad.csv:2: malformed quotes"), std::string::npos);
  EXPECT_NE(errorFor(std::string("id,name\nE1,ok\nE2,a\0b\n", 21)).find("bad.csv:3: holds a NUL byte"),
            std::string::npos);
  EXPECT_NE(errorFor("\n\n").find("only blank lines"), std::string::npos);
}

// A CSV of `rows` rows (well over the size read on every core) written with what it must read back
// as: quoted cells with separators, doubled quotes and line breaks, empty cells, blank lines, CRLF, and
// one quoted cell of several MiB (longer than a piece) holding line breaks.
struct LargeCsv {
  std::string text = "id,note,value\n";
  std::vector<std::int64_t> lines;
  std::vector<std::vector<std::optional<std::string>>> cells;
  std::int64_t line = 2;  // the physical line the next row starts on
};

LargeCsv largeCsv(std::size_t rows) {
  LargeCsv csv;
  std::mt19937 random(2026);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::string id = "E" + std::to_string(r);
    std::optional<std::string> note;
    std::string written;
    switch (random() % 6) {
      case 0:
        break;  // empty
      case 1:
        note = "plain " + std::to_string(random() % 1000);
        written = *note;
        break;
      case 2:
        note = "甘肃, \"quoted\"\nsecond line";
        written = "\"甘肃, \"\"quoted\"\"\nsecond line\"";
        break;
      case 3:
        note = std::string(random() % 200, 'x');
        written = "\"" + *note + "\"";
        if (note->empty()) note.reset();  // "" is an empty cell
        break;
      default:
        note = "\n\n";
        written = "\"\n\n\"";
        break;
    }
    if (r == rows / 3) {
      note = std::string(3 << 20, 'q') + "\n" + std::string(2 << 20, 'r');
      written = "\"" + *note + "\"";
    }
    const std::string value = std::to_string(random());
    csv.lines.push_back(csv.line);
    csv.cells.push_back({id, note, value});
    csv.text += id + "," + written + "," + value + (r % 7 == 0 ? "\r\n" : "\n");
    csv.line += 1 + static_cast<std::int64_t>(std::count(written.begin(), written.end(), '\n'));
    if (r % 101 == 0) {
      csv.text += "\n";  // a blank line
      ++csv.line;
    }
  }
  return csv;
}

TEST(CsvReader, LargeFileReadOnAllCoresKeepsEveryCellAndLine) {
  const LargeCsv csv = largeCsv(150'000);
  ASSERT_GT(csv.text.size(), std::size_t{8} << 20);  // read in pieces from 8 MiB
  test::TempDir dir;
  const core::TextTable t = readCsvTable(test::writeFile(dir / "large.csv", csv.text).string());
  EXPECT_EQ(t.header, (std::vector<std::string>{"id", "note", "value"}));
  ASSERT_EQ(t.rows.size(), csv.cells.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    ASSERT_EQ(t.rows[r].line, csv.lines[r]) << "row " << r;
    ASSERT_EQ(t.rows[r].cells, csv.cells[r]) << "row " << r;
  }
}

TEST(CsvReader, ProblemsInALargeFileNameTheLineASmallFileWould) {
  LargeCsv csv = largeCsv(150'000);
  const std::int64_t malformed = csv.lines[1000];
  csv.text.insert(csv.text.find("\nE1000,") + 1, "E-bad,\"bad\"quote\",1\n");
  EXPECT_NE(errorFor(csv.text).find("bad.csv:" + std::to_string(malformed) + ": malformed quotes"), std::string::npos);

  csv = largeCsv(150'000);
  const std::int64_t wide = csv.lines[140'000];
  csv.text.insert(csv.text.find("\nE140000,") + 1, "E-wide,a,b,c\n");
  EXPECT_NE(errorFor(csv.text).find("bad.csv:" + std::to_string(wide) + ": 4 cells, but the header names 3 columns"),
            std::string::npos);

  csv = largeCsv(150'000);
  const std::int64_t open = csv.line;
  csv.text += "E-open,\"never closed,1\n" + std::string(3 << 20, 'z') + ",,\n";
  EXPECT_NE(errorFor(csv.text).find("bad.csv:" + std::to_string(open) +
                                    ": a quoted cell that starts on this line is "
                                    "never closed"),
            std::string::npos);
}

TEST(CsvReader, MissingFileIsAnIoError) { EXPECT_THROW((void)readCsvTable("no/such/table.csv"), core::IoError); }

}  // namespace
}  // namespace circatlas::io
