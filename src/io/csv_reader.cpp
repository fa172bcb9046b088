// CSV → TextTable: encoding check on the raw bytes, then GDAL's CSV driver on a UTF-8 copy in memory.
#include "io/csv_reader.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/memory_budget.h"
#include "io/output_target.h"

namespace circatlas::io {

namespace {

std::string readAllBytes(const std::string& path) {
  GByte* data = nullptr;
  vsi_l_offset size = 0;
  // Catalogue and registry tables are small; 2 GiB is a guard against reading a wrong file.
  if (!VSIIngestFile(nullptr, path.c_str(), &data, &size, std::int64_t{2} << 30)) {
    throw core::IoError(path + ": cannot be read");
  }
  std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  VSIFree(data);
  return bytes;
}

// A /vsimem/ file that disappears with this object.
class MemoryFile {
 public:
  explicit MemoryFile(std::string& text) {
    static std::atomic<unsigned> counter{0};
    path_ = "/vsimem/circatlas-csv-" + std::to_string(counter++) + ".csv";
    VSILFILE* f = VSIFileFromMemBuffer(path_.c_str(), reinterpret_cast<GByte*>(text.data()), text.size(), FALSE);
    if (!f) throw core::IoError("cannot stage the table in memory");
    VSIFCloseL(f);
  }
  ~MemoryFile() { VSIUnlink(path_.c_str()); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

}  // namespace

core::TextTable readCsvTable(const std::string& path, EncodingPolicy encoding) {
  detail::ensureGdalInitialised();
  const std::string layerName = std::filesystem::path(path).stem().string();
  // Before anything is read: a FIFO or device is refused (it would block), the file's size and a
  // sample of its lines say whether it can fit at all, so a file far over the budget is refused in
  // milliseconds, not after it has been read.
  const std::uint64_t size = checkInputFile(path);
  if (std::filesystem::is_directory(path)) throw core::IoError(path + ": is a folder, not a CSV file");
  if (size == 0) throw core::InputError(path + ": is empty (0 bytes): no header, no rows");
  const RecordEstimate estimate = estimateCsvRecords(path, size);
  if (estimate.records > 0) {
    requireFitsInMemory(path, layerName, estimate.records,
                        estimate.exact ? std::string() : "estimated from the file's " + formatBytes(size) +
                                                             " and samples of its lines");
  }
  requireTextFitsInMemory(path, size);
  std::string text = toUtf8(readAllBytes(path), path, encoding);
  const MemoryFile staged(text);

  detail::GdalErrorCapture capture;
  const char* drivers[] = {"CSV", nullptr};
  const char* options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", "HEADERS=YES",
                           "KEEP_GEOM_COLUMNS=YES", "X_POSSIBLE_NAMES=", "Y_POSSIBLE_NAMES=",
                           "GEOM_POSSIBLE_NAMES=", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(staged.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                            options, nullptr));
  if (!ds || ds->GetLayerCount() != 1) {
    throw core::InputError(path + ": not a CSV table" + capture.suffix());
  }
  OGRLayer& layer = *ds->GetLayer(0);
  core::TextTable table;
  table.source = path;
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  for (int i = 0; i < defn.GetFieldCount(); ++i) table.header.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
  // Enforced while reading too: an estimate from samples may be low.
  const FeatureBudget budget(path, layerName);
  for (auto& feature : layer) {
    budget.check(table.rows.size() + 1);
    core::TextTable::Row row;
    // The CSV driver numbers data records from 1; the header is line 1.
    row.line = feature->GetFID() + 1;
    row.cells.reserve(table.header.size());
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
      if (feature->IsFieldSetAndNotNull(i)) {
        row.cells.emplace_back(feature->GetFieldAsString(i));
      } else {
        row.cells.emplace_back(std::nullopt);
      }
    }
    table.rows.push_back(std::move(row));
  }
  if (!capture.errors().empty()) throw core::InputError(path + ": cannot be read as CSV" + capture.suffix());
  return table;
}

}  // namespace circatlas::io
