// The catalogue validator: per-cell checks from the table specs, then cross-table and spatial checks.
#include "catalogue/validator.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include <absl/container/flat_hash_map.h>

namespace circatlas::catalogue {

std::string format(const Problem& p) {
  std::string out = p.file;
  if (p.line > 0) out += ":" + std::to_string(p.line);
  if (!p.field.empty()) out += ":" + p.field;
  out += p.severity == Severity::Error ? ": error: " : ": warning: ";
  return out + p.message;
}

std::size_t count(std::span<const Problem> problems, Severity severity) noexcept {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.severity == severity; }));
}

namespace {

/// A point nearer than this to the stated county lies on its border (and in it): 1 m.
constexpr double kOnTheBorderKm = 0.001;

std::optional<double> parseReal(std::string_view s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> parseInteger(std::string_view s) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isIdentifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// GB/T 4754-2017 divisions (大类) run from 01 to 97; the full class list is not available offline,
// so classes are checked for form and division only.
bool validDivision(std::string_view code) {
  const int division = (code[0] - '0') * 10 + (code[1] - '0');
  return division >= 1 && division <= 97;
}

// The radius in a location_precision text such as "town point ±5 km (GeoNames …)".
std::optional<double> statedRadiusKm(std::optional<std::string_view> precision) {
  if (!precision) return std::nullopt;
  const auto pos = precision->find("±");
  if (pos == std::string_view::npos) return std::nullopt;
  auto rest = precision->substr(pos + std::string_view("±").size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  double km = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), km);
  if (ec != std::errc{}) return std::nullopt;
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.starts_with("km")) return km;
  if (rest.starts_with('m')) return km / 1000.0;
  return std::nullopt;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

constexpr std::string_view kGansu = "620000";
// Provinces within reach of Gansu's partners (GB/T 2260): Ningxia, Qinghai, Inner Mongolia, Shaanxi,
// Sichuan, Xinjiang.
const std::vector<std::string_view> kNeighbourProvinces = {"640000", "630000", "150000", "610000", "510000", "650000"};

bool isProvinceOfTheRing(std::string_view code) {
  return code == kGansu ||
         std::find(kNeighbourProvinces.begin(), kNeighbourProvinces.end(), code) != kNeighbourProvinces.end();
}

std::string joined(const std::vector<std::string_view>& values) {
  std::string out;
  for (const auto v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

std::vector<std::string_view> splitList(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto pos = s.find(';');
    auto item = s.substr(0, pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.push_back(item);
    if (pos == std::string_view::npos) break;
    s.remove_prefix(pos + 1);
  }
  return out;
}

// The columns the row rules read by name, looked up once per table rather than once per cell
// (a header search for every cell was a large share of checking a million rows).
enum class Col : std::uint8_t {
  Lon,
  Lat,
  CountyCode,
  PrefectureCode,
  ProvinceCode,
  LocationPrecision,
  Basis,
  Method,
  IndustryCode,
  Quantity,
  Year,
  StartYear,
  EndYear,
  MaterialCode,
  Unit,
  Code,
  Count
};
constexpr std::array<std::string_view, static_cast<std::size_t>(Col::Count)> kColumnNames = {
    "lon",           "lat",
    "county_code",   "prefecture_code",
    "province_code", "location_precision",
    "basis",         "method",
    "industry_code", "quantity",
    "year",          "start_year",
    "end_year",      "material_code",
    "unit",          "code"};

// A table's column indices: the named ones and those of its spec's fields, in spec order.
struct TableColumns {
  std::array<std::optional<std::size_t>, static_cast<std::size_t>(Col::Count)> named;
  std::vector<std::optional<std::size_t>> fields;

  explicit TableColumns(const TableInput& input) {
    for (std::size_t i = 0; i < named.size(); ++i) named[i] = input.table.column(kColumnNames[i]);
    for (const auto& f : input.spec->fields) fields.push_back(input.table.column(f.name));
  }
  const std::optional<std::size_t>& operator[](Col c) const { return named[static_cast<std::size_t>(c)]; }
};

class Checker {
 public:
  Checker(std::span<const TableInput> tables, const AdminAreas& admin, const ValidationOptions& options)
      : tables_(tables), admin_(admin), options_(options) {
    columns_.reserve(tables.size());
    for (const auto& t : tables) columns_.emplace_back(t);
  }

  std::vector<Problem> run() {
    for (const auto& t : tables_) collectKeys(t);
    for (const auto& t : tables_) checkTable(t);
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
      return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return std::move(problems_);
  }

 private:
  void add(Severity s, const core::TextTable& t, std::int64_t line, std::string_view field, std::string message) {
    problems_.push_back({s, t.source, line, std::string(field), std::move(message)});
  }

  void collectKeys(const TableInput& input) {
    const auto& spec = *input.spec;
    // Keys are views of the tables' cells, which outlive the checker: no copy of a million ids.
    auto& keys = keys_[std::string(spec.name)];
    if (spec.key.empty()) return;
    const auto col = input.table.column(spec.key);
    if (!col) return;
    keys.reserve(input.table.rows.size());
    for (const auto& row : input.table.rows) {
      if (!row.cells[*col]) continue;
      const std::string_view key = *row.cells[*col];
      if (const auto [it, inserted] = keys.emplace(key, row.line); !inserted) {
        add(Severity::Error, input.table, row.line, spec.key,
            "duplicate id " + quoted(key) + " (first on line " + std::to_string(it->second) + ")");
      }
    }
  }

  void checkTable(const TableInput& input) {
    const auto& spec = *input.spec;
    const auto& table = input.table;
    for (const auto& f : spec.fields) {
      if (f.required && !table.column(f.name)) {
        add(Severity::Error, table, 1, f.name, "missing required column");
      }
    }
    if (spec.name == "enterprises" && !table.column("prefecture_code")) {
      add(Severity::Error, table, 1, "prefecture_code", "missing required column (every record in Gansu needs it)");
    }
    for (const auto& name : table.header) {
      if (!spec.field(name)) add(Severity::Warning, table, 1, name, "unknown column, ignored");
    }
    for (const auto& row : table.rows) checkRow(input, row);
  }

  const TableColumns& columns(const TableInput& input) const {
    return columns_[static_cast<std::size_t>(&input - tables_.data())];
  }

  std::optional<std::string_view> cell(const TableInput& input, const core::TextTable::Row& row, Col field) const {
    const auto& col = columns(input)[field];
    if (!col || !row.cells[*col]) return std::nullopt;
    return std::string_view(*row.cells[*col]);
  }

  // The county of a point, remembered for the next question about the same point (the location
  // and the province rules both ask it of every row).
  std::optional<std::string> countyAt(core::LonLat p) {
    if (lastPoint_ && lastPoint_->lon == p.lon && lastPoint_->lat == p.lat) return lastCounty_;
    lastCounty_ = admin_.countyAt(p);
    lastPoint_ = p;
    return lastCounty_;
  }

  void checkRow(const TableInput& input, const core::TextTable::Row& row) {
    const auto& spec = *input.spec;
    const auto& table = input.table;
    const auto& fieldColumns = columns(input).fields;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      const auto& f = spec.fields[i];
      const auto& col = fieldColumns[i];
      if (!col) continue;
      const auto& value = row.cells[*col];
      if (!value) {
        if (f.required) add(Severity::Error, table, row.line, f.name, "required value is missing");
        continue;
      }
      checkCell(input, row.line, f, *value);
    }
    checkLocation(input, row);
    checkRowRules(input, row);
  }

  void checkCell(const TableInput& input, std::int64_t line, const FieldSpec& f, std::string_view v) {
    const auto& t = input.table;
    auto bad = [&](std::string message) { add(Severity::Error, t, line, f.name, std::move(message)); };
    switch (f.kind) {
      case FieldKind::Text:
        break;
      case FieldKind::Identifier:
        if (!isIdentifier(v)) bad("expected an identifier (letters, digits, _ or -), got " + quoted(v));
        break;
      case FieldKind::Integer:
        if (!parseInteger(v)) bad("expected a whole number, got " + quoted(v));
        break;
      case FieldKind::Real:
        if (const auto x = parseReal(v); !x) {
          bad("expected a number, got " + quoted(v));
        } else if (*x < 0) {
          bad("expected a number >= 0, got " + quoted(v));
        }
        break;
      case FieldKind::Flag:
        if (v != "0" && v != "1") bad("expected 0 or 1, got " + quoted(v));
        break;
      case FieldKind::Enum:
        if (std::find(f.allowed.begin(), f.allowed.end(), v) == f.allowed.end()) {
          bad("expected one of " + joined(f.allowed) + ", got " + quoted(v));
        }
        break;
      case FieldKind::Longitude:
      case FieldKind::Latitude: {
        const double limit = f.kind == FieldKind::Longitude ? 180.0 : 90.0;
        const auto x = parseReal(v);
        if (!x) {
          bad("expected a number, got " + quoted(v));
        } else if (std::abs(*x) > limit) {
          bad("out of range: " + std::string(v) + " is not a " +
              (f.kind == FieldKind::Longitude ? "longitude (-180 to 180)" : "latitude (-90 to 90)"));
        }
        break;
      }
      case FieldKind::CountyCode:
        if (!allDigits(v) || v.size() != 6) {
          bad("expected a 6-digit GB/T 2260 code, got " + quoted(v));
        } else if (!admin_.isCounty(v)) {
          bad("no Gansu county-level unit has code " + std::string(v));
        }
        break;
      case FieldKind::PrefectureCode:
        if (!allDigits(v) || v.size() != 6 || !admin_.isPrefecture(v)) {
          bad("no Gansu prefecture has code " + quoted(v));
        }
        break;
      case FieldKind::ProvinceCode:
        if (!isProvinceOfTheRing(v)) {
          bad("expected 620000 (Gansu) or a neighbouring province's GB/T 2260 code (" + joined(kNeighbourProvinces) +
              "), got " + quoted(v));
        }
        break;
      case FieldKind::Year:
        if (const auto y = parseInteger(v); !y || v.size() != 4 || *y < 1800 || *y > 2100) {
          bad("expected a 4-digit year (1800-2100), got " + quoted(v));
        }
        break;
      case FieldKind::IndustryCode:
        if (!allDigits(v) || v.size() != 4 || !validDivision(v)) {
          bad("expected a 4-digit GB/T 4754-2017 industry class, got " + quoted(v));
        }
        break;
      case FieldKind::IndustryPrefix:
        if (!allDigits(v) || v.size() < 2 || v.size() > 4 || !validDivision(v)) {
          bad("expected 2 to 4 leading digits of a GB/T 4754-2017 code, got " + quoted(v));
        }
        break;
      case FieldKind::Reference:
        checkReference(t, line, f, v);
        break;
      case FieldKind::ReferenceList:
        for (const auto item : splitList(v)) checkReference(t, line, f, item);
        break;
    }
  }

  void checkReference(const core::TextTable& t, std::int64_t line, const FieldSpec& f, std::string_view key) {
    const auto it = keys_.find(f.references);
    if (it == keys_.end()) {
      add(Severity::Error, t, line, f.name, "refers to table '" + std::string(f.references) + "', which is not loaded");
      return;
    }
    if (!it->second.contains(key)) {
      add(Severity::Error, t, line, f.name, "no " + std::string(f.references) + " row has id " + quoted(key));
    }
  }

  void checkLocation(const TableInput& input, const core::TextTable::Row& row) {
    if (!input.spec->hasPoint) return;
    const auto lonText = cell(input, row, Col::Lon);
    const auto latText = cell(input, row, Col::Lat);
    if (!lonText || !latText) return;
    const auto lon = parseReal(*lonText);
    const auto lat = parseReal(*latText);
    if (!lon || !lat) return;  // reported per cell
    const auto& t = input.table;
    // Gansu's longitudes (92–109) are not valid latitudes, so swapped columns usually fail the
    // range check too; say what the fix is.
    const bool swappedFits = std::abs(*lat) <= 180 && std::abs(*lon) <= 90 && countyAt({*lat, *lon});
    if (std::abs(*lon) > 180 || std::abs(*lat) > 90) {
      if (swappedFits) add(Severity::Error, t, row.line, "lat", "lon and lat look swapped");
      return;
    }
    if (*lon == 0.0 && *lat == 0.0) {
      // Null Island, in the Gulf of Guinea: what an empty coordinate becomes in many exports.
      add(Severity::Error, t, row.line, "lon",
          "point (0, 0) is where missing coordinates end up (the Gulf of Guinea), not a site: leave lon and lat "
          "empty when the location is not known");
      return;
    }
    const auto county = countyAt({*lon, *lat});
    if (const auto province = cell(input, row, Col::ProvinceCode); province && *province != kGansu) {
      // A partner in a neighbouring province: its point must lie outside Gansu.
      if (county) {
        add(Severity::Error, t, row.line, "province_code",
            "province " + std::string(*province) + " stated, but the point lies in Gansu, in " + *county + " " +
                admin_.countyName(*county));
      }
      return;
    }
    if (!county) {
      char where[96];
      std::snprintf(where, sizeof where, "point (%.5f, %.5f) lies outside Gansu", *lon, *lat);
      std::string message = where;
      if (swappedFits) message += "; lon and lat look swapped";
      if (!options_.reportOutsideGansu && !swappedFits) return;
      add(options_.outsideGansuIsError ? Severity::Error : Severity::Warning, t, row.line, "lon", message);
      return;
    }
    const auto stated = cell(input, row, Col::CountyCode);
    if (!stated && columns(input)[Col::CountyCode]) {
      add(Severity::Warning, t, row.line, "county_code",
          "not given; the point lies in " + *county + " " + admin_.countyName(*county));
    }
    if (stated && admin_.isCounty(*stated) && *stated != *county) {
      // A point known only to a few kilometres may fall just across the line of the county the
      // source names: within the stated radius that is a warning, beyond it an error.
      const double km = admin_.distanceToCountyMeters(*stated, {*lon, *lat}) / 1000.0;
      // On the line two counties share, the point lies in both: the stated one is right.
      if (km < kOnTheBorderKm) return;
      const auto radius = statedRadiusKm(cell(input, row, Col::LocationPrecision));
      char distance[160];
      std::snprintf(distance, sizeof distance, ", %.1f km outside it", km);
      std::string message = "stated county " + std::string(*stated) + " " + admin_.countyName(*stated) +
                            ", but the point lies in " + *county + " " + admin_.countyName(*county) + distance;
      const bool withinPrecision = radius && km <= *radius;
      if (withinPrecision) message += " (within the stated precision)";
      add(withinPrecision ? Severity::Warning : Severity::Error, t, row.line, "county_code", message);
    }
  }

  void checkRowRules(const TableInput& input, const core::TextTable::Row& row) {
    const auto& t = input.table;
    const auto county = cell(input, row, Col::CountyCode);
    const auto prefecture = cell(input, row, Col::PrefectureCode);
    if (county && prefecture && admin_.isCounty(*county)) {
      if (const auto expected = admin_.prefectureOf(*county); expected && *expected != *prefecture) {
        add(Severity::Error, t, row.line, "prefecture_code",
            "county " + std::string(*county) + " belongs to prefecture " + *expected + ", not " +
                std::string(*prefecture));
      }
    }
    if (cell(input, row, Col::Basis) == std::optional<std::string_view>("estimated") &&
        !cell(input, row, Col::Method)) {
      add(Severity::Error, t, row.line, "method", "an estimated quantity must say how it was estimated");
    }
    if (input.spec->name == "enterprises" && !cell(input, row, Col::IndustryCode) &&
        columns(input)[Col::IndustryCode]) {
      add(Severity::Warning, t, row.line, "industry_code",
          "not given: the enterprise cannot be matched as a receiver by industry");
    }
    if (input.spec->name == "enterprises") checkProvinceAndYears(input, row);
    if (input.spec->name == "flows" && cell(input, row, Col::Quantity) && !cell(input, row, Col::Year)) {
      add(Severity::Error, t, row.line, "year", "a quantity needs the year it refers to");
    }
    if (input.spec->name == "project_flows") checkUnit(input, row);
  }

  // A record in Gansu needs its prefecture; one in a neighbouring province has neither prefecture nor
  // county (they are Gansu codes). A plant cannot retire before it starts.
  void checkProvinceAndYears(const TableInput& input, const core::TextTable::Row& row) {
    const auto& t = input.table;
    const auto province = cell(input, row, Col::ProvinceCode);
    // Without a stated province, the point says where the record is: a registry abroad, or a row
    // without a usable location (reported on lon/lat), has no Gansu prefecture to give.
    bool inGansu = province ? *province == kGansu : !input.spec->hasPoint;
    if (!province && input.spec->hasPoint) {
      const auto lon = cell(input, row, Col::Lon);
      const auto lat = cell(input, row, Col::Lat);
      if (lon && lat) {
        const core::LonLat p{parseReal(*lon).value_or(NAN), parseReal(*lat).value_or(NAN)};
        inGansu = std::abs(p.lon) <= 180 && std::abs(p.lat) <= 90 && countyAt(p).has_value();
      }
    }
    if (inGansu && columns(input)[Col::PrefectureCode] && !cell(input, row, Col::PrefectureCode)) {
      add(Severity::Error, t, row.line, "prefecture_code", "required value is missing (the record is in Gansu)");
    }
    if (!inGansu && province) {
      for (const Col field : {Col::PrefectureCode, Col::CountyCode}) {
        if (cell(input, row, field)) {
          add(Severity::Error, t, row.line, kColumnNames[static_cast<std::size_t>(field)],
              "must be empty for a record outside Gansu (province_code " + std::string(*province) + ")");
        }
      }
    }
    const auto start = cell(input, row, Col::StartYear);
    const auto end = cell(input, row, Col::EndYear);
    if (start && end) {
      const auto s = parseInteger(*start);
      const auto e = parseInteger(*end);
      if (s && e && *e < *s) {
        add(Severity::Error, t, row.line, "end_year",
            "end_year " + std::string(*end) + " is before start_year " + std::string(*start));
      }
    }
  }

  void checkUnit(const TableInput& input, const core::TextTable::Row& row) {
    const auto material = cell(input, row, Col::MaterialCode);
    const auto unit = cell(input, row, Col::Unit);
    if (!material || !unit) return;
    for (const auto& t : tables_) {
      if (t.spec->name != "materials") continue;
      for (const auto& m : t.table.rows) {
        if (cell(t, m, Col::Code) == material) {
          const auto materialUnit = cell(t, m, Col::Unit);
          if (materialUnit && *materialUnit != *unit) {
            add(Severity::Error, input.table, row.line, "unit",
                std::string(*material) + " is measured in " + std::string(*materialUnit) + ", not " +
                    std::string(*unit));
          }
        }
      }
    }
  }

  std::span<const TableInput> tables_;
  const AdminAreas& admin_;
  const ValidationOptions& options_;
  std::vector<TableColumns> columns_;  // parallel to tables_
  // Each table's ids and the line each first appears on.
  std::map<std::string, absl::flat_hash_map<std::string_view, std::int64_t>, std::less<>> keys_;
  std::optional<core::LonLat> lastPoint_;
  std::optional<std::string> lastCounty_;
  std::vector<Problem> problems_;
};

}  // namespace

std::vector<Problem> validate(std::span<const TableInput> tables, const AdminAreas& admin,
                              const ValidationOptions& options) {
  return Checker(tables, admin, options).run();
}

}  // namespace circatlas::catalogue
