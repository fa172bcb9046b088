// GeoTIFF output with a temporary file beside the target and a rename on success.
#include "io/raster_writer.h"

#include <filesystem>

#include "core/error.h"
#include "core/staging_path.h"
#include "io/gdal_session.h"

namespace circatlas::io {

void writeGeoTiff(const RasterView& r, const std::string& path) {
  if (r.columns == 0 || r.rows == 0 || r.values.size() != r.columns * r.rows || !(r.cellSize > 0)) {
    throw core::ParameterError(path + ": the grid is empty or its size does not match its values");
  }
  detail::GdalErrorCapture capture;
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(r.crs.c_str()) != OGRERR_NONE) {
    throw core::CrsError(path + ": cannot express the grid's CRS for GDAL: " + r.crs);
  }
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  const std::string crsWkt = wkt ? wkt : "";
  CPLFree(wkt);

  const std::filesystem::path target(path);
  const std::filesystem::path temp = core::stagingPathBeside(target, ".tif");
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  CPLStringList options;
  options.SetNameValue("COMPRESS", "DEFLATE");
  options.SetNameValue("PREDICTOR", "3");
  options.SetNameValue("TILED", "YES");
  auto fail = [&](const std::string& what) {
    VSIUnlink(temp.string().c_str());
    throw core::IoError(path + ": " + what + capture.suffix());
  };
  {
    GDALDatasetUniquePtr ds(driver->Create(temp.string().c_str(), static_cast<int>(r.columns), static_cast<int>(r.rows),
                                           1, GDT_Float64, options.List()));
    if (!ds) fail("cannot create the GeoTIFF");
    double transform[6] = {r.west, r.cellSize, 0.0, r.north, 0.0, -r.cellSize};
    ds->SetGeoTransform(transform);
    ds->SetProjection(crsWkt.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetDescription(r.description.c_str());
    if (band->RasterIO(GF_Write, 0, 0, static_cast<int>(r.columns), static_cast<int>(r.rows),
                       const_cast<double*>(r.values.data()), static_cast<int>(r.columns), static_cast<int>(r.rows),
                       GDT_Float64, 0, 0, nullptr) != CE_None) {
      ds.reset();
      fail("cannot write the cells");
    }
  }
  if (!capture.errors().empty()) fail("cannot finish writing");
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) fail("cannot replace (" + ec.message() + ")");
}

}  // namespace circatlas::io
