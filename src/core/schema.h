// The ordered, typed list of attribute fields of a layer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace circatlas::core {

/// One attribute column.
struct FieldDef {
  std::string name;
  FieldType type = FieldType::String;
  friend bool operator==(const FieldDef&, const FieldDef&) = default;
};

/// Ordered fields with unique names. Lookup by name is linear: schemas are short.
class Schema {
 public:
  Schema() = default;
  /// Throws ParameterError on duplicate names.
  explicit Schema(std::vector<FieldDef> fields);

  /// Appends a field; throws ParameterError if the name is taken. Returns its index.
  std::size_t add(FieldDef field);

  [[nodiscard]] std::optional<std::size_t> indexOf(std::string_view name) const noexcept;
  /// Like indexOf, but throws InputError naming the field when it is missing.
  [[nodiscard]] std::size_t require(std::string_view name) const;

  [[nodiscard]] const std::vector<FieldDef>& fields() const noexcept { return fields_; }
  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
  [[nodiscard]] const FieldDef& operator[](std::size_t i) const noexcept { return fields_[i]; }

  friend bool operator==(const Schema&, const Schema&) = default;

 private:
  std::vector<FieldDef> fields_;
};

}  // namespace circatlas::core
