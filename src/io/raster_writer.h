// Writes a single-band grid of doubles as a GeoTIFF through GDAL, atomically.
#pragma once

#include <span>
#include <string>

namespace circatlas::io {

/// A north-up grid: (west, north) is the outer corner of the first cell; values row-major.
struct RasterView {
  double west = 0.0;
  double north = 0.0;
  double cellSize = 0.0;
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::span<const double> values;
  std::string crs;          ///< definition PROJ/GDAL understand (e.g. the analysis CRS)
  std::string description;  ///< band description: what the values are and in which unit
};

/// Writes a compressed (DEFLATE) Float64 GeoTIFF, replacing the target only when complete.
/// Throws core::ParameterError for an empty or inconsistent grid, core::CrsError for a CRS
/// GDAL does not understand, core::IoError (with GDAL's message) when writing fails.
void writeGeoTiff(const RasterView& raster, const std::string& path);

}  // namespace circatlas::io
