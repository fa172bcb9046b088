// Memory budget from CIRCATLAS_MEMORY_LIMIT or /proc/meminfo, and the check made before a layer is read.
#include "io/memory_budget.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>

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
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    case 't': case 'T': shift = 40; break;
    default: return std::nullopt;
  }
  if (value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

std::optional<MemoryBudget> memoryBudget() {
  if (const char* env = std::getenv(kLimitVariable); env && *env) {
    const auto bytes = parseByteSize(env);
    if (!bytes) {
      throw core::ParameterError(std::string(kLimitVariable) + "=" + env +
                                 ": expected a size such as 512M, 2G or a number of bytes");
    }
    return MemoryBudget{*bytes, std::string(kLimitVariable) + "=" + env};
  }
  // Three quarters of what the kernel says can be allocated without swapping: the estimate is a
  // measured peak, and the quarter left is for the other programs a planner runs beside circatlas.
  if (const auto available = memAvailableBytes()) {
    return MemoryBudget{*available / 4 * 3, "3/4 of the available memory, MemAvailable " + formatBytes(*available) +
                                                "; set " + kLimitVariable + " to change it"};
  }
  return std::nullopt;
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
  return "out of memory: the data need more memory than circatlas could get" + budget +
         "; load a smaller extract";
}

void requireFitsInMemory(const std::string& file, const std::string& layer, std::uint64_t features) {
  const auto budget = memoryBudget();
  const std::uint64_t need = estimateBytes(features);
  if (!budget || need <= budget->bytes) return;
  core::IoError e(std::to_string(features) + " features need about " + formatBytes(need) + " of memory (" +
                  std::to_string(kBytesPerFeature) + " bytes per feature, measured), more than the budget of " +
                  formatBytes(budget->bytes) + " (" + budget->origin + "); load a smaller extract");
  e.setFile(file).setLayer(layer);
  throw e;
}

}  // namespace circatlas::io
