// The text of a core::Value: 16 bytes, texts of up to 15 bytes held inline, longer ones on the heap.
//
// Every cell of a layer is a Value, and a million-row registry holds fifteen million of them: their
// size is memory the machine must first touch and then free. std::string is 32 bytes (libstdc++), so a
// variant holding one is 40; this Text makes a Value 24. No Debian 12 library has a string this small
// (boost::container::string is 24 bytes, abseil has none), so this is the one string type circatlas
// keeps itself. It holds bytes (UTF-8 in practice) and is always NUL-terminated for C interfaces.
#pragma once

#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace circatlas::core {

class Text {
 public:
  /// The longest text held without a heap allocation.
  static constexpr std::size_t kInlineBytes = 15;

  Text() noexcept { setInline(0); }
  // Implicit on purpose: a Value is built from text as it was from std::string (`Value v = name;`).
  Text(std::string_view text) { assign(text); }                    // NOLINT(google-explicit-constructor)
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)
  Text(const Text& other) : Text(other.view()) {}
  Text(Text&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.setInline(0);
  }
  Text& operator=(const Text& other) {
    if (this != &other) {
      Text copy(other);
      swap(copy);
    }
    return *this;
  }
  Text& operator=(Text&& other) noexcept {
    if (this != &other) {
      release();
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      other.setInline(0);
    }
    return *this;
  }
  ~Text() { release(); }

  void swap(Text& other) noexcept {
    unsigned char held[sizeof bytes_];
    std::memcpy(held, bytes_, sizeof bytes_);
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    std::memcpy(other.bytes_, held, sizeof bytes_);
  }

  [[nodiscard]] std::size_t size() const noexcept {
    if (isInline()) return kInlineBytes - bytes_[kTag];
    std::uint64_t tagged = 0;
    std::memcpy(&tagged, bytes_ + sizeof(char*), sizeof tagged);
    return static_cast<std::size_t>(tagged & ~kHeapFlag);
  }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] const char* data() const noexcept {
    if (isInline()) return reinterpret_cast<const char*>(bytes_);  // NOLINT(*-reinterpret-cast)
    const char* heap = nullptr;
    std::memcpy(static_cast<void*>(&heap), bytes_, sizeof heap);
    return heap;
  }
  /// NUL-terminated, as data(): the terminator is always stored.
  [[nodiscard]] const char* c_str() const noexcept { return data(); }
  [[nodiscard]] std::string_view view() const noexcept { return {data(), size()}; }
  [[nodiscard]] std::string str() const { return std::string(view()); }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  explicit operator std::string() const { return str(); }
  [[nodiscard]] const char* begin() const noexcept { return data(); }
  [[nodiscard]] const char* end() const noexcept { return data() + size(); }

  friend bool operator==(const Text& a, const Text& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(const Text& a, std::string_view b) noexcept { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(const Text& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Text& a, const char* b) noexcept {
    return a.view() <=> std::string_view(b);
  }

 private:
  // Byte 15 tells the form. Inline: the text fills bytes 0..14 and byte 15 holds 15 − size, so a
  // 15-byte text ends in the zero that terminates it and shorter ones are followed by zeros. Heap: bytes
  // 0..7 are the pointer, bytes 8..15 the size with its top bit set, which puts 0x80 in byte 15.
  static_assert(std::endian::native == std::endian::little, "Text keeps its form in the size's top byte");
  static_assert(sizeof(char*) == 8, "the heap form is a pointer and a size of 8 bytes each");
  static constexpr std::size_t kTag = 15;
  static constexpr std::uint64_t kHeapFlag = std::uint64_t{1} << 63U;

  [[nodiscard]] bool isInline() const noexcept { return bytes_[kTag] <= kInlineBytes; }
  void setInline(std::size_t size) noexcept {
    std::memset(bytes_ + size, 0, kTag - size);
    bytes_[kTag] = static_cast<unsigned char>(kInlineBytes - size);
  }
  void assign(std::string_view text) {
    if (text.size() <= kInlineBytes) {
      if (!text.empty()) std::memcpy(bytes_, text.data(), text.size());
      setInline(text.size());
      return;
    }
    char* heap = new char[text.size() + 1];  // NOLINT(cppcoreguidelines-owning-memory): released in release()
    std::memcpy(heap, text.data(), text.size());
    heap[text.size()] = '\0';
    const std::uint64_t tagged = static_cast<std::uint64_t>(text.size()) | kHeapFlag;
    std::memcpy(bytes_, static_cast<const void*>(&heap), sizeof heap);
    std::memcpy(bytes_ + sizeof heap, &tagged, sizeof tagged);
  }
  void release() noexcept {
    if (isInline()) return;
    delete[] data();  // NOLINT(cppcoreguidelines-owning-memory)
  }

  alignas(8) unsigned char bytes_[16];
};

static_assert(sizeof(Text) == 16);

/// Writes the text's bytes, as for a std::string (test failures show the text).
std::ostream& operator<<(std::ostream& out, const Text& text);

}  // namespace circatlas::core

template <>
struct std::hash<circatlas::core::Text> {
  std::size_t operator()(const circatlas::core::Text& text) const noexcept {
    return std::hash<std::string_view>{}(text.view());
  }
};
