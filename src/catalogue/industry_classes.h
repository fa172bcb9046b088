// GB/T 4754-2017 industry classes (data/industry/gbt4754_2017_classes.csv) and the matching of a
// registry's industry text ("水泥", "C3011 水泥制造", "火力发电厂") to one class.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalogue/registry_table.h"
#include "core/text_table.h"

namespace circatlas::catalogue {

class IndustryClasses {
 public:
  struct Class {
    std::string code;  ///< 4 digits
    std::string name;  ///< official name, e.g. 水泥制造
  };

  /// From the class table's text (columns code, name_zh). Throws core::InputError naming the
  /// file when a column is missing or a code is not 4 digits.
  explicit IndustryClasses(const core::TextTable& table);

  /// The class with this 4-digit code, or nullptr.
  [[nodiscard]] const Class* byCode(std::string_view code) const;

  /// Matches free text to a class, in this order: a 4-digit class code in the text (an optional
  /// section letter before it, "C3011"; a 3-digit number read as a class whose leading zero a
  /// spreadsheet dropped, "810" → 0810); the exact class name; the longest class name the text
  /// contains ("燃煤火力发电厂" → 火力发电); the shortest class name that starts with the text
  /// ("水泥" → 水泥制造) when that is unique. `how` says which; `code` is empty when nothing
  /// matched or the text fits several classes equally (then `how` lists them).
  [[nodiscard]] IndustryMatch match(std::string_view text) const;

  [[nodiscard]] std::size_t size() const noexcept { return classes_.size(); }

 private:
  std::vector<Class> classes_;  // sorted by code
};

}  // namespace circatlas::catalogue
