// Reads style files (styles/*.json, format in styles/README.md) into the style model.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "render/style.h"

namespace circatlas::definitions {

/// Parses a style from JSON text. fileLabel names the file in messages. Throws
/// core::ParameterError "file:line:column: in style 'NAME' at /json/pointer: …" for invalid JSON,
/// unknown keys, wrong types and out-of-range values.
[[nodiscard]] render::Style parseStyle(const std::string& json, const std::string& fileLabel);

/// Reads and parses a style file; core::IoError when it cannot be read.
[[nodiscard]] render::Style parseStyleFile(const std::filesystem::path& path);

}  // namespace circatlas::definitions
