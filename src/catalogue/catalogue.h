// Catalogue: every table of one registry (the built-in catalogue or a planner's own) as typed layers.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue/validator.h"
#include "core/layer.h"

namespace circatlas::catalogue {

/// A layer without columns or rows, named for a table (what a default Catalogue holds).
[[nodiscard]] inline core::Layer emptyTable(std::string name) {
  return {std::move(name), "", core::GeometryType::None, {}};
}

/// One registry as the analyses read it: one typed layer per table of the catalogue schema
/// (catalogue_schema.h, documented in data/catalogue/README.md), plus where it came from. A table
/// the source lacks is an empty layer with the table's schema, never a missing entry.
struct Catalogue {
  core::Layer materials = emptyTable("materials");
  core::Layer materialUses = emptyTable("material_uses");
  core::Layer industryProfiles = emptyTable("industry_profiles");
  core::Layer exchangeParameters = emptyTable("exchange_parameters");
  core::Layer parks = emptyTable("parks");
  core::Layer miningBases = emptyTable("mining_bases");
  core::Layer miningBaseMembers = emptyTable("mining_base_members");
  core::Layer enterprises = emptyTable("enterprises");
  core::Layer flows = emptyTable("flows");
  core::Layer projects = emptyTable("projects");
  core::Layer projectFlows = emptyTable("project_flows");
  core::Layer models = emptyTable("models");
  core::Layer targets = emptyTable("targets");

  /// metadata.csv: the year the registry describes, and which metadata.csv said so
  /// ("as_of_year of the folder's metadata.csv"); unset when none gives one.
  std::optional<int> asOfYear;
  std::string asOfYearBasis;

  /// Which registry this is, for messages and outputs: "the built-in catalogue (data/catalogue)"
  /// or the folder or file the user gave.
  std::string origin;
  /// True for the built-in catalogue itself.
  bool builtin = true;
  /// Tables read from the origin (schema names, schema order); every other table is empty or,
  /// when the user asked for it, the built-in one (see builtinTables).
  std::vector<std::string> ownTables;
  /// Tables taken whole from the built-in catalogue (--with-builtin), schema order.
  std::vector<std::string> builtinTables;
  /// What reading the origin made of it that the user should know (quantities not used as flows …).
  std::vector<std::string> notes;

  /// A table the user names (e.g. `--from parks`), or nullptr for a name the schema lacks. Code
  /// that knows which table it wants uses the member.
  [[nodiscard]] const core::Layer* find(std::string_view table) const noexcept;
  /// True when `table` was read from the origin itself.
  [[nodiscard]] bool isOwn(std::string_view table) const noexcept;
  /// The member holding `table`, in schema order (catalogueTables()).
  [[nodiscard]] static std::span<core::Layer Catalogue::*const> members() noexcept;
};

/// A Catalogue from tables read from a source (any order, each at most once; absent tables become
/// empty layers with their schema), through toLayer. Metadata and origin are left to the caller.
[[nodiscard]] Catalogue catalogueFromTables(const std::vector<TableInput>& tables);
/// The same, taking the tables' rows instead of copying them (a million-row registry is not held
/// twice): the tables keep their spec, source and header, their rows are emptied.
[[nodiscard]] Catalogue catalogueFromTables(std::vector<TableInput>&& tables);

}  // namespace circatlas::catalogue
