// The one output policy of circatlas: what a command may write where, checked before any work.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace circatlas::io {

/// Something a command reads: a file, a folder (a catalogue folder, the built-in data folder), or
/// one layer of a multi-layer file such as a GeoPackage.
struct InputRef {
  std::string path;  ///< as the user gave it (or the built-in path)
  std::string role;  ///< how it was given, for messages: "--catalogue", "--network", "the built-in data folder"
  /// The layer read from a multi-layer file; unset means the whole file is read.
  std::optional<std::string> layer;
};

/// What a target is on disk once written.
enum class TargetShape {
  File,    ///< one file (a Shapefile: its .shp and companions)
  Folder,  ///< a folder written as a whole (synth's CSV tables, the atlas, per-layer exports)
};

/// One place a command writes to.
struct OutputTarget {
  std::string path;            ///< as the user gave it; "PG:…" is a PostgreSQL connection
  std::string role = "--out";  ///< the option that named it, for messages
  TargetShape shape = TargetShape::File;
  bool overwrite = false;  ///< --overwrite: an existing target may be replaced
  bool append = false;     ///< layers are added to an existing GeoPackage (export --append)
  /// Layers written into a multi-layer file; with `append`, another layer of the same file may be
  /// an input.
  std::vector<std::string> layers;
  /// The folders up to the target (File) or the target itself (Folder) are created when missing;
  /// otherwise the parent folder must exist.
  bool createFolders = false;
  /// Folder targets: the names the command writes at the top of the folder ("figures",
  /// "circatlas.gpkg", "*_atlas.pdf": a leading '*' matches any prefix). An existing folder holding
  /// anything else is not replaced, even with --overwrite: it is not the command's own output.
  /// Empty: any content may be replaced.
  std::vector<std::string> ownEntries;
};

/// Checks an input path before it is opened: core::IoError (exit 4) when it does not exist, cannot
/// be resolved (a loop of symbolic links) or is not a regular file or folder — a FIFO, a device or
/// a socket would block or never end; stream such data through GDAL's /vsistdin/ explicitly.
/// Returns the file's size in bytes (0 for a folder).
std::uint64_t checkInputFile(const std::string& path);

/// True when `target` names a PostgreSQL database ("PG:dbname=… host=…" or "postgresql://…"):
/// not a file path; nothing named after it is ever created on disk.
[[nodiscard]] bool isDatabaseTarget(std::string_view target) noexcept;

/// `text` with every password of a connection string masked: `password=secret` →
/// `password=***` (also quoted values and `user:secret@` in postgresql:// URIs). Used on every
/// message circatlas prints.
[[nodiscard]] std::string maskSecrets(std::string_view text);

/// Checks every target against the policy before any work starts; throws on the first breach:
/// - core::ParameterError (exit 2): an empty path; an existing target without `overwrite`/`append`
///   ("…: exists; pass --overwrite to replace it"); two targets naming the same file.
/// - core::IoError (exit 4): a target that is, contains, or lies inside an input (resolved through
///   symbolic links, and through hard links and bind mounts by device and inode), naming both; a
///   File target that is an existing folder or a Folder target that is an existing file; a folder
///   to be replaced that holds entries the command does not write, or that is the working folder,
///   an ancestor of it, the home folder or the root; a missing or read-only parent folder; a
///   symbolic link loop.
/// Database targets are checked only against database inputs (the same connection string); their
/// existing tables are the writer's to check.
void checkOutputTargets(std::span<const OutputTarget> targets, std::span<const InputRef> inputs);

/// One target; see checkOutputTargets.
void checkOutputTarget(const OutputTarget& target, std::span<const InputRef> inputs);

/// A folder built beside its target and swapped in as a whole, so an interrupted run leaves either
/// the old folder or the new one, never a mix: write everything under path(), then commit(). The
/// swap is one rename (renameat2 RENAME_EXCHANGE where the file system has it: the old folder and
/// the new trade places atomically; else the old folder is moved aside first). Without commit()
/// the staged folder is removed; a killed run's folder is removed by the next run (the staging
/// name carries the pid, see stagingPathBeside).
class StagedFolder {
 public:
  /// Throws core::IoError naming the target when the staging folder cannot be created.
  explicit StagedFolder(const std::filesystem::path& target);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  /// Where to write the folder's content.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return staging_; }
  /// Puts the staged folder in place of the target (replacing an existing one); throws
  /// core::IoError if it cannot, leaving the old folder as it was.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace circatlas::io
