// Small helpers shared by the test suites: temporary folders, files and running the CLI.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <sys/wait.h>

namespace circatlas::test {

/// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("circatlas-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path writeFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

/// Result of running a command: exit code and everything it printed (stdout and stderr merged).
struct CommandResult {
  int exitCode = -1;
  std::string output;
};

/// Runs a shell command line and captures its combined output.
inline CommandResult runCommand(const std::string& commandLine) {
  CommandResult result;
  FILE* pipe = popen((commandLine + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe)) result.output += buf.data();
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// A tmpfs mounted at `where` (created if missing) for the life of the value, with mount options such
/// as "size=300k" or "ro": a full disk or a read-only file system even for root, which ignores
/// permissions. Mounting needs root; mounted() says whether it worked, so a test can skip where not.
class TmpfsMount {
 public:
  TmpfsMount(const std::filesystem::path& where, const std::string& options) : path_(where) {
    std::filesystem::create_directories(path_);
    mounted_ = runCommand("mount -t tmpfs -o " + options + " tmpfs '" + path_.string() + "' 2>/dev/null").exitCode == 0;
  }
  ~TmpfsMount() {
    if (mounted_) (void)runCommand("umount '" + path_.string() + "'");
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;
  [[nodiscard]] bool mounted() const noexcept { return mounted_; }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
};

}  // namespace circatlas::test
