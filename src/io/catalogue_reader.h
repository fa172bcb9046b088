// Reads the catalogue's CSV tables from a folder (the built-in data/catalogue or a user's copy).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/validator.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// Reads every catalogue table whose file is present in the folder, in schema order; absent
/// files are skipped (the validator reports references to them). Throws core::IoError if the
/// folder does not exist, core::InputError for a file that is not UTF-8 (under Reject) or not CSV.
[[nodiscard]] std::vector<catalogue::TableInput> readCatalogueTables(const std::filesystem::path& dir,
                                                                     EncodingPolicy encoding = EncodingPolicy::Reject);

/// What a user's folder takes from the built-in catalogue besides the reference tables.
enum class BuiltinTables {
  /// `circatlas validate`: a table the folder lacks comes from the built-in catalogue, except that
  /// a folder with its own enterprises.csv gets empty flows, projects, project flows, parks and
  /// mining bases instead of the built-in ones (its ids would otherwise pick up Gansu's records).
  Fallback,
  /// The analyses by default: nothing but the reference tables; a table the folder lacks is absent.
  ReferenceOnly,
  /// --with-builtin: every table the folder lacks comes from the built-in catalogue, its ids and
  /// its references to registry tables renamed "builtin:ID" (kBuiltinIdPrefix), so a built-in
  /// record never meets a user's record of the same id (material codes stay shared).
  All,
};

/// Prefix of built-in ids taken beside a user's tables (BuiltinTables::All).
inline constexpr std::string_view kBuiltinIdPrefix = "builtin:";

/// True for the reference tables every registry shares with the built-in catalogue (materials,
/// material_uses, industry_profiles, exchange_parameters).
[[nodiscard]] bool isReferenceTable(std::string_view table);

/// Like readCatalogueTables, but completed from the built-in catalogue in `builtinDir`
/// (core::DataPaths::catalogueDir()):
/// - the reference tables (materials, material_uses, industry_profiles, exchange_parameters) are
///   extended row by row: a user row replaces the built-in row with the same key
///   (materials: code; material_uses: material and industry; profiles: industry, fuel, material,
///   role and capacity unit; parameters: parameter and material), other built-in rows are kept;
///   a reference table the folder lacks is the built-in one;
/// - other tables the folder lacks as `builtinTables` says.
/// Tables read from `dir` come first. (The validator reports dangling codes with everything else;
/// the analysis commands call checkMaterialCodes on the result to stop at the first one.)
[[nodiscard]] std::vector<catalogue::TableInput> readCatalogueWithBuiltinFallback(
    const std::filesystem::path& dir, const std::filesystem::path& builtinDir,
    EncodingPolicy encoding = EncodingPolicy::Reject, BuiltinTables builtinTables = BuiltinTables::Fallback);

/// A user's own tables (read from a folder, or a registry file's enterprises) completed from the
/// built-in catalogue as readCatalogueWithBuiltinFallback does.
[[nodiscard]] std::vector<catalogue::TableInput> completeFromBuiltin(std::vector<catalogue::TableInput> tables,
                                                                     const std::filesystem::path& builtinDir,
                                                                     BuiltinTables builtinTables);

/// The code of `known` nearest to `code` (containment first, then edit distance), for messages.
[[nodiscard]] std::string nearestCode(std::string_view code, const std::vector<std::string>& known);

/// Throws core::InputError (file, line, field) for a material code unknown to the materials table;
/// rows that came from the built-in catalogue (line 0) are not checked.
void checkMaterialCodes(const std::vector<catalogue::TableInput>& tables);

}  // namespace circatlas::io
