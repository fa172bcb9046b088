// Text encoding checks and conversion with iconv (glibc): UTF-8 validation and GB18030 decoding.
#include "io/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <variant>

#include "core/error.h"

namespace circatlas::io {

namespace {

// Converts bytes from `from` to UTF-8. Returns the text, or the byte offset where decoding failed.
std::variant<std::string, std::size_t> convertToUtf8(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::size_t{0};
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t inLeft = bytes.size();
  char* dst = out.data();
  std::size_t outLeft = out.size();
  std::variant<std::string, std::size_t> result;
  while (true) {
    if (iconv(cd, &in, &inLeft, &dst, &outLeft) != static_cast<std::size_t>(-1)) {
      out.resize(static_cast<std::size_t>(dst - out.data()));
      result = std::move(out);
      break;
    }
    if (errno != E2BIG) {  // EILSEQ (invalid sequence) or EINVAL (cut off at the end)
      result = static_cast<std::size_t>(in - bytes.data());
      break;
    }
    const std::size_t used = static_cast<std::size_t>(dst - out.data());
    out.resize(out.size() * 2);
    dst = out.data() + used;
    outLeft = out.size() - used;
  }
  iconv_close(cd);
  return result;
}

// The byte offset where `bytes` stops being valid UTF-8, or nullopt. iconv decodes into a small
// buffer that is overwritten chunk after chunk: checking a 200 MB registry allocates nothing (a
// whole-size output buffer cost a third of reading one).
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::size_t{0};
  std::array<char, std::size_t{64} * 1024> chunk{};
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t inLeft = bytes.size();
  std::optional<std::size_t> result;
  while (inLeft > 0) {
    char* dst = chunk.data();
    std::size_t outLeft = chunk.size();
    if (iconv(cd, &in, &inLeft, &dst, &outLeft) != static_cast<std::size_t>(-1)) break;
    if (errno != E2BIG) {  // EILSEQ (invalid sequence) or EINVAL (cut off at the end)
      result = static_cast<std::size_t>(in - bytes.data());
      break;
    }
  }
  iconv_close(cd);
  return result;
}

}  // namespace

std::optional<Utf8Problem> findInvalidUtf8(std::string_view bytes) noexcept {
  try {
    const auto invalid = firstInvalidUtf8(bytes);
    if (!invalid) return std::nullopt;
    const std::size_t offset = *invalid;
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    return Utf8Problem{offset, static_cast<std::int64_t>(line)};
  } catch (...) {
    return Utf8Problem{0, 1};  // out of memory: treat as unreadable rather than crash
  }
}

std::optional<std::string> gb18030ToUtf8(std::string_view bytes) {
  auto r = convertToUtf8(bytes, "GB18030");
  if (auto* text = std::get_if<std::string>(&r)) return std::move(*text);
  return std::nullopt;
}

std::string toUtf8(std::string bytes, std::string_view fileName, EncodingPolicy policy) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  const auto problem = findInvalidUtf8(bytes);
  if (!problem) return bytes;
  auto converted = gb18030ToUtf8(bytes);
  if (converted && policy == EncodingPolicy::ConvertGb18030) return std::move(*converted);
  core::InputError e(converted ? std::string("text is not UTF-8 (it decodes as GBK/GB18030; save the file as "
                                             "UTF-8, or pass --encoding gb18030 to convert it)")
                               : "text is not UTF-8, nor GBK/GB18030 (byte " + std::to_string(problem->offset) +
                                     "); save the file as UTF-8");
  e.setLine(problem->line).setFile(fileName);
  throw e;
}

}  // namespace circatlas::io
