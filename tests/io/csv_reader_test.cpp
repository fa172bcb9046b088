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

TEST(CsvReader, MissingFileIsAnIoError) { EXPECT_THROW((void)readCsvTable("no/such/table.csv"), core::IoError); }

}  // namespace
}  // namespace circatlas::io
