// Reads a data source's layer list, counts, geometry types, CRS and extents through GDAL.
#include "io/dataset_info.h"

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

}  // namespace circatlas::io
