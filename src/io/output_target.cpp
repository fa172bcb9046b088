// The output policy: targets checked against inputs by path and by device/inode, and folders swapped as a whole.
#include "io/output_target.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc, _GNU_SOURCE)
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <utility>

#include "core/error.h"
#include "core/staging_path.h"
#include "io/sqlite_lock.h"

namespace circatlas::io {

namespace fs = std::filesystem;

namespace {

/// A file's identity: equal for the same file reached by any name (symbolic link, hard link, bind mount).
struct Identity {
  dev_t device = 0;
  ino_t inode = 0;
  friend bool operator==(const Identity&, const Identity&) = default;
  friend auto operator<=>(const Identity& a, const Identity& b) {
    return std::pair(a.device, a.inode) <=> std::pair(b.device, b.inode);
  }
};

std::optional<Identity> identityOf(const fs::path& p, struct stat* out = nullptr) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::nullopt;
  if (out) *out = st;
  return Identity{st.st_dev, st.st_ino};
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The absolute path with every symbolic link of its existing part resolved. A loop of links
/// (or another error of the file system) is an IoError naming the path.
fs::path resolved(const std::string& path) {
  try {
    return fs::weakly_canonical(fs::absolute(path));
  } catch (const fs::filesystem_error& e) {
    throw core::IoError(path + ": " + e.code().message());
  }
}

/// A GDAL virtual path (/vsizip/archive.zip/a.csv, /vsigzip/…) names the archive it reads.
std::string realFileOf(const std::string& path) {
  if (!path.starts_with("/vsi")) return path;
  const auto slash = path.find('/', 1);
  if (slash == std::string::npos) return path;
  fs::path rest = path.substr(slash + 1);
  if (rest.empty()) return path;
  if (rest.is_relative() && path.compare(slash, 2, "//") != 0) rest = fs::path("/") / rest;
  // The longest existing prefix: the archive itself.
  fs::path best;
  fs::path walk;
  std::error_code ec;
  for (const auto& part : rest) {
    walk /= part;
    if (fs::exists(walk, ec)) best = walk;
  }
  return best.empty() ? path : best.string();
}

/// The files one name stands for: a Shapefile's .shp comes with its .shx, .dbf, .prj and .cpg.
std::vector<fs::path> filesOf(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext != ".shp") return {path};
  std::vector<fs::path> files;
  for (const char* e : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
    fs::path p = path;
    files.push_back(p.replace_extension(e));
  }
  return files;
}

bool lexicallyInside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

/// Identities of p and of every existing folder above it.
std::vector<Identity> selfAndAncestors(const fs::path& abs) {
  std::vector<Identity> ids;
  fs::path p = abs;
  while (true) {
    if (const auto id = identityOf(p)) ids.push_back(*id);
    if (!p.has_relative_path()) break;
    p = p.parent_path();
  }
  return ids;
}

bool contains(const std::vector<Identity>& ids, const std::optional<Identity>& id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

/// Regular files under a folder input (bounded: a hard link to one of them is found among the
/// first 100,000 entries).
std::set<Identity> filesUnder(const fs::path& dir) {
  std::set<Identity> ids;
  std::error_code ec;
  std::size_t seen = 0;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end && seen < 100000; it.increment(ec), ++seen) {
    if (it->is_regular_file(ec)) {
      if (const auto id = identityOf(it->path())) ids.insert(*id);
    }
  }
  return ids;
}

struct ResolvedInput {
  const InputRef* ref;
  fs::path abs;
  std::optional<Identity> id;
  bool folder = false;
};

[[noreturn]] void refuse(const OutputTarget& t, const std::string& relation, const ResolvedInput& in,
                         const std::string& inputPath) {
  throw core::IoError(t.role + " " + t.path + " " + relation + " " + inputPath + " (" + in.ref->role +
                      "); circatlas never writes onto, over or inside what it reads: choose another output");
}

bool matchesEntry(const std::string& name, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns) {
    if (p.starts_with('*') ? name.ends_with(p.substr(1)) : name == p) return true;
  }
  return false;
}

