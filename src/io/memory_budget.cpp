// Memory budget from CIRCATLAS_MEMORY_LIMIT or /proc/meminfo, and the check made before a layer is read.
#include "io/memory_budget.h"

#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <vector>

#include "core/error.h"

namespace circatlas::io {

namespace {

constexpr const char* kLimitVariable = "CIRCATLAS_MEMORY_LIMIT";

std::optional<std::uint64_t> memAvailableBytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (in >> key >> kib >> unit) {
    if (key == "MemAvailable:") return kib * 1024;
  }
  return std::nullopt;
}

/// The process's mapped memory (VmSize in /proc/self/status), what `ulimit -v` limits.
std::optional<std::uint64_t> mappedBytes() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmSize:", 0) != 0) continue;
    std::uint64_t kib = 0;
    const char* begin = line.data() + 7;
    while (*begin == ' ' || *begin == '\t') ++begin;
    std::from_chars(begin, line.data() + line.size(), kib);
    return kib * 1024;
  }
  return std::nullopt;
}

std::optional<MemoryBudget> computeBudget() {
  std::optional<MemoryBudget> budget;
  if (const char* env = std::getenv(kLimitVariable); env && *env) {
    const auto bytes = parseByteSize(env);
    if (!bytes) {
      throw core::ParameterError(std::string(kLimitVariable) + "=" + env +
                                 ": expected a size such as 512M, 2G or a number of bytes");
    }
    budget = MemoryBudget{*bytes, std::string(kLimitVariable) + "=" + env};
  } else if (const auto available = memAvailableBytes()) {
    // Three quarters of what the kernel says can be allocated without swapping: the estimate is a
    // measured peak, and the quarter left is for the other programs a planner runs beside circatlas.
    budget = MemoryBudget{*available / 4 * 3, "3/4 of the available memory, MemAvailable " + formatBytes(*available) +
                                                  "; set " + kLimitVariable + " to change it"};
  }
  // An address-space limit (ulimit -v) is a harder bound: what it leaves above the libraries and
  // stacks already mapped.
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    const std::uint64_t cap = limit.rlim_cur;
    const std::uint64_t mapped = mappedBytes().value_or(0);
    const std::uint64_t left = cap > mapped ? cap - mapped : 0;
    if (!budget || left < budget->bytes) {
      budget = MemoryBudget{left, "what the address-space limit (ulimit -v) of " + formatBytes(cap) + " leaves free"};
    }
  }
  return budget;
}

std::string featureRefusal(std::uint64_t features, const MemoryBudget& budget) {
  return std::to_string(features) + " features need about " + formatBytes(estimateBytes(features)) + " of memory (" +
         std::to_string(kBytesPerFeature) + " bytes per feature, measured), more than the budget of " +
         formatBytes(budget.bytes) + " (" + budget.origin + "); load a smaller extract";
}

