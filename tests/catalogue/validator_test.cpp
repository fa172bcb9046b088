// The validator reports each kind of catalogue problem as file:line:field with a clear message.
#include "catalogue/validator.h"

#include <gtest/gtest.h>

#include "catalogue/catalogue_schema.h"
#include "catalogue/square_counties_fixture.h"

namespace circatlas::catalogue {
namespace {

core::TextTable table(std::string source, std::vector<std::string> header,
                      std::vector<std::vector<std::optional<std::string>>> rows) {
  core::TextTable t{std::move(source), std::move(header), {}};
  std::int64_t line = 2;
  for (auto& cells : rows) t.rows.push_back({line++, std::move(cells)});
  return t;
}

const std::vector<std::string> kEnterpriseHeader = {"id",          "name_zh",         "name_en", "industry_code",
                                                    "park_id",     "status",          "lon",     "lat",
                                                    "county_code", "prefecture_code", "source",  "location_precision"};

std::vector<std::optional<std::string>> enterprise(std::string id, std::string lon, std::string lat,
                                                   std::string county = "620102", std::string industry = "4411") {
  return {id, "某电厂", "A power plant", industry, std::nullopt, "none", lon, lat, county, "620100", "test", "exact"};
}

std::vector<std::string> formatted(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(format(p));
  return out;
}

class Validator : public ::testing::Test {
 protected:
  std::vector<std::string> check(std::vector<std::vector<std::optional<std::string>>> rows,
                                 ValidationOptions options = {}) {
    std::vector<TableInput> tables;
    tables.push_back({findTable("enterprises"), table("e.csv", kEnterpriseHeader, std::move(rows))});
    return formatted(validate(tables, admin_, options));
  }
  AdminAreas admin_{test::squareCounties()};
};

TEST_F(Validator, CleanRowHasNoProblems) { EXPECT_TRUE(check({enterprise("E1", "103.5", "36.5")}).empty()); }

TEST_F(Validator, CommaDecimalIsNotANumber) {
  EXPECT_EQ(check({enterprise("E1", "103,8", "36.5")}),
            std::vector<std::string>{"e.csv:2:lon: error: expected a number, got \"103,8\""});
}

TEST_F(Validator, PointInAnotherCountyThanStated) {
  // 104.5°E is half a degree east of 城关区's edge at 104°E: 0.5 × 111.32 km × cos 36.5° = 44.75 km,
  // less the conic's 0.18 % scale error at this latitude.
  EXPECT_EQ(check({enterprise("E1", "104.5", "36.5", "620102")}),
            std::vector<std::string>{"e.csv:2:county_code: error: stated county 620102 城关区, but the point lies in "
                                     "620103 七里河区, 44.7 km outside it"});
}

TEST_F(Validator, PointJustAcrossTheLineWithinItsStatedPrecisionIsAWarning) {
  auto row = enterprise("E1", "104.01", "36.5", "620102");
  row[11] = "town point ±5 km (GeoNames)";
  EXPECT_EQ(check({row}), std::vector<std::string>{"e.csv:2:county_code: warning: stated county 620102 城关区, but the "
                                                   "point lies in 620103 七里河区, 0.9 km outside it (within the "
                                                   "stated precision)"});
}

TEST_F(Validator, APointOnTheLineTwoCountiesShareIsInTheStatedOne) {
  // 104°E is the edge of both squares: whichever county the index finds first, either is right.
  EXPECT_TRUE(check({enterprise("E1", "104", "36.5", "620102")}).empty());
  EXPECT_TRUE(check({enterprise("E2", "104", "36.5", "620103")}).empty());
}

TEST_F(Validator, ZeroZeroIsAMissingLocationNotASite) {
  // Stated in a county and not: both an error, whether points outside Gansu are reported or not.
  const std::string message =
      "e.csv:2:lon: error: point (0, 0) is where missing coordinates end up (the Gulf of Guinea), not a site: leave "
      "lon and lat empty when the location is not known";
  EXPECT_EQ(check({enterprise("E1", "0", "0", "620102")}), std::vector<std::string>{message});
  EXPECT_EQ(check({enterprise("E1", "0.0", "0.000", "620102")}, ValidationOptions{false}),
            std::vector<std::string>{message});
}

TEST_F(Validator, SwappedCoordinatesAreRecognised) {
  EXPECT_EQ(check({enterprise("E1", "36.5", "103.5")}),
            (std::vector<std::string>{"e.csv:2:lat: error: out of range: 103.5 is not a latitude (-90 to 90)",
                                      "e.csv:2:lat: error: lon and lat look swapped"}));
}

TEST_F(Validator, OutsideGansuIsOnlyAWarningForUserRegistries) {
  const auto problems = check({enterprise("E1", "106.2", "38.5")}, ValidationOptions{false});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0], "e.csv:2:lon: warning: point (106.20000, 38.50000) lies outside Gansu");
}

