// The typed catalogue value: members by schema table, built from tables read from a source.
#include "catalogue/catalogue.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>

#include "catalogue/catalogue_layers.h"
#include "catalogue/catalogue_schema.h"
#include "core/parallel.h"

namespace circatlas::catalogue {

namespace {

// Members in the order of catalogueTables() (checked by the catalogue tests).
constexpr std::array<core::Layer Catalogue::*, 13> kMembers = {
    &Catalogue::materials, &Catalogue::materialUses, &Catalogue::industryProfiles,  &Catalogue::exchangeParameters,
    &Catalogue::parks,     &Catalogue::miningBases,  &Catalogue::miningBaseMembers, &Catalogue::enterprises,
    &Catalogue::flows,     &Catalogue::projects,     &Catalogue::projectFlows,      &Catalogue::models,
    &Catalogue::targets};

std::optional<std::size_t> indexOf(std::string_view table) {
  const auto specs = catalogueTables();
  for (std::size_t i = 0; i < specs.size() && i < kMembers.size(); ++i) {
    if (specs[i].name == table) return i;
  }
  return std::nullopt;
}

}  // namespace

std::span<core::Layer Catalogue::*const> Catalogue::members() noexcept { return kMembers; }

const core::Layer* Catalogue::find(std::string_view table) const noexcept {
  const auto i = indexOf(table);
  return i ? &(this->*kMembers[*i]) : nullptr;
}

bool Catalogue::isOwn(std::string_view table) const noexcept {
  return std::find(ownTables.begin(), ownTables.end(), table) != ownTables.end();
}

namespace {

// catalogueFromTables for const tables (rows copied) and for tables given up (rows moved).
// The tables become layers side by side on every core (each member is written by one call only): a
// registry's enterprises and flows, a million rows each, then take as long as the larger alone.
template <typename Tables>
Catalogue fromTables(Tables& tables) {
  Catalogue out;
  const auto specs = catalogueTables();
  const std::size_t count = std::min(specs.size(), kMembers.size());
  core::parallelFor(count, 0, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto t =
          std::find_if(tables.begin(), tables.end(), [&](const TableInput& in) { return in.spec == &specs[i]; });
      if (t != tables.end()) {
        if constexpr (std::is_const_v<Tables>) {
          out.*kMembers[i] = toLayer(*t);
        } else {
          out.*kMembers[i] = toLayer(std::move(*t));
        }
        continue;
      }
      // An empty table with the schema's columns, typed as a table read from a file would be.
      TableInput empty{&specs[i], {}};
      empty.table.source = std::string(specs[i].file);
      for (const auto& f : specs[i].fields) empty.table.header.emplace_back(f.name);
      out.*kMembers[i] = toLayer(empty);
    }
  });
  return out;
}

}  // namespace

Catalogue catalogueFromTables(const std::vector<TableInput>& tables) { return fromTables(tables); }

Catalogue catalogueFromTables(std::vector<TableInput>&& tables) { return fromTables(tables); }

}  // namespace circatlas::catalogue
