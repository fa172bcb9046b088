// JSON definition files with positions: a small scanner maps JSON pointers to line:column.
#include "definitions/json_source.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/error.h"

namespace circatlas::definitions {

namespace {

using Positions = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;

std::pair<std::int64_t, std::int64_t> lineColumn(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  std::int64_t line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  // columns count characters, not bytes: skip UTF-8 continuation bytes
  std::int64_t column = 1;
  for (std::size_t i = lineStart; i < byte; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::string escapePointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Definition files nest a few levels; a limit keeps the scan's recursion and its pointers small.
constexpr int kMaxDepth = 64;

// Walks text that nlohmann already accepted, recording where each key and element starts.
// Positions are found by a cursor that only moves forward, so the scan stays linear in the text.
class PositionScanner {
 public:
  PositionScanner(std::string_view text, Positions& out) : text_(text), out_(out) {}
  /// Returns the byte offset of a value nested deeper than kMaxDepth, if any.
  std::optional<std::size_t> scan() {
    skipSpace();
    value("", 0);
    return tooDeep_;
  }

 private:
  // Line and column (in characters) of a byte at or after the previous one asked for.
  std::pair<std::int64_t, std::int64_t> positionOf(std::size_t byte) {
    byte = std::min(byte, text_.size());
    for (; cursor_ < byte; ++cursor_) {
      if (text_[cursor_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[cursor_]) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return {line_, column_};
  }
  void skipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  std::string stringToken() {
    std::string s;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        s += text_[pos_ + 1];  // escapes in keys are rare; keep the escaped character
        pos_ += 2;
        continue;
      }
      s += text_[pos_++];
    }
    ++pos_;  // closing quote
    return s;
  }
  void value(const std::string& pointer, int depth) {
    skipSpace();
    if (pos_ >= text_.size() || tooDeep_) return;
    const char c = text_[pos_];
    if ((c == '{' || c == '[') && depth >= kMaxDepth) {
      tooDeep_ = pos_;
      return;
    }
    if (c == '{') {
      ++pos_;
      skipSpace();
      while (pos_ < text_.size() && text_[pos_] != '}') {
        const std::size_t keyPos = pos_;
        const std::string child = pointer + "/" + escapePointer(stringToken());
        out_[child] = positionOf(keyPos);
        skipSpace();
        ++pos_;  // ':'
        value(child, depth + 1);
        if (tooDeep_) return;  // the rest is not scanned: the document is refused
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skipSpace();
      }
      ++pos_;
    } else if (c == '[') {
      ++pos_;
      skipSpace();
      std::size_t index = 0;
      while (pos_ < text_.size() && text_[pos_] != ']') {
        const std::string child = pointer + "/" + std::to_string(index++);
        out_[child] = positionOf(pos_);
        value(child, depth + 1);
        if (tooDeep_) return;  // the rest is not scanned: the document is refused
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skipSpace();
      }
      ++pos_;
    } else if (c == '"') {
      stringToken();
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
        ++pos_;
    }
  }

  std::string_view text_;
  Positions& out_;
  std::size_t pos_ = 0;
  std::size_t cursor_ = 0;
  std::int64_t line_ = 1;
  std::int64_t column_ = 1;
  std::optional<std::size_t> tooDeep_;
};

std::string describe(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

}  // namespace

JsonSource::JsonSource(std::string text, std::string fileLabel, std::string what)
    : text_(std::move(text)), file_(std::move(fileLabel)), what_(std::move(what)) {
  try {
    root_ = nlohmann::json::parse(text_);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the byte just after the offending token; point at that token's byte
    const auto [line, column] = lineColumn(text_, e.byte == 0 ? 0 : e.byte - 1);
    std::string msg = e.what();
    if (const auto p = msg.find("syntax error"); p != std::string::npos) msg = msg.substr(p);
    core::ParameterError error("in " + what_ + ": invalid JSON: " + msg);
    error.setFile(file_).setLine(line, column);
    throw error;
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but still unparseable: a number beyond double ("1e999" is out_of_range
    // 406, found by figure_preset_fuzz). The message quotes the token; point at its first use.
    std::string msg = e.what();
    if (const auto p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
    core::ParameterError error("in " + what_ + ": invalid JSON: " + msg);
    error.setFile(file_);
    if (const auto open = msg.find('\''), close = msg.rfind('\''); open != std::string::npos && close > open + 1) {
      if (const auto at = text_.find(msg.substr(open + 1, close - open - 1)); at != std::string::npos) {
        const auto [line, column] = lineColumn(text_, at);
        error.setLine(line, column);
      }
    }
    throw error;
  }
  if (const auto deep = PositionScanner(text_, positions_).scan()) {
    const auto [line, column] = lineColumn(text_, *deep);
    core::ParameterError error("in " + what_ + ": nested deeper than " + std::to_string(kMaxDepth) + " levels");
    error.setFile(file_).setLine(line, column);
    throw error;
  }
}

void JsonSource::fail(const std::string& pointer, const std::string& message) const {
  core::ParameterError error("in " + what_ + (pointer.empty() ? "" : " at " + pointer) + ": " + message);
  error.setFile(file_);
  // the nearest recorded ancestor when the pointer itself has no position (a missing key)
  std::string p = pointer;
  while (true) {
    if (const auto it = positions_.find(p); it != positions_.end()) {
      error.setLine(it->second.first, it->second.second);
      break;
    }
    const auto slash = p.rfind('/');
    if (slash == std::string::npos || p.empty()) break;
    p.resize(slash);
  }
  throw error;
}

JsonObject::JsonObject(const JsonSource& source, const nlohmann::json& value, std::string pointer)
    : source_(source), value_(value), pointer_(std::move(pointer)) {
  if (!value_.is_object()) source_.fail(pointer_, "expected an object, got " + describe(value_));
}

bool JsonObject::has(std::string_view key) const { return value_.contains(std::string(key)); }

std::string JsonObject::pointerOf(std::string_view key) const {
  return pointer_ + "/" + escapePointer(std::string(key));
}

void JsonObject::fail(std::string_view key, const std::string& message) const {
  source_.fail(key.empty() ? pointer_ : pointerOf(key), message);
}

const nlohmann::json* JsonObject::get(std::string_view key) {
  known_.emplace_back(key);
  const auto it = value_.find(std::string(key));
  return it == value_.end() ? nullptr : &*it;
}

const nlohmann::json& JsonObject::require(std::string_view key) {
  const auto* v = get(key);
  if (!v) source_.fail(pointer_, "missing key '" + std::string(key) + "'");
  return *v;
}

std::string JsonObject::string(std::string_view key) {
  const auto& v = require(key);
  if (!v.is_string()) fail(key, "expected a string, got " + describe(v));
  return v.get<std::string>();
}

std::string JsonObject::string(std::string_view key, std::string fallback) {
  const auto* v = get(key);
  if (!v) return fallback;
  if (!v->is_string()) fail(key, "expected a string, got " + describe(*v));
  return v->get<std::string>();
}

double JsonObject::number(std::string_view key) {
  const auto& v = require(key);
  if (!v.is_number()) fail(key, "expected a number, got " + describe(v));
  return v.get<double>();
}

double JsonObject::number(std::string_view key, double fallback, double min, double max) {
  const auto* v = get(key);
  if (!v) return fallback;
  if (!v->is_number()) fail(key, "expected a number, got " + describe(*v));
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    std::ostringstream range;
    range << "expected a number from " << min << " to " << max << ", got " << describe(*v);
    fail(key, range.str());
  }
  return d;
}

bool JsonObject::boolean(std::string_view key, bool fallback) {
  const auto* v = get(key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + describe(*v));
  return v->get<bool>();
}

std::size_t JsonObject::choice(std::string_view key, std::initializer_list<std::string_view> choices,
                               std::size_t fallback) {
  const auto* v = get(key);
  if (!v) return fallback;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  if (!v->is_string()) fail(key, "expected one of " + list + ", got " + describe(*v));
  const auto s = v->get<std::string>();
  std::size_t i = 0;
  for (auto c : choices) {
    if (c == s) return i;
    ++i;
  }
  fail(key, "unknown value '" + s + "' (expected one of " + list + ")");
}

render::LocalizedText JsonObject::text(std::string_view key) {
  const auto* v = get(key);
  if (!v) return {};
  // A title or label is drawn on one line: a longer one is a mistake, and a 100 MB one took
  // 1.6 GB to lay out and drew a black band across the figure.
  const auto checked = [](std::string_view where, const JsonObject& owner, std::string text) {
    if (text.size() > kMaxTextBytes) {
      owner.fail(where, "a text of " + std::to_string(text.size()) + " bytes; titles and labels hold at most " +
                            std::to_string(kMaxTextBytes) + " bytes");
    }
    return text;
  };
  if (v->is_string()) {
    const std::string s = checked(key, *this, v->get<std::string>());
    return {s, s};
  }
  JsonObject o(source_, *v, pointerOf(key));
  render::LocalizedText t{checked("zh", o, o.string("zh", "")), checked("en", o, o.string("en", ""))};
  o.finish();
  return t;
}

std::optional<render::Color> JsonObject::color(std::string_view key) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(key, "expected a colour \"#rrggbb\", \"#rrggbbaa\" or \"none\", got " + describe(*v));
  const auto s = v->get<std::string>();
  if (s == "none") return std::nullopt;
  const bool hex = (s.size() == 7 || s.size() == 9) && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
                     return std::isxdigit(static_cast<unsigned char>(c));
                   });
  if (!hex) fail(key, "expected a colour \"#rrggbb\", \"#rrggbbaa\" or \"none\", got \"" + s + "\"");
  auto byte = [&s](std::size_t at) { return static_cast<std::uint8_t>(std::stoi(s.substr(at, 2), nullptr, 16)); };
  return render::Color{byte(1), byte(3), byte(5), s.size() == 9 ? byte(7) : std::uint8_t{255}};
}

std::vector<std::string> JsonObject::strings(std::string_view key) {
  const auto* v = get(key);
  std::vector<std::string> out;
  if (!v) return out;
  if (!v->is_array()) fail(key, "expected an array of strings, got " + describe(*v));
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (!e.is_string()) source_.fail(pointerOf(key) + "/" + std::to_string(i), "expected a string, got " + describe(e));
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::vector<double> JsonObject::numbers(std::string_view key) {
  const auto* v = get(key);
  std::vector<double> out;
  if (!v) return out;
  if (!v->is_array()) fail(key, "expected an array of numbers, got " + describe(*v));
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (!e.is_number()) source_.fail(pointerOf(key) + "/" + std::to_string(i), "expected a number, got " + describe(e));
    out.push_back(e.get<double>());
  }
  return out;
}

JsonObject JsonObject::object(std::string_view key) { return JsonObject(source_, require(key), pointerOf(key)); }

std::vector<std::pair<const nlohmann::json*, std::string>> JsonObject::array(std::string_view key) {
  const auto* v = get(key);
  std::vector<std::pair<const nlohmann::json*, std::string>> out;
  if (!v) return out;
  if (!v->is_array()) fail(key, "expected an array, got " + describe(*v));
  for (std::size_t i = 0; i < v->size(); ++i) out.emplace_back(&(*v)[i], pointerOf(key) + "/" + std::to_string(i));
  return out;
}

void JsonObject::finish() const {
  for (auto it = value_.begin(); it != value_.end(); ++it) {
    if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
    std::vector<std::string> sorted = known_;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string list;
    for (const auto& k : sorted) list += (list.empty() ? "" : ", ") + k;
    source_.fail(pointerOf(it.key()), "unknown key '" + it.key() + "' (known keys: " + list + ")");
  }
}

std::string readTextFile(const std::string& path) {
  // Definitions are a few kilobytes; refuse a huge file before reading it into memory.
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxDefinitionBytes) {
    core::ParameterError error("a file of " + std::to_string(size) +
                               " bytes; a style, layer set or figure preset holds at most " +
                               std::to_string(kMaxDefinitionBytes) + " bytes");
    error.setFile(path);
    throw error;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::IoError(path + ": cannot open file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw core::IoError(path + ": cannot read file");
  return s.str();
}

}  // namespace circatlas::definitions
