// Gansu's county and prefecture codes and polygons, for checking stated codes against locations.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/layer.h"
#include "core/points.h"

namespace circatlas::geo {
class PolygonIndex;
}

namespace circatlas::catalogue {

/// Built from the base map's `counties` layer (fields code, name_zh, prefecture_code).
class AdminAreas {
 public:
  /// Throws core::InputError naming the field if the layer lacks code, name_zh or prefecture_code.
  explicit AdminAreas(const core::Layer& counties);
  ~AdminAreas();
  AdminAreas(AdminAreas&&) noexcept;
  AdminAreas& operator=(AdminAreas&&) noexcept;

  [[nodiscard]] bool isCounty(std::string_view code) const;
  [[nodiscard]] bool isPrefecture(std::string_view code) const;
  /// The prefecture of a county code ("620102" → "620100"; Jiayuguan 620200 → itself).
  [[nodiscard]] std::optional<std::string> prefectureOf(std::string_view countyCode) const;
  [[nodiscard]] std::string countyName(std::string_view code) const;
  /// The county whose polygon covers the WGS 84 point, or nullopt outside Gansu.
  [[nodiscard]] std::optional<std::string> countyAt(core::LonLat p) const;
  /// Distance in metres (analysis CRS) from the point to the county's polygon; 0 inside it.
  /// Throws core::ParameterError for an unknown code.
  [[nodiscard]] double distanceToCountyMeters(std::string_view code, core::LonLat p) const;

 private:
  struct County {
    std::string name;
    std::string prefecture;
    core::Geometry shape;  // WGS 84
  };
  std::map<std::string, County, std::less<>> counties_;
  std::vector<std::string> codesByIndex_;
  std::unique_ptr<geo::PolygonIndex> index_;
};

}  // namespace circatlas::catalogue
