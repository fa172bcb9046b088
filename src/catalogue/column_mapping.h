// Which column of a planner's sheet holds which registry field: recognised Chinese and English
// headers, --field overrides and mapping files, and the units of quantity columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/registry_table.h"

namespace circatlas::catalogue {

/// The fields a registry column can feed. Catalogue fields (id, name_zh, lon, county_code …) keep
/// their catalogue names; the others are inputs from which catalogue fields are derived:
/// `name` (one name column, Chinese or not), `credit_code` (统一社会信用代码), `industry_name`,
/// `address`, `county`, `township`, `prefecture` (names or codes), `generated` and `utilised`
/// (quantities, 产生量 and 综合利用量) and `material` (what the quantities are of).
[[nodiscard]] const std::vector<std::string_view>& registryFields();

/// The pseudo-field of a request that keeps a column out of every field ("ignore=备注" in a
/// mapping file, --field ignore=X): a recognised header the planner does not want read.
inline constexpr std::string_view kIgnoreField = "ignore";

/// A sheet column chosen for a field.
struct ColumnChoice {
  std::string field;
  std::size_t column = 0;  ///< index in the sheet's header
  FieldOrigin origin = FieldOrigin::Recognised;
  double toTonnes = 1.0;  ///< for quantity fields: factor from the header's unit to tonnes
  std::string unit;       ///< the unit as the header states it ("万吨"), empty when none
};

/// A `field=column` request from --field or a mapping file.
struct FieldRequest {
  std::string field;
  std::string column;
  FieldOrigin origin = FieldOrigin::Option;
};

/// Parses "field=column" (from --field); the field may be kIgnoreField. Throws
/// core::ParameterError for a malformed pair or an unknown field, listing the known ones.
[[nodiscard]] FieldRequest parseFieldRequest(std::string_view text, FieldOrigin origin = FieldOrigin::Option);

/// Parses a mapping file's text: one `field=column` per line, `#` comments and blank lines
/// ignored. Throws core::ParameterError naming the file and line of a bad line.
[[nodiscard]] std::vector<FieldRequest> parseMappingFile(std::string_view text, std::string_view fileName);

/// The text of a mapping file for the given choices (what --save-mapping writes), with an
/// `ignore=COLUMN` line for each of `ignoredColumns` (columns the planner kept out).
[[nodiscard]] std::string formatMappingFile(const std::vector<ColumnChoice>& choices,
                                            const std::vector<std::string>& header, std::string_view sourceLabel,
                                            const std::vector<std::string>& ignoredColumns = {});

/// The field a header names, or nullopt: "企业名称" → name_zh, "经度" → lon, "产生量（万吨）" →
/// generated, "Longitude" → lon. Case, spaces and a trailing unit in brackets are ignored.
[[nodiscard]] std::optional<std::string> recogniseHeader(std::string_view header);

/// The unit of a quantity header ("产生量（万吨）" → 万吨, factor 10 000), or nullopt when the
/// header states none or one that is not a mass.
struct MassUnit {
  std::string name;
  double toTonnes = 1.0;
};
[[nodiscard]] std::optional<MassUnit> headerMassUnit(std::string_view header);

/// Chooses a column for every field: requests first (mapping-file requests are overridden by
/// --field ones for the same field), then recognised headers (first column wins; a later column
/// recognised as the same field is listed in `duplicates`). A kIgnoreField request keeps its column
/// out of every field. Throws core::ParameterError when a
/// requested column is not in the header (naming it and the header's columns).
[[nodiscard]] std::vector<ColumnChoice> chooseColumns(const std::vector<std::string>& header,
                                                      const std::vector<FieldRequest>& requests,
                                                      std::vector<std::string>* duplicates = nullptr);

}  // namespace circatlas::catalogue
