// The project's error hierarchy: input, I/O, CRS and parameter errors, with context added while unwinding.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace circatlas::core {

/// What went wrong, in terms the CLI maps to exit codes and the viewer to message titles.
enum class ErrorKind {
  Input,      ///< The user's data is wrong (missing column, broken geometry, unreadable format).
  Io,         ///< A file could not be found, read or written.
  Crs,        ///< A coordinate reference system is unknown or a transformation failed.
  Parameter,  ///< A parameter or option is out of range or refers to something that does not exist.
};

/// Base of all circatlas errors. The message is built from the detail and whatever context
/// (file, line, layer, feature, field) was attached while the exception unwound, e.g.
/// `enterprises.csv: layer 'enterprises', feature 1207, field 'lon': expected a number, got "103,8"`.
/// Context setters never overwrite context set deeper down, which is the more precise.
class Error : public std::exception {
 public:
  Error(ErrorKind kind, std::string detail);

  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& detail() const noexcept { return detail_; }
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }

  Error& setFile(std::string_view file);
  Error& setLine(std::int64_t line, std::optional<std::int64_t> column = std::nullopt);
  Error& setLayer(std::string_view layer);
  Error& setFeature(std::int64_t featureId);
  Error& setField(std::string_view field);

  [[nodiscard]] const std::optional<std::string>& file() const noexcept { return file_; }
  [[nodiscard]] const std::optional<std::string>& layer() const noexcept { return layer_; }
  [[nodiscard]] std::optional<std::int64_t> feature() const noexcept { return feature_; }
  [[nodiscard]] const std::optional<std::string>& field() const noexcept { return field_; }

 private:
  void rebuild();

  ErrorKind kind_;
  std::string detail_;
  std::optional<std::string> file_;
  std::optional<std::int64_t> line_;
  std::optional<std::int64_t> column_;
  std::optional<std::string> layer_;
  std::optional<std::int64_t> feature_;
  std::optional<std::string> field_;
  std::string message_;
};

/// Bad user data.
class InputError : public Error {
 public:
  explicit InputError(std::string detail) : Error(ErrorKind::Input, std::move(detail)) {}
};

/// A file that cannot be found, read or written.
class IoError : public Error {
 public:
  explicit IoError(std::string detail) : Error(ErrorKind::Io, std::move(detail)) {}
};

/// An unknown CRS or a failed coordinate transformation.
class CrsError : public Error {
 public:
  explicit CrsError(std::string detail) : Error(ErrorKind::Crs, std::move(detail)) {}
};

/// An invalid parameter or option value.
class ParameterError : public Error {
 public:
  explicit ParameterError(std::string detail) : Error(ErrorKind::Parameter, std::move(detail)) {}
};

/// Human name of an error kind ("input error", "I/O error", …).
[[nodiscard]] std::string_view toString(ErrorKind kind) noexcept;

}  // namespace circatlas::core
