// Typed attribute values and field types of a layer's schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/text.h"

namespace circatlas::core {

/// The attribute types circatlas preserves from reading to export.
enum class FieldType { Boolean, Integer, Real, String, Date, DateTime };

[[nodiscard]] std::string_view toString(FieldType type) noexcept;

/// A calendar date, optionally with a time of day (for DateTime fields).
/// The fields are as small as their ranges allow, which keeps a DateTime at 16 bytes, no larger than a
/// Text: every cell of a million-row registry is a Value, and the largest alternative sets its size.
struct DateTime {
  int year = 0;
  std::int8_t month = 0;
  std::int8_t day = 0;
  std::int8_t hour = 0;
  std::int8_t minute = 0;
  /// A float as OGR's own date-time fields (GetFieldAsDateTime).
  float second = 0.0F;
  /// Minutes east of UTC (within ±14 h), or unset when the source gave no time zone.
  std::optional<std::int16_t> utcOffsetMinutes;
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// Null (monostate) or one of the supported types. No `-1` sentinels: a missing value is null.
using Value = std::variant<std::monostate, bool, std::int64_t, double, Text, DateTime>;
static_assert(sizeof(DateTime) <= sizeof(Text), "a DateTime must not make every Value larger than a text");
static_assert(sizeof(Value) == 24, "a Value is a 16-byte payload and its index");

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
