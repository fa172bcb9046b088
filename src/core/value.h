// Typed attribute values and field types of a layer's schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace circatlas::core {

/// The attribute types circatlas preserves from reading to export.
enum class FieldType { Boolean, Integer, Real, String, Date, DateTime };

[[nodiscard]] std::string_view toString(FieldType type) noexcept;

/// A calendar date, optionally with a time of day (for DateTime fields).
struct DateTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  /// A float as OGR's own date-time fields (GetFieldAsDateTime): keeps DateTime at 32 bytes, so that
  /// a Value is 40 (every cell of a million-row registry is one).
  float second = 0.0F;
  /// Minutes east of UTC, or unset when the source gave no time zone.
  std::optional<int> utcOffsetMinutes;
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// Null (monostate) or one of the supported types. No `-1` sentinels: a missing value is null.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string, DateTime>;
static_assert(sizeof(DateTime) <= sizeof(std::string), "a DateTime must not make every Value larger than a string");

[[nodiscard]] inline bool isNull(const Value& v) noexcept { return std::holds_alternative<std::monostate>(v); }

/// The value as a number when it is an integer or a real; nullopt otherwise (null, text, bool …).
[[nodiscard]] inline std::optional<double> toNumber(const Value& v) noexcept {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

/// A readable rendering: "" for null, ISO 8601 for dates, shortest round-trip form for reals.
[[nodiscard]] std::string toString(const Value& v);

}  // namespace circatlas::core
