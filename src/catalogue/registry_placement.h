// Placing a registry row that has no coordinates: at the centre of the township its address or
// township column names (data/gazetteer/townships.csv), else at the seat of its county.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/points.h"
#include "core/text_table.h"

namespace circatlas::catalogue {

/// A county of the base map with its seat (WGS 84).
struct CountySeat {
  std::string code;
  std::string name;  ///< official name, e.g. 永登县
  std::string prefectureCode;
  core::LonLat seat;
};

/// A prefecture name for narrowing the search ("兰州市" → 620100).
struct PrefectureName {
  std::string code;
  std::string name;
};

/// Where a row was placed.
struct Placement {
  core::LonLat at;          ///< WGS 84
  std::string precision;    ///< "township_centre" or "county_seat"
  std::string description;  ///< "窑街街道 (红古区)" or "永登县 seat"
  std::string countyCode;
};

/// What a row says about its place (each may be empty).
struct PlaceText {
  std::string address;
  std::string township;
  std::string county;      ///< a name or a 6-digit code
  std::string prefecture;  ///< a name or a 6-digit code
};

class Gazetteer {
 public:
  /// `townships`: the columns name, county_code, lon, lat of data/gazetteer/townships.csv (WGS 84).
  /// Throws core::InputError naming the file and column when one is missing or a row is unreadable.
  Gazetteer(const core::TextTable& townships, std::vector<CountySeat> seats, std::vector<PrefectureName> prefectures);

  /// The township centre the text names, else the county seat; or the reason it cannot be
  /// placed ("'某路12号' names no township or county of Gansu", "新城镇 is in 5 counties; give the
  /// county"). A township name must appear whole (窑街街道, not 窑街); a county by its full name
  /// (红古区) or code.
  [[nodiscard]] std::variant<Placement, std::string> place(const PlaceText& text) const;

 private:
  struct Township {
    std::string name;
    std::string countyCode;
    core::LonLat centre;
  };
  [[nodiscard]] std::vector<std::string> countiesNamed(const PlaceText& text) const;
  [[nodiscard]] std::vector<std::string> prefecturesNamed(const PlaceText& text) const;
  [[nodiscard]] const CountySeat* county(std::string_view code) const;
  /// Townships whose name occurs whole in the text, each once, in gazetteer order.
  [[nodiscard]] std::vector<const Township*> townshipsIn(std::string_view text) const;

  std::vector<Township> townships_;
  /// Township indices by the first UTF-8 character of their name, so that a text is scanned once.
  std::unordered_map<std::string, std::vector<std::size_t>> byFirstCharacter_;
  std::vector<CountySeat> seats_;
  std::vector<PrefectureName> prefectures_;
};

}  // namespace circatlas::catalogue
