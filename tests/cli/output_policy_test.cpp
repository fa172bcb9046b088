// The output policy through the command line (issue 17, item 1): no command replaces an existing
// output without --overwrite, none writes onto, over or inside an input or the built-in data, and
// folder outputs are swapped as a whole — every case with its exact message and exit code.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

namespace fs = std::filesystem;
using test::runCommand;

using test::exe;
using test::in;

// The built-in data folder the command uses: $CIRCATLAS_DATA_DIR (set by ctest), else the configured one.
std::string dataDir() {
  const char* env = std::getenv("CIRCATLAS_DATA_DIR");
  return fs::canonical(env && *env ? env : CIRCATLAS_BUILTIN_DATA_DIR).string();
}

std::string readAll(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

constexpr const char* kNever = "; circatlas never writes onto, over or inside what it reads: choose another output";

TEST(OutputPolicy, EveryWritingCommandRefusesAnExistingOutputWithoutOverwrite) {
  const test::TempDir dir;
  test::writeFile(dir / "old.gpkg", "planner's file");
  test::writeFile(dir / "old.csv", "planner's file");
  test::writeFile(dir / "old.png", "planner's file");
  fs::create_directories(dir / "old");
  test::writeFile(dir / "old" / "density_FLY_ASH.tif", "planner's file");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"route Lanzhou Jiuquan --out old.gpkg", "old.gpkg"},
      {"cluster --out old.gpkg", "old.gpkg"},
      {"partners --out old.gpkg", "old.gpkg"},
      {"allocate --out old.gpkg", "old.gpkg"},
      {"whatif --out old.csv", "old.csv"},
      {"overlay --out old.gpkg", "old.gpkg"},
      {"distances --from parks --to parks --out old.csv", "old.csv"},
      {"figure --preset overview --out old.png", "old.png"},
      {"synth -n 10 --out old.gpkg", "old.gpkg"},
      {"hotspots --out old", "old/density_FLY_ASH.tif"},
      {"export --layers parks --results none --out old.gpkg", "old.gpkg"},
  };
  for (const auto& [args, file] : cases) {
    const auto r = in(dir, args);
    EXPECT_EQ(r.exitCode, 2) << args << "\n" << r.output;
    EXPECT_OUTPUT_HAS(r, "circatlas: parameter error: --out " + file + ": exists; pass --overwrite to replace it");
  }
  EXPECT_EQ(readAll(dir / "old.gpkg"), "planner's file");
  EXPECT_EQ(readAll(dir / "old.png"), "planner's file");
  EXPECT_EQ(readAll(dir / "old" / "density_FLY_ASH.tif"), "planner's file");
}

TEST(OutputPolicy, OverwriteReplacesTheOutput) {
  const test::TempDir dir;
  test::writeFile(dir / "r.gpkg", "planner's file");
  const auto r = in(dir, "route Lanzhou Jiuquan --out r.gpkg --overwrite");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(readAll(dir / "r.gpkg"), "planner's file");
}

TEST(OutputPolicy, DistancesOntoItsOwnCatalogueIsRefusedNamingBoth) {
  const test::TempDir dir;
  ASSERT_EQ(in(dir, "synth -n 50 --seed 3 --out cat3").exitCode, 0);
  const std::string before = readAll(dir / "cat3" / "enterprises.csv");
  const auto r =
      in(dir, "distances --catalogue cat3 --from parks --to enterprises --out cat3/enterprises.csv --overwrite");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, std::string("circatlas: I/O error: --out cat3/enterprises.csv lies inside the input folder cat3 "
                                   "(--catalogue)") +
                           kNever);
  EXPECT_EQ(readAll(dir / "cat3" / "enterprises.csv"), before);
}

TEST(OutputPolicy, RouteOntoItsOwnNetworkIsRefused) {
  const test::TempDir dir;
  fs::copy_file(fs::path(dataDir()) / "network" / "gansu_trunk.csv", dir / "net.csv");
  const std::string before = readAll(dir / "net.csv");
  const auto r = in(dir, "route Lanzhou Jiuquan --network net.csv --length-field length_m --out net.csv --overwrite");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, std::string("circatlas: I/O error: --out net.csv is the input net.csv (--network)") + kNever);
  // Through a symbolic link and a hard link, too.
  fs::create_symlink("net.csv", dir / "link.csv");
  fs::create_hard_link(dir / "net.csv", dir / "hard.csv");
  const auto s = in(dir, "route Lanzhou Jiuquan --network net.csv --length-field length_m --out link.csv --overwrite");
  EXPECT_EQ(s.exitCode, 4) << s.output;
  EXPECT_OUTPUT_HAS(s, "--out link.csv is, through a symbolic link, the input net.csv (--network)");
  const auto h = in(dir, "route Lanzhou Jiuquan --network hard.csv --length-field length_m --out net.csv --overwrite");
  EXPECT_EQ(h.exitCode, 4) << h.output;
  EXPECT_OUTPUT_HAS(h, "--out net.csv is the same file (a hard link) as the input hard.csv (--network)");
  EXPECT_EQ(readAll(dir / "net.csv"), before);
}

TEST(OutputPolicy, ExportOverItsCatalogueFolderIsRefused) {
  const test::TempDir dir;
  ASSERT_EQ(in(dir, "synth -n 50 --seed 3 --out cat").exitCode, 0);
  // (Per-layer formats write into the folder named exactly as typed: cat.csv would be a new folder.)
  const auto r = in(dir, "export --catalogue cat --out cat --format CSV --overwrite");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, std::string("circatlas: I/O error: --out cat is the input cat (--catalogue)") + kNever);
  EXPECT_TRUE(fs::exists(dir / "cat" / "enterprises.csv"));
}

