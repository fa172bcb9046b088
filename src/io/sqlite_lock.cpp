// SQLite write-lock probe for targets about to be replaced (see sqlite_lock.h).
#include "io/sqlite_lock.h"

#include <sqlite3.h>

#include <array>
#include <fstream>
#include <memory>
#include <string_view>
#include <system_error>

#include "core/error.h"

namespace circatlas::io {
namespace {

/// True when the file starts with SQLite's 16-byte header string.
bool isSqliteFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::array<char, 16> head{};
  if (!in.read(head.data(), head.size())) return false;
  return std::string_view(head.data(), head.size()) == std::string_view("SQLite format 3\0", 16);
}

struct CloseDb {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};

}  // namespace

void refuseWhileWriteLocked(const std::filesystem::path& file, const std::string& label) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec) || !isSqliteFile(file)) return;
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  const std::unique_ptr<sqlite3, CloseDb> db(raw);
  if (opened != SQLITE_OK) return;  // read-only file or folder: the rename decides, with its own message
  sqlite3_busy_timeout(db.get(), 0);
  const int begun = sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (begun == SQLITE_OK) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return;
  }
  if (begun == SQLITE_BUSY || begun == SQLITE_LOCKED) {
    throw core::IoError(label +
                        ": is being written by another program (a GIS editing it, or a running export); "
                        "close it there and run again (nothing was replaced)");
  }
}

}  // namespace circatlas::io
