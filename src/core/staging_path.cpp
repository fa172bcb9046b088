// Staging names carry the writer's pid so a later run can tell an abandoned one (see staging_path.h).
#include "core/staging_path.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <random>
#include <string>

namespace circatlas::core {
namespace {

namespace fs = std::filesystem;

/// The pid in "<prefix><pid>-…", or 0 when the name has none.
pid_t stagingOwner(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) != prefix) return 0;
  name.remove_prefix(prefix.size());
  pid_t pid = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), pid);
  if (ec != std::errc() || end == name.data() || end == name.data() + name.size() || *end != '-') return 0;
  return pid;
}

bool processGone(pid_t pid) { return pid > 0 && ::kill(pid, 0) == -1 && errno == ESRCH; }

void removeAbandoned(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (processGone(stagingOwner(name, prefix))) {
      std::error_code ignored;  // another run may be removing it at the same moment
      fs::remove_all(entry.path(), ignored);
    }
  }
}

}  // namespace

fs::path stagingPathBeside(const fs::path& target, std::string_view suffix) {
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  removeAbandoned(parent, prefix);
  std::random_device rd;
  return parent / (prefix + std::to_string(::getpid()) + "-" + std::to_string(rd()) + std::string(suffix));
}

}  // namespace circatlas::core
