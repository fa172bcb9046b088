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

}  // namespace
}  // namespace circatlas::catalogue
