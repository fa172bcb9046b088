// CSV tables are read as text with line numbers; nothing is guessed, nothing is lost.
#include "io/csv_reader.h"

#include <gtest/gtest.h>

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

TEST(CsvReader, MissingFileIsAnIoError) { EXPECT_THROW((void)readCsvTable("no/such/table.csv"), core::IoError); }

}  // namespace
}  // namespace circatlas::io
