// Field lookup and uniqueness rules of a layer schema.
#include "core/schema.h"

#include "core/error.h"

namespace circatlas::core {

Schema::Schema(std::vector<FieldDef> fields) {
  for (auto& f : fields) add(std::move(f));
}

std::size_t Schema::add(FieldDef field) {
  if (indexOf(field.name)) throw ParameterError("duplicate field name '" + field.name + "'");
  fields_.push_back(std::move(field));
  return fields_.size() - 1;
}

std::optional<std::size_t> Schema::indexOf(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return i;
  }
  return std::nullopt;
}

std::size_t Schema::require(std::string_view name) const {
  if (auto i = indexOf(name)) return *i;
  InputError e("missing required field");
  e.setField(name);
  throw e;
}

}  // namespace circatlas::core
