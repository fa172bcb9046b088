// Matching registry industry text to GB/T 4754-2017 classes.
#include "catalogue/industry_classes.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"

namespace circatlas::catalogue {

namespace {

bool isDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// The first run of digits in the text that is a whole number (not part of a longer one), with its
// length, or an empty view.
std::string_view leadingNumber(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i]))) {
    // Only a section letter or spaces may come before the code: "C3011", "3011 水泥制造".
    if (!(std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == ' ') || i > 1) return {};
    ++i;
  }
  std::size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  return s.substr(i, j - i);
}

}  // namespace

IndustryClasses::IndustryClasses(const core::TextTable& table) {
  const auto code = table.column("code");
  const auto name = table.column("name_zh");
  if (!code || !name) {
    core::InputError e(std::string("the industry class table lacks the column ") + (code ? "name_zh" : "code"));
    e.setFile(table.source);
    throw e;
  }
  for (const auto& row : table.rows) {
    const auto& c = row.cells[*code];
    const auto& n = row.cells[*name];
    if (!c || c->size() != 4 || !isDigits(*c) || !n) {
      core::InputError e("expected a 4-digit class code and a name");
      e.setFile(table.source).setLine(row.line);
      throw e;
    }
    classes_.push_back({std::string(*c), std::string(*n)});
  }
  std::sort(classes_.begin(), classes_.end(), [](const Class& a, const Class& b) { return a.code < b.code; });
}

const IndustryClasses::Class* IndustryClasses::byCode(std::string_view code) const {
  const auto it = std::lower_bound(classes_.begin(), classes_.end(), code,
                                   [](const Class& c, std::string_view k) { return c.code < k; });
  return it != classes_.end() && it->code == code ? &*it : nullptr;
}

IndustryMatch IndustryClasses::match(std::string_view raw) const {
  IndustryMatch m;
  m.text = trim(raw);
  const std::string_view text = m.text;
  auto found = [&](const Class& c, std::string how) {
    m.code = c.code;
    m.className = c.name;
    m.how = std::move(how);
    return m;
  };
  if (const auto number = leadingNumber(text); !number.empty()) {
    if (number.size() == 4) {
      if (const Class* c = byCode(number)) return found(*c, "class code in the text");
    } else if (number.size() == 3) {
      if (const Class* c = byCode("0" + std::string(number))) {
        return found(*c, "class code with its leading zero restored");
      }
    }
    m.how = "'" + std::string(number) + "' is not a GB/T 4754-2017 class code";
    return m;
  }
  if (text.empty()) {
    m.how = "empty";
    return m;
  }
  for (const auto& c : classes_) {
    if (c.name == text) return found(c, "exact class name");
  }
  // The longest class name inside the text: "燃煤火力发电厂" holds 火力发电. Names of two characters
  // or fewer (one CJK character is three bytes) are too short to trust inside longer text.
  const Class* longest = nullptr;
  for (const auto& c : classes_) {
    if (c.name.size() > 6 && text.find(c.name) != std::string_view::npos &&
        (!longest || c.name.size() > longest->name.size())) {
      longest = &c;
    }
  }
  if (longest) return found(*longest, "the text contains the class name");
  // The shortest class name that starts with the text: "水泥" → 水泥制造 (not 水泥制品制造).
  std::vector<const Class*> starts;
  for (const auto& c : classes_) {
    if (text.size() >= 6 && c.name.rfind(text, 0) == 0) starts.push_back(&c);
  }
  std::sort(starts.begin(), starts.end(),
            [](const Class* a, const Class* b) { return a->name.size() < b->name.size(); });
  if (starts.size() == 1 || (starts.size() > 1 && starts[0]->name.size() < starts[1]->name.size())) {
    return found(*starts[0], "the shortest class name starting with the text");
  }
  if (starts.size() > 1) {
    m.how = "fits several classes equally:";
    for (std::size_t i = 0; i < starts.size() && i < 4; ++i) m.how += " " + starts[i]->code + " " + starts[i]->name;
    return m;
  }
  m.how = "no class matches";
  return m;
}

}  // namespace circatlas::catalogue
