// Detecting and converting the text encodings found in Chinese office files (UTF-8, GBK/GB18030).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace circatlas::io {

/// Where a byte string stops being valid UTF-8.
struct Utf8Problem {
  std::size_t offset = 0;  ///< byte offset of the first invalid sequence
  std::int64_t line = 0;   ///< 1-based line of that offset
};

/// The first invalid UTF-8 sequence (overlongs, surrogates and code points above U+10FFFF count
/// as invalid), or nullopt when the whole text is valid UTF-8.
[[nodiscard]] std::optional<Utf8Problem> findInvalidUtf8(std::string_view bytes) noexcept;

/// Converts GB18030 (a superset of GBK and GB2312) to UTF-8 with iconv. Returns nullopt if the
/// bytes are not valid GB18030 either.
[[nodiscard]] std::optional<std::string> gb18030ToUtf8(std::string_view bytes);

/// How to treat a text file that is not UTF-8.
enum class EncodingPolicy {
  Reject,         ///< throw core::InputError naming file and line, and suggesting the fix
  ConvertGb18030  ///< convert from GB18030/GBK when the bytes decode as such
};

/// Returns the file's text as UTF-8 (a leading byte-order mark removed). When the bytes are not
/// UTF-8: under Reject, throws core::InputError "<file>:<line>: text is not UTF-8 (it decodes as
/// GBK/GB18030; …)"; under ConvertGb18030, converts them, or throws if they are not GB18030 either.
[[nodiscard]] std::string toUtf8(std::string bytes, std::string_view fileName, EncodingPolicy policy);

}  // namespace circatlas::io
