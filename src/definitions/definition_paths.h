// Where style files, layer sets and figure presets live, and safe resolution of data paths.
#pragma once

#include <filesystem>
#include <string>

namespace circatlas::render {

/// styles/: $CIRCATLAS_STYLES_DIR when set, else the source tree's styles/. core::IoError if missing.
[[nodiscard]] std::filesystem::path stylesDir();
/// layers/: $CIRCATLAS_LAYERS_DIR when set, else the source tree's layers/. core::IoError if missing.
[[nodiscard]] std::filesystem::path layersDir();

/// A path from a layer definition, relative to the data folder (io::builtinDataDir()). Absolute
/// paths and any '..' component are rejected with core::ParameterError, so a definition cannot
/// reach outside the data folder; nor can a symbolic link inside it that leads out.
[[nodiscard]] std::filesystem::path resolveDataPath(const std::string& relative);

/// True for names made of a–z, 0–9, '_' and '-' (style and preset names map to file names).
[[nodiscard]] bool isSafeName(const std::string& name) noexcept;

}  // namespace circatlas::render
