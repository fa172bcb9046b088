// A CRS as WKT, for writers that store the definition (QGIS projects); PROJ stays in geo/*.cpp.
#pragma once

#include <string>
#include <string_view>

namespace circatlas::geo {

/// The CRS (an EPSG code, a PROJ string or WKT) as WKT2 (2019), as QGIS and GDAL store it;
/// throws core::CrsError if PROJ does not know it. Defined in transformer.cpp.
[[nodiscard]] std::string crsWkt(std::string_view crs);

}  // namespace circatlas::geo
