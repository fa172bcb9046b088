// Reads a data source's layer list, counts, geometry types, CRS and extents through GDAL.
#include "io/dataset_info.h"

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/ogr_convert.h"

namespace circatlas::io {

DatasetInfo describeDataset(const std::string& source) {
  GDALDatasetUniquePtr ds = detail::openVector(source);
  detail::GdalErrorCapture capture;
  DatasetInfo info{source, ds->GetDriver() ? ds->GetDriver()->GetDescription() : "unknown", {}};
  for (OGRLayer* layer : ds->GetLayers()) {
    LayerInfo li;
    li.name = layer->GetName();
    try {
      const GIntBig count = layer->GetFeatureCount(TRUE);
      if (count >= 0) li.featureCount = count;
      li.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
      li.crsDefinition = detail::toCrsDefinition(layer->GetSpatialRef());
      li.crsLabel = detail::describeCrs(layer->GetSpatialRef());
      OGREnvelope env;
      if (layer->GetGeomType() != wkbNone && layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
        li.extent = core::Extent{env.MinX, env.MinY, env.MaxX, env.MaxY};
      }
      li.schema = detail::toSchema(*layer->GetLayerDefn());
    } catch (core::Error& e) {
      e.setFile(source).setLayer(li.name);
      throw;
    }
    if (!capture.errors().empty()) {
      core::InputError e("cannot be read" + capture.suffix());
      e.setFile(source).setLayer(li.name);
      throw e;
    }
    info.layers.push_back(std::move(li));
  }
  return info;
}

std::vector<std::string> datasetFiles(const std::string& source) {
  const GDALDatasetUniquePtr ds = detail::openVector(source);
  std::vector<std::string> files;
  char** list = ds->GetFileList();
  for (char** f = list; f && *f; ++f) files.emplace_back(*f);
  CSLDestroy(list);
  // Side files some drivers read without listing them: a CSV's column types (.csvt) and CRS (.prj), a
  // shapefile's code page (.cpg); and SQLite's committed changes not yet checkpointed (FILE-wal).
  for (std::size_t i = 0, n = files.size(); i < n; ++i) {
    const std::filesystem::path file(files[i]);
    for (const char* extension : {".csvt", ".prj", ".cpg"}) {
      const std::filesystem::path side = std::filesystem::path(file).replace_extension(extension);
      if (side != file && std::filesystem::exists(side)) files.push_back(side.string());
    }
    if (std::filesystem::exists(files[i] + "-wal")) files.push_back(files[i] + "-wal");
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace circatlas::io
