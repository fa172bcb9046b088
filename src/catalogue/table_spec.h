// Declarative description of a catalogue table: its file, key, fields and what each field must hold.
#pragma once

#include <string_view>
#include <vector>

namespace circatlas::catalogue {

/// What a cell must contain.
enum class FieldKind {
  Text,            ///< any non-empty UTF-8 text
  Identifier,      ///< ASCII letters, digits, '_' and '-' (ids and material codes)
  Integer,         ///< a whole number
  Real,            ///< a finite decimal number with '.' as separator
  Flag,            ///< 0 or 1
  Enum,            ///< one of FieldSpec::allowed
  Longitude,       ///< degrees east, WGS 84
  Latitude,        ///< degrees north, WGS 84
  CountyCode,      ///< 6-digit GB/T 2260 code of a Gansu county-level unit
  PrefectureCode,  ///< 6-digit GB/T 2260 code of a Gansu prefecture (ends in 00)
  ProvinceCode,    ///< 6-digit GB/T 2260 code of Gansu (620000) or a neighbouring province
  Year,            ///< a 4-digit year (1800-2100)
  IndustryCode,    ///< GB/T 4754-2017 class: 4 digits (Industry prefixes allow 2–4)
  IndustryPrefix,  ///< 2 to 4 leading digits of GB/T 4754-2017 codes
  Reference,       ///< the key of a row in another table (FieldSpec::references)
  ReferenceList,   ///< ';'-separated keys of rows in another table
};

/// One column of a table.
struct FieldSpec {
  std::string_view name;
  FieldKind kind = FieldKind::Text;
  bool required = false;
  std::vector<std::string_view> allowed = {};  ///< for Enum
  std::string_view references = {};            ///< table name for Reference/ReferenceList
};

/// One catalogue table (one CSV file).
struct TableSpec {
  std::string_view name;  ///< layer name, e.g. "enterprises"
  std::string_view file;  ///< file name in the catalogue folder, e.g. "enterprises.csv"
  std::string_view key;   ///< the unique id column (empty when rows have no id)
  bool hasPoint = false;  ///< lon/lat columns make it a point layer
  std::vector<FieldSpec> fields;

  [[nodiscard]] const FieldSpec* field(std::string_view fieldName) const noexcept {
    for (const auto& f : fields) {
      if (f.name == fieldName) return &f;
    }
    return nullptr;
  }
};

}  // namespace circatlas::catalogue