/// A staging leftover of an earlier run (".NAME.tmp-<pid>-…"), which the next write removes.
bool isStagingLeftover(const std::string& name) {
  return name.starts_with('.') && name.find(".tmp-") != std::string::npos;
}

void checkReplaceableFolder(const OutputTarget& t, const fs::path& abs) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec && lexicallyInside(resolved(cwd.string()), abs)) {
    throw core::IoError(t.role + " " + t.path + ": is the working folder or holds it; circatlas does not replace it");
  }
  if (!abs.has_relative_path())
    throw core::IoError(t.role + " " + t.path + ": is the root folder; circatlas does not replace it");
  if (const char* home = std::getenv("HOME"); home && *home && identityOf(abs) == identityOf(home)) {
    throw core::IoError(t.role + " " + t.path + ": is the home folder; circatlas does not replace it");
  }
  if (t.ownEntries.empty()) return;
  for (const auto& entry : fs::directory_iterator(abs, ec)) {
    const std::string name = entry.path().filename().string();
    if (isStagingLeftover(name) || matchesEntry(name, t.ownEntries)) continue;
    throw core::IoError(t.role + " " + t.path + ": holds '" + name +
                        "', which this command does not write; the folder is replaced as a whole, so move that "
                        "away or choose another folder");
  }
}

/// The folder a new file or folder goes into must exist (or be creatable) and be writable.
void checkWritableParent(const OutputTarget& t, const fs::path& abs) {
  fs::path parent = abs.parent_path();
  std::error_code ec;
  if (t.createFolders) {
    while (!fs::exists(parent, ec) && parent.has_relative_path()) parent = parent.parent_path();
  }
  if (!fs::exists(parent, ec)) {
    throw core::IoError(t.role + " " + t.path + ": the folder " + parent.string() + " does not exist");
  }
  if (!fs::is_directory(parent, ec)) {
    throw core::IoError(t.role + " " + t.path + ": " + parent.string() + " is not a folder");
  }
  if (::access(parent.c_str(), W_OK | X_OK) != 0) {
    throw core::IoError(t.role + " " + t.path + ": cannot write in " + parent.string() + " (" + std::strerror(errno) +
                        ")");
  }
}

