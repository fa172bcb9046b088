// The output policy on real folders: inputs found through symbolic links, hard links and folders;
// existing targets refused without overwrite; folders swapped as a whole; passwords masked.
#include "io/output_target.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "core/error.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

namespace fs = std::filesystem;

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const core::Error& e) {
    return std::string(core::toString(e.kind())) + ": " + e.what();
  }
  return "no error";
}

OutputTarget target(const fs::path& path, bool overwrite = false) {
  OutputTarget t;
  t.path = path.string();
  t.overwrite = overwrite;
  return t;
}

std::string check(const OutputTarget& t, std::vector<InputRef> inputs) {
  return messageOf([&] { checkOutputTarget(t, inputs); });
}

TEST(OutputTarget, NewFileBesideNothingIsAccepted) {
  const test::TempDir dir;
  EXPECT_EQ(check(target(dir / "new.gpkg"), {}), "no error");
}

TEST(OutputTarget, ExistingFileNeedsOverwrite) {
  const test::TempDir dir;
  test::writeFile(dir / "old.gpkg", "x");
  EXPECT_EQ(check(target(dir / "old.gpkg"), {}),
            "parameter error: --out " + (dir / "old.gpkg").string() + ": exists; pass --overwrite to replace it");
  EXPECT_EQ(check(target(dir / "old.gpkg", true), {}), "no error");
}

TEST(OutputTarget, ShapefileCompanionCountsAsExisting) {
  const test::TempDir dir;
  test::writeFile(dir / "roads.dbf", "x");
  EXPECT_EQ(check(target(dir / "roads.shp"), {}), "parameter error: --out " + (dir / "roads.shp").string() +
                                                      ": roads.dbf exists; pass --overwrite to replace it");
}

TEST(OutputTarget, TargetThatIsAnInputIsRefusedEvenWithOverwriteNamingBoth) {
  const test::TempDir dir;
  test::writeFile(dir / "net.gpkg", "x");
  EXPECT_EQ(check(target(dir / "net.gpkg", true), {{(dir / "net.gpkg").string(), "--network", std::nullopt}}),
            "I/O error: --out " + (dir / "net.gpkg").string() + " is the input " + (dir / "net.gpkg").string() +
                " (--network); circatlas never writes onto, over or inside what it reads: choose another output");
}

TEST(OutputTarget, SymbolicAndHardLinksToAnInputAreTheInput) {
  const test::TempDir dir;
  test::writeFile(dir / "net.gpkg", "x");
  fs::create_symlink(dir / "net.gpkg", dir / "sym.gpkg");
  fs::create_hard_link(dir / "net.gpkg", dir / "hard.gpkg");
  const std::vector<InputRef> in{{(dir / "net.gpkg").string(), "--network", std::nullopt}};
  EXPECT_NE(check(target(dir / "sym.gpkg", true), in).find("is, through a symbolic link, the input"),
            std::string::npos);
  EXPECT_NE(check(target(dir / "hard.gpkg", true), in).find("is the same file (a hard link) as the input"),
            std::string::npos);
}

TEST(OutputTarget, TargetInsideAnInputFolderIsRefused) {
  const test::TempDir dir;
  fs::create_directories(dir / "cat3");
  test::writeFile(dir / "cat3" / "enterprises.csv", "id\n");
  const std::vector<InputRef> in{{(dir / "cat3").string(), "--catalogue", std::nullopt}};
  EXPECT_NE(check(target(dir / "cat3" / "enterprises.csv", true), in).find("lies inside the input folder"),
            std::string::npos);
  EXPECT_NE(check(target(dir / "cat3" / "distances.csv"), in).find("lies inside the input folder"), std::string::npos);
  // Through a symbolic link to the folder, too.
  fs::create_directory_symlink(dir / "cat3", dir / "alias");
  EXPECT_NE(check(target(dir / "alias" / "new.csv"), in).find("lies inside the input folder"), std::string::npos);
}

TEST(OutputTarget, HardLinkToAFileOfAnInputFolderIsRefused) {
  const test::TempDir dir;
  fs::create_directories(dir / "cat");
  test::writeFile(dir / "cat" / "flows.csv", "x\n");
  fs::create_hard_link(dir / "cat" / "flows.csv", dir / "copy.csv");
  EXPECT_NE(check(target(dir / "copy.csv", true), {{(dir / "cat").string(), "--catalogue", std::nullopt}})
                .find("is a hard link to a file of the input folder"),
            std::string::npos);
}

TEST(OutputTarget, FolderTargetHoldingAnInputIsRefused) {
  const test::TempDir dir;
  fs::create_directories(dir / "cat");
  test::writeFile(dir / "cat" / "enterprises.csv", "id\n");
  OutputTarget t = target(dir / "cat", true);
  t.shape = TargetShape::Folder;
  EXPECT_NE(
      check(t, {{(dir / "cat" / "enterprises.csv").string(), "REGISTRY", std::nullopt}}).find("contains the input"),
      std::string::npos);
}

