// Reads the catalogue's CSV tables from a folder (the built-in data/catalogue or a user's copy).
#pragma once

#include <filesystem>
#include <vector>

#include "catalogue/validator.h"
#include "io/text_encoding.h"

namespace circatlas::io {

/// data/catalogue under the built-in data folder.
[[nodiscard]] std::filesystem::path builtinCatalogueDir();

/// Reads every catalogue table whose file is present in the folder, in schema order; absent
/// files are skipped (the validator reports references to them). Throws core::IoError if the
/// folder does not exist, core::InputError for a file that is not UTF-8 (under Reject) or not CSV.
[[nodiscard]] std::vector<catalogue::TableInput> readCatalogueTables(const std::filesystem::path& dir,
                                                                     EncodingPolicy encoding = EncodingPolicy::Reject);

/// Like readCatalogueTables, but every table the folder lacks (the materials code list, say) is
/// taken from the built-in catalogue, so a folder holding only a registry and its flows is
/// complete. Tables read from `dir` come first.
[[nodiscard]] std::vector<catalogue::TableInput> readCatalogueWithBuiltinFallback(
    const std::filesystem::path& dir, EncodingPolicy encoding = EncodingPolicy::Reject);

}  // namespace circatlas::io
