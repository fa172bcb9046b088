// A private PostgreSQL + PostGIS server for tests: initdb in a temporary folder, a Unix socket there and a private
// port, stopped after.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "test_support.h"

namespace circatlas::test {

/// The Debian PostgreSQL 15 server programs, or empty when they are not installed.
inline std::filesystem::path postgresBin() {
  for (const char* dir : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/14/bin"}) {
    if (std::filesystem::exists(std::filesystem::path(dir) / "postgres")) return dir;
  }
  return {};
}

/// One server for a test suite. The server refuses to run as root, so as root the data folder
/// belongs to the `postgres` account (Debian's package creates it) and the programs run under
/// runuser. Connections go through the Unix socket in the data folder (no TCP listener), with
/// trust authentication for that socket only.
class PostgisServer {
 public:
  /// Starts the server; on failure `error()` says why (tests skip with that message when the
  /// programs are missing, and fail otherwise).
  PostgisServer() {
    bin_ = postgresBin();
    if (bin_.empty()) {
      error_ =
          "PostgreSQL 15 server programs not found (Debian: apt-get install postgresql-15 postgresql-15-postgis-3)";
      missing_ = true;
      return;
    }
    if (!std::filesystem::exists("/usr/share/postgresql/15/extension/postgis.control") &&
        !std::filesystem::exists("/usr/share/postgresql/16/extension/postgis.control")) {
      error_ = "PostGIS not installed (Debian: apt-get install postgresql-15-postgis-3)";
      missing_ = true;
      return;
    }
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->path() / "data";
    std::random_device rd;
    port_ = 20000 + static_cast<int>(rd() % 20000);
    if (geteuid() == 0) {
      as_ = "runuser -u postgres -- ";
      std::filesystem::permissions(dir_->path(), std::filesystem::perms::all);
      if (runCommand("chown postgres '" + dir_->path().string() + "'").exitCode != 0) {
        error_ = "cannot give the temporary folder to the postgres account";
        return;
      }
    }
    const auto init = run("initdb -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D '" + data_.string() + "'");
    if (init.exitCode != 0) {
      error_ = "initdb failed: " + init.output;
      return;
    }
    // No TCP: the socket folder is the data folder, which only the server's account can enter.
    const auto start =
        run("pg_ctl -D '" + data_.string() + "' -l '" + (data_ / "server.log").string() + "' -w -t 60 -o \"-p " +
            std::to_string(port_) + " -k '" + data_.string() + "' -c listen_addresses='' -c fsync=off\" start");
    if (start.exitCode != 0) {
      error_ = "the server did not start: " + start.output;
      return;
    }
    started_ = true;
    if (const auto db = psql("postgres", "CREATE DATABASE bureau"); db.exitCode != 0) {
      error_ = "cannot create a database: " + db.output;
      return;
    }
    if (const auto ext = psql("bureau", "CREATE EXTENSION postgis"); ext.exitCode != 0) {
      error_ = "cannot create the postgis extension: " + ext.output;
      return;
    }
    ready_ = true;
  }

  ~PostgisServer() {
    if (started_) run("pg_ctl -D '" + data_.string() + "' -m immediate -w stop");
  }
  PostgisServer(const PostgisServer&) = delete;
  PostgisServer& operator=(const PostgisServer&) = delete;

  [[nodiscard]] bool ready() const noexcept { return ready_; }
  [[nodiscard]] bool missing() const noexcept { return missing_; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }

  /// "PG:host=<socket folder> port=<port> dbname=bureau user=postgres" for GDAL and circatlas.
  [[nodiscard]] std::string connection(const std::string& db = "bureau") const {
    return "PG:host=" + data_.string() + " port=" + std::to_string(port_) + " dbname=" + db + " user=postgres";
  }

  /// Runs SQL through psql, unaligned and without headers: one row a line, columns split by '|'.
  [[nodiscard]] CommandResult psql(const std::string& db, const std::string& sql) const {
    return run(bin_.string() + "/psql -X -q -A -t -v ON_ERROR_STOP=1 -h '" + data_.string() + "' -p " +
                   std::to_string(port_) + " -U postgres -d " + db + " -c \"" + sql + "\"",
               false);
  }

 private:
  CommandResult run(const std::string& command, bool inBin = true) const {
    // psql needs no other account: the socket's folder is readable by the client through its path
    // only when the client may enter it, so as root psql runs as root (root may enter anything).
    return runCommand((inBin ? as_ + bin_.string() + "/" : std::string()) + command);
  }

  std::filesystem::path bin_;
  std::unique_ptr<TempDir> dir_;
  std::filesystem::path data_;
  std::string as_;
  int port_ = 0;
  bool started_ = false;
  bool ready_ = false;
  bool missing_ = false;
  std::string error_;
};

/// Skips the test when PostgreSQL/PostGIS are not installed, fails it when they are but the
/// server did not start.
#define CIRCATLAS_REQUIRE_POSTGIS(server)                     \
  do {                                                        \
    if ((server).missing()) GTEST_SKIP() << (server).error(); \
    ASSERT_TRUE((server).ready()) << (server).error();        \
  } while (false)

/// A test suite whose tests share one private server (started once per suite), each skipped where
/// PostgreSQL/PostGIS are not installed: derive a suite's fixture from it.
class PostgisSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new PostgisServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { CIRCATLAS_REQUIRE_POSTGIS(*server_); }

  static inline PostgisServer* server_ = nullptr;
};

}  // namespace circatlas::test
