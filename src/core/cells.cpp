// Cells: one row's optional texts in one block, grown by doubling and copied to its exact size.
#include "core/cells.h"

#include <algorithm>
#include <stdexcept>

namespace circatlas::core {

namespace {

// A row's text is at most this long: the cell ends are 31-bit offsets (CSV files are refused past 2 GiB).
constexpr std::size_t kMaxText = (std::size_t{1} << 31) - 1;

std::uint32_t checkedSize(std::size_t bytes) {
  if (bytes > kMaxText) throw std::length_error("a row's cells hold more than 2 GiB of text");
  return static_cast<std::uint32_t>(bytes);
}

}  // namespace

Cells::Cells(std::initializer_list<Cell> cells) { append(cells); }

Cells::Cells(const std::vector<std::optional<std::string>>& cells) { append(cells); }

Cells::Cells(const Cells& other) {
  if (other.count_ == 0) return;
  reallocate(other.count_, other.textSize_);
  std::memcpy(block_.get(), other.block_.get(), std::size_t{other.count_} * sizeof(std::uint32_t));
  if (other.textSize_ > 0) std::memcpy(text(), other.text(), other.textSize_);
  count_ = other.count_;
  textSize_ = other.textSize_;
}

Cells& Cells::operator=(const Cells& other) {
  if (this != &other) *this = Cells(other);
  return *this;
}

Cells::Cells(Cells&& other) noexcept
    : block_(std::move(other.block_)),
      count_(std::exchange(other.count_, 0)),
      slots_(std::exchange(other.slots_, 0)),
      textSize_(std::exchange(other.textSize_, 0)),
      textCapacity_(std::exchange(other.textCapacity_, 0)) {}

Cells& Cells::operator=(Cells&& other) noexcept {
  block_ = std::move(other.block_);
  count_ = std::exchange(other.count_, 0);
  slots_ = std::exchange(other.slots_, 0);
  textSize_ = std::exchange(other.textSize_, 0);
  textCapacity_ = std::exchange(other.textCapacity_, 0);
  return *this;
}

void Cells::reallocate(std::size_t slots, std::size_t textCapacity) {
  const std::uint32_t newSlots = checkedSize(slots);
  const std::uint32_t newText = checkedSize(textCapacity);
  std::unique_ptr<char[]> block;
  const std::size_t bytes = std::size_t{newSlots} * sizeof(std::uint32_t) + newText;
  if (bytes > 0) block = std::make_unique_for_overwrite<char[]>(bytes);
  if (count_ > 0) std::memcpy(block.get(), block_.get(), std::size_t{count_} * sizeof(std::uint32_t));
  if (textSize_ > 0) std::memcpy(block.get() + std::size_t{newSlots} * sizeof(std::uint32_t), text(), textSize_);
  block_ = std::move(block);
  slots_ = newSlots;
  textCapacity_ = newText;
}

void Cells::reserve(std::size_t cells, std::size_t textBytes) {
  if (cells > slots_ || textBytes > textCapacity_) {
    reallocate(std::max<std::size_t>(cells, slots_), std::max<std::size_t>(textBytes, textCapacity_));
  }
}

void Cells::push_back(Cell cell) {
  const std::size_t length = cell ? cell->size() : 0;
  const std::uint32_t textEnd = checkedSize(std::size_t{textSize_} + length);
  if (count_ == slots_ || textEnd > textCapacity_) {
    // The text may be a view into this row: copied out before the block moves.
    const std::string copy = cell ? std::string(*cell) : std::string();
    reallocate(
        count_ == slots_ ? std::max<std::size_t>(4, std::size_t{slots_} * 2) : slots_,
        textEnd > textCapacity_ ? std::max<std::size_t>(textEnd, std::size_t{textCapacity_} * 2) : textCapacity_);
    if (cell) cell = copy;
    push_back(cell);
    return;
  }
  if (length > 0) std::memcpy(text() + textSize_, cell->data(), length);
  textSize_ = textEnd;
  setEnd(count_, cell ? textEnd : textEnd | kNull);
  ++count_;
}

void Cells::set(std::size_t i, Cell cell) {
  if (i >= count_) throw std::out_of_range("Cells::set: no cell " + std::to_string(i));
  // The new text may be a view into this row, which is about to move: then it is copied first.
  std::string copy;
  if (cell && !cell->empty() && cell->data() >= block_.get() &&
      cell->data() < block_.get() + std::size_t{slots_} * sizeof(std::uint32_t) + textCapacity_) {
    copy = *cell;
    cell = copy;
  }
  const std::uint32_t begin = i == 0 ? 0 : endOf(i - 1) & ~kNull;
  const std::uint32_t oldEnd = endOf(i) & ~kNull;
  const std::size_t length = cell ? cell->size() : 0;
  const std::uint32_t newSize = checkedSize(std::size_t{textSize_} - (oldEnd - begin) + length);
  if (newSize > textCapacity_) reallocate(slots_, std::max<std::size_t>(newSize, std::size_t{textCapacity_} * 2));
  const auto newEnd = static_cast<std::uint32_t>(begin + length);
  std::memmove(text() + newEnd, text() + oldEnd, textSize_ - oldEnd);
  if (length > 0) std::memcpy(text() + begin, cell->data(), length);
  // The ends of the cells after i shift by the change in length (their empty-cell marks kept).
  for (std::size_t c = i + 1; c < count_; ++c) {
    const std::uint32_t end = endOf(c);
    setEnd(c, (((end & ~kNull) - oldEnd) + newEnd) | (end & kNull));
  }
  setEnd(i, cell ? newEnd : newEnd | kNull);
  textSize_ = newSize;
}

void Cells::resize(std::size_t n) {
  if (n < count_) {
    textSize_ = n == 0 ? 0 : endOf(n - 1) & ~kNull;
    count_ = static_cast<std::uint32_t>(n);
    return;
  }
  reserve(n, textSize_);
  while (count_ < n) push_back(std::nullopt);
}

void Cells::shrink_to_fit() {
  if (slots_ == count_ && textCapacity_ == textSize_) return;
  if (count_ == 0) {
    block_.reset();
    slots_ = 0;
    textCapacity_ = 0;
    textSize_ = 0;
    return;
  }
  reallocate(count_, textSize_);
}

bool operator==(const Cells& a, const Cells& b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace circatlas::core
