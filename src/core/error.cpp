// Message composition for the circatlas error hierarchy.
#include "core/error.h"

namespace circatlas::core {

Error::Error(ErrorKind kind, std::string detail) : kind_(kind), detail_(std::move(detail)) { rebuild(); }

Error& Error::setFile(std::string_view file) {
  if (!file_) file_ = std::string(file);
  rebuild();
  return *this;
}

Error& Error::setLine(std::int64_t line, std::optional<std::int64_t> column) {
  if (!line_) {
    line_ = line;
    column_ = column;
  }
  rebuild();
  return *this;
}

Error& Error::setLayer(std::string_view layer) {
  if (!layer_) layer_ = std::string(layer);
  rebuild();
  return *this;
}

Error& Error::setFeature(std::int64_t featureId) {
  if (!feature_) feature_ = featureId;
  rebuild();
  return *this;
}

Error& Error::setField(std::string_view field) {
  if (!field_) field_ = std::string(field);
  rebuild();
  return *this;
}

void Error::rebuild() {
  std::string where;
  if (file_) {
    where = *file_;
    if (line_) {
      where += ':' + std::to_string(*line_);
      if (column_) where += ':' + std::to_string(*column_);
    }
  }
  std::string scope;
  auto append = [&scope](const std::string& part) {
    if (!scope.empty()) scope += ", ";
    scope += part;
  };
  if (layer_) append("layer '" + *layer_ + "'");
  if (feature_) append("feature " + std::to_string(*feature_));
  if (field_) append("field '" + *field_ + "'");

  message_.clear();
  if (!where.empty()) message_ = where + ": ";
  if (!scope.empty()) message_ += scope + ": ";
  message_ += detail_;
}

std::string_view toString(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Input:
      return "input error";
    case ErrorKind::Io:
      return "I/O error";
    case ErrorKind::Crs:
      return "CRS error";
    case ErrorKind::Parameter:
      return "parameter error";
  }
  return "error";
}

}  // namespace circatlas::core
