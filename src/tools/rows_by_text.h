// Rows of a layer looked up by the text of a cell (an id), without a string copy per row or lookup.
// Internal to src/tools.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <absl/container/flat_hash_map.h>

#include "core/value.h"

namespace circatlas::tools {

/// The keys are views into the cells' own texts, so the layers they come from must outlive the
/// index and stay unchanged; a cell of another type (an integer id) is kept here as its text. A
/// key given twice keeps its last row, as a map assigned row by row.
class RowsByText {
 public:
  explicit RowsByText(std::size_t expected = 0) { rows_.reserve(expected); }

  void add(const core::Value& key, std::size_t row) { rows_.insert_or_assign(keyOf(key), row); }

  /// The row added last under the cell's text, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find(const core::Value& key) const {
    const auto* s = std::get_if<core::Text>(&key);
    const auto it = s ? rows_.find(std::string_view(*s)) : rows_.find(std::string_view(core::toString(key)));
    if (it == rows_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::string_view keyOf(const core::Value& key) {
    if (const auto* s = std::get_if<core::Text>(&key)) return *s;
    return spelled_.emplace_back(core::toString(key));
  }

  std::deque<std::string> spelled_;  // the text of cells that are not strings (a deque: views stay valid)
  // Open addressing: a look-up touches the slot and the key's text, not a chain of nodes.
  absl::flat_hash_map<std::string_view, std::size_t> rows_;
};

}  // namespace circatlas::tools
