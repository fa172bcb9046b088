// Brings a user's registry into catalogue form: WGS 84 lon/lat columns, whatever the source used.
#pragma once

#include <string>
#include <vector>

#include "catalogue/column_mapping.h"
#include "catalogue/registry_table.h"
#include "core/layer.h"
#include "core/text_table.h"
#include "geo/web_map_coords.h"

namespace circatlas::catalogue {

class AdminAreas;
class Gazetteer;
class IndustryClasses;

/// What turning a sheet into catalogue form needs besides the sheet.
struct RegistryContext {
  const AdminAreas& admin;            ///< Gansu's counties, for county/prefecture by point in polygon
  const Gazetteer& gazetteer;         ///< township centres and county seats, for rows without coordinates
  const IndustryClasses& industries;  ///< GB/T 4754-2017 classes, for industry names
  geo::LonLatSystem system = geo::LonLatSystem::Wgs84;  ///< of the sheet's lon/lat columns
  std::string sourceLabel;  ///< the `source` written where the sheet has none ("reg.xlsx, sheet 名录")
};

/// What a column mapping lacks for its sheet to serve as a registry of sites.
enum class MappingGap {
  NoNames,      ///< no column of names (name, name_zh or name_en): the sheet cannot be read
  NoLongitude,  ///< a latitude column but no longitude: the sheet cannot be read
  NoLatitude,   ///< a longitude column but no latitude: the sheet cannot be read
  NoLocation,   ///< neither lon/lat nor an address, township, county or prefecture column: every
                ///< row would be read unplaced (the viewer refuses such a mapping; the CLI reports the rows)
};

/// The gaps of `choices` (see chooseColumns), in MappingGap's order; empty when the mapping can be read.
[[nodiscard]] std::vector<MappingGap> mappingGaps(const std::vector<ColumnChoice>& choices);

/// The catalogue fields toCatalogueForm derives because `choices` give them no column, each with
/// how (origin FieldOrigin::Derived): ids, name_zh/name_en from the one name, industry codes from
/// names, status, lon/lat by placement, county and prefecture by point in polygon, source (as
/// `sourceLabel`), location_precision, source_id. `raw` tells whether the one name column is Chinese.
[[nodiscard]] std::vector<FieldReport> derivedFields(const core::TextTable& raw,
                                                     const std::vector<ColumnChoice>& choices,
                                                     const std::string& sourceLabel);

/// Turns a sheet (every cell as text, `raw.source` the file for messages) into the enterprises
/// table in catalogue form, following `choices` (see chooseColumns). What the sheet lacks is
/// derived and reported: ids (the credit code, else "R" + the row's line), name_zh/name_en from
/// the one name given, industry_code from the industry text, status `none`, county and prefecture
/// by point in polygon, source, location_precision ("as given"); rows with empty lon and lat are
/// placed by the gazetteer or reported as unplaced (kept, with empty lon/lat). Coordinates that do
/// not parse are passed on as text for the validator. Columns no field took are listed in
/// report.ignoredColumns. Throws core::InputError naming the file when no column holds names, or
/// only one of lon/lat is present (mappingGaps: NoNames, NoLongitude, NoLatitude).
[[nodiscard]] RegistryTable toCatalogueForm(const core::TextTable& raw, const std::vector<ColumnChoice>& choices,
                                            const RegistryContext& context);

/// Renames the registry's coordinate columns to `lon` and `lat` (if they are called otherwise)
/// and converts every parseable pair from `system` to WGS 84, written back with 7 decimals
/// (1 cm). Cells that do not parse are left as they are for the validator to report. Throws
/// core::InputError naming the file and the missing column when a coordinate column is absent.
void normaliseCoordinates(core::TextTable& table, const std::string& lonField, const std::string& latField,
                          geo::LonLatSystem system);

/// A registry read from a GIS layer (GeoPackage, Shapefile, GeoJSON …) as a text table: every
/// attribute as text, plus `lon`/`lat` from the point geometry transformed to WGS 84 with PROJ
/// (from the layer's CRS; a layer without CRS is taken to be in lon/lat degrees and says so in a
/// core::CrsError if its coordinates cannot be degrees). Row "lines" are the feature ids.
/// Throws core::InputError naming the layer for non-point layers.
[[nodiscard]] core::TextTable tableFromPointLayer(const core::Layer& layer, const std::string& source);

/// The registry's stated quantities as flows (catalogue flows columns: enterprise_id,
/// material_code, direction, quantity, year, basis, method, source): each row's 产生量 (generated)
/// becomes an output flow of the material its `material` cell names, matched to a row of
/// `materials` by code, name_zh or name_en (case and surrounding spaces ignored). A quantity with
/// no material cell, or one that names no known material, is not a flow (a flow needs a material
/// code), and 综合利用量 (utilised) is never one (it is what the enterprise itself uses, not a
/// partner's supply); `notes` says so, once per cause with the lines. Quantities are in tonnes per
/// year, basis "reported", source "<source>, line N".
[[nodiscard]] core::TextTable quantityFlows(const RegistryTable& registry, const core::TextTable& materials,
                                            const std::string& source, std::vector<std::string>& notes);

}  // namespace circatlas::catalogue