void checkFileSystemTarget(const OutputTarget& t, const std::vector<ResolvedInput>& inputs) {
  const fs::path abs = resolved(t.path);
  std::error_code ec;
  const auto linkStatus = fs::symlink_status(t.path, ec);
  const bool exists = linkStatus.type() != fs::file_type::not_found && linkStatus.type() != fs::file_type::none;
  struct stat st {};
  const std::optional<Identity> id = identityOf(abs, &st);
  const bool isFolder = id && S_ISDIR(st.st_mode);

  // Against every input: is, holds, or lies inside.
  const std::vector<fs::path> written = t.shape == TargetShape::File ? filesOf(abs) : std::vector<fs::path>{abs};
  for (const auto& in : inputs) {
    for (const auto& out : written) {
      const std::optional<Identity> outId = identityOf(out);
      const bool same = out == in.abs || (outId && in.id && *outId == *in.id);
      if (same) {
        // Adding layers to a GeoPackage another layer of which is read is allowed.
        if (t.append && in.ref->layer &&
            std::find(t.layers.begin(), t.layers.end(), *in.ref->layer) == t.layers.end()) {
          continue;
        }
        const bool lexical = fs::absolute(t.path).lexically_normal() == fs::absolute(in.ref->path).lexically_normal();
        refuse(t,
               out != in.abs ? "is the same file (a hard link) as the input"
               : lexical     ? "is the input"
                             : "is, through a symbolic link, the input",
               in, in.ref->path);
      }
      if (in.folder && (lexicallyInside(out, in.abs) || contains(selfAndAncestors(out), in.id))) {
        refuse(t, "lies inside the input folder", in, in.ref->path);
      }
      if (lexicallyInside(in.abs, out) || (outId && contains(selfAndAncestors(in.abs), outId))) {
        refuse(t, "contains the input", in, in.ref->path);
      }
      if (outId && in.folder && st.st_nlink > 1 && filesUnder(in.abs).contains(*outId)) {
        refuse(t, "is a hard link to a file of the input folder", in, in.ref->path);
      }
    }
  }

  if (exists) {
    // Renaming over a FIFO, a device or a socket would replace a node the system or another
    // program relies on (/dev/…, a pipe someone reads): never a target.
    if (id && !isFolder && !S_ISREG(st.st_mode)) {
      throw core::IoError(t.role + " " + t.path +
                          ": exists and is not a regular file (a FIFO, device or socket); "
                          "circatlas writes only files and folders");
    }
    if (t.shape == TargetShape::File && isFolder) {
      throw core::IoError(t.role + " " + t.path + ": is a folder; name a file");
    }
    if (t.shape == TargetShape::Folder && id && !isFolder) {
      throw core::IoError(t.role + " " + t.path + ": exists and is not a folder");
    }
    const bool emptyFolder = isFolder && fs::is_empty(abs, ec) && !ec;
    if (!emptyFolder && !t.overwrite && !t.append) {
      throw core::ParameterError(t.role + " " + t.path + ": exists; pass --overwrite to replace it");
    }
    if (t.shape == TargetShape::Folder && isFolder && !emptyFolder) checkReplaceableFolder(t, abs);
    // A GeoPackage another program is writing is not replaced under it (checked again at the rename).
    if (t.shape == TargetShape::File && !isFolder) refuseWhileWriteLocked(abs, t.role + " " + t.path);
  } else if (t.shape == TargetShape::File) {
    // A Shapefile's companions belong to the target: an old .dbf beside a new .shp is as bad.
    for (const auto& f : filesOf(abs)) {
      if (fs::exists(f, ec) && !t.overwrite && !t.append) {
        throw core::ParameterError(t.role + " " + t.path + ": " + f.filename().string() +
                                   " exists; pass --overwrite to replace it");
      }
    }
  }
  checkWritableParent(t, abs);
}

std::string normalisedConnection(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

}  // namespace

std::uint64_t checkInputFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int error = errno;
    if (error == ENOENT) throw core::IoError(path + ": no such file or directory");
    throw core::IoError(path + ": " + std::strerror(error));
  }
  const char* what = S_ISFIFO(st.st_mode)   ? "a FIFO (named pipe)"
                     : S_ISCHR(st.st_mode)  ? "a character device"
                     : S_ISBLK(st.st_mode)  ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : nullptr;
  if (what) {
    throw core::IoError(path + ": is " + std::string(what) +
                        ", not a file; circatlas reads files (save the data to a file, or stream it explicitly "
                        "through /vsistdin/)");
  }
  if (S_ISDIR(st.st_mode)) return 0;
  if (::access(path.c_str(), R_OK) != 0) throw core::IoError(path + ": cannot be read (" + std::strerror(errno) + ")");
  return static_cast<std::uint64_t>(st.st_size);
}

bool isDatabaseTarget(std::string_view target) noexcept {
  const std::string head = lower(target.substr(0, 13));
  return head.starts_with("pg:") || head.starts_with("postgresql://") || head.starts_with("postgres://");
}

