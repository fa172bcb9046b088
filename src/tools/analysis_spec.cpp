// Writing declared defaults and help as the CLI shows them, and reading declared result fields and ids.
#include "tools/analysis_spec.h"

#include <cmath>
#include <sstream>

namespace circatlas::tools {

namespace {

/// Shortest text that reads back as the number: 1.3 → "1.3", 5 → "5", 0.3 → "0.3".
std::string number(double v) {
  std::ostringstream out;
  out.precision(15);
  out << v;
  return out.str();
}

}  // namespace

std::string defaultText(const ParameterSpec& p) {
  switch (p.unit) {
    case ParameterUnit::Meters:
      if (p.number >= 1000.0 && std::fmod(p.number, 1000.0) == 0.0) return number(p.number / 1000.0) + "km";
      return number(p.number) + "m";
    case ParameterUnit::Factor:
    case ParameterUnit::Count:
      return number(p.number);
    case ParameterUnit::Flag:
      return p.number == 1.0 ? "on" : "off";
    case ParameterUnit::Text:
      return std::string(p.text);
  }
  return {};
}

std::string helpText(const ParameterSpec& p) {
  std::string out(p.help);
  if (p.unit == ParameterUnit::Meters) out += " with unit (e.g. " + defaultText(p) + ")";
  return out;
}

std::vector<std::string> fieldNames(const ResultSpec& result) {
  std::vector<std::string> out;
  std::istringstream in{std::string(result.fields)};
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

std::string withMaterial(std::string_view text, std::string_view material) {
  std::string out(text);
  constexpr std::string_view token = "{material}";
  if (const auto at = out.find(token); at != std::string::npos) out.replace(at, token.size(), material);
  return out;
}

std::string resultId(const ResultSpec& result, std::string_view material) { return withMaterial(result.id, material); }

}  // namespace circatlas::tools
