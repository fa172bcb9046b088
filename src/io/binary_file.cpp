// StagedBinaryFile and BinaryFileReader over VSIFOpenL/VSIFWriteL/VSIFReadL; MappedFile over GDAL's
// CPLVirtualMemFileMapNew.
#include "io/binary_file.h"

#include <cpl_error.h>
#include <cpl_virtualmem.h>
#include <cpl_vsi.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>
#include <utility>

#include "core/error.h"
#include "core/staging_path.h"
#include "io/gdal_session.h"

namespace circatlas::io {
namespace {

VSILFILE* vsi(void* file) { return static_cast<VSILFILE*>(file); }

std::string reason(int error) { return error != 0 ? std::string(": ") + std::strerror(error) : std::string(); }

}  // namespace

StagedBinaryFile::StagedBinaryFile(std::filesystem::path target)
    : target_(std::move(target)), staging_(core::stagingPathBeside(target_)) {
  detail::ensureGdalInitialised();
  errno = 0;
  file_ = VSIFOpenL(staging_.c_str(), "wb");
  if (file_ == nullptr) throw core::IoError(target_.string() + ": cannot be created" + reason(errno));
}

StagedBinaryFile::~StagedBinaryFile() {
  if (file_ != nullptr) VSIFCloseL(vsi(file_));
  if (!staging_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(staging_, ignored);
  }
}

void StagedBinaryFile::fail(const std::string& what) {
  const int error = errno;
  throw core::IoError(target_.string() + ": " + what + reason(error));
}

void StagedBinaryFile::write(std::span<const std::byte> bytes) {
  if (file_ == nullptr) throw core::IoError(target_.string() + ": written after it was committed");
  errno = 0;
  if (VSIFWriteL(bytes.data(), 1, bytes.size(), vsi(file_)) != bytes.size()) fail("cannot write");
  size_ += bytes.size();
}

void StagedBinaryFile::commit() {
  if (file_ == nullptr) throw core::IoError(target_.string() + ": committed twice");
  errno = 0;
  const bool flushed = VSIFFlushL(vsi(file_)) == 0;
  const int flushError = errno;
  const bool closed = VSIFCloseL(vsi(file_)) == 0;
  file_ = nullptr;
  if (!flushed || !closed) {
    errno = flushed ? errno : flushError;
    fail("cannot write");
  }
  std::error_code error;
  std::filesystem::rename(staging_, target_, error);
  if (error) throw core::IoError(target_.string() + ": cannot be put in place: " + error.message());
  staging_.clear();
}

BinaryFileReader::BinaryFileReader(std::string path) : path_(std::move(path)) {
  detail::ensureGdalInitialised();
  errno = 0;
  file_ = VSIFOpenL(path_.c_str(), "rb");
  if (file_ == nullptr) throw core::IoError(path_ + ": cannot be read" + reason(errno));
  if (VSIFSeekL(vsi(file_), 0, SEEK_END) != 0) {
    VSIFCloseL(vsi(file_));
    throw core::IoError(path_ + ": cannot be read");
  }
  size_ = VSIFTellL(vsi(file_));
  if (VSIFSeekL(vsi(file_), 0, SEEK_SET) != 0) {
    VSIFCloseL(vsi(file_));
    throw core::IoError(path_ + ": cannot be read");
  }
}

BinaryFileReader::~BinaryFileReader() { VSIFCloseL(vsi(file_)); }

bool BinaryFileReader::read(std::span<std::byte> bytes) {
  if (bytes.size() > remaining()) return false;
  errno = 0;
  if (VSIFReadL(bytes.data(), 1, bytes.size(), vsi(file_)) != bytes.size()) {
    throw core::IoError(path_ + ": cannot be read" + reason(errno));
  }
  position_ += bytes.size();
  return true;
}

MappedFile::MappedFile(const std::string& path) {
  BinaryFileReader reader(path);
  const std::uint64_t size = reader.size();
  if (size == 0) return;
  if (size > std::numeric_limits<std::size_t>::max() / 2) throw core::IoError(path + ": too large to be read");
  if (CPLIsVirtualMemFileMapAvailable() != 0) {
    file_ = VSIFOpenL(path.c_str(), "rb");
    if (file_ != nullptr) {
      // GDAL reports a file it cannot map as an error; here that only means reading it instead.
      CPLPushErrorHandler(CPLQuietErrorHandler);
      map_ = CPLVirtualMemFileMapNew(vsi(file_), 0, size, VIRTUALMEM_READONLY, nullptr, nullptr);
      CPLPopErrorHandler();
      if (map_ != nullptr) {
        auto* memory = static_cast<CPLVirtualMem*>(map_);
        bytes_ = {static_cast<const std::byte*>(CPLVirtualMemGetAddr(memory)), static_cast<std::size_t>(size)};
        return;
      }
      VSIFCloseL(vsi(file_));
      file_ = nullptr;
    }
  }
  const auto words = static_cast<std::size_t>((size + 7) / 8);
  copy_ = std::make_unique_for_overwrite<std::uint64_t[]>(words);
  const std::span<std::byte> into(reinterpret_cast<std::byte*>(copy_.get()), static_cast<std::size_t>(size));
  if (!reader.read(into)) throw core::IoError(path + ": cannot be read to the end");
  bytes_ = into;
}

MappedFile::~MappedFile() {
  if (map_ != nullptr) CPLVirtualMemFree(static_cast<CPLVirtualMem*>(map_));
  if (file_ != nullptr) VSIFCloseL(vsi(file_));
}

}  // namespace circatlas::io
