// A parsed JSON definition file that remembers where every key is, so errors name file:line:column.
// Private to src/definitions: only the definition parsers include it (it pulls in nlohmann/json).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/style.h"

namespace circatlas::definitions {

/// One JSON document with the line and column of every object key and array element, by JSON
/// pointer ("/classes/2/symbol/fill").
class JsonSource {
 public:
  /// Parses text; a syntax error throws core::ParameterError with file, line and column.
  /// `what` names the document in messages ("style 'parks'").
  JsonSource(std::string text, std::string fileLabel, std::string what);

  [[nodiscard]] const nlohmann::json& root() const noexcept { return root_; }
  [[nodiscard]] const std::string& what() const noexcept { return what_; }
  void setWhat(std::string what) { what_ = std::move(what); }

  /// Throws core::ParameterError "in <what> at <pointer>: <message>" with the file and the
  /// position of the pointer's key.
  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const;

 private:
  std::string text_;
  std::string file_;
  std::string what_;
  nlohmann::json root_;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> positions_;
};

/// Reads one JSON object of a JsonSource: typed getters for known keys; finish() rejects any key
/// that was not asked for, so typos never pass silently.
class JsonObject {
 public:
  JsonObject(const JsonSource& source, const nlohmann::json& value, std::string pointer);

  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] const nlohmann::json* get(std::string_view key);
  [[nodiscard]] const nlohmann::json& require(std::string_view key);

  [[nodiscard]] std::string string(std::string_view key);
  [[nodiscard]] std::string string(std::string_view key, std::string fallback);
  [[nodiscard]] double number(std::string_view key);
  [[nodiscard]] double number(std::string_view key, double fallback, double min, double max);
  [[nodiscard]] bool boolean(std::string_view key, bool fallback);
  /// A string that must be one of choices; returns its index.
  [[nodiscard]] std::size_t choice(std::string_view key, std::initializer_list<std::string_view> choices,
                                   std::size_t fallback);
  /// "text" (both languages) or {"zh": …, "en": …}.
  [[nodiscard]] render::LocalizedText text(std::string_view key);
  /// "#rrggbb", "#rrggbbaa" or "none" (nullopt).
  [[nodiscard]] std::optional<render::Color> color(std::string_view key);
  [[nodiscard]] std::vector<std::string> strings(std::string_view key);
  [[nodiscard]] std::vector<double> numbers(std::string_view key);
  [[nodiscard]] JsonObject object(std::string_view key);
  /// Elements of an array-valued key (each with its pointer).
  [[nodiscard]] std::vector<std::pair<const nlohmann::json*, std::string>> array(std::string_view key);

  [[nodiscard]] std::string pointerOf(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  /// Throws for the first key that no getter asked for, listing the keys that are known.
  void finish() const;

 private:
  const JsonSource& source_;
  const nlohmann::json& value_;
  std::string pointer_;
  std::vector<std::string> known_;
};

/// The longest title or label a definition may give (JsonObject::text): 4 KiB.
inline constexpr std::size_t kMaxTextBytes = 4096;
/// The largest definition file readTextFile reads: 4 MiB (the built-in ones are a few KiB).
inline constexpr std::size_t kMaxDefinitionBytes = 4U << 20U;

/// Reads a whole file; core::ParameterError naming it when it is larger than kMaxDefinitionBytes,
/// core::IoError when it cannot be read.
[[nodiscard]] std::string readTextFile(const std::string& path);

}  // namespace circatlas::definitions
