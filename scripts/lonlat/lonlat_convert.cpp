// circatlas-lonlat: converts "lon lat" lines on stdin between WGS 84, GCJ-02 and BD-09 (stdout),
// so that the Python regeneration scripts in scripts/ use the same conversion as circatlas itself.
//
//   circatlas-lonlat --from gcj02 --to wgs84 < in.txt > out.txt
//
// Each input line holds a longitude and a latitude in degrees, separated by spaces, a tab or a
// comma; blank lines are copied as blank lines. Each output line holds the converted pair as the
// shortest decimal text that reads back to the same double, so nothing is lost between programs.
// A line that is not two finite numbers stops the program with its line number and exit code 3
// (bad input), before any further output; the caller discards what it read.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>

#include "core/error.h"
#include "core/points.h"
#include "geo/web_map_coords.h"

namespace {

constexpr int kBadInput = 3;
constexpr int kUsage = 2;

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r'; }

// Parses one number starting at `pos` (after any separators); advances `pos` past it.
bool parseNumber(std::string_view line, std::size_t& pos, double& out) {
  while (pos < line.size() && isSeparator(line[pos])) ++pos;
  const char* first = line.data() + pos;
  const char* last = line.data() + line.size();
  const auto [ptr, ec] = std::from_chars(first, last, out);
  if (ec != std::errc() || ptr == first || !std::isfinite(out)) return false;
  pos = static_cast<std::size_t>(ptr - line.data());
  return true;
}

void appendNumber(std::string& out, double v) {
  char buffer[32];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);  // shortest round-trip form
  out.append(buffer, ec == std::errc() ? ptr : buffer);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace circatlas;
  CLI::App app{"Converts 'lon lat' lines on stdin between WGS 84, GCJ-02 and BD-09 (circatlas's own formulae)",
               "circatlas-lonlat"};
  std::string fromName;
  std::string toName;
  app.add_option("--from", fromName, "system of the input: wgs84, cgcs2000, gcj02 or bd09")->required();
  app.add_option("--to", toName, "system of the output: wgs84, cgcs2000, gcj02 or bd09")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kUsage;
  }

  geo::LonLatSystem from{};
  geo::LonLatSystem to{};
  try {
    from = geo::parseLonLatSystem(fromName);
    to = geo::parseLonLatSystem(toName);
  } catch (const core::Error& e) {
    std::cerr << "circatlas-lonlat: error: " << e.what() << "\n";
    return kUsage;
  }

  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  long lineNumber = 0;
  while (std::getline(std::cin, line)) {
    ++lineNumber;
    std::size_t pos = 0;
    while (pos < line.size() && isSeparator(line[pos])) ++pos;
    if (pos == line.size()) {
      out += '\n';
      continue;
    }
    double lon = 0.0;
    double lat = 0.0;
    pos = 0;
    bool ok = parseNumber(line, pos, lon) && parseNumber(line, pos, lat);
    while (ok && pos < line.size() && isSeparator(line[pos])) ++pos;
    if (!ok || pos != line.size() || std::abs(lat) > 90.0 || std::abs(lon) > 360.0) {
      std::cerr << "circatlas-lonlat: error: stdin line " << lineNumber << ": expected 'lon lat' in degrees, got \""
                << line << "\"\n";
      return kBadInput;
    }
    const core::LonLat converted = geo::fromWgs84(geo::toWgs84({lon, lat}, from), to);
    appendNumber(out, converted.lon);
    out += ' ';
    appendNumber(out, converted.lat);
    out += '\n';
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? 0 : 4;
}
