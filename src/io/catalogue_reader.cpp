// Finds the catalogue's CSV files by their schema names and reads each as a text table.
#include "io/catalogue_reader.h"

#include "catalogue/catalogue_schema.h"
#include "core/error.h"
#include "io/builtin_data.h"
#include "io/csv_reader.h"

namespace circatlas::io {

std::filesystem::path builtinCatalogueDir() { return builtinDataDir() / "catalogue"; }

std::vector<catalogue::TableInput> readCatalogueTables(const std::filesystem::path& dir, EncodingPolicy encoding) {
  if (!std::filesystem::is_directory(dir)) throw core::IoError(dir.string() + ": no such folder");
  std::vector<catalogue::TableInput> tables;
  for (const auto& spec : catalogue::catalogueTables()) {
    const auto path = dir / spec.file;
    if (!std::filesystem::exists(path)) continue;
    tables.push_back({&spec, readCsvTable(path.string(), encoding)});
  }
  return tables;
}

}  // namespace circatlas::io
