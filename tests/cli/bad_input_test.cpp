// Broken registries through `circatlas validate` and `info`: every case of tests/data/bad/ (made by
// scripts/make_bad_corpus.py) gets a message naming file, layer, feature or line and field, and
// the exit code of its kind (3 bad input, 5 CRS), never a crash.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;

using test::exe;

// Runs `circatlas <command> <bad file> <extra>` from the corpus folder, so messages carry the short name.
test::CommandResult run(const std::string& command, const std::string& name, const std::string& extra = "") {
  return runCommand("cd '" + std::string(CIRCATLAS_BAD_DATA_DIR) + "' && " + exe() + " " + command + " '" + name +
                    "' " + extra);
}

TEST(BadInput, MissingCoordinateColumnIsNamedWithTheOptionThatFixesIt) {
  const auto r = run("validate", "missing_column.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: input error: missing_column.csv: no latitude column 'lat' (name it with --lat-field)");
}

TEST(BadInput, ExtraColumnIsAWarningNotAnError) {
  const auto r = run("validate", "extra_column.csv");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "extra_column.csv:1:colour: warning: unknown column, ignored");
  EXPECT_OUTPUT_HAS(r, "extra_column.csv: 1 rows checked, 0 error(s), 1 warning(s)");
}

TEST(BadInput, NonNumericNanAndInfiniteCoordinatesNameLineAndField) {
  const auto text = run("validate", "non_numeric_lon.csv");
  EXPECT_EQ(text.exitCode, 3) << text.output;
  EXPECT_OUTPUT_HAS(text, "non_numeric_lon.csv:2:lon: error: expected a number, got \"东经102\"");
  const auto nan = run("validate", "nan_lat.csv");
  EXPECT_EQ(nan.exitCode, 3) << nan.output;
  EXPECT_OUTPUT_HAS(nan, "nan_lat.csv:2:lat: error: expected a number, got \"NaN\"");
  const auto inf = run("validate", "infinite_lon.csv");
  EXPECT_EQ(inf.exitCode, 3) << inf.output;
  EXPECT_OUTPUT_HAS(inf, "infinite_lon.csv:2:lon: error: expected a number, got \"inf\"");
}

TEST(BadInput, OutOfRangeLatitudeIsRefused) {
  const auto r = run("validate", "out_of_range_lat.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "out_of_range_lat.csv:2:lat: error: out of range: 98.52 is not a latitude (-90 to 90)");
}

TEST(BadInput, SwappedLonAndLatAreDetectedAndSaidSo) {
  const auto r = run("validate", "swapped_lon_lat.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "swapped_lon_lat.csv:2:lat: error: lon and lat look swapped");
}

TEST(BadInput, RegistryWithoutRowsOrFeaturesIsRefused) {
  const auto csv = run("validate", "header_only.csv");
  EXPECT_EQ(csv.exitCode, 3) << csv.output;
  EXPECT_OUTPUT_HAS(csv,
                    "circatlas: input error: header_only.csv: the registry has no rows (only a header or nothing)");
  const auto layer = run("validate", "empty_layer.geojson");
  EXPECT_EQ(layer.exitCode, 3) << layer.output;
  EXPECT_OUTPUT_HAS(layer,
                    "circatlas: input error: empty_layer.geojson: layer 'empty_layer': the registry has no "
                    "features (an empty layer)");
}

TEST(BadInput, DuplicateIdsNameBothLines) {
  const auto r = run("validate", "duplicate_ids.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "duplicate_ids.csv:3:id: error: duplicate id \"R1\" (first on line 2)");
}

TEST(BadInput, DanglingReferencesNameTheMissingRow) {
  const auto r = run("validate", "dangling_references");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "dangling_references/flows.csv:3:enterprise_id: error: no enterprises row has id \"R9\"");
  EXPECT_OUTPUT_HAS(r, "dangling_references/flows.csv:4:material_code: error: no materials row has id \"MOON_DUST\"");
  EXPECT_OUTPUT_HAS(r, "dangling_references: 4 rows checked, 2 error(s), 0 warning(s)");
}

TEST(BadInput, MixedGeometryTypesNameTheFeature) {
  const auto r = run("validate", "mixed_geometry.geojson");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: input error: mixed_geometry.geojson: layer 'mixed_geometry', feature 1: mixed "
                    "geometry types: a LineString in a layer of");
}

