// Hidden names beside a target file for writing it atomically (write there, then rename), and the
// clean-up of what killed runs left behind.
#pragma once

#include <filesystem>
#include <string_view>

namespace circatlas::core {

/// A fresh hidden path beside `target` to stage it in: ".NAME.tmp-<pid>-<random><suffix>" (the
/// suffix keeps an extension GDAL needs, e.g. ".tif"). It first removes what earlier runs left
/// staged for the same target when their process no longer exists (a run killed mid-write never
/// renames or deletes its staging file); leftovers of running processes, and names without a pid,
/// are kept. Nothing is created here.
[[nodiscard]] std::filesystem::path stagingPathBeside(const std::filesystem::path& target,
                                                      std::string_view suffix = {});

}  // namespace circatlas::core