TEST(OutputTarget, FolderWithForeignEntriesIsNotReplaced) {
  const test::TempDir dir;
  fs::create_directories(dir / "syn");
  test::writeFile(dir / "syn" / "enterprises.csv", "id\n");
  test::writeFile(dir / "syn" / "notes.txt", "mine\n");
  OutputTarget t = target(dir / "syn", true);
  t.shape = TargetShape::Folder;
  t.ownEntries = {"enterprises.csv", "flows.csv"};
  EXPECT_NE(check(t, {}).find("holds 'notes.txt', which this command does not write"), std::string::npos);
  fs::remove(dir / "syn" / "notes.txt");
  EXPECT_EQ(check(t, {}), "no error");
}

TEST(OutputTarget, EmptyFolderIsNotAnExistingOutput) {
  const test::TempDir dir;
  fs::create_directories(dir / "out");
  OutputTarget t = target(dir / "out");
  t.shape = TargetShape::Folder;
  EXPECT_EQ(check(t, {}), "no error");
}

TEST(OutputTarget, FileTargetThatIsAFolderAndMissingParentAreIoErrors) {
  const test::TempDir dir;
  fs::create_directories(dir / "x.gpkg");
  EXPECT_NE(
      check(target(dir / "x.gpkg", true), {}).find("I/O error: --out " + (dir / "x.gpkg").string() + ": is a folder"),
      std::string::npos);
  EXPECT_NE(check(target(dir / "no" / "such" / "x.gpkg"), {}).find("does not exist"), std::string::npos);
}

TEST(OutputTarget, SymbolicLinkLoopIsAnIoError) {
  const test::TempDir dir;
  fs::create_symlink(dir / "b", dir / "a");
  fs::create_symlink(dir / "a", dir / "b");
  EXPECT_NE(check(target(dir / "a" / "x.gpkg"), {}).find("I/O error: "), std::string::npos);
}

TEST(OutputTarget, TwoTargetsNamingOneFileAreRefused) {
  const test::TempDir dir;
  OutputTarget a = target(dir / "m.gpkg");
  OutputTarget b = target(dir / "m.gpkg");
  b.role = "--routes";
  const std::vector<OutputTarget> both{a, b};
  EXPECT_NE(messageOf([&] { checkOutputTargets(both, {}); }).find("name the same file"), std::string::npos);
}

TEST(OutputTarget, DatabaseTargetsAreNeverFiles) {
  EXPECT_TRUE(isDatabaseTarget("PG:dbname=gansu host=db"));
  EXPECT_TRUE(isDatabaseTarget("postgresql://u@db/gansu"));
  EXPECT_FALSE(isDatabaseTarget("pg.gpkg"));
  const test::TempDir dir;
  const fs::path before = fs::current_path();
  fs::current_path(dir.path());
  EXPECT_EQ(check(target("PG:dbname=gansu password=secret"), {}), "no error");
  EXPECT_TRUE(fs::is_empty(dir.path()));  // nothing named after it
  const std::string same =
      check(target("PG:dbname=gansu password=secret"), {{"PG:dbname=gansu  password=secret", "--from", {}}});
  fs::current_path(before);
  EXPECT_NE(same.find("is the input"), std::string::npos) << same;
  EXPECT_EQ(same.find("secret"), std::string::npos) << same;
}

TEST(OutputTarget, PasswordsAreMasked) {
  EXPECT_EQ(maskSecrets("PG:dbname=gansu user=planner password=s3cret host=db"),
            "PG:dbname=gansu user=planner password=*** host=db");
  EXPECT_EQ(maskSecrets("PG:password='a b' dbname=x"), "PG:password=*** dbname=x");
  EXPECT_EQ(maskSecrets("PG:PASSWORD = x"), "PG:PASSWORD=***");
  EXPECT_EQ(maskSecrets("postgresql://planner:s3cret@db:5432/gansu"), "postgresql://planner:***@db:5432/gansu");
  EXPECT_EQ(maskSecrets("postgresql://db/gansu?user=u&password=p&sslmode=require"),
            "postgresql://db/gansu?user=u&password=***&sslmode=require");
  EXPECT_EQ(maskSecrets("the password is not given"), "the password is not given");
  EXPECT_EQ(maskSecrets("PGPASSWORD=abc psql"), "PGPASSWORD=*** psql");
}

TEST(StagedFolder, CommitReplacesTheOldFolderAsAWhole) {
  const test::TempDir dir;
  fs::create_directories(dir / "syn");
  test::writeFile(dir / "syn" / "enterprises.csv", "old\n");
  test::writeFile(dir / "syn" / "flows.csv", "old\n");
  {
    StagedFolder staged(dir / "syn");
    test::writeFile(staged.path() / "enterprises.csv", "new\n");
    // Before commit the old folder is untouched.
    std::ifstream in(dir / "syn" / "enterprises.csv");
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "old");
    staged.commit();
  }
  EXPECT_TRUE(fs::exists(dir / "syn" / "enterprises.csv"));
  EXPECT_FALSE(fs::exists(dir / "syn" / "flows.csv"));  // nothing of the old folder is left
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);  // no staging leftovers
}

TEST(StagedFolder, WithoutCommitNothingChanges) {
  const test::TempDir dir;
  {
    StagedFolder staged(dir / "syn");
    test::writeFile(staged.path() / "enterprises.csv", "new\n");
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace circatlas::io
