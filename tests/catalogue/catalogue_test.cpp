// The typed catalogue value: one member per schema table, absent tables empty with their columns.
#include "catalogue/catalogue.h"

#include <gtest/gtest.h>

#include "catalogue/catalogue_schema.h"

namespace circatlas::catalogue {
namespace {

core::TextTable table(std::string source, std::vector<std::string> header,
                      std::vector<std::vector<std::optional<std::string>>> rows) {
  core::TextTable t{std::move(source), std::move(header), {}};
  std::int64_t line = 2;
  for (auto& cells : rows) t.rows.push_back({line++, std::move(cells)});
  return t;
}

TEST(Catalogue, EveryMemberIsTheSchemaTableOfTheSameName) {
  const Catalogue c = catalogueFromTables({});
  const auto specs = catalogueTables();
  ASSERT_EQ(Catalogue::members().size(), specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const core::Layer& member = c.*Catalogue::members()[i];
    EXPECT_EQ(member.name(), specs[i].name);
    EXPECT_EQ(c.find(specs[i].name), &member) << specs[i].name;
  }
  EXPECT_EQ(&c.materialUses, c.find("material_uses"));
  EXPECT_EQ(&c.projectFlows, c.find("project_flows"));
  EXPECT_EQ(c.find("roads"), nullptr);
}

TEST(Catalogue, AnAbsentTableIsEmptyWithItsColumnsAndGeometry) {
  const Catalogue c = catalogueFromTables({});
  EXPECT_EQ(c.flows.size(), 0u);
  EXPECT_TRUE(c.flows.schema().indexOf("enterprise_id"));
  EXPECT_TRUE(c.flows.schema().indexOf("quantity"));
  EXPECT_EQ(c.flows.geometryType(), core::GeometryType::None);
  EXPECT_EQ(c.enterprises.size(), 0u);
  EXPECT_EQ(c.enterprises.geometryType(), core::GeometryType::Point);
  EXPECT_EQ(c.enterprises.crs(), "EPSG:4326");
  EXPECT_EQ(c.enterprises.schema()[*c.enterprises.schema().indexOf("lon")].type, core::FieldType::Real);
}

TEST(Catalogue, TablesReadFromASourceBecomeTypedMembers) {
  const TableInput flows{
      findTable("flows"),
      table("reg/flows.csv",
            {"enterprise_id", "material_code", "direction", "quantity", "year", "basis", "method", "source"},
            {{"E001", "FLY_ASH", "output", "1250.5", "2022", "reported", "survey", "test"}})};
  const Catalogue c = catalogueFromTables({flows});
  ASSERT_EQ(c.flows.size(), 1u);
  EXPECT_DOUBLE_EQ(std::get<double>(c.flows.value(0, "quantity")), 1250.5);
  EXPECT_EQ(core::toString(c.flows.value(0, "enterprise_id")), "E001");
  EXPECT_EQ(c.enterprises.size(), 0u);
}

TEST(Catalogue, TablesGivenUpBecomeTheSameMembersAndKeepTheirHeader) {
  const TableInput enterprises{
      findTable("enterprises"),
      table("reg/enterprises.csv", {"id", "name_zh", "lon", "lat", "start_year"},
            {{"E001", "白银热电厂 with a name longer than a short string", "104.1", "36.5", "1998"},
             {"E002", std::nullopt, "bad", "36.6", std::nullopt}})};
  const Catalogue copied = catalogueFromTables(std::vector<TableInput>{enterprises});
  std::vector<TableInput> given{enterprises};
  const Catalogue taken = catalogueFromTables(std::move(given));
  ASSERT_EQ(taken.enterprises.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(taken.enterprises[i].id, copied.enterprises[i].id);
    EXPECT_TRUE(taken.enterprises[i].values == copied.enterprises[i].values) << "row " << i;
    EXPECT_TRUE(taken.enterprises[i].geometry == copied.enterprises[i].geometry) << "row " << i;
  }
  EXPECT_EQ(core::toString(taken.enterprises.value(0, "name_zh")), "白银热电厂 with a name longer than a short string");
  EXPECT_EQ(std::get<std::int64_t>(taken.enterprises.value(0, "start_year")), 1998);
  EXPECT_TRUE(taken.enterprises[1].geometry.isEmpty());  // "bad" is no longitude
  // What the loaders still read after the conversion: spec, source and header; the rows are gone.
  EXPECT_EQ(given.front().table.source, "reg/enterprises.csv");  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(given.front().table.header.size(), 5u);
  EXPECT_TRUE(given.front().table.rows.empty());
}

}  // namespace
}  // namespace circatlas::catalogue
