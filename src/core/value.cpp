// Rendering of attribute values and names of field types.
#include "core/value.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace circatlas::core {

std::string_view toString(FieldType type) noexcept {
  switch (type) {
    case FieldType::Boolean:
      return "Boolean";
    case FieldType::Integer:
      return "Integer";
    case FieldType::Real:
      return "Real";
    case FieldType::String:
      return "String";
    case FieldType::Date:
      return "Date";
    case FieldType::DateTime:
      return "DateTime";
  }
  return "Unknown";
}

namespace {

std::string formatDateTime(const DateTime& d) {
  char buf[64];
  if (d.hour == 0 && d.minute == 0 && d.second == 0.0 && !d.utcOffsetMinutes) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%06.3f", d.year, d.month, d.day, d.hour, d.minute, d.second);
  std::string out = buf;
  if (d.utcOffsetMinutes) {
    const int off = *d.utcOffsetMinutes;
    if (off == 0) {
      out += 'Z';
    } else {
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
      out += buf;
    }
  }
  return out;
}

}  // namespace

std::string toString(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      char buf[32];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
      return ec == std::errc{} ? std::string(buf, end) : std::string("nan");
    }
    std::string operator()(const Text& s) const { return s.str(); }
    std::string operator()(const DateTime& d) const { return formatDateTime(d); }
  };
  return std::visit(Visitor{}, v);
}

}  // namespace circatlas::core
