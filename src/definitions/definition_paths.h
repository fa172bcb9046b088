// Safe resolution of data paths from definition files, and safe definition names.
#pragma once

#include <filesystem>
#include <string>

namespace circatlas::definitions {

/// Checks a path from a layer definition without the data folder: empty, absolute paths and any '..'
/// component are rejected with core::ParameterError, so a definition cannot reach outside the data folder.
void checkDataPath(const std::string& relative);

/// A path from a layer definition, relative to `dataDir` (core::DataPaths::data): checkDataPath, and
/// core::ParameterError for a symbolic link inside the data folder that leads out of it.
[[nodiscard]] std::filesystem::path resolveDataPath(const std::filesystem::path& dataDir, const std::string& relative);

/// True for names made of a–z, 0–9, '_' and '-' (style and preset names map to file names).
[[nodiscard]] bool isSafeName(const std::string& name) noexcept;

}  // namespace circatlas::definitions
