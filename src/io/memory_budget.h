// The memory budget for loading layers: refuse an input that would not fit rather than swap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace circatlas::io {

/// Peak resident memory a command needs per feature of a layer it reads, measured with
/// `/usr/bin/time -v` on a synthetic registry of 1,000,000 enterprises and 791,385 flows
/// (`circatlas synth -n 1000000 --seed 7`): `export --layers flows --results clusters` peaked at
/// 4,394,320 KiB (4,840,312 before cluster hulls went through grid cells), `cluster` at 3.21 GiB,
/// `validate` at 1,303,888 KiB; the heaviest, less the base below, is 4,421 bytes per enterprise
/// (4,878 before), rounded up to 5 KiB. Point registries are what grows that large; a layer of
/// polygons with thousands of vertices each needs more per feature.
inline constexpr std::uint64_t kBytesPerFeature = 5120;
/// Memory a command needs whatever its input (GDAL, PROJ, the built-in base map and catalogue):
/// `circatlas validate` and `cluster` on the built-in data peak at about 76 MiB; rounded up.
inline constexpr std::uint64_t kBaseBytes = std::uint64_t{128} << 20;

/// How much memory the data of one command may take.
struct MemoryBudget {
  std::uint64_t bytes = 0;
  /// Where the figure comes from, for messages: "CIRCATLAS_MEMORY_LIMIT=2G" or "3/4 of the
  /// available memory, MemAvailable 7.6 GiB; …".
  std::string origin;
};

/// The budget: CIRCATLAS_MEMORY_LIMIT when set (bytes, or with a K, M or G suffix: 1024-based),
/// else three quarters of MemAvailable in /proc/meminfo, else no limit (std::nullopt) where that file does
/// not exist; in every case at most what the address-space limit (`ulimit -v`) leaves above what
/// the process has mapped. Worked out on the first call (the CLI makes it at start) and kept, so
/// memory taken by the command itself does not shrink it. Throws core::ParameterError for a
/// malformed CIRCATLAS_MEMORY_LIMIT.
[[nodiscard]] std::optional<MemoryBudget> memoryBudget();

/// Parses a size such as "512M", "2G", "1048576" (1024-based suffixes K, M, G, T); std::nullopt
/// if malformed or zero.
[[nodiscard]] std::optional<std::uint64_t> parseByteSize(std::string_view text) noexcept;

/// The peak memory a command is expected to need for a layer of `features` features. Each layer is
/// checked on its own: the figure per feature already covers a command's whole peak on its
/// largest layer.
[[nodiscard]] constexpr std::uint64_t estimateBytes(std::uint64_t features) noexcept {
  return kBaseBytes + features * kBytesPerFeature;
}

/// What circatlas says when an allocation fails anyway (std::bad_alloc: an estimate too low, an
/// address-space limit such as `ulimit -v`): the budget, and the same advice as a refusal.
[[nodiscard]] std::string outOfMemoryMessage();

/// "1.5 GiB", "640 MiB": sizes for messages.
[[nodiscard]] std::string formatBytes(std::uint64_t bytes);

/// Throws core::IoError naming the file, the layer, the feature count, the estimate and the budget
/// when a layer of `features` features would not fit in memoryBudget(); does nothing otherwise.
/// `how`, when given, says how the count was obtained ("estimated from …").
void requireFitsInMemory(const std::string& file, const std::string& layer, std::uint64_t features,
                         const std::string& how = {});

/// Records of a CSV file of `fileBytes` bytes, without reading it all: files up to 4 MiB are counted
/// exactly (non-blank lines after the header), larger ones estimated from 16 samples of 64 KiB
/// spread over the file (non-blank lines per byte × size), so blank lines and long lines are
/// weighed as they are. Throws core::IoError when the file cannot be read.
struct RecordEstimate {
  std::uint64_t records = 0;
  bool exact = false;
};
[[nodiscard]] RecordEstimate estimateCsvRecords(const std::string& path, std::uint64_t fileBytes);

/// Refuses a text file that cannot even be held in memory with its converted copy and parsed cells
/// (three times its size above the base): a CSV of few but enormous lines. core::IoError, exit 4.
void requireTextFitsInMemory(const std::string& file, std::uint64_t fileBytes);

/// The budget enforced while features are read, whatever the file declared: check(n) throws the
/// refusal once n features would not fit, naming the feature where reading stopped.
class FeatureBudget {
 public:
  FeatureBudget(std::string file, std::string layer);
  /// Called with the count read so far; cheap (one comparison) until the limit.
  void check(std::uint64_t features) const {
    if (features > maxFeatures_) refuse(features);
  }

 private:
  [[noreturn]] void refuse(std::uint64_t features) const;
  std::string file_;
  std::string layer_;
  std::uint64_t maxFeatures_ = UINT64_MAX;
};

}  // namespace circatlas::io