TEST(BadInput, LinesAreNoRegistry) {
  const auto r = run("validate", "lines.geojson");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "lines.geojson: layer 'lines': a registry needs point geometries, this layer holds LineString");
}

TEST(BadInput, SelfIntersectingAndZeroAreaPolygonsAreNamedByFeature) {
  const auto r = run("info", "bad_polygons.geojson", "--check-geometry");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "bad_polygons.geojson: layer 'bad_polygons', feature 1: invalid polygon: "
                    "Self-intersection[103.5 36.5] (GEOS MakeValid can repair it)");
  EXPECT_OUTPUT_HAS(r,
                    "bad_polygons.geojson: layer 'bad_polygons', feature 2: invalid polygon: "
                    "Self-intersection[104 36] (zero area: nothing is left to repair)");
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: bad_polygons.geojson: 2 invalid polygon(s); see the list above");
  EXPECT_EQ(r.output.find("feature 0:"), std::string::npos) << "the valid square was reported\n" << r.output;
}

TEST(BadInput, BuiltInPolygonsPassTheGeometryCheck) {
  const auto r = runCommand(exe() + " info --check-geometry");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "Geometry check: every polygon is valid.");
}

TEST(BadInput, ShapefileWithoutPrjInMetresIsACrsError) {
  const auto r = run("validate", "utm_without_prj.shp");
  EXPECT_EQ(r.exitCode, 5) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: CRS error: utm_without_prj.shp: layer 'utm_without_prj', feature 0: the layer "
                    "declares no coordinate system (a Shapefile without its .prj?) and its coordinates (");
  EXPECT_OUTPUT_HAS(r, ") are not lon/lat degrees; add the .prj or reproject to WGS 84");
}

TEST(BadInput, UnreadablePrjIsACrsErrorNamingIt) {
  const auto r = run("validate", "broken_prj.shp");
  EXPECT_EQ(r.exitCode, 5) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: CRS error: broken_prj.shp: layer 'broken_prj': its coordinate system cannot be "
                    "read (a broken .prj?) (GDAL: ");
}

TEST(BadInput, TruncatedAndCorruptShapefilesAreInputErrors) {
  const auto truncated = run("validate", "truncated.shp");
  EXPECT_EQ(truncated.exitCode, 3) << truncated.output;
  EXPECT_OUTPUT_HAS(truncated,
                    "circatlas: input error: truncated.shp: layer 'truncated', feature 0: cannot be read (GDAL:");
  const auto corrupt = run("info", "corrupt.shp");
  EXPECT_EQ(corrupt.exitCode, 3) << corrupt.output;
  EXPECT_OUTPUT_HAS(corrupt, "circatlas: input error: corrupt.shp: not a vector data source that GDAL can read");
}

TEST(BadInput, TruncatedGeoPackageIsAnInputError) {
  for (const char* command : {"info", "validate"}) {
    const auto r = run(command, "truncated.gpkg");
    EXPECT_EQ(r.exitCode, 3) << command << ": " << r.output;
    EXPECT_OUTPUT_HAS(r, "circatlas: input error: truncated.gpkg: not a vector data source that GDAL can read (GDAL: ");
  }
}

}  // namespace
}  // namespace circatlas

