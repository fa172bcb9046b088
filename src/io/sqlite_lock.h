// Whether another program is writing a SQLite file (a GeoPackage) that circatlas is about to replace.
#pragma once

#include <filesystem>
#include <string>

namespace circatlas::io {

/// Throws core::IoError when `file` is a SQLite database (a GeoPackage) that another program
/// holds a write lock on (a GIS editing it, a running export): replacing it by rename would leave
/// that program writing into the unlinked old file, and its edits would be lost without a word.
/// Readers do not count: a program that only has the file open keeps reading the old version.
/// Asks SQLite for a write lock (BEGIN IMMEDIATE) without waiting, and releases it at once.
/// Files that are missing or are not SQLite databases pass. `label` names the target in the message.
void refuseWhileWriteLocked(const std::filesystem::path& file, const std::string& label);

}  // namespace circatlas::io
