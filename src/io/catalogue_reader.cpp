// Finds the catalogue's CSV files by their schema names and reads each as a text table.
#include "io/catalogue_reader.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>

#include "catalogue/catalogue_schema.h"
#include "core/error.h"
#include "io/csv_reader.h"

namespace circatlas::io {

std::vector<catalogue::TableInput> readCatalogueTables(const std::filesystem::path& dir, EncodingPolicy encoding) {
  if (!std::filesystem::is_directory(dir)) throw core::IoError(dir.string() + ": no such folder");
  std::vector<catalogue::TableInput> tables;
  for (const auto& spec : catalogue::catalogueTables()) {
    const auto path = dir / spec.file;
    if (!std::filesystem::exists(path)) continue;
    tables.push_back({&spec, readCsvTable(path.string(), encoding)});
  }
  return tables;
}

namespace {

// Reference tables a user's folder extends row by row: a user row replaces the built-in row with
// the same key, built-in rows with other keys are kept.
struct MergeKey {
  std::string_view table;
  std::vector<std::string_view> columns;
};

const std::vector<MergeKey>& mergedTables() {
  static const std::vector<MergeKey> keys = {
      {"materials", {"code"}},
      {"material_uses", {"material_code", "receiver_industry"}},
      {"industry_profiles", {"industry", "fuel", "material_code", "role", "capacity_unit"}},
      {"exchange_parameters", {"parameter", "material_code"}},
  };
  return keys;
}

// Tables that describe one registry's facilities: a folder that brings its own enterprises never
// borrows these from the built-in catalogue (its ids would pick up Gansu's flows otherwise).
bool registryTable(std::string_view name) {
  return name == "flows" || name == "projects" || name == "project_flows" || name == "parks" ||
         name == "mining_bases" || name == "mining_base_members";
}

std::string keyOf(const core::TextTable& t, const core::TextTable::Row& row, const MergeKey& key) {
  std::string out;
  for (const auto column : key.columns) {
    const auto c = t.column(column);
    if (c && *c < row.cells.size() && row.cells[*c]) out += *row.cells[*c];
    out += '\x1f';
  }
  return out;
}

// Appends to `user` the built-in rows whose key the user's table does not have. Columns are
// matched by name; a built-in column the user's header lacks is dropped, one it has but the
// built-in lacks stays empty.
void mergeRows(core::TextTable& user, const core::TextTable& builtin, const MergeKey& key) {
  std::set<std::string> present;
  for (const auto& row : user.rows) present.insert(keyOf(user, row, key));
  for (const auto& row : builtin.rows) {
    if (present.contains(keyOf(builtin, row, key))) continue;
    core::TextTable::Row copy;
    copy.line = 0;  // not from the user's file
    for (const auto& name : user.header) {
      const auto c = builtin.column(name);
      copy.cells.push_back(c && *c < row.cells.size() ? row.cells[*c] : std::nullopt);
    }
    user.rows.push_back(std::move(copy));
  }
}

std::string cell(const core::TextTable& t, const core::TextTable::Row& row, std::string_view column) {
  const auto c = t.column(column);
  return c && *c < row.cells.size() ? core::text(row.cells[*c]) : std::string();
}

// Edit distance, for naming the nearest known code.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string nearestCode(std::string_view code, const std::vector<std::string>& known) {
  std::string best;
  std::size_t bestDistance = SIZE_MAX;
  for (const auto& k : known) {
    // A code that contains the other (STEAM in STEAM_LP) is nearer than any edit distance.
    const bool contains = k.find(code) != std::string::npos || code.find(k) != std::string::npos;
    const std::size_t d = contains ? std::min<std::size_t>(1, distance(code, k)) : distance(code, k) + 1;
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

void checkMaterialCodes(const std::vector<catalogue::TableInput>& tables) {
  const auto find = [&](std::string_view name) -> const core::TextTable* {
    for (const auto& t : tables) {
      if (t.spec->name == name) return &t.table;
    }
    return nullptr;
  };
  const core::TextTable* materials = find("materials");
  if (!materials) return;
  std::vector<std::string> known;
  for (const auto& row : materials->rows) known.push_back(cell(*materials, row, "code"));
  const std::set<std::string> codes(known.begin(), known.end());
  for (const std::string_view name : {"flows", "project_flows", "industry_profiles", "material_uses"}) {
    const core::TextTable* t = find(name);
    if (!t) continue;
    for (const auto& row : t->rows) {
      const std::string code = cell(*t, row, "material_code");
      if (code.empty() || codes.contains(code) || row.line == 0) continue;
      core::InputError e("unknown material '" + code + "' (nearest known code: '" + nearestCode(code, known) +
                         "'; add it to materials.csv in the same folder to define it)");
      e.setFile(t->source);
      e.setLine(row.line);
      e.setField("material_code");
      throw e;
    }
  }
}

namespace {

bool referenceTable(std::string_view name) {
  return std::any_of(mergedTables().begin(), mergedTables().end(), [&](const MergeKey& k) { return k.table == name; });
}

// A built-in table taken beside a user's tables: its ids and its references to other registry
// tables become "builtin:ID", so a built-in record never meets a user's record of the same id
// (a built-in flow of E002 never attaches to the user's E002; a user's park_id P001 never means
// the built-in park). Built-in rows still refer to each other; material codes stay shared.
void separateIds(catalogue::TableInput& builtin) {
  std::vector<std::size_t> columns;
  for (const auto& field : builtin.spec->fields) {
    const bool key = field.name == builtin.spec->key;
    const bool reference =
        (field.kind == catalogue::FieldKind::Reference || field.kind == catalogue::FieldKind::ReferenceList) &&
        !referenceTable(field.references);
    if (!key && !reference) continue;
    if (const auto c = builtin.table.column(field.name)) columns.push_back(*c);
  }
  for (auto& row : builtin.table.rows) {
    for (const std::size_t c : columns) {
      if (c >= row.cells.size() || !row.cells[c] || row.cells[c]->empty()) continue;
      std::string renamed;
      std::string_view rest = *row.cells[c];
      while (true) {
        const auto semicolon = rest.find(';');
        if (!renamed.empty()) renamed += ';';
        renamed += std::string(kBuiltinIdPrefix) + std::string(rest.substr(0, semicolon));
        if (semicolon == std::string_view::npos) break;
        rest.remove_prefix(semicolon + 1);
      }
      row.cells[c] = renamed;
    }
  }
}

}  // namespace

bool isReferenceTable(std::string_view table) { return referenceTable(table); }

std::vector<catalogue::TableInput> readCatalogueWithBuiltinFallback(const std::filesystem::path& dir,
                                                                    const std::filesystem::path& builtinDir,
                                                                    EncodingPolicy encoding,
                                                                    BuiltinTables builtinTables) {
  std::vector<catalogue::TableInput> tables = readCatalogueTables(dir, encoding);
  if (std::filesystem::equivalent(dir, builtinDir)) return tables;
  return completeFromBuiltin(std::move(tables), builtinDir, builtinTables);
}

std::vector<catalogue::TableInput> completeFromBuiltin(std::vector<catalogue::TableInput> tables,
                                                       const std::filesystem::path& builtinDir,
                                                       BuiltinTables builtinTables) {
  const auto has = [&](std::string_view name) {
    return std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return t.spec->name == name; });
  };
  const bool ownRegistry = has("enterprises");
  for (auto& builtin : readCatalogueTables(builtinDir)) {
    const auto user =
        std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.spec->name == builtin.spec->name; });
    if (user != tables.end()) {
      for (const auto& key : mergedTables()) {
        if (key.table == builtin.spec->name) mergeRows(user->table, builtin.table, key);
      }
      continue;
    }
    if (!referenceTable(builtin.spec->name)) {
      if (builtinTables == BuiltinTables::ReferenceOnly) continue;
      if (builtinTables == BuiltinTables::All) {
        separateIds(builtin);
      } else if (ownRegistry && registryTable(builtin.spec->name)) {
        // The registry's own tables stay its own: present but empty rather than Gansu's rows.
        builtin.table.rows.clear();
      }
    }
    tables.push_back(std::move(builtin));
  }
  return tables;
}

}  // namespace circatlas::io
