// Code lists and point location over the county polygons.
#include "catalogue/admin_areas.h"

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"

namespace circatlas::catalogue {

AdminAreas::AdminAreas(const core::Layer& counties) {
  std::vector<core::Geometry> shapes;
  shapes.reserve(counties.size());
  for (std::size_t i = 0; i < counties.size(); ++i) {
    const auto code = core::toString(counties.value(i, "code"));
    counties_[code] = County{core::toString(counties.value(i, "name_zh")),
                             core::toString(counties.value(i, "prefecture_code")), counties[i].geometry};
    codesByIndex_.push_back(code);
    shapes.push_back(counties[i].geometry);
  }
  index_ = std::make_unique<geo::PolygonIndex>(shapes);
}

AdminAreas::~AdminAreas() = default;
AdminAreas::AdminAreas(AdminAreas&&) noexcept = default;
AdminAreas& AdminAreas::operator=(AdminAreas&&) noexcept = default;

bool AdminAreas::isCounty(std::string_view code) const { return counties_.find(code) != counties_.end(); }

bool AdminAreas::isPrefecture(std::string_view code) const {
  for (const auto& [_, county] : counties_) {
    if (county.prefecture == code) return true;
  }
  return false;
}

std::optional<std::string> AdminAreas::prefectureOf(std::string_view countyCode) const {
  const auto it = counties_.find(countyCode);
  if (it == counties_.end()) return std::nullopt;
  return it->second.prefecture;
}

std::string AdminAreas::countyName(std::string_view code) const {
  const auto it = counties_.find(code);
  return it == counties_.end() ? std::string() : it->second.name;
}

std::optional<std::string> AdminAreas::countyAt(core::LonLat p) const {
  const auto i = index_->locate({p.lon, p.lat});
  if (!i) return std::nullopt;
  return codesByIndex_[*i];
}

double AdminAreas::distanceToCountyMeters(std::string_view code, core::LonLat p) const {
  const auto it = counties_.find(code);
  if (it == counties_.end()) throw core::ParameterError("unknown county code " + std::string(code));
  const geo::Transformer toMetric(geo::kWgs84, geo::kAnalysisCrs);
  core::Geometry shape = it->second.shape;
  toMetric.forward(shape.mutableCoords());
  return geo::distance(shape, core::Geometry::point(toMetric.forward(core::Coord{p.lon, p.lat})));
}

}  // namespace circatlas::catalogue
