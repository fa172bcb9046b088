// GDAL driver registration and a thread-local error handler that records messages.
#include "io/gdal_session.h"

#include <cerrno>
#include <cstring>

#include <cpl_error.h>
#include <gdal.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/error.h"
#include "io/output_target.h"

namespace circatlas::io::detail {

void ensureGdalInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Never reach for the network (there is none) and never let GDAL print on its own.
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
  });
}

namespace {

void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message) {
  auto* capture = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
  if (!capture || !message || level < CE_Warning) return;  // debug output is dropped
  capture->record(level >= CE_Failure, message);
}

}  // namespace

void GdalErrorCapture::record(bool failure, const char* message) {
  // GDAL's drivers report a full disk in their own words ("database or disk is full", "Write
  // error"), but the failed write(2) has just left errno at ENOSPC: say it in the system's words.
  if (failure && errno == ENOSPC) diskFull_ = true;
  (failure ? errors_ : warnings_).emplace_back(message);
}

GdalErrorCapture::GdalErrorCapture() {
  ensureGdalInitialised();
  CPLPushErrorHandlerEx(&handler, this);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

std::string GdalErrorCapture::errors() const {
  std::string out;
  for (const auto& e : errors_) {
    if (!out.empty()) out += "; ";
    out += e;
  }
  if (diskFull_ && out.find(std::strerror(ENOSPC)) == std::string::npos)
    out += "; " + std::string(std::strerror(ENOSPC));
  return out;
}

std::string GdalErrorCapture::suffix() const {
  const std::string e = errors();
  return e.empty() ? std::string() : " (GDAL: " + e + ")";
}

bool isLocalPath(const std::string& source) {
  if (source.rfind("/vsi", 0) == 0) return false;
  // "PG:dbname=…", "WFS:https://…": a driver prefix of two or more letters before a colon.
  const auto isAlpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  const auto isWord = [&](char c) { return isAlpha(c) || (c >= '0' && c <= '9') || c == '_'; };
  const std::size_t colon = source.find(':');
  if (colon == std::string::npos || colon < 2 || !isAlpha(source[0])) return true;
  for (std::size_t i = 1; i < colon; ++i) {
    if (!isWord(source[i])) return true;
  }
  return false;
}

GDALDatasetUniquePtr openVector(const std::string& source) {
  GdalErrorCapture capture;
  if (isLocalPath(source)) {
    // Missing, unreadable, a loop of links, or a FIFO/device/socket GDAL would block on: exit 4 here.
    (void)checkInputFile(source);
  }
  GDALDatasetUniquePtr ds(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
  if (!ds) {
    // SQLite waits 5 s for a lock, then fails: the file is fine, another program holds it.
    if (capture.errors().find("database is locked") != std::string::npos) {
      throw core::IoError(source +
                          ": is locked by another program (a GIS editing it, or a running export); close it "
                          "there and run again" +
                          capture.suffix());
    }
    throw core::InputError(source + ": not a vector data source that GDAL can read" + capture.suffix());
  }
  // A CRS PROJ does not know (GeoJSON's "crs": EPSG:999999, a GeoPackage SRS it cannot parse) is
  // reported while opening, after which GDAL carries on as if the data were WGS 84 degrees.
  if (const std::string errors = capture.errors(); errors.find("PROJ") != std::string::npos) {
    throw core::CrsError(source + ": its coordinate system cannot be read, so its coordinates cannot be placed" +
                         capture.suffix());
  }
  return ds;
}

OGRLayer& requireLayer(GDALDataset& dataset, const std::string& source, const std::string& name) {
  if (OGRLayer* layer = dataset.GetLayerByName(name.c_str())) return *layer;
  std::string available;
  for (int i = 0; i < dataset.GetLayerCount(); ++i) {
    if (i > 0) available += ", ";
    available += dataset.GetLayer(i)->GetName();
  }
  throw core::ParameterError(source + ": no layer named '" + name +
                             "' (layers: " + (available.empty() ? "none" : available) + ")");
}

}  // namespace circatlas::io::detail