// ---- Issue 17: the faults of the hold-out run, each with its exact message and exit code. ----
namespace circatlas {
namespace {

// Runs `circatlas ARGS` in dir with the given environment prefix (e.g. "CIRCATLAS_MEMORY_LIMIT=200M").
test::CommandResult runIn(const test::TempDir& dir, const std::string& env, const std::string& args,
                          const std::string& shellPrefix = "") {
  return test::runCommand("cd '" + dir.path().string() + "' && " + shellPrefix + " env " + env + " " + exe() + " " +
                          args);
}

// A registry CSV of `rows` rows (about 80 bytes each), written without circatlas.
void writeRegistry(const std::filesystem::path& path, int rows, int blankLinesAfter = 0) {
  std::ofstream f(path, std::ios::binary);
  f << "id,name_zh,name_en,industry_code,status,lon,lat,county_code,prefecture_code,source,location_precision\n";
  for (int i = 0; i < rows; ++i) {
    f << 'R' << i << ",金川集团,Jinchuan Group,3211,none,102.19,38.52,620302,620300,survey,exact\n";
  }
  for (int i = 0; i < blankLinesAfter; ++i) f << '\n';
}

TEST(BadInput17, LargeCsvOverTheBudgetIsRefusedFromASampleBeforeItIsRead) {
  const test::TempDir dir;
  writeRegistry(dir / "big.csv", 150000);  // 12 MiB: estimated from samples, not counted
  const auto start = std::chrono::steady_clock::now();
  const auto r = runIn(dir, "CIRCATLAS_MEMORY_LIMIT=200M", "validate big.csv");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: I/O error: big.csv: layer 'big': about 14");
  EXPECT_OUTPUT_HAS(r, " features (estimated from the file's 12 MiB and samples of its lines) need about ");
  EXPECT_OUTPUT_HAS(r, "more than the budget of 200 MiB (CIRCATLAS_MEMORY_LIMIT=200M); load a smaller extract");
  EXPECT_LT(seconds, 10.0);
}

// AddressSanitizer reserves terabytes of shadow address space at start, so a program built with it
// cannot run under `ulimit -v` at all: those cases are checked in the normal build only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST(BadInput17, LargeCsvUnderAnAddressSpaceLimitIsRefusedNotACrash) {
  if (kAddressSanitizer) GTEST_SKIP() << "ulimit -v cannot apply to an AddressSanitizer build";
  const test::TempDir dir;
  writeRegistry(dir / "big.csv", 150000);
  const auto r = runIn(dir, "-u CIRCATLAS_MEMORY_LIMIT", "validate big.csv", "ulimit -v 800000 &&");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: I/O error: big.csv: layer 'big': about 14");
  EXPECT_OUTPUT_HAS(r, "(what the address-space limit (ulimit -v) of 781 MiB leaves free); load a smaller extract");
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
}

// The same 150,000 rows in every format a registry comes in, converted by GDAL's own ogr2ogr: under an
// address-space limit each reader refuses with the budget's message and exit code, never a crash or
// "internal error": from the estimate before reading, or from std::bad_alloc deep inside GDAL or our
// reading (XLSX, whose rows take less memory than estimated, gets that far, and needs twice the rows
// since a row's cells are kept in one block: 150,000 now fit). ODS is not among them:
// GDAL's ODS reader itself stops at 150,000 rows ("Too much accumulated memory for row/cell
// repetition"), an input error naming the file, with or without a limit.
class ReaderUnderAddressLimit : public ::testing::TestWithParam<const char*> {};

INSTANTIATE_TEST_SUITE_P(Formats, ReaderUnderAddressLimit,
                         ::testing::Values("gpkg", "geojson", "fgb", "shp", "xlsx", "sqlite"));

TEST_P(ReaderUnderAddressLimit, RefusesWithTheBudgetsMessage) {
  if (kAddressSanitizer) GTEST_SKIP() << "ulimit -v cannot apply to an AddressSanitizer build";
  const std::string ext = GetParam();
  const test::TempDir dir;
  writeRegistry(dir / "big.csv", ext == "xlsx" ? 300000 : 150000);
  const auto converted =
      test::runCommand("cd '" + dir.path().string() + "' && ogr2ogr -q big." + ext +
                       " big.csv -nln big -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326 2>&1");
  ASSERT_EQ(converted.exitCode, 0) << converted.output;
  const auto r = runIn(dir, "-u CIRCATLAS_MEMORY_LIMIT", "validate big." + ext, "ulimit -v 400000 &&");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: I/O error: ");
  EXPECT_OUTPUT_HAS(r, "what the address-space limit (ulimit -v) of 391 MiB leaves free); load a smaller extract");
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
}

TEST(BadInput17, BlankLinesAreNotCountedAsFeatures) {
  const test::TempDir dir;
  writeRegistry(dir / "blank.csv", 2, 1000000);
  const auto r = runIn(dir, "CIRCATLAS_MEMORY_LIMIT=200M", "validate blank.csv");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "blank.csv: 2 rows checked, 0 error(s), 0 warning(s)");
}

