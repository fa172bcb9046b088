// Township-centre and county-seat placement of registry rows without coordinates.
#include "catalogue/registry_placement.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.h"

namespace circatlas::catalogue {

namespace {

bool isCode(std::string_view s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool contains(std::string_view text, std::string_view part) {
  return !part.empty() && text.find(part) != std::string_view::npos;
}

double number(const core::TextTable& table, const core::TextTable::Row& row, std::size_t column) {
  const auto& cell = row.cells[column];
  double v = 0;
  if (cell) {
    const auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), v);
    if (ec == std::errc{} && end == cell->data() + cell->size() && std::isfinite(v)) return v;
  }
  core::InputError e("expected a number");
  e.setFile(table.source).setLine(row.line).setField(table.header[column]);
  throw e;
}

// Bytes of the UTF-8 character starting with this lead byte (1 for a stray continuation byte).
std::size_t characterLength(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

template <class T>
void addUnique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

Gazetteer::Gazetteer(const core::TextTable& townships, std::vector<CountySeat> seats,
                     std::vector<PrefectureName> prefectures)
    : seats_(std::move(seats)), prefectures_(std::move(prefectures)) {
  std::size_t columns[4] = {};
  const char* names[4] = {"name", "county_code", "lon", "lat"};
  for (int i = 0; i < 4; ++i) {
    const auto c = townships.column(names[i]);
    if (!c) {
      core::InputError e("the gazetteer lacks its column");
      e.setFile(townships.source).setField(names[i]);
      throw e;
    }
    columns[i] = *c;
  }
  townships_.reserve(townships.rows.size());
  for (const auto& row : townships.rows) {
    const auto& name = row.cells[columns[0]];
    const auto& county = row.cells[columns[1]];
    if (!name || !county) continue;  // the gazetteer's own check (build_townships.py) forbids this
    townships_.push_back({std::string(*name),
                          std::string(*county),
                          {number(townships, row, columns[2]), number(townships, row, columns[3])}});
    byFirstCharacter_[std::string(name->substr(0, characterLength(name->front())))].push_back(townships_.size() - 1);
  }
}

std::vector<const Gazetteer::Township*> Gazetteer::townshipsIn(std::string_view text) const {
  std::vector<const Township*> found;
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < text.size(); i += characterLength(text[i])) {
    const auto it = byFirstCharacter_.find(std::string(text.substr(i, characterLength(text[i]))));
    if (it == byFirstCharacter_.end()) continue;
    for (const std::size_t t : it->second) {
      if (text.substr(i, townships_[t].name.size()) == townships_[t].name) addUnique(indices, t);
    }
  }
  std::sort(indices.begin(), indices.end());
  found.reserve(indices.size());
  for (const std::size_t t : indices) found.push_back(&townships_[t]);
  return found;
}

const CountySeat* Gazetteer::county(std::string_view code) const {
  const auto it = std::find_if(seats_.begin(), seats_.end(), [&](const CountySeat& s) { return s.code == code; });
  return it == seats_.end() ? nullptr : &*it;
}

std::vector<std::string> Gazetteer::prefecturesNamed(const PlaceText& text) const {
  std::vector<std::string> codes;
  for (const auto& p : prefectures_) {
    if (text.prefecture == p.code ||
        (!text.prefecture.empty() && contains(p.name, text.prefecture) && text.prefecture.size() >= 6) ||
        contains(text.prefecture, p.name) || contains(text.address, p.name)) {
      addUnique(codes, p.code);
    }
  }
  return codes;
}

std::vector<std::string> Gazetteer::countiesNamed(const PlaceText& text) const {
  std::vector<std::string> codes;
  for (const auto& s : seats_) {
    if (text.county == s.code || (!text.county.empty() && text.county == s.name) || contains(text.county, s.name) ||
        contains(text.address, s.name)) {
      addUnique(codes, s.code);
    }
  }
  // "永登" for 永登县: the name without its generic, when nothing matched in full.
  if (codes.empty() && text.county.size() >= 6 && !isCode(text.county)) {
    for (const auto& s : seats_) {
      if (s.name.rfind(text.county, 0) == 0) addUnique(codes, s.code);
    }
  }
  const auto prefectures = prefecturesNamed(text);
  if (!prefectures.empty() && codes.size() > 1) {
    std::erase_if(codes, [&](const std::string& c) {
      const CountySeat* s = county(c);
      return std::find(prefectures.begin(), prefectures.end(), s->prefectureCode) == prefectures.end();
    });
  }
  return codes;
}

std::variant<Placement, std::string> Gazetteer::place(const PlaceText& text) const {
  const auto counties = countiesNamed(text);
  const auto prefectures = prefecturesNamed(text);
  std::vector<const Township*> found = townshipsIn(text.township);
  if (found.empty()) found = townshipsIn(text.address);
  auto inPlace = [&](const Township* t) {
    if (!counties.empty()) return std::find(counties.begin(), counties.end(), t->countyCode) != counties.end();
    if (prefectures.empty()) return true;
    const CountySeat* s = county(t->countyCode);
    return s && std::find(prefectures.begin(), prefectures.end(), s->prefectureCode) != prefectures.end();
  };
  std::erase_if(found, [&](const Township* t) { return !inPlace(t); });
  // An address may hold two township names ("XX镇YY村" where YY is also a township elsewhere):
  // the longest name is the township meant.
  if (found.size() > 1) {
    const std::size_t longest =
        (*std::max_element(found.begin(), found.end(), [](const Township* a, const Township* b) {
          return a->name.size() < b->name.size();
        }))->name.size();
    std::erase_if(found, [&](const Township* t) { return t->name.size() < longest; });
  }
  std::vector<std::string> townshipCounties;
  for (const Township* t : found) addUnique(townshipCounties, t->countyCode);
  if (townshipCounties.size() == 1) {
    const Township& t = *found.front();
    const CountySeat* s = county(t.countyCode);
    return Placement{t.centre, "township_centre", t.name + " (" + (s ? s->name : t.countyCode) + ")", t.countyCode};
  }
  if (townshipCounties.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < townshipCounties.size() && i < 5; ++i) {
      const CountySeat* s = county(townshipCounties[i]);
      list += (i ? ", " : "") + (s ? s->name : townshipCounties[i]);
    }
    return found.front()->name + " is in " + std::to_string(townshipCounties.size()) + " counties (" + list +
           (townshipCounties.size() > 5 ? ", …" : "") + "); give the county";
  }
  if (counties.size() == 1) {
    const CountySeat& s = *county(counties.front());
    return Placement{s.seat, "county_seat", s.name + " seat", s.code};
  }
  if (counties.size() > 1) {
    std::string list;
    for (const auto& c : counties) list += (list.empty() ? "" : ", ") + county(c)->name;
    return "the text names several counties (" + list + ")";
  }
  std::string given;
  for (const auto* part : {&text.township, &text.county, &text.address, &text.prefecture}) {
    if (!part->empty()) given += (given.empty() ? "'" : " / '") + *part + "'";
  }
  if (given.empty()) return std::string("no coordinates, address, township or county");
  return "no coordinates, and " + given + " names no township or county of the gazetteer";
}

}  // namespace circatlas::catalogue
