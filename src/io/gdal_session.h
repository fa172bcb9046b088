// Private to src/io: GDAL start-up and capture of GDAL's error messages into circatlas errors.
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

namespace circatlas::io::detail {

/// Registers GDAL's drivers once per process (thread-safe).
void ensureGdalInitialised();

/// While alive, GDAL errors and warnings on this thread are recorded here instead of printed.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  /// The failures GDAL reported, oldest first, joined by "; " (empty if none); ending in
  /// "No space left on device" when one of them came from a full disk.
  [[nodiscard]] std::string errors() const;
  [[nodiscard]] bool hasErrors() const noexcept { return !errors_.empty(); }
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return warnings_; }

  /// " (GDAL: <errors>)" when there were any, else "": for appending to a message.
  [[nodiscard]] std::string suffix() const;

  /// Called by the GDAL handler: failures and fatal errors go to errors(), warnings to warnings().
  void record(bool failure, const char* message);

 private:
  std::vector<std::string> errors_;
  std::vector<std::string> warnings_;
  bool diskFull_ = false;  ///< a failure was reported while errno said ENOSPC
};

/// True when the source names a local file or folder (not a connection string or /vsi path),
/// so that its existence can be checked before GDAL is asked to open it.
[[nodiscard]] bool isLocalPath(const std::string& source);

/// Opens a vector data source for reading. Throws core::IoError when a local file is missing or
/// unreadable and core::InputError when GDAL cannot read it as vector data (both naming the
/// source and quoting GDAL).
[[nodiscard]] GDALDatasetUniquePtr openVector(const std::string& source);

/// The layer with that name, or a core::ParameterError listing the layers there are.
[[nodiscard]] OGRLayer& requireLayer(GDALDataset& dataset, const std::string& source, const std::string& name);

}  // namespace circatlas::io::detail
