// Staging names beside a target, and the clean-up of what killed runs left.
#include "core/staging_path.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "test_support.h"

namespace circatlas::core {
namespace {

namespace fs = std::filesystem;

/// The pid of a process that has exited and been reaped.
pid_t deadPid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

TEST(StagingPath, IsHiddenBesideTheTargetWithThisProcessAndTheSuffix) {
  const test::TempDir dir;
  const fs::path staged = stagingPathBeside(dir / "atlas.gpkg", ".tif");
  EXPECT_EQ(staged.parent_path(), dir.path());
  const std::string name = staged.filename().string();
  EXPECT_EQ(name.rfind(".atlas.gpkg.tmp-" + std::to_string(getpid()) + "-", 0), 0u) << name;
  EXPECT_EQ(name.substr(name.size() - 4), ".tif");
  EXPECT_NE(stagingPathBeside(dir / "atlas.gpkg"), stagingPathBeside(dir / "atlas.gpkg"));
}

TEST(StagingPath, RemovesWhatDeadRunsLeftForTheSameTargetOnly) {
  const test::TempDir dir;
  const pid_t dead = deadPid();
  const fs::path abandoned = dir / (".atlas.gpkg.tmp-" + std::to_string(dead) + "-42");
  const fs::path abandonedFile = dir / (".atlas.gpkg.tmp-" + std::to_string(dead) + "-43.tif");
  const fs::path running = dir / (".atlas.gpkg.tmp-" + std::to_string(getpid()) + "-44");
  const fs::path otherTarget = dir / (".roads.gpkg.tmp-" + std::to_string(dead) + "-45");
  const fs::path noPid = dir / ".atlas.gpkg.tmp-46";
  for (const auto& d : {abandoned, running, otherTarget}) fs::create_directory(d);
  test::writeFile(abandoned / "atlas.gpkg", "half");
  test::writeFile(abandonedFile, "half");
  test::writeFile(noPid, "old");

  (void)stagingPathBeside(dir / "atlas.gpkg");
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_FALSE(fs::exists(abandonedFile));
  EXPECT_TRUE(fs::exists(running)) << "a live process may still be writing it";
  EXPECT_TRUE(fs::exists(otherTarget)) << "another target's leftovers are that target's business";
  EXPECT_TRUE(fs::exists(noPid)) << "without a pid nobody can tell whose it is";
}

}  // namespace
}  // namespace circatlas::core
