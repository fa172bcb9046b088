// Fuzzes the catalogue CSV path a registry takes: bytes → encoding check (and GB18030 conversion)
// → GDAL's CSV driver → coordinate normalisation → the validator. Reading may refuse the file with
// a core::Error; normalising may refuse a missing column; the validator must never throw.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "catalogue/admin_areas.h"
#include "catalogue/catalogue_schema.h"
#include "catalogue/registry_import.h"
#include "catalogue/square_counties_fixture.h"
#include "catalogue/validator.h"
#include "core/error.h"
#include "io/csv_reader.h"

namespace {

using namespace circatlas;

// The validator tests' two square counties of one prefecture (103–105°E, 36–37°N).
const catalogue::AdminAreas& admin() {
  static const catalogue::AdminAreas areas{test::squareCounties()};
  return areas;
}

const std::string& scratchFile() {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("circatlas-fuzz-" + std::to_string(getpid()) + ".csv")).string();
  return path;
}

}  // namespace

// The first byte picks the catalogue table, the encoding policy and the coordinate system; the
// rest is the file.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto tables = catalogue::catalogueTables();
  const std::uint8_t selector = data[0];
  const catalogue::TableSpec& spec = tables[selector % tables.size()];
  const auto policy = (selector & 0x40) ? io::EncodingPolicy::ConvertGb18030 : io::EncodingPolicy::Reject;
  {
    std::ofstream out(scratchFile(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  std::vector<catalogue::TableInput> inputs(1);
  inputs[0].spec = &spec;
  try {
    inputs[0].table = io::readCsvTable(scratchFile(), policy);
    if (selector & 0x80) catalogue::normaliseCoordinates(inputs[0].table, "lon", "lat", geo::LonLatSystem::Gcj02);
  } catch (const core::Error&) {
    return 0;  // a clear refusal
  }
  const auto problems = catalogue::validate(inputs, admin(), {.outsideGansuIsError = (selector & 0x20) != 0});
  for (const auto& p : problems) (void)catalogue::format(p);
  return 0;
}
