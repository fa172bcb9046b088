// Finds the catalogue's CSV files by their schema names and reads each as a text table.
#include "io/catalogue_reader.h"

#include <algorithm>

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

std::vector<catalogue::TableInput> readCatalogueWithBuiltinFallback(const std::filesystem::path& dir,
                                                                    EncodingPolicy encoding) {
  std::vector<catalogue::TableInput> tables = readCatalogueTables(dir, encoding);
  if (std::filesystem::equivalent(dir, builtinCatalogueDir())) return tables;
  for (auto& builtin : readCatalogueTables(builtinCatalogueDir())) {
    const bool present = std::any_of(tables.begin(), tables.end(),
                                     [&](const auto& t) { return t.spec->name == builtin.spec->name; });
    if (!present) tables.push_back(std::move(builtin));
  }
  return tables;
}

}  // namespace circatlas::io
