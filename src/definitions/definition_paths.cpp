// Keeps data paths from definition files inside the data folder.
#include "definitions/definition_paths.h"

#include <algorithm>

#include "core/error.h"

namespace circatlas::definitions {

void checkDataPath(const std::string& relative) {
  const std::filesystem::path p(relative);
  if (relative.empty()) throw core::ParameterError("empty data path");
  if (p.is_absolute() || p.has_root_name()) {
    throw core::ParameterError("'" + relative + "': data paths are relative to the data folder, not absolute");
  }
  for (const auto& part : p) {
    if (part == "..") throw core::ParameterError("'" + relative + "': '..' would leave the data folder");
  }
}

std::filesystem::path resolveDataPath(const std::filesystem::path& dataDir, const std::string& relative) {
  checkDataPath(relative);
  std::filesystem::path full = dataDir / relative;  // not const: returned by move
  // A symbolic link inside the data folder must not lead out of it either.
  std::error_code ec;
  auto canonicalDir = std::filesystem::weakly_canonical(dataDir, ec);
  if (canonicalDir.filename().empty()) canonicalDir = canonicalDir.parent_path();  // "data/" → "data"
  const auto canonicalFull = ec ? full : std::filesystem::weakly_canonical(full, ec);
  if (!ec) {
    const auto [dirEnd, fullIt] =
        std::mismatch(canonicalDir.begin(), canonicalDir.end(), canonicalFull.begin(), canonicalFull.end());
    if (dirEnd != canonicalDir.end()) {
      throw core::ParameterError("'" + relative + "': a symbolic link leads out of the data folder (to " +
                                 canonicalFull.string() + ")");
    }
  }
  return full;
}

bool isSafeName(const std::string& name) noexcept {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace circatlas::definitions
