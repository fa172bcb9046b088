// Binary files through GDAL's virtual file layer: read front to back, or written beside the target and renamed into
// place, every read and write checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
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

}  // namespace circatlas::io