TEST(OutputPolicy, TheBuiltInDataIsNeverATarget) {
  const test::TempDir dir;
  const std::string data = dataDir();
  const auto basemap = in(dir, "export --out '" + data + "/basemap.gpkg' --overwrite");
  EXPECT_EQ(basemap.exitCode, 4) << basemap.output;
  EXPECT_OUTPUT_HAS(basemap, "circatlas: I/O error: --out " + data + "/basemap.gpkg lies inside the input folder " +
                                 data + " (the built-in data folder)" + kNever);
  const auto catalogue = in(dir, "synth --out '" + data + "/catalogue' --overwrite");
  EXPECT_EQ(catalogue.exitCode, 4) << catalogue.output;
  EXPECT_OUTPUT_HAS(catalogue, "circatlas: I/O error: --out " + data + "/catalogue lies inside the input folder " +
                                   data + " (the built-in data folder)" + kNever);
  const auto parent = in(dir, "atlas --out '" + fs::path(data).parent_path().string() + "' --overwrite");
  EXPECT_EQ(parent.exitCode, 4) << parent.output;
  EXPECT_OUTPUT_HAS(parent, "contains the input " + data + " (the built-in data folder)");
}

TEST(OutputPolicy, RefusalsComeBeforeAnyWork) {
  const test::TempDir dir;
  test::writeFile(dir / "old.gpkg", "x");
  const auto start = std::chrono::steady_clock::now();
  const auto r = in(dir, "atlas --out old.gpkg");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: I/O error: --out old.gpkg: exists and is not a folder");
  EXPECT_LT(seconds, 5.0);  // generous: a loaded two-core machine; the atlas itself takes minutes
}

TEST(OutputPolicy, EmptyOutputAndSeveralLayersInAOneLayerFormatAreUsageErrors) {
  const test::TempDir dir;
  const auto empty = in(dir, "figure --preset overview --out ''");
  EXPECT_EQ(empty.exitCode, 2) << empty.output;
  EXPECT_OUTPUT_HAS(empty, "--out: is empty: name the file or folder to write");
  const auto geojson = in(dir, "cluster --out c.geojson");
  EXPECT_EQ(geojson.exitCode, 2) << geojson.output;
  EXPECT_OUTPUT_HAS(geojson,
                    "circatlas: parameter error: --out c.geojson: GeoJSON holds one layer per file and this "
                    "command writes 3 layers; write a .gpkg");
}

TEST(OutputPolicy, DistancesWithBothOutputsOnOneFileIsRefused) {
  const test::TempDir dir;
  const auto r = in(dir, "distances --from parks --to parks --out m.gpkg --routes m.gpkg");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: parameter error: --routes m.gpkg and --out m.gpkg name the same file; give each "
                    "output its own");
}

TEST(OutputPolicy, SynthFolderIsReplacedAsAWholeAndOnlyWhenItHoldsASynthRegistry) {
  const test::TempDir dir;
  ASSERT_EQ(in(dir, "synth -n 50 --seed 1 --out syn").exitCode, 0);
  test::writeFile(dir / "syn" / "notes.txt", "mine");
  const auto foreign = in(dir, "synth -n 50 --seed 2 --out syn --overwrite");
  EXPECT_EQ(foreign.exitCode, 4) << foreign.output;
  EXPECT_OUTPUT_HAS(foreign,
                    "circatlas: I/O error: --out syn: holds 'notes.txt', which this command does not write; the "
                    "folder is replaced as a whole, so move that away or choose another folder");
  fs::remove(dir / "syn" / "notes.txt");
  const auto replaced = in(dir, "synth -n 50 --seed 2 --out syn --overwrite");
  EXPECT_EQ(replaced.exitCode, 0) << replaced.output;
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u) << "staging leftovers beside the folder";
}

// A synth run killed while it writes leaves the previous registry whole: the enterprises and
// flows of one seed, never the enterprises of one beside the flows of another.
TEST(OutputPolicy, InterruptedSynthLeavesTheOldFolder) {
  const test::TempDir dir;
  ASSERT_EQ(in(dir, "synth -n 100 --seed 1 --out syn").exitCode, 0);
  const std::string enterprises = readAll(dir / "syn" / "enterprises.csv");
  const std::string flows = readAll(dir / "syn" / "flows.csv");
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::chdir(dir.path().c_str());
    ::execl(CIRCATLAS_EXE, CIRCATLAS_EXE, "synth", "-n", "400000", "--seed", "2", "--out", "syn", "--overwrite",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it once it has started writing the staged folder. Generating 400 000 rows before the first
  // write takes seconds on a quiet machine and much longer on a loaded one, so the wait ends when the
  // staged file appears or the run ends, not after a fixed time (the cap only guards against a hang).
  bool staged = false;
  bool exited = false;
  int status = 0;
  for (int i = 0; i < 6000 && !staged && !exited; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (const auto& e : fs::directory_iterator(dir.path())) {
      if (e.path().filename().string().starts_with(".syn.tmp-") && fs::exists(e.path() / "enterprises.csv"))
        staged = true;
    }
    exited = !staged && ::waitpid(pid, &status, WNOHANG) == pid;
  }
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(staged) << (exited ? "the run ended before it was seen writing" : "the run never started writing");
  EXPECT_EQ(readAll(dir / "syn" / "enterprises.csv"), enterprises);
  EXPECT_EQ(readAll(dir / "syn" / "flows.csv"), flows);
  // The next run removes what the killed one left.
  ASSERT_EQ(in(dir, "synth -n 100 --seed 3 --out syn --overwrite").exitCode, 0);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

}  // namespace
}  // namespace circatlas
