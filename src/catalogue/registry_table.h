// A planner's registry read from one file: where it comes from, the enterprises in catalogue form,
// and the report of what was recognised, derived, placed and left unplaced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/text_table.h"

namespace circatlas::catalogue {

/// One registry file and how to read it. Every field has the default a planner's sheet needs.
struct RegistrySource {
  std::string path;                     ///< CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON, FlatGeobuf …
  std::optional<std::string> layer;     ///< sheet or layer name (default: the only one, or the first sheet)
  std::optional<std::string> lonField;  ///< column of longitudes (default: recognised from the header)
  std::optional<std::string> latField;  ///< column of latitudes (default: recognised from the header)
  std::string coords = "wgs84";         ///< wgs84, cgcs2000, gcj02 or bd09
  std::string encoding = "auto";        ///< auto (UTF-8, else GB18030), utf8, or gb18030
  /// `field=column` pairs (from --field), e.g. "name=企业名称"; they win over the mapping file
  /// and over recognised headers.
  std::vector<std::string> fields;
  std::optional<std::string> mappingFile;  ///< a mapping file written by --save-mapping
  std::optional<std::string> saveMapping;  ///< write the mapping used to this file (never over an existing one)
};

/// How a catalogue field got its column or its value.
enum class FieldOrigin {
  Recognised,   ///< a known header (名称, 经度, longitude …)
  Option,       ///< --field or --lon-field/--lat-field
  MappingFile,  ///< --mapping FILE
  Derived,      ///< not in the sheet: computed (ids, county by point in polygon, source …)
};

/// One line of the mapping report: a catalogue field, where it came from, and how.
struct FieldReport {
  std::string field;   ///< catalogue field, e.g. "name_zh", "county_code"
  std::string column;  ///< the sheet's column, or empty for a derived field
  FieldOrigin origin = FieldOrigin::Recognised;
  std::string how;  ///< for derived fields: how ("from 统一社会信用代码, else the row number")
};

/// A row placed without coordinates of its own.
struct PlacedRow {
  std::int64_t line = 0;  ///< line or feature id in the source
  std::string name;
  std::string placedAt;   ///< "窑街街道, 红古区" or "永登县 (county seat)"
  std::string precision;  ///< the location_precision written: township_centre or county_seat
};

/// A row kept in the table without a location (lon/lat empty; the validator reports it).
struct UnplacedRow {
  std::int64_t line = 0;
  std::string name;
  std::string reason;  ///< "no coordinates, and 'XX路12号' names no township or county of Gansu"
};

/// An industry name matched to a GB/T 4754-2017 class.
struct IndustryMatch {
  std::int64_t line = 0;
  std::string text;       ///< the sheet's text, e.g. "水泥"
  std::string code;       ///< the class chosen, e.g. "3011", or empty when none matched
  std::string className;  ///< the class's official name, e.g. "水泥制造"
  std::string how;        ///< "exact name", "name contains the text", "no class matches"
};

/// Everything the reader decided, for the user to check.
struct RegistryReport {
  std::string sourceLabel;                  ///< "reg.xlsx, sheet 企业名录" (the `source` written)
  std::vector<FieldReport> fields;          ///< every catalogue field filled, and how
  std::vector<std::string> ignoredColumns;  ///< sheet columns no field took (kept out of the table)
  std::vector<PlacedRow> placed;
  std::vector<UnplacedRow> unplaced;
  std::vector<IndustryMatch> industries;
  std::vector<std::string> notes;    ///< other decisions (a sheet chosen, a code padded …)
  std::size_t rowsInGansu = 0;       ///< rows whose point lies in a Gansu county
  std::size_t rowsOutsideGansu = 0;  ///< rows with a point outside Gansu
};

/// The registry's enterprises in catalogue form (the columns of data/catalogue/enterprises.csv:
/// id, name_zh, name_en, industry_code, status, lon, lat, county_code, prefecture_code, source,
/// location_precision, notes, … with WGS 84 lon/lat), one row per row of the sheet in sheet
/// order (no row is dropped: an unplaced row keeps empty lon/lat), plus the report.
struct RegistryTable {
  core::TextTable enterprises;
  RegistryReport report;
  /// Quantities the sheet states (产生量, 综合利用量), in tonnes, one per row that gives any; not
  /// yet flows (a flow needs a material code of materials.csv).
  struct Quantity {
    std::int64_t line = 0;
    std::string enterpriseId;
    std::string material;  ///< the sheet's material text, empty when it has none
    std::optional<double> generatedTonnes;
    std::optional<double> utilisedTonnes;
  };
  std::vector<Quantity> quantities;
};

}  // namespace circatlas::catalogue
