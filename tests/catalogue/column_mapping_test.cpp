// Header recognition, --field requests and mapping files of planners' registries.
#include <gtest/gtest.h>

#include <algorithm>

#include "catalogue/column_mapping.h"
#include "catalogue/registry_import.h"
#include "core/error.h"

namespace circatlas::catalogue {
namespace {

TEST(ColumnMapping, ChineseAndEnglishHeadersAreRecognisedWhateverTheirSpacingAndBrackets) {
  EXPECT_EQ(recogniseHeader("企业名称"), "name_zh");
  EXPECT_EQ(recogniseHeader(" 单位名称 "), "name_zh");
  EXPECT_EQ(recogniseHeader("企业（单位）名称"), "name_zh");
  EXPECT_EQ(recogniseHeader("经度"), "lon");
  EXPECT_EQ(recogniseHeader("Longitude"), "lon");
  EXPECT_EQ(recogniseHeader("X"), "lon");
  EXPECT_EQ(recogniseHeader("纬度(°)"), "lat");
  EXPECT_EQ(recogniseHeader("国民经济行业代码"), "industry_code");
  EXPECT_EQ(recogniseHeader("行业类别"), "industry_name");
  EXPECT_EQ(recogniseHeader("统一社会信用代码"), "credit_code");
  EXPECT_EQ(recogniseHeader("详细地址"), "address");
  EXPECT_EQ(recogniseHeader("所属区县"), "county");
  EXPECT_EQ(recogniseHeader("*产生量（万吨）"), "generated");
  EXPECT_EQ(recogniseHeader("综合利用量/吨"), "utilised");
  EXPECT_EQ(recogniseHeader("联系电话"), std::nullopt);
}

TEST(ColumnMapping, QuantityHeadersGiveTheirUnitInTonnes) {
  EXPECT_DOUBLE_EQ(headerMassUnit("产生量（万吨）")->toTonnes, 1e4);
  EXPECT_DOUBLE_EQ(headerMassUnit("产生量(t)")->toTonnes, 1.0);
  EXPECT_DOUBLE_EQ(headerMassUnit("generated (kt)")->toTonnes, 1e3);
  EXPECT_FALSE(headerMassUnit("产生量"));
  EXPECT_FALSE(headerMassUnit("产生量（立方米）"));
}

TEST(ColumnMapping, FieldRequestsWinOverTheMappingFileAndOverRecognisedHeaders) {
  const std::vector<std::string> header = {"名称", "厂名", "经度", "纬度", "E"};
  const std::vector<FieldRequest> requests = {{"name_zh", "名称", FieldOrigin::MappingFile},
                                              {"name_zh", "厂名", FieldOrigin::Option},
                                              {"lon", "E", FieldOrigin::Option}};
  std::vector<std::string> duplicates;
  const auto choices = chooseColumns(header, requests, &duplicates);
  auto columnOf = [&](const std::string& field) -> std::string {
    for (const auto& c : choices) {
      if (c.field == field) return header[c.column];
    }
    return "";
  };
  EXPECT_EQ(columnOf("name_zh"), "厂名");
  EXPECT_EQ(columnOf("lon"), "E");
  EXPECT_EQ(columnOf("lat"), "纬度");
  // 名称 and 经度 would name fields already taken: not used twice.
  EXPECT_EQ(duplicates, (std::vector<std::string>{"名称", "经度"}));
}

TEST(ColumnMapping, BadRequestsAreParameterErrorsNamingWhatIsWrong) {
  EXPECT_EQ(parseFieldRequest("name=企业名称").column, "企业名称");
  EXPECT_THROW((void)parseFieldRequest("name"), core::ParameterError);
  EXPECT_THROW((void)parseFieldRequest("colour=颜色"), core::ParameterError);
  EXPECT_THROW((void)chooseColumns({"名称"}, {{"address", "地址", FieldOrigin::Option}}), core::ParameterError);
  try {
    (void)parseMappingFile("# comment\nname=名称\n\nbogus\n", "m.txt");
    ADD_FAILURE();
  } catch (const core::ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt:4:"), std::string::npos) << e.what();
  }
}

TEST(ColumnMapping, SavedMappingReadsBackToTheSameChoices) {
  const std::vector<std::string> header = {"序号", "企业名称", "经度", "纬度", "主营行业"};
  const auto choices = chooseColumns(header, {{"industry_name", "主营行业", FieldOrigin::Option}});
  const auto text = formatMappingFile(choices, header, "reg.xlsx, sheet 1");
  const auto again = chooseColumns(header, parseMappingFile(text, "m.txt"));
  ASSERT_EQ(again.size(), choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) {
    EXPECT_EQ(again[i].field, choices[i].field);
    EXPECT_EQ(again[i].column, choices[i].column);
    EXPECT_EQ(again[i].origin, FieldOrigin::MappingFile);
  }
}

TEST(ColumnMapping, AnIgnoredColumnFeedsNoFieldAndIsSavedAsIgnored) {
  const std::vector<std::string> header = {"名称", "经度", "纬度", "行业代码"};
  const auto choices = chooseColumns(header, {parseFieldRequest("ignore=行业代码")});
  ASSERT_EQ(choices.size(), 3u);
  EXPECT_TRUE(std::none_of(choices.begin(), choices.end(), [](const auto& c) { return c.column == 3; }));
  const auto text = formatMappingFile(choices, header, "reg.csv", {"行业代码"});
  EXPECT_NE(text.find("\nignore=行业代码\n"), std::string::npos) << text;
  EXPECT_EQ(chooseColumns(header, parseMappingFile(text, "m.txt")).size(), 3u);
  EXPECT_THROW((void)parseFieldRequest("ignore"), core::ParameterError);
}

TEST(ColumnMapping, GapsNameWhatAMappingLacksToBeRead) {
  const std::vector<std::string> header = {"名称", "经度", "纬度", "地址"};
  EXPECT_TRUE(mappingGaps(chooseColumns(header, {})).empty());
  EXPECT_EQ(mappingGaps(chooseColumns(header, {parseFieldRequest("ignore=经度")})),
            std::vector<MappingGap>{MappingGap::NoLongitude});
  // An address places the rows: no coordinates is no gap then.
  EXPECT_TRUE(
      mappingGaps(chooseColumns(header, {parseFieldRequest("ignore=经度"), parseFieldRequest("ignore=纬度")})).empty());
  EXPECT_EQ(mappingGaps(chooseColumns(header, {parseFieldRequest("ignore=经度"), parseFieldRequest("ignore=纬度"),
                                               parseFieldRequest("ignore=地址"), parseFieldRequest("ignore=名称")})),
            (std::vector<MappingGap>{MappingGap::NoNames, MappingGap::NoLocation}));
}

TEST(ColumnMapping, DerivedFieldsAreThoseNoColumnGives) {
  core::TextTable raw;
  raw.header = {"企业名称", "经度", "纬度", "统一社会信用代码"};
  raw.rows.push_back({2, {std::string("某厂"), std::string("103.6"), std::string("36.1"), std::nullopt}});
  const auto derived = derivedFields(raw, chooseColumns(raw.header, {}), "reg.csv");
  std::vector<std::string> fields;
  for (const auto& f : derived) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"id", "name_en", "status", "county_code", "prefecture_code", "source",
                                              "location_precision", "source_id"}));
  EXPECT_NE(derived[0].how.find("credit code"), std::string::npos);
  EXPECT_EQ(derived[5].how, "'reg.csv'");
}

}  // namespace
}  // namespace circatlas::catalogue
