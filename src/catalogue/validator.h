// Checks catalogue tables or a user's registry: fields, types, code lists, references, locations.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "catalogue/admin_areas.h"
#include "catalogue/problem.h"
#include "catalogue/table_spec.h"
#include "core/text_table.h"

namespace circatlas::catalogue {

/// A table as read from disk together with the spec it must follow.
struct TableInput {
  const TableSpec* spec = nullptr;
  core::TextTable table;
  /// Values each feature of toLayer has room for beyond the table's columns: the fields a command
  /// appends to every row (overlay's county codes), so that a million features are not moved to grow.
  std::size_t room = 0;
};

struct ValidationOptions {
  /// Points outside Gansu are errors in the built-in catalogue, warnings in a user's registry
  /// (an enterprise across the border can still be a partner).
  bool outsideGansuIsError = true;
  /// False for a registry that lies wholly outside Gansu: its points are not listed one by one as
  /// outside Gansu (the command says it once); coordinates are still checked.
  bool reportOutsideGansu = true;
};

/// Every problem found, ordered by file and line. Never throws on bad data: bad data is what it
/// reports. Checks: required and unknown columns; required values; numbers ('.' decimal, finite),
/// integers, 0/1 flags, enumerations; identifiers; GB/T 2260 county and prefecture codes (against
/// the base map) and GB/T 4754-2017 code format; duplicate ids; references between tables
/// (flows → enterprises and materials, …); lon/lat ranges, points outside Gansu (and whether
/// swapping lon and lat would fix them); the county the point falls in against the stated one;
/// the prefecture against the county; estimated quantities without a method; units that
/// disagree with the material's unit. Enterprises: a prefecture for every record in Gansu; a
/// record with the province_code of a neighbouring province has no prefecture or county and lies
/// outside Gansu; 4-digit start/end years in order.
[[nodiscard]] std::vector<Problem> validate(std::span<const TableInput> tables, const AdminAreas& admin,
                                            const ValidationOptions& options = {});

/// Number of problems of that severity.
[[nodiscard]] std::size_t count(std::span<const Problem> problems, Severity severity) noexcept;

}  // namespace circatlas::catalogue
