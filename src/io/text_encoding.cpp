// Text encoding checks and conversion: UTF-8 validation (GDAL's CPLIsUTF8) and GB18030 decoding (iconv, glibc).
#include "io/text_encoding.h"

#include <cpl_string.h>
#include <iconv.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <limits>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/parallel.h"

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

// CPLIsUTF8 over text of any length: in chunks that end before a character's first byte.
bool gdalSaysUtf8(std::string_view bytes) {
  constexpr std::size_t kMaxChunk = std::numeric_limits<int>::max();
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = std::min(bytes.size(), start + kMaxChunk);
    while (end < bytes.size() && end > start && (static_cast<unsigned char>(bytes[end]) & 0xC0U) == 0x80U) --end;
    if (end == start) return false;  // no character starts in a whole chunk
    if (CPLIsUTF8(bytes.data() + start, static_cast<int>(end - start)) == 0) return false;
    start = end;
  }
  return true;
}

// Whether `bytes` is UTF-8 as RFC 3629 defines it. GDAL's CPLIsUTF8 refuses overlongs, code points
// above U+10FFFF and the old 5- and 6-byte forms; it also refuses NUL, which is valid (the text
// between NULs is given to it), and lets UTF-16 surrogates (ED A0–BF …) through, which are refused
// here. (glibc's iconv, used before, took 5- and 6-byte forms and was four times slower.)
bool isUtf8Piece(std::string_view bytes) {
  for (std::size_t start = 0; start <= bytes.size();) {
    const std::size_t nul = std::min(bytes.find('\0', start), bytes.size());
    if (!gdalSaysUtf8(bytes.substr(start, nul - start))) return false;
    start = nul + 1;
  }
  for (std::size_t at = bytes.find('\xED'); at != std::string_view::npos; at = bytes.find('\xED', at + 1)) {
    if (at + 1 < bytes.size() && static_cast<unsigned char>(bytes[at + 1]) >= 0xA0U) return false;
  }
  return true;
}

// isUtf8Piece over the whole text; a large one (a registry of a million rows is hundreds of MB) is cut
// into pieces checked on every core. A cut falls before a character's first byte, so each piece of
// valid text is valid alone, and a flaw lies whole in one piece: a sequence cut short ends its piece,
// a stray continuation byte starts or sits in one.
bool isUtf8(std::string_view bytes) {
  constexpr std::size_t kPiece = std::size_t{8} << 20;
  if (bytes.size() <= kPiece) return isUtf8Piece(bytes);
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = std::min(bytes.size(), start + kPiece);
    // Back over at most three continuation bytes, the most a character has; past more, the text is not
    // UTF-8 and the piece after the cut, starting with one, says so.
    for (int k = 0; k < 3 && end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0U) == 0x80U; ++k) {
      --end;
    }
    pieces.push_back(bytes.substr(start, end - start));
    start = end;
  }
  std::atomic<bool> valid{true};
  core::parallelFor(pieces.size(), 0, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && valid.load(std::memory_order_relaxed); ++i) {
      if (!isUtf8Piece(pieces[i])) valid.store(false, std::memory_order_relaxed);
    }
  });
  return valid.load();
}

// The byte offset where `bytes` stops being valid UTF-8, or nullopt. When the whole text is not,
// its characters are checked one by one from the start (only then: a valid file is read once).
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  if (isUtf8(bytes)) return std::nullopt;
  for (std::size_t at = 0; at < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[at]);
    if (lead < 0x80U) {
      ++at;
      continue;
    }
    // The length the first byte announces; a byte that cannot start a character fails below.
    const std::size_t length = lead >= 0xF0U ? 4 : lead >= 0xE0U ? 3 : 2;
    if (at + length > bytes.size() || !isUtf8(bytes.substr(at, length))) return at;
    at += length;
  }
  return bytes.size();  // not reached: a text that fails as a whole has a character that fails
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