// A GeoPackage whose gpkg_ogr_contents claims 1 feature while it holds 1000: the budget holds
// while reading, whatever the file declares.
TEST(BadInput17, UnderstatedFeatureCountStopsReadingAtTheBudget) {
  const test::TempDir dir;
  ASSERT_EQ(runIn(dir, "", "synth -n 1000 --seed 7 --out r.gpkg").exitCode, 0);
  const auto sql =
      test::runCommand("ogrinfo -q '" + (dir / "r.gpkg").string() +
                       "' -sql \"UPDATE gpkg_ogr_contents SET feature_count = 1 WHERE table_name = 'enterprises'\"");
  ASSERT_EQ(sql.exitCode, 0) << sql.output;
  // Room for 500 features above the base (128 MiB + 500 × 5120 bytes = 136,777,728): the built-in tables
  // validate reads beside it fit, the 1000 features do not.
  for (const std::string prefix : {"", "ulimit -v 3000000 &&"}) {
    if (kAddressSanitizer && !prefix.empty()) continue;  // see kAddressSanitizer
    const auto r = runIn(dir, "CIRCATLAS_MEMORY_LIMIT=136777728", "validate r.gpkg --layer enterprises", prefix);
    EXPECT_EQ(r.exitCode, 4) << prefix << r.output;
    EXPECT_OUTPUT_HAS(
        r,
        "circatlas: I/O error: r.gpkg: layer 'enterprises': reading stopped at feature 501: 501 features "
        "need about 130 MiB of memory (5120 bytes per feature, measured), more than the budget of 130 MiB "
        "(CIRCATLAS_MEMORY_LIMIT=136777728); load a smaller extract");
  }
}

TEST(BadInput17, MalformedMemoryLimitFailsBeforeAnyLoading) {
  const test::TempDir dir;
  writeRegistry(dir / "r.csv", 10);
  const auto start = std::chrono::steady_clock::now();
  const auto r = runIn(dir, "CIRCATLAS_MEMORY_LIMIT=garbage", "export --out e.gpkg");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: parameter error: CIRCATLAS_MEMORY_LIMIT=garbage: expected a size such as 512M, 2G "
                    "or a number of bytes");
  EXPECT_LT(seconds, 3.0);  // the export itself takes tens of seconds
  EXPECT_FALSE(std::filesystem::exists(dir / "e.gpkg"));
}

TEST(BadInput17, FifosAreRefusedInsteadOfBlocking) {
  const test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo.csv").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo((dir / "fifo.gpkg").c_str(), 0600), 0);
  const auto csv = runIn(dir, "", "validate fifo.csv", "timeout 20");
  EXPECT_EQ(csv.exitCode, 4) << csv.output;
  EXPECT_OUTPUT_HAS(csv,
                    "circatlas: I/O error: fifo.csv: is a FIFO (named pipe), not a file; circatlas reads files (save "
                    "the data to a file, or stream it explicitly through /vsistdin/)");
  const auto gpkg = runIn(dir, "", "info fifo.gpkg", "timeout 20");
  EXPECT_EQ(gpkg.exitCode, 4) << gpkg.output;
  EXPECT_OUTPUT_HAS(gpkg, "circatlas: I/O error: fifo.gpkg: is a FIFO (named pipe), not a file;");
  const auto device = runIn(dir, "", "info /dev/zero", "timeout 20");
  EXPECT_EQ(device.exitCode, 4) << device.output;
  EXPECT_OUTPUT_HAS(device, "circatlas: I/O error: /dev/zero: is a character device, not a file;");
}