TEST_F(Validator, DuplicateIdsNameTheFirstLine) {
  EXPECT_EQ(check({enterprise("E1", "103.5", "36.5"), enterprise("E1", "103.6", "36.5")}),
            std::vector<std::string>{"e.csv:3:id: error: duplicate id \"E1\" (first on line 2)"});
}

TEST_F(Validator, UnknownCodesAndBadIndustryCodes) {
  EXPECT_EQ(check({enterprise("E1", "103.5", "36.5", "620824", "441")}),
            (std::vector<std::string>{
                "e.csv:2:industry_code: error: expected a 4-digit GB/T 4754-2017 industry class, got \"441\"",
                "e.csv:2:county_code: error: no Gansu county-level unit has code 620824"}));
}

TEST_F(Validator, MissingRequiredColumnAndUnknownColumn) {
  std::vector<TableInput> tables;
  tables.push_back(
      {findTable("materials"), table("m.csv", {"code", "name_zh", "colour"}, {{"FLY_ASH", "粉煤灰", "grey"}})});
  const auto problems = formatted(validate(tables, admin_));
  EXPECT_NE(std::find(problems.begin(), problems.end(), "m.csv:1:unit: error: missing required column"),
            problems.end());
  EXPECT_NE(std::find(problems.begin(), problems.end(), "m.csv:1:colour: warning: unknown column, ignored"),
            problems.end());
}

TEST_F(Validator, DanglingReferencesAndEstimatesWithoutMethod) {
  std::vector<TableInput> tables;
  tables.push_back({findTable("enterprises"), table("e.csv", kEnterpriseHeader, {enterprise("E1", "103.5", "36.5")})});
  tables.push_back(
      {findTable("flows"),
       table("f.csv", {"enterprise_id", "material_code", "direction", "quantity", "year", "basis", "source"},
             {{"E2", "FLY_ASH", "output", "1000", "2012", "estimated", "test"}})});
  EXPECT_EQ(formatted(validate(tables, admin_)),
            (std::vector<std::string>{"f.csv:2:enterprise_id: error: no enterprises row has id \"E2\"",
                                      "f.csv:2:material_code: error: refers to table 'materials', which is not loaded",
                                      "f.csv:2:method: error: an estimated quantity must say how it was estimated"}));
}

// The contract's optional columns: partners in a neighbouring province, operating state, fuel, years.
TEST_F(Validator, PartnersOutsideGansuStatusFuelAndYears) {
  const std::vector<std::string> header = {"id",
                                           "name_zh",
                                           "name_en",
                                           "status",
                                           "lon",
                                           "lat",
                                           "county_code",
                                           "prefecture_code",
                                           "source",
                                           "location_precision",
                                           "province_code",
                                           "op_status",
                                           "fuel",
                                           "start_year",
                                           "end_year"};
  auto row = [](std::string id, std::string lon, std::string county, std::string prefecture, std::string province,
                std::string op, std::string start, std::string end) -> std::vector<std::optional<std::string>> {
    auto opt = [](std::string v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
    return {id,     "某电厂", "A power plant", "none",  lon,    "36.5",     opt(county), opt(prefecture),
            "test", "exact",  opt(province),   opt(op), "coal", opt(start), opt(end)};
  };
  std::vector<TableInput> tables;
  tables.push_back({findTable("enterprises"),
                    table("e.csv", header,
                          {row("E1", "106.2", "", "", "640000", "operating", "2004", ""),  // Ningxia partner: clean
                           row("E2", "103.5", "620102", "620100", "620000", "retired", "2004", "2018"),  // clean
                           row("E3", "103.5", "", "", "", "shut", "04", "2001"),
                           row("E4", "106.2", "620102", "620100", "640000", "", "2010", "2009"),
                           row("E5", "103.5", "", "", "330000", "", "", "")})});
  EXPECT_EQ(
      formatted(validate(tables, admin_)),
      (std::vector<std::string>{
          "e.csv:4:op_status: error: expected one of operating, retired, mothballed, under_construction, "
          "proposed, unknown, got \"shut\"",
          "e.csv:4:start_year: error: expected a 4-digit year (1800-2100), got \"04\"",
          "e.csv:4:county_code: warning: not given; the point lies in 620102 城关区",
          "e.csv:4:prefecture_code: error: required value is missing (the record is in Gansu)",
          "e.csv:5:prefecture_code: error: must be empty for a record outside Gansu (province_code 640000)",
          "e.csv:5:county_code: error: must be empty for a record outside Gansu (province_code 640000)",
          "e.csv:5:end_year: error: end_year 2009 is before start_year 2010",
          "e.csv:6:province_code: error: expected 620000 (Gansu) or a neighbouring province's GB/T 2260 code "
          "(640000, 630000, 150000, 610000, 510000, 650000), got \"330000\"",
          "e.csv:6:province_code: error: province 330000 stated, but the point lies in Gansu, in 620102 城关区"}));
}

}  // namespace
}  // namespace circatlas::catalogue
