// The catalogue tables and their fields (see data/catalogue/README.md for meanings and units).
#include "catalogue/catalogue_schema.h"

#include <vector>

namespace circatlas::catalogue {

namespace {

using K = FieldKind;

// The document's four park levels, plus the 2422 plan's two demonstration projects (Ankou town,
// Ximai Guazhou park) and "other" for parks named in the document without a level.
const std::vector<std::string_view> kParkLevels = {"national_pilot",   "provincial_demonstration",
                                                   "provincial_pilot", "development_zone",
                                                   "demonstration_project", "other"};
const std::vector<std::string_view> kStatuses = {"national_pilot", "provincial_demonstration", "provincial_pilot",
                                                 "none"};
// Operating state of a plant: retired and mothballed plants produce and take nothing; plants under
// construction or proposed enter only what-if runs.
const std::vector<std::string_view> kOpStatuses = {"operating", "retired", "mothballed", "under_construction",
                                                   "proposed", "unknown"};
// Main energy source of a power or heat plant.
const std::vector<std::string_view> kFuels = {"coal",  "gas",   "oil",     "biomass",    "waste", "hydro",
                                              "wind",  "solar", "nuclear", "geothermal", "other"};

std::vector<TableSpec> buildTables() {
  return {
      {"materials", "materials.csv", "code", false,
       {{"code", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"category", K::Enum, true, {"bulk_solid", "hazardous", "energy", "water", "gas"}},
        {"unit", K::Enum, true, {"t", "MWh", "m3"}},
        {"hazardous", K::Flag, true},
        {"virgin_substitute", K::Text, false},
        {"max_distance_km", K::Real, true},
        {"max_distance_basis", K::Text, true},
        {"cost_cny_per_unit_km", K::Real, true},
        {"cost_basis", K::Text, true},
        {"disposal_cost_cny_per_unit", K::Real, false},
        {"disposal_basis", K::Text, false}}},
      {"material_uses", "material_uses.csv", "", false,
       {{"material_code", K::Reference, true, {}, "materials"},
        {"receiver_industry", K::IndustryPrefix, true},
        {"use_zh", K::Text, true},
        {"use_en", K::Text, true},
        {"demand_method", K::Text, false},
        {"demand_factor", K::Real, false},
        {"demand_basis", K::Text, false},
        {"source", K::Text, true}}},
      // The engine's coefficient table and ranking parameters (data/catalogue/README.md §2).
      {"industry_profiles", "industry_profiles.csv", "", false,
       {{"industry", K::IndustryPrefix, true},
        {"fuel", K::Text, false},
        {"material_code", K::Reference, true, {}, "materials"},
        {"role", K::Enum, true, {"output", "input"}},
        {"capacity_unit", K::Text, false},
        {"factor", K::Real, false},
        {"factor_low", K::Real, false},
        {"factor_high", K::Real, false},
        {"utilisation", K::Text, false},
        {"method", K::Text, true},
        {"source", K::Text, true}}},
      {"exchange_parameters", "exchange_parameters.csv", "", false,
       {{"parameter", K::Identifier, true},
        {"material_code", K::Reference, false, {}, "materials"},
        {"value", K::Text, true},
        {"unit", K::Text, false},
        {"basis", K::Text, true}}},
      {"parks", "parks.csv", "id", true,
       {{"id", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"level", K::Enum, true, kParkLevels},
        {"zone_type", K::Text, false},
        {"industries", K::Text, false},
        {"chains", K::Text, false},
        {"county_code", K::CountyCode, false},
        {"prefecture_code", K::PrefectureCode, true},
        {"lon", K::Longitude, true},
        {"lat", K::Latitude, true},
        {"model", K::Text, false},
        {"source", K::Text, true},
        {"location_precision", K::Text, true},
        {"notes", K::Text, false}}},
      {"mining_bases", "mining_bases.csv", "id", false,
       {{"id", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"minerals", K::Text, true},
        {"residues", K::ReferenceList, true, {}, "materials"},
        {"area_method", K::Text, true},
        {"source", K::Text, true},
        {"location_precision", K::Text, true}}},
      {"mining_base_members", "mining_base_members.csv", "", true,
       {{"base_id", K::Reference, true, {}, "mining_bases"},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"mineral", K::Text, true},
        {"lon", K::Longitude, true},
        {"lat", K::Latitude, true},
        {"county_code", K::CountyCode, true},
        {"source", K::Text, true},
        {"location_precision", K::Text, true}}},
      {"enterprises", "enterprises.csv", "id", true,
       {{"id", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"industry_code", K::IndustryCode, false},
        {"park_id", K::Reference, false, {}, "parks"},
        {"status", K::Enum, true, kStatuses},
        {"model", K::Text, false},
        {"lon", K::Longitude, true},
        {"lat", K::Latitude, true},
        {"county_code", K::CountyCode, false},
        // Required in Gansu; empty for a partner in a neighbouring province (checked per row).
        {"prefecture_code", K::PrefectureCode, false},
        {"op_status", K::Enum, false, kOpStatuses},
        {"capacity", K::Real, false},
        {"capacity_unit", K::Text, false},
        {"capacity_basis", K::Text, false},
        {"source", K::Text, true},
        {"location_precision", K::Text, true},
        {"notes", K::Text, false},
        {"owner", K::Text, false},
        {"fuel", K::Enum, false, kFuels},
        {"province_code", K::ProvinceCode, false},
        {"start_year", K::Year, false},
        {"end_year", K::Year, false},
        {"source_id", K::Text, false}}},
      {"flows", "flows.csv", "", false,
       {{"enterprise_id", K::Reference, true, {}, "enterprises"},
        {"material_code", K::Reference, true, {}, "materials"},
        {"direction", K::Enum, true, {"output", "input"}},
        {"quantity", K::Real, false},
        {"year", K::Integer, false},
        {"basis", K::Enum, true, {"reported", "estimated", "inferred"}},
        {"method", K::Text, false},
        {"source", K::Text, true}}},
      {"projects", "projects.csv", "id", true,
       {{"id", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"type", K::Text, true},
        {"host_park_id", K::Reference, false, {}, "parks"},
        {"host_enterprise_id", K::Reference, false, {}, "enterprises"},
        {"lon", K::Longitude, true},
        {"lat", K::Latitude, true},
        {"county_code", K::CountyCode, true},
        {"status", K::Enum, true,
         {"proposed", "under_construction", "operating", "shelved", "cancelled", "unknown"}},
        {"status_as_of", K::Text, false},
        {"investment_million_cny", K::Real, false},
        {"source", K::Text, true},
        {"location_precision", K::Text, true},
        {"notes", K::Text, false}}},
      {"project_flows", "project_flows.csv", "", false,
       {{"project_id", K::Reference, true, {}, "projects"},
        {"material_code", K::Reference, true, {}, "materials"},
        {"direction", K::Enum, true, {"input", "output"}},
        {"quantity", K::Real, false},
        {"unit", K::Enum, true, {"t", "MWh", "m3"}},
        {"basis", K::Enum, true, {"reported", "estimated", "inferred"}},
        {"method", K::Text, false},
        {"source", K::Text, false}}},
      {"models", "models.csv", "id", false,
       {{"id", K::Identifier, true},
        {"name_zh", K::Text, true},
        {"name_en", K::Text, true},
        {"level", K::Text, true},
        {"entity_type", K::Enum, true, {"park", "enterprise", "prefecture"}},
        {"entity_id", K::Text, false},
        {"source", K::Text, true}}},
      {"targets", "targets.csv", "id", false,
       {{"id", K::Identifier, false},
        {"kind", K::Enum, false, {"target", "count", "achievement"}},
        {"indicator", K::Text, true},
        {"indicator_zh", K::Text, false},
        {"value", K::Real, true},
        {"unit", K::Text, true},
        {"year", K::Integer, true},
        {"scope", K::Text, false},
        {"source", K::Text, true}}},
  };
}

}  // namespace

std::span<const TableSpec> catalogueTables() {
  static const std::vector<TableSpec> tables = buildTables();
  return tables;
}

const TableSpec* findTable(std::string_view name) {
  for (const auto& t : catalogueTables()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace circatlas::catalogue