TEST(BadInput17, SymbolicLinkLoopIsAnIoError) {
  const test::TempDir dir;
  std::filesystem::create_symlink("b.csv", dir / "a.csv");
  std::filesystem::create_symlink("a.csv", dir / "b.csv");
  for (const char* command : {"validate", "info"}) {
    const auto r = runIn(dir, "", std::string(command) + " a.csv");
    EXPECT_EQ(r.exitCode, 4) << r.output;
    EXPECT_OUTPUT_HAS(r, "circatlas: I/O error: a.csv: Too many levels of symbolic links");
  }
  const auto out = runIn(dir, "", "route Lanzhou Jiuquan --out a.csv/x.gpkg");
  EXPECT_EQ(out.exitCode, 4) << out.output;
  EXPECT_OUTPUT_HAS(out, "circatlas: I/O error: a.csv/x.gpkg: Too many levels of symbolic links");
}

TEST(BadInput17, NonFiniteAndOutOfRangeNumbersAreUsageErrors) {
  const test::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"figure --preset overview --dpi nan --out f.png", "--dpi: value nan is not a finite number in [30 - 1200]"},
      {"hotspots --permutations 2000000000", "--permutations: Value 2000000000 not in range 1 to 99999"},
      {"hotspots --permutations 0", "--permutations: Value 0 not in range 1 to 99999"},
      {"hotspots --permutations -5", "--permutations: Value -5 not in range 1 to 99999"},
      {"route Lanzhou Jiuquan --detour inf", "--detour: value inf is not a finite number in [1 - 10]"},
      {"partners --detour inf", "--detour: value inf is not a finite number in [1 - 10]"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = runIn(dir, "", args);
    EXPECT_EQ(r.exitCode, 2) << args << "\n" << r.output;
    EXPECT_OUTPUT_HAS(r, message);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "f.png"));
}

TEST(BadInput17, ConnectionStringPasswordsAreNeverPrinted) {
  const test::TempDir dir;
  const auto r = runIn(dir, "", "info 'PG:dbname=gansu host=127.0.0.1 port=1 user=planner password=s3cret'");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("s3cret"), std::string::npos) << r.output;
  EXPECT_OUTPUT_HAS(r, "password=***");
}

}  // namespace
}  // namespace circatlas