std::string maskSecrets(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const std::string low = lower(text);
  std::size_t i = 0;
  while (i < text.size()) {
    // key=value: password=…, PGPASSWORD=…, "password = '…'".
    if (low.compare(i, 8, "password") == 0) {
      std::size_t j = i + 8;
      while (j < text.size() && text[j] == ' ') ++j;
      if (j < text.size() && text[j] == '=') {
        ++j;
        while (j < text.size() && text[j] == ' ') ++j;
        out.append(text.substr(i, 8)).append("=***");
        if (j < text.size() && (text[j] == '\'' || text[j] == '"')) {
          const char quote = text[j++];
          while (j < text.size() && text[j] != quote) j += text[j] == '\\' ? 2 : 1;
          j = std::min(j + 1, text.size());
        } else {
          while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])) && text[j] != '&' &&
                 text[j] != '\'' && text[j] != '"' && text[j] != ')')
            ++j;
        }
        i = j;
        continue;
      }
    }
    // URI credentials: postgresql://user:secret@host.
    if (low.compare(i, 3, "://") == 0) {
      const std::size_t start = i + 3;
      std::size_t end = start;
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '/' &&
             text[end] != '@')
        ++end;
      const std::size_t colon = text.substr(start, end - start).find(':');
      if (end < text.size() && text[end] == '@' && colon != std::string_view::npos) {
        out.append(text.substr(i, 3 + colon + 1)).append("***@");
        i = end + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

void checkOutputTargets(std::span<const OutputTarget> targets, std::span<const InputRef> inputs) {
  std::vector<ResolvedInput> files;
  for (const auto& in : inputs) {
    if (in.path.empty() || isDatabaseTarget(in.path)) continue;
    for (const auto& f : filesOf(realFileOf(in.path))) {
      ResolvedInput r{&in, resolved(f.string()), std::nullopt, false};
      struct stat st {};
      r.id = identityOf(r.abs, &st);
      r.folder = r.id && S_ISDIR(st.st_mode);
      files.push_back(std::move(r));
    }
  }
  std::vector<std::pair<fs::path, const OutputTarget*>> seen;
  for (const auto& t : targets) {
    if (t.path.empty()) throw core::ParameterError(t.role + " is empty: name the file to write");
    if (isDatabaseTarget(t.path)) {
      for (const auto& in : inputs) {
        if (isDatabaseTarget(in.path) && normalisedConnection(in.path) == normalisedConnection(t.path)) {
          throw core::IoError(t.role + " " + maskSecrets(t.path) + " is the input " + maskSecrets(in.path) + " (" +
                              in.role + "); circatlas never writes onto what it reads: choose another output");
        }
      }
      continue;
    }
    checkFileSystemTarget(t, files);
    const fs::path abs = resolved(t.path);
    for (const auto& [other, first] : seen) {
      if (other == abs || (identityOf(other) && identityOf(other) == identityOf(abs))) {
        throw core::ParameterError(t.role + " " + t.path + " and " + first->role + " " + first->path +
                                   " name the same file; give each output its own");
      }
    }
    seen.emplace_back(abs, &t);
  }
}

void checkOutputTarget(const OutputTarget& target, std::span<const InputRef> inputs) {
  checkOutputTargets(std::span(&target, 1), inputs);
}

StagedFolder::StagedFolder(const fs::path& target) : target_(target) {
  std::error_code ec;
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(parent, ec);
  staging_ = core::stagingPathBeside(target);
  if (!fs::create_directory(staging_, ec)) {
    throw core::IoError(target.string() + ": cannot write in " + parent.string() + " (" + ec.message() + ")");
  }
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void StagedFolder::commit() {
  std::error_code ec;
  const auto status = fs::symlink_status(target_, ec);
  if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none) {
    fs::rename(staging_, target_, ec);
    if (ec) throw core::IoError(target_.string() + ": cannot put the new folder in place (" + ec.message() + ")");
    committed_ = true;
    return;
  }
  // Old and new trade places in one step; the old one is then under the staging name.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staging_, ec);
    committed_ = true;
    return;
  }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    throw core::IoError(target_.string() + ": cannot replace (" + std::strerror(errno) + ")");
  }
  // No atomic exchange on this file system: move the old folder aside, the new one in, then drop the old.
  const fs::path old = core::stagingPathBeside(target_, ".old");
  fs::rename(target_, old, ec);
  if (ec) throw core::IoError(target_.string() + ": cannot replace (" + ec.message() + ")");
  fs::rename(staging_, target_, ec);
  if (ec) {
    std::error_code restore;
    fs::rename(old, target_, restore);
    throw core::IoError(target_.string() + ": cannot replace (" + ec.message() + ")");
  }
  committed_ = true;
  fs::remove_all(old, ec);
}

}  // namespace circatlas::io
