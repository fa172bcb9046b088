// Header recognition, --field requests and mapping files for planners' registries.
#include "catalogue/column_mapping.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/error.h"

namespace circatlas::catalogue {

namespace {

// Headers seen in bureau sheets and GIS exports, normalised (ASCII lower case, no spaces or
// brackets). Catalogue field names themselves are recognised too.
const std::map<std::string, std::string, std::less<>>& knownHeaders() {
  static const std::map<std::string, std::string, std::less<>> headers = [] {
    std::map<std::string, std::string, std::less<>> m;
    auto add = [&](const char* field, std::initializer_list<const char*> names) {
      for (const char* n : names) m.emplace(n, field);
    };
    add("id", {"id", "企业编号", "单位编号", "编号", "企业id", "fid_id"});
    add("name_zh", {"name_zh", "名称", "企业名称", "单位名称", "企业(单位)名称", "企业单位名称", "公司名称",
                    "排污单位名称", "工厂名称", "中文名称", "设施名称"});
    add("name_en", {"name_en", "英文名称", "englishname", "name(english)"});
    add("name", {"name", "enterprise", "company", "companyname", "enterprisename", "facility", "facilityname", "plant",
                 "plantname", "firm", "firmname"});
    add("lon", {"lon", "lng", "long", "longitude", "x", "经度", "东经", "中心经度", "经度(°)", "经度坐标"});
    add("lat", {"lat", "latitude", "y", "纬度", "北纬", "中心纬度", "纬度(°)", "纬度坐标"});
    add("industry_code", {"industry_code", "行业代码", "国民经济行业代码", "行业类别代码", "行业分类代码",
                          "国民经济行业分类代码", "所属行业代码", "gb/t4754"});
    add("industry_name",
        {"行业类别", "行业名称", "所属行业", "行业", "行业分类", "国民经济行业类别", "industry", "sector"});
    add("credit_code", {"credit_code", "统一社会信用代码", "社会信用代码", "信用代码", "uscc",
                        "unifiedsocialcreditcode", "组织机构代码"});
    add("address", {"address", "地址", "详细地址", "企业地址", "单位地址", "生产地址", "注册地址", "生产经营场所地址",
                    "厂址", "所在地", "street"});
    add("county", {"county", "district", "所属区县", "区县", "县区", "所在区县", "县(区)", "区(县)", "县(市、区)",
                   "所属县区", "县"});
    add("county_code", {"county_code", "区县代码", "县区代码", "行政区划代码"});
    add("township", {"township", "town", "乡镇", "所属乡镇", "乡镇(街道)", "街道", "乡镇街道", "所在乡镇"});
    add("prefecture", {"prefecture", "city", "所属市州", "市州", "地市", "所属地市", "市(州)", "所属城市", "城市"});
    add("prefecture_code", {"prefecture_code"});
    add("generated", {"产生量", "年产生量", "固废产生量", "固体废物产生量", "一般工业固体废物产生量", "generated",
                      "generation", "quantitygenerated"});
    add("utilised", {"综合利用量", "利用量", "年综合利用量", "utilised", "utilized", "quantityutilised"});
    add("material",
        {"material", "固废名称", "废物名称", "固体废物名称", "废物种类", "固废种类", "固废类别", "废物类别"});
    add("capacity", {"capacity", "产能", "生产能力", "设计产能", "装机容量"});
    add("capacity_unit", {"capacity_unit", "产能单位"});
    add("owner", {"owner", "所属集团", "母公司", "集团"});
    add("notes", {"notes", "备注", "remark", "remarks"});
    add("location_precision", {"location_precision", "定位精度", "坐标精度"});
    add("source", {"source", "数据来源", "来源"});
    for (const char* f : {"park_id", "status", "model", "op_status", "capacity_basis", "fuel", "province_code",
                          "start_year", "end_year", "source_id"}) {
      m.emplace(f, f);
    }
    return m;
  }();
  return headers;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Splits "产生量（万吨）" into "产生量" and "万吨"; also "产生量/万吨", "产生量(t)", "产生量_万t".
std::pair<std::string, std::string> splitUnit(const std::string& s) {
  static const std::pair<const char*, const char*> brackets[] = {{"（", "）"}, {"(", ")"}, {"[", "]"}, {"【", "】"}};
  for (const auto& [open, close] : brackets) {
    if (!endsWith(s, close)) continue;
    const auto pos = s.rfind(open);
    if (pos == std::string::npos || pos == 0) continue;
    const std::size_t unitStart = pos + std::string_view(open).size();
    std::string unit = s.substr(unitStart, s.size() - std::string_view(close).size() - unitStart);
    return {s.substr(0, pos), unit};
  }
  for (const char* sep : {"/", "_", "："}) {
    const auto pos = s.rfind(sep);
    if (pos != std::string::npos && pos > 0) return {s.substr(0, pos), s.substr(pos + std::string_view(sep).size())};
  }
  return {s, ""};
}

std::string normalise(std::string_view header) {
  std::string out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(header[i]);
    if (c == ' ' || c == '\t' || c == '*' || c == '\r' || c == '\n') continue;
    if (startsWith(header.substr(i), "\xE3\x80\x80")) {  // ideographic space
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  // Full-width brackets of "企业（单位）名称" read like ASCII ones.
  for (const auto& [wide, narrow] : {std::pair<std::string_view, std::string_view>{"（", "("}, {"）", ")"}}) {
    for (auto pos = out.find(wide); pos != std::string::npos; pos = out.find(wide, pos)) {
      out.replace(pos, wide.size(), narrow);
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& registryFields() {
  static const std::vector<std::string_view> fields = [] {
    std::vector<std::string_view> v;
    for (const auto& [name, field] : knownHeaders()) {
      if (std::find(v.begin(), v.end(), field) == v.end()) v.emplace_back(field);
    }
    std::sort(v.begin(), v.end());
    return v;
  }();
  return fields;
}

std::optional<std::string> recogniseHeader(std::string_view header) {
  const std::string n = normalise(header);
  const auto& known = knownHeaders();
  if (const auto it = known.find(n); it != known.end()) return it->second;
  // A unit after the name: 产生量（万吨）, 经度(°), generated (t).
  const auto [name, unit] = splitUnit(n);
  if (!unit.empty()) {
    if (const auto it = known.find(name); it != known.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<MassUnit> headerMassUnit(std::string_view header) {
  const auto [name, unit] = splitUnit(normalise(header));
  static const std::pair<const char*, double> units[] = {
      {"万吨", 1e4},  {"万t", 1e4},     {"千吨", 1e3},  {"kt", 1e3},  {"吨", 1.0},    {"t", 1.0},    {"t/a", 1.0},
      {"吨/年", 1.0}, {"万吨/年", 1e4}, {"万t/a", 1e4}, {"kg", 1e-3}, {"千克", 1e-3}, {"公斤", 1e-3}};
  for (const auto& [u, factor] : units) {
    if (unit == u) return MassUnit{unit, factor};
  }
  return std::nullopt;
}

FieldRequest parseFieldRequest(std::string_view text, FieldOrigin origin) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
    throw core::ParameterError("--field expects FIELD=COLUMN (e.g. name=企业名称), got '" + std::string(text) + "'");
  }
  std::string field(text.substr(0, eq));
  const auto& fields = registryFields();
  if (field != kIgnoreField && std::find(fields.begin(), fields.end(), field) == fields.end()) {
    std::string known;
    for (const auto f : fields) known += (known.empty() ? "" : ", ") + std::string(f);
    throw core::ParameterError("unknown registry field '" + field + "' in '" + std::string(text) +
                               "' (known: " + known + "; " + std::string(kIgnoreField) + " keeps a column out)");
  }
  return {std::move(field), std::string(text.substr(eq + 1)), origin};
}

std::vector<FieldRequest> parseMappingFile(std::string_view text, std::string_view fileName) {
  std::vector<FieldRequest> requests;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && startsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    try {
      requests.push_back(parseFieldRequest(std::string_view(line).substr(first), FieldOrigin::MappingFile));
    } catch (const core::ParameterError& e) {
      throw core::ParameterError(std::string(fileName) + ":" + std::to_string(number) + ": " + e.detail());
    }
  }
  return requests;
}

std::string formatMappingFile(const std::vector<ColumnChoice>& choices, const std::vector<std::string>& header,
                              std::string_view sourceLabel, const std::vector<std::string>& ignoredColumns) {
  std::string out = "# circatlas registry column mapping, written for " + std::string(sourceLabel) +
                    "\n# field=column, one a line; read it back with --mapping FILE\n";
  for (const auto& c : choices) out += c.field + "=" + header[c.column] + "\n";
  for (const auto& column : ignoredColumns) out += std::string(kIgnoreField) + "=" + column + "\n";
  return out;
}

std::vector<ColumnChoice> chooseColumns(const std::vector<std::string>& header,
                                        const std::vector<FieldRequest>& requests,
                                        std::vector<std::string>* duplicates) {
  std::vector<ColumnChoice> choices;
  std::vector<bool> taken(header.size(), false);
  auto columnOf = [&](const std::string& name) -> std::size_t {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    std::string columns;
    for (const auto& h : header) columns += (columns.empty() ? "'" : ", '") + h + "'";
    throw core::ParameterError("no column '" + name + "' in the registry (its columns: " + columns + ")");
  };
  auto addChoice = [&](const std::string& field, std::size_t column, FieldOrigin origin) {
    ColumnChoice c{field, column, origin, 1.0, {}};
    if (field == "generated" || field == "utilised") {
      if (const auto unit = headerMassUnit(header[column])) {
        c.toTonnes = unit->toTonnes;
        c.unit = unit->name;
      }
    }
    choices.push_back(std::move(c));
    taken[column] = true;
  };
  // --field wins over the mapping file for the same field.
  std::vector<const FieldRequest*> ordered;
  for (const auto& r : requests) {
    if (r.origin == FieldOrigin::Option) ordered.push_back(&r);
  }
  for (const auto& r : requests) {
    if (r.origin != FieldOrigin::Option) ordered.push_back(&r);
  }
  for (const FieldRequest* r : ordered) {
    if (r->field == kIgnoreField) {
      taken[columnOf(r->column)] = true;
      continue;
    }
    const bool already =
        std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.field == r->field; });
    if (!already) addChoice(r->field, columnOf(r->column), r->origin);
  }
  // Two passes: headers that are a field's own name (lon, name_zh) before other recognised ones
  // (x, 名称), so a layer's derived lon/lat columns win over an attribute called X.
  for (const bool exactPass : {true, false}) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (taken[i]) continue;
      const auto field = recogniseHeader(header[i]);
      if (!field || (exactPass && *field != header[i])) continue;
      const bool already =
          std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.field == *field; });
      if (already) {
        if (duplicates) duplicates->push_back(header[i]);
        continue;
      }
      addChoice(*field, i, FieldOrigin::Recognised);
    }
  }
  return choices;
}

}  // namespace circatlas::catalogue