/// Non-blank lines in buf; with `partialFirst`, the text before the first newline (the end of a
/// line that began before the sample) is not counted.
std::uint64_t nonBlankLines(std::string_view buf, bool partialFirst, bool partialLast) {
  std::uint64_t lines = 0;
  std::size_t start = 0;
  if (partialFirst) {
    const auto nl = buf.find('\n');
    if (nl == std::string_view::npos) return 0;
    start = nl + 1;
  }
  while (start < buf.size()) {
    const auto nl = buf.find('\n', start);
    if (nl == std::string_view::npos && partialLast) break;
    const std::size_t end = nl == std::string_view::npos ? buf.size() : nl;
    const std::string_view line = buf.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++lines;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::optional<std::uint64_t> parseByteSize(std::string_view text) noexcept {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || value == 0) return std::nullopt;
  std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
  if (suffix.size() == 2 && (suffix[1] == 'B' || suffix[1] == 'b')) suffix.remove_suffix(1);  // "512MB"
  if (suffix.empty()) return value;
  if (suffix.size() != 1) return std::nullopt;
  int shift = 0;
  switch (suffix[0]) {
    case 'k':
    case 'K':
      shift = 10;
      break;
    case 'm':
    case 'M':
      shift = 20;
      break;
    case 'g':
    case 'G':
      shift = 30;
      break;
    case 't':
    case 'T':
      shift = 40;
      break;
    default:
      return std::nullopt;
  }
  if (value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

std::optional<MemoryBudget> memoryBudget() {
  static std::mutex mutex;
  static std::optional<std::optional<MemoryBudget>> cached;
  const std::lock_guard lock(mutex);
  if (!cached) cached = computeBudget();  // a malformed limit throws and is reported again next time
  return *cached;
}

std::string formatBytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= (std::uint64_t{1} << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / static_cast<double>(1 << 30));
  } else if (bytes >= (std::uint64_t{1} << 20)) {
    std::snprintf(buf, sizeof buf, "%.0f MiB", static_cast<double>(bytes) / static_cast<double>(1 << 20));
  } else {
    std::snprintf(buf, sizeof buf, "%.0f KiB", static_cast<double>(bytes) / 1024.0);
  }
  return buf;
}

std::string outOfMemoryMessage() {
  std::string budget;
  try {
    if (const auto b = memoryBudget()) budget = " (the budget is " + formatBytes(b->bytes) + ", " + b->origin + ")";
  } catch (const std::exception&) {
    // A malformed limit was reported at start; nothing to add here.
  }
  return "out of memory: the data need more memory than circatlas could get" + budget + "; load a smaller extract";
}

void requireFitsInMemory(const std::string& file, const std::string& layer, std::uint64_t features,
                         const std::string& how) {
  const auto budget = memoryBudget();
  const std::uint64_t need = estimateBytes(features);
  if (!budget || need <= budget->bytes) return;
  std::string message = featureRefusal(features, *budget);
  if (!how.empty()) message = "about " + message.insert(message.find(" features") + 9, " (" + how + ")");
  core::IoError e(message);
  e.setFile(file).setLayer(layer);
  throw e;
}

RecordEstimate estimateCsvRecords(const std::string& path, std::uint64_t fileBytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::IoError(path + ": cannot be read");
  constexpr std::uint64_t kExactUpTo = std::uint64_t{4} << 20;
  constexpr std::uint64_t kSample = std::uint64_t{64} << 10;
  constexpr int kSamples = 16;
  auto withoutHeader = [](std::uint64_t lines) { return lines > 0 ? lines - 1 : 0; };
  if (fileBytes <= kExactUpTo) {
    std::string text(static_cast<std::size_t>(fileBytes), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return {withoutHeader(nonBlankLines(text, false, false)), true};
  }
  std::uint64_t lines = 0;
  std::uint64_t scanned = 0;
  std::string buf(static_cast<std::size_t>(kSample), '\0');
  for (int i = 0; i < kSamples; ++i) {
    const std::uint64_t offset = (fileBytes - kSample) / (kSamples - 1) * static_cast<std::uint64_t>(i);
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(buf.data(), static_cast<std::streamsize>(kSample));
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::string_view view(buf.data(), got);
    const bool last = offset + got >= fileBytes;
    lines += nonBlankLines(view, offset > 0, !last);
    scanned += got;
  }
  const double perByte = scanned > 0 ? static_cast<double>(lines) / static_cast<double>(scanned) : 0.0;
  return {withoutHeader(static_cast<std::uint64_t>(perByte * static_cast<double>(fileBytes))), false};
}

void requireTextFitsInMemory(const std::string& file, std::uint64_t fileBytes) {
  const auto budget = memoryBudget();
  const std::uint64_t need = kBaseBytes + 3 * fileBytes;
  if (!budget || need <= budget->bytes) return;
  throw core::IoError(file + ": " + formatBytes(fileBytes) + " of text need about " + formatBytes(need) +
                      " of memory to read (three times the size, for the text, its UTF-8 copy and the cells), more "
                      "than the budget of " +
                      formatBytes(budget->bytes) + " (" + budget->origin + "); load a smaller extract");
}

FeatureBudget::FeatureBudget(std::string file, std::string layer) : file_(std::move(file)), layer_(std::move(layer)) {
  if (const auto budget = memoryBudget()) {
    maxFeatures_ = budget->bytes > kBaseBytes ? (budget->bytes - kBaseBytes) / kBytesPerFeature : 0;
  }
}

void FeatureBudget::refuse(std::uint64_t features) const {
  const auto budget = memoryBudget();
  core::IoError e("reading stopped at feature " + std::to_string(features) + ": " +
                  featureRefusal(features, budget.value_or(MemoryBudget{})));
  e.setFile(file_).setLayer(layer_);
  throw e;
}

}  // namespace circatlas::io
