// The cells of one table row: optional texts packed into one block of memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace circatlas::core {

/// One row's cells, each an optional text (nullopt = an empty cell), kept in a single allocation: the
/// end of every cell's text, then the texts one after another. A million-row registry read as
/// `std::vector<std::optional<std::string>>` took a 40-byte slot per cell plus a string of its own for
/// every cell past 15 bytes, about three times the file's size, and its pages cost more to clear than
/// the parsing did. Reading a cell gives a view into the row, valid until the row is changed.
class Cells {
 public:
  using Cell = std::optional<std::string_view>;

  /// A cell of a non-const row: reads as a Cell, and assigning to it replaces the cell's text. It is
  /// for use at once, as `row.cells[i]` in an expression: it reads the cell when made, so a Ref kept
  /// while the row changes by another way reads what the cell held before.
  class Ref {
   public:
    Ref(Cells& cells, std::size_t index) : cells_(&cells), index_(index), value_(std::as_const(cells)[index]) {}
    Ref(const Ref&) = default;
    /// Copies the other cell's text into this one (it does not make this refer to the other cell).
    Ref& operator=(const Ref& other) {
      if (this == &other) return *this;
      return *this = static_cast<Cell>(other);
    }
    ~Ref() = default;
    /// A string, an optional string or std::nullopt converts to the Cell assigned.
    Ref& operator=(Cell value) {
      cells_->set(index_, value);
      value_ = std::as_const(*cells_)[index_];
      return *this;
    }

    // NOLINTNEXTLINE(google-explicit-constructor): a cell reads as the optional text it holds.
    operator Cell() const noexcept { return value_; }
    [[nodiscard]] bool has_value() const noexcept { return value_.has_value(); }
    explicit operator bool() const noexcept { return value_.has_value(); }
    std::string_view operator*() const noexcept { return *value_; }
    const std::string_view* operator->() const noexcept { return &*value_; }
    [[nodiscard]] std::string_view value_or(std::string_view fallback) const noexcept {
      return value_.value_or(fallback);
    }
    friend bool operator==(const Ref& a, const Cell& b) noexcept { return a.value_ == b; }

   private:
    Cells* cells_;
    std::size_t index_;
    Cell value_;
  };

  /// Reads the cells in order, each as a Cell.
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Cell;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Cell;
    Iterator() = default;
    Iterator(const Cells* cells, std::size_t index) : cells_(cells), index_(index) {}
    Cell operator*() const { return (*cells_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const Iterator& other) const noexcept { return index_ == other.index_; }

   private:
    const Cells* cells_ = nullptr;
    std::size_t index_ = 0;
  };

  Cells() noexcept = default;
  Cells(std::initializer_list<Cell> cells);
  /// The cells of strings (tests and small tables build rows this way).
  // NOLINTNEXTLINE(google-explicit-constructor): a row of optional strings is a row of cells.
  Cells(const std::vector<std::optional<std::string>>& cells);
  Cells(const Cells& other);
  Cells& operator=(const Cells& other);
  Cells(Cells&& other) noexcept;
  Cells& operator=(Cells&& other) noexcept;
  ~Cells() = default;

  [[nodiscard]] std::size_t size() const noexcept { return count_; }
  [[nodiscard]] bool empty() const noexcept { return count_ == 0; }

  [[nodiscard]] Cell operator[](std::size_t i) const noexcept {
    const std::uint32_t end = endOf(i);
    if (end & kNull) return std::nullopt;
    const std::uint32_t begin = i == 0 ? 0 : endOf(i - 1) & ~kNull;
    return std::string_view(text() + begin, end - begin);
  }
  [[nodiscard]] Ref operator[](std::size_t i) { return {*this, i}; }
  /// Cell i; throws std::out_of_range past the last cell.
  [[nodiscard]] Cell at(std::size_t i) const {
    if (i >= count_) throw std::out_of_range("no cell " + std::to_string(i) + " in a row of " + std::to_string(count_));
    return (*this)[i];
  }

  [[nodiscard]] Iterator begin() const noexcept { return {this, 0}; }
  [[nodiscard]] Iterator end() const noexcept { return {this, count_}; }

  /// Appends a cell (its text is copied; a string or an optional string converts to a Cell).
  void push_back(Cell cell);
  void emplace_back(Cell cell) { push_back(cell); }
  /// Replaces cell i.
  void set(std::size_t i, Cell cell);
  /// Cuts the row to n cells, or adds empty cells up to n.
  void resize(std::size_t n);
  /// Room for `cells` cells holding `textBytes` of text, so that appending them allocates nothing.
  void reserve(std::size_t cells, std::size_t textBytes = 0);
  /// No cells; the memory is kept for the next ones.
  void clear() noexcept {
    count_ = 0;
    textSize_ = 0;
  }
  /// Gives back the room reserve() or growth left unused.
  void shrink_to_fit();

  friend bool operator==(const Cells& a, const Cells& b) noexcept;

 private:
  static constexpr std::uint32_t kNull = std::uint32_t{1} << 31;  // marks an empty cell's end

  [[nodiscard]] std::uint32_t endOf(std::size_t i) const noexcept {
    std::uint32_t end = 0;
    std::memcpy(&end, block_.get() + i * sizeof end, sizeof end);
    return end;
  }
  void setEnd(std::size_t i, std::uint32_t end) noexcept {
    std::memcpy(block_.get() + i * sizeof end, &end, sizeof end);
  }
  [[nodiscard]] const char* text() const noexcept { return block_.get() + std::size_t{slots_} * sizeof(std::uint32_t); }
  [[nodiscard]] char* text() noexcept { return block_.get() + std::size_t{slots_} * sizeof(std::uint32_t); }
  void reallocate(std::size_t slots, std::size_t textCapacity);
  // Appends every cell of `cells` after making room for all of them at once.
  template <typename Range>
  void append(const Range& cells) {
    std::size_t bytes = textSize_;
    for (const auto& c : cells) bytes += c ? c->size() : 0;
    reserve(count_ + cells.size(), bytes);
    for (const auto& c : cells) push_back(c);
  }

  std::unique_ptr<char[]> block_;  // slots_ cell ends (uint32), then textCapacity_ bytes of text
  std::uint32_t count_ = 0;
  std::uint32_t slots_ = 0;
  std::uint32_t textSize_ = 0;
  std::uint32_t textCapacity_ = 0;
};

/// The cell's text as a string (empty for an empty cell).
[[nodiscard]] inline std::string text(Cells::Cell cell) { return cell ? std::string(*cell) : std::string(); }

}  // namespace circatlas::core
