// `circatlas export` killed with SIGKILL while it writes: the previous target is byte-identical and
// still a GeoPackage GDAL opens, and the staging folder left behind does not disturb the next run,
// which removes it.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>
#include <vector>

#include "test_support.h"

extern char** environ;

namespace circatlas {
namespace {

namespace fs = std::filesystem;

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The file being written inside a staging folder `.<name>.tmp-*` beside the target, if any yet.
std::optional<fs::path> stagedFile(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    if (!entry.is_directory() || entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    const fs::path staged = entry.path() / target.filename();
    if (fs::exists(staged, ec)) return staged;
  }
  return std::nullopt;
}

std::vector<std::string> layerNames(const fs::path& gpkg) {
  GDALAllRegister();
  const char* drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  std::vector<std::string> names;
  if (!ds) return names;
  for (OGRLayer* layer : ds->GetLayers()) names.emplace_back(layer->GetName());
  return names;
}

TEST(ExportKill, SigkillDuringExportLeavesThePreviousFileIntactAndTheNextRunWorks) {
  const test::TempDir dir;
  const fs::path target = dir / "atlas.gpkg";
  const std::string exe = CIRCATLAS_EXE;
  // The previous file: a small export of one table.
  auto r = test::runCommand("'" + exe + "' export --layers materials --results none --out '" + target.string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const std::string before = bytes(target);
  ASSERT_FALSE(before.empty());
  // A registry large enough that writing its flows table takes a while (~80,000 rows, seeded: about 2 s of export).
  r = test::runCommand("'" + exe + "' synth -n 100000 --seed 7 --out '" + (dir / "registry").string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;

  const std::string catalogue = (dir / "registry").string();
  const std::string out = target.string();
  std::vector<const char*> argv{exe.c_str(), "export", "--catalogue", catalogue.c_str(), "--layers",  "flows",
                                "--results", "none",   "--overwrite", "--out",           out.c_str(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, exe.c_str(), &actions, nullptr, const_cast<char* const*>(argv.data()), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // Kill once the staged GeoPackage holds 1 MiB: features are being written (the whole is ~10 MB).
  auto writing = [&] {
    const auto staged = stagedFile(target);
    std::error_code ec;
    return staged && fs::file_size(*staged, ec) >= (1U << 20) && !ec;
  };
  bool exited = false;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (!writing() && std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
  }
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the export ended before it could be killed (exit status " << status << "): make its input larger";
  const auto leftover = stagedFile(target);
  ASSERT_TRUE(leftover) << "SIGKILL runs no clean-up: the staging folder must still be there";

  EXPECT_EQ(bytes(target), before) << "the previous file changed";
  const auto previous = layerNames(target);
  EXPECT_NE(std::find(previous.begin(), previous.end(), "materials"), previous.end()) << "GDAL cannot read it";

  // The next run is not disturbed by the leftover, replaces the target, and removes the leftover
  // (its staging name carries the pid of the killed run, which no longer exists).
  r = test::runCommand("'" + exe + "' export --layers flows,materials --results none --overwrite --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_FALSE(fs::exists(leftover->parent_path())) << leftover->parent_path();
  const auto names = layerNames(target);
  EXPECT_NE(std::find(names.begin(), names.end(), "flows"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "materials"), names.end());
}

}  // namespace
}  // namespace circatlas
