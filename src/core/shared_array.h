// An immutable array whose memory is held by shared ownership: the vector it was made from, or memory that
// something else keeps alive, such as a file mapped into memory (io::MappedFile).
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace circatlas::core {

/// A read-only array of T. Made from a vector (which it takes over: no copy), or as a view of memory kept alive
/// by `keeper` — the road graph and contraction hierarchy read from a network cache point into the mapped file
/// instead of copying half a gigabyte into fresh memory. Copies share the elements (they never change), so
/// copying is cheap and a copy stays valid after the original is gone.
template <typename T>
class SharedArray {
 public:
  SharedArray() = default;
  // NOLINTNEXTLINE(google-explicit-constructor, hicpp-explicit-conversions): a vector hands its elements over
  SharedArray(std::vector<T>&& values) {
    auto owned = std::make_shared<const std::vector<T>>(std::move(values));
    data_ = owned->data();
    size_ = owned->size();
    keeper_ = std::move(owned);
  }
  /// The elements at `view`, which `keeper` keeps alive (and unchanged) for as long as any copy exists.
  SharedArray(std::span<const T> view, std::shared_ptr<const void> keeper)
      : keeper_(std::move(keeper)), data_(view.data()), size_(view.size()) {}

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] const T* data() const noexcept { return data_; }
  [[nodiscard]] const T* begin() const noexcept { return data_; }
  [[nodiscard]] const T* end() const noexcept { return data_ + size_; }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  [[nodiscard]] const T& front() const noexcept { return data_[0]; }
  [[nodiscard]] const T& back() const noexcept { return data_[size_ - 1]; }
  [[nodiscard]] std::span<const T> span() const noexcept { return {data_, size_}; }

 private:
  std::shared_ptr<const void> keeper_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace circatlas::core