// ---- Issue 17, second round: cases nobody had tried, each with the exit code and message it now has. ----
namespace circatlas {
namespace {

TEST(BadInputRound2, FifoOrDeviceIsNeverATargetEvenWithOverwrite) {
  const test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "pipe.gpkg").c_str(), 0600), 0);
  const auto r = runIn(dir, "", "route Lanzhou Jiuquan --out pipe.gpkg --overwrite", "timeout 30");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: I/O error: --out pipe.gpkg: exists and is not a regular file (a FIFO, device or "
                    "socket); circatlas writes only files and folders");
  struct stat st {};
  ASSERT_EQ(::stat((dir / "pipe.gpkg").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(BadInputRound2, EmptyCsvSaysItIsEmpty) {
  const test::TempDir dir;
  test::writeFile(dir / "empty.csv", "");
  const auto r = runIn(dir, "", "validate empty.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: empty.csv: is empty (0 bytes): no header, no rows");
}

TEST(BadInputRound2, CatalogueFolderWithoutTablesIsNotSilentlyTheBuiltInOne) {
  const test::TempDir dir;
  std::filesystem::create_directories(dir / "mine");
  const auto r = runIn(dir, "", "cluster --catalogue mine");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: input error: mine: holds no catalogue table (enterprises.csv, flows.csv, …; see "
                    "data/catalogue/README.md)");
}

TEST(BadInputRound2, SynthCountsAreCheckedBeforeAnyWork) {
  const test::TempDir dir;
  const auto negative = runIn(dir, "", "synth -n -1 --out s");
  EXPECT_EQ(negative.exitCode, 2) << negative.output;
  EXPECT_OUTPUT_HAS(negative, "--enterprises: Value -1 not in range");
  const auto start = std::chrono::steady_clock::now();
  const auto huge = runIn(dir, "CIRCATLAS_MEMORY_LIMIT=1G", "synth -n 100000000 --out s");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(huge.exitCode, 4) << huge.output;
  EXPECT_OUTPUT_HAS(huge,
                    "circatlas: I/O error: synth: layer 'enterprises': about 100000000 features (asked for with "
                    "--enterprises) need about 477.0 GiB of memory (5120 bytes per feature, measured), more than "
                    "the budget of 1.0 GiB (CIRCATLAS_MEMORY_LIMIT=1G); load a smaller extract");
  EXPECT_LT(seconds, 5.0);  // it ran out of time after minutes before
  EXPECT_FALSE(std::filesystem::exists(dir / "s"));
}

TEST(BadInputRound2, UnboundedCountsAreUsageErrors) {
  const test::TempDir dir;
  const auto threads = runIn(dir, "", "atlas --threads 100000 --out a");
  EXPECT_EQ(threads.exitCode, 2) << threads.output;
  EXPECT_OUTPUT_HAS(threads, "--threads: Value 100000 not in range 1 to 64");
  const auto top = runIn(dir, "", "partners --top -1");
  EXPECT_EQ(top.exitCode, 2) << top.output;
  EXPECT_OUTPUT_HAS(top, "--top: Value -1 not in range");
}

TEST(BadInputRound2, FoldersThatMustNeverBeReplaced) {
  const test::TempDir dir;
  std::filesystem::create_directories(dir / "work");
  test::writeFile(dir / "work" / "notes.txt", "mine");
  const auto cwd =
      test::runCommand("cd '" + (dir / "work").string() + "' && " + exe() + " synth -n 10 --out . --overwrite");
  EXPECT_EQ(cwd.exitCode, 4) << cwd.output;
  EXPECT_OUTPUT_HAS(cwd,
                    "circatlas: I/O error: --out .: is the working folder or holds it; circatlas does not replace it");
  const auto home = runIn(dir, "HOME='" + (dir / "work").string() + "'",
                          "synth -n 10 --out '" + (dir / "work").string() + "' --overwrite");
  EXPECT_EQ(home.exitCode, 4) << home.output;
  EXPECT_OUTPUT_HAS(home, ": is the home folder; circatlas does not replace it");
  EXPECT_TRUE(std::filesystem::exists(dir / "work" / "notes.txt"));
}

TEST(BadInputRound2, OutputInsideAFileOrTheStylesIsRefusedBeforeWork) {
  const test::TempDir dir;
  test::writeFile(dir / "afile", "x");
  const auto file = runIn(dir, "", "route Lanzhou Jiuquan --out afile/x.gpkg");
  EXPECT_EQ(file.exitCode, 4) << file.output;
  EXPECT_OUTPUT_HAS(file, "circatlas: I/O error: --out afile/x.gpkg: " +
                              std::filesystem::canonical(dir / "afile").string() + " is not a folder");
}

TEST(BadInputRound2, DatabaseTargetIsNeverAFileAndItsPasswordIsMasked) {
  const test::TempDir dir;
  const auto r = runIn(dir, "", "export --out 'PG:dbname=x password=hunter2' --layers parks --results none");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("hunter2"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// pts.shp (.shx, .dbf, .prj) of one point in WGS 84, written by GDAL's ogr2ogr, not by circatlas.
bool writePointShapefile(const test::TempDir& dir) {
  test::writeFile(dir / "pts.csv", "id,lon,lat\nR1,102.19,38.52\n");
  return test::runCommand(
             "cd '" + dir.path().string() +
             "' && ogr2ogr -q pts.shp pts.csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326")
             .exitCode == 0;
}

TEST(BadInputRound2, ShapefileWithoutShxNamesTheShx) {
  const test::TempDir dir;
  ASSERT_TRUE(writePointShapefile(dir)) << "ogr2ogr could not write pts.shp";
  std::filesystem::remove(dir / "pts.shx");
  const auto r = runIn(dir, "", "validate pts.shp");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: input error: pts.shp: not a vector data source that GDAL can read (GDAL: Unable to "
                    "open pts.shx or pts.SHX.");
}

TEST(BadInputRound3, ShapefileWithoutDbfNamesTheDbf) {
  const test::TempDir dir;
  ASSERT_TRUE(writePointShapefile(dir)) << "ogr2ogr could not write pts.shp";
  std::filesystem::remove(dir / "pts.dbf");
  const auto r = runIn(dir, "", "validate pts.shp");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: pts.shp: its attribute table pts.dbf is missing");
}

TEST(BadInputRound3, FormatThatContradictsTheExtensionIsAUsageError) {
  const test::TempDir dir;
  const auto r = runIn(dir, "", "export --format GPKG --out x.shp");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r, "x.shp: --format GPKG does not match the extension '.shp' (ESRI Shapefile)");
  EXPECT_FALSE(std::filesystem::exists(dir / "x.shp"));
}

TEST(BadInputRound3, ControlCharacterOrOverlongDateIsRefusedBeforeDrawing) {
  const test::TempDir dir;
  auto r = runIn(dir, "", "figure --preset overview --date \"$(printf '2026\\001')\" --out f.svg");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r, "holds a control character (code 1)");
  r = runIn(dir, "", "figure --preset overview --date " + std::string(41, 'x') + " --out f.svg");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r, "is 41 characters long; at most 40 fit");
  EXPECT_FALSE(std::filesystem::exists(dir / "f.svg"));
}

TEST(BadInputRound3, CsvStructureProblemsNameFileAndLine) {
  const test::TempDir dir;
  test::writeFile(dir / "dup.csv", "id,lon,lat,lon\nR1,102.19,38.52,1\n");
  test::writeFile(dir / "extra.csv", "id,lon,lat\nR1,102.19,38.52\nR2,103,8,36.1\n");
  test::writeFile(dir / "quote.csv", "id,lon,lat\nR1,102.19,38.52\n\"R2,103.8,36.1\n");
  auto r = runIn(dir, "", "validate dup.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "dup.csv:1: column 'lon' appears twice (columns 2 and 4)");
  r = runIn(dir, "", "validate extra.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "extra.csv:3: 4 cells, but the header names 3 columns (cell 4 is \"36.1\")");
  r = runIn(dir, "", "validate quote.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "quote.csv:3: a quoted cell that starts on this line is never closed");
}

TEST(BadInputRound3, CorruptGeometryBlobNamesItsFeature) {
  const test::TempDir dir;
  test::writeFile(dir / "pts.csv", "id,lon,lat\nR1,102.19,38.52\nR2,103.8,36.1\nR3,104.1,35.9\n");
  ASSERT_EQ(
      test::runCommand("cd '" + dir.path().string() +
                       "' && ogr2ogr -q pts.gpkg pts.csv -nln pts -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat "
                       "-a_srs EPSG:4326 && ogrinfo -q pts.gpkg -sql \"UPDATE pts SET geom = "
                       "X'47500001E6100000010100000098' WHERE fid = 2\"")
          .exitCode,
      0);
  const auto r = runIn(dir, "", "validate pts.gpkg");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "pts.gpkg: layer 'pts', feature 2: cannot be read (GDAL:");
}

TEST(BadInputRound3, FullDiskSaysNoSpaceAndLeavesNothingBehind) {
  const test::TempDir dir;
  const test::TmpfsMount disk(dir / "small", "size=300k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
  auto r = runIn(dir, "", "export --out small/atlas.gpkg");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "No space left on device");
  r = runIn(dir, "", "hotspots --material FLY_ASH --out small/h");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "No space left on device");
  // A PNG figure (about 1 MB) on the 300 kB disk: our message, not libpng's raw "Write Error".
  r = runIn(dir, "", "figure --preset overview --out small/f.png");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "small/f.png: cannot write PNG: No space left on device");
  EXPECT_EQ(r.output.find("libpng"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::is_empty(dir / "small")) << "a half-written output was left on the full disk";
}

// A read-only file system (root ignores folder permissions, so a read-only tmpfs): every kind of writer
// says so, naming its target, with the I/O exit code, and leaves nothing.
TEST(BadInputRound3, ReadOnlyFileSystemIsAnIoErrorForEveryWriter) {
  const test::TempDir dir;
  const test::TmpfsMount disk(dir / "ro", "ro,size=64k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a read-only tmpfs here (needs root)";
  for (const std::string args :
       {"export --out ro/atlas.gpkg", "figure --preset overview --out ro/f.png", "cluster --out ro/c.gpkg",
        "synth -n 10 --seed 1 --out ro/synth", "distances --from parks --to parks --out ro/m.csv"}) {
    const auto r = runIn(dir, "", args);
    EXPECT_EQ(r.exitCode, 4) << args << ": " << r.output;
    EXPECT_OUTPUT_HAS(r, "ro/");
    EXPECT_OUTPUT_HAS(r, "Read-only file system");
    EXPECT_EQ(r.output.find("internal error"), std::string::npos) << args << ": " << r.output;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir / "ro"));
}

TEST(BadInputRound3, UnknownCrsIsACrsErrorNotSilentlyDegrees) {
  const test::TempDir dir;
  test::writeFile(
      dir / "e9.geojson",
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},)"
      R"("features":[{"type":"Feature","properties":{"id":"R1"},"geometry":{"type":"Point","coordinates":[103.8,36.0]}}]})");
  for (const char* command : {"info e9.geojson", "validate e9.geojson"}) {
    const auto r = runIn(dir, "", command);
    EXPECT_EQ(r.exitCode, 5) << r.output;
    EXPECT_OUTPUT_HAS(r, "circatlas: CRS error: e9.geojson: its coordinate system cannot be read");
  }
}

