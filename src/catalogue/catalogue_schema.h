// The schema of the circatlas catalogue, declared once: parks, enterprises, flows, materials, …
#pragma once

#include <span>
#include <string_view>

#include "catalogue/table_spec.h"

namespace circatlas::catalogue {

/// Every table of the catalogue, in dependency order (referenced tables first). Documented field
/// by field in data/catalogue/README.md; a user's registry uses the same columns.
[[nodiscard]] std::span<const TableSpec> catalogueTables();

/// The table with that name, or nullptr.
[[nodiscard]] const TableSpec* findTable(std::string_view name);

}  // namespace circatlas::catalogue
