// Binary files through GDAL's virtual file layer: read front to back, or written beside the target and renamed into
// place, every read and write checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace circatlas::io {

/// A binary file written atomically: the bytes go to a hidden staging file beside the target
/// (core::stagingPathBeside) and commit() renames it over the target, so an interrupted or failed
/// run leaves the old file (or none), never a part. Without commit() the staging file is removed.
/// Every failure throws core::IoError naming the target and the system's reason ("No space left on device").
class StagedBinaryFile {
 public:
  explicit StagedBinaryFile(std::filesystem::path target);
  ~StagedBinaryFile();
  StagedBinaryFile(const StagedBinaryFile&) = delete;
  StagedBinaryFile& operator=(const StagedBinaryFile&) = delete;

  void write(std::span<const std::byte> bytes);
  /// Bytes written so far.
  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
  /// Flushes, closes and renames the staging file over the target.
  void commit();

 private:
  void fail(const std::string& what);

  std::filesystem::path target_;
  std::filesystem::path staging_;
  void* file_ = nullptr;  // VSILFILE*
  std::uint64_t size_ = 0;
};

/// A binary file read front to back.
class BinaryFileReader {
 public:
  /// core::IoError naming the file when it cannot be opened.
  explicit BinaryFileReader(std::string path);
  ~BinaryFileReader();
  BinaryFileReader(const BinaryFileReader&) = delete;
  BinaryFileReader& operator=(const BinaryFileReader&) = delete;

  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
  /// Bytes not read yet.
  [[nodiscard]] std::uint64_t remaining() const noexcept { return size_ - position_; }
  /// Fills `bytes` from the file; false (and nothing consumed) when fewer bytes remain. core::IoError on a
  /// read error.
  [[nodiscard]] bool read(std::span<std::byte> bytes);

 private:
  std::string path_;
  void* file_ = nullptr;  // VSILFILE*
  std::uint64_t size_ = 0;
  std::uint64_t position_ = 0;
};

/// A whole file in memory, read-only. Mapped (GDAL's CPLVirtualMemFileMapNew) where the system can map it, so
/// the bytes are read from the file system's cache as they are used and never copied; otherwise (a /vsi path, a
/// system without mapping) read into memory. Either way the bytes start at an address aligned for any scalar
/// type. A mapped file must not be shortened while mapped: circatlas writes files beside their target and
/// renames them (StagedBinaryFile), which leaves a mapping of the old file intact.
class MappedFile {
 public:
  /// core::IoError naming the file when it cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] std::span<const std::byte> bytes() const noexcept { return bytes_; }
  /// Whether the bytes are mapped (rather than read into memory).
  [[nodiscard]] bool mapped() const noexcept { return map_ != nullptr; }

 private:
  void* file_ = nullptr;  // VSILFILE*, open while mapped
  void* map_ = nullptr;   // CPLVirtualMem*
  std::unique_ptr<std::uint64_t[]> copy_;
  std::span<const std::byte> bytes_;
};

}  // namespace circatlas::io