TEST(BadInputRound3, NullIslandIsNoPlace) {
  const test::TempDir dir;
  const auto r = runIn(dir, "", "route 0,0 Lanzhou");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r, "'0,0': 0,0 is where missing coordinates end up");
}

TEST(BadInputRound3, LockedGeoPackageIsAnIoErrorSayingWhy) {
  const test::TempDir dir;
  std::filesystem::copy_file(std::filesystem::path(CIRCATLAS_BUILTIN_DATA_DIR) / "basemap.gpkg", dir / "lock.gpkg");
  // sqlite3 holds an exclusive lock for 8 s; circatlas starts 0.5 s later, SQLite waits 5 s, fails.
  const auto r = runIn(dir, "", "info lock.gpkg",
                       "(sqlite3 lock.gpkg 'BEGIN EXCLUSIVE; SELECT count(*) FROM counties;' '.shell sleep 8' "
                       ">/dev/null 2>&1 &) && sleep 0.5 &&");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "lock.gpkg: is locked by another program");
}

std::string fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// --overwrite replaces by rename: a program writing the old GeoPackage would go on writing into
// the unlinked file and lose its edits. While another program holds SQLite's write lock the
// target is refused (exit 4) and stays byte-identical; a program only reading it does not block.
TEST(BadInputRound4, OverwriteRefusesAGeoPackageAnotherProgramIsWriting) {
  const test::TempDir dir;
  std::filesystem::copy_file(std::filesystem::path(CIRCATLAS_BUILTIN_DATA_DIR) / "basemap.gpkg", dir / "out.gpkg");
  const std::string before = fileBytes(dir / "out.gpkg");
  const auto r = runIn(dir, "", "cluster --eps 5km --overwrite --out out.gpkg",
                       "(sqlite3 out.gpkg 'BEGIN IMMEDIATE; CREATE TABLE planner_edit (x);' '.shell sleep 6' "
                       ">/dev/null 2>&1 &) && sleep 0.5 &&");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_OUTPUT_HAS(r, "--out out.gpkg: is being written by another program");
  EXPECT_OUTPUT_HAS(r, "nothing was replaced");
  EXPECT_EQ(fileBytes(dir / "out.gpkg"), before);
}

TEST(BadInputRound4, OverwriteReplacesAGeoPackageAnotherProgramOnlyReads) {
  const test::TempDir dir;
  std::filesystem::copy_file(std::filesystem::path(CIRCATLAS_BUILTIN_DATA_DIR) / "basemap.gpkg", dir / "out.gpkg");
  const auto r = runIn(dir, "", "cluster --eps 5km --overwrite --out out.gpkg",
                       "(sqlite3 out.gpkg 'BEGIN; SELECT count(*) FROM counties;' '.shell sleep 6' "
                       ">/dev/null 2>&1 &) && sleep 0.5 &&");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  const auto layers = test::runCommand("ogrinfo -ro -q '" + (dir / "out.gpkg").string() + "'");
  EXPECT_EQ(layers.output.find("counties"), std::string::npos) << layers.output;  // replaced by the clusters
}

}  // namespace
}  // namespace circatlas
