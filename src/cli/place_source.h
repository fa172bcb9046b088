// Where routes start and end: "lon,lat", catalogue ids, seat names, or the points of a layer.
#pragma once

#include <string>
#include <vector>

#include "cli/catalogue_source.h"
#include "core/data_paths.h"
#include "tools/distances_tool.h"

namespace circatlas::cli {

/// One place from text: "103.82,36.06" (lon,lat in WGS 84), an enterprise or park id of the catalogue
/// ("E002", "P001"), or a county/prefecture seat name of the base map ("Lanzhou", "兰州市", "兰州").
/// Throws core::ParameterError naming the text and what is accepted.
/// The registry is read at the first id looked up, and once for all the places of a command.
[[nodiscard]] tools::Place resolvePlace(const std::string& text, RegistryOnDemand& registry,
                                        const core::DataPaths& paths);

/// The points of a layer: "enterprises" or "parks" of the catalogue, "seats" of the base map, or any
/// GDAL point layer (layerName picks one of several). Ids from idField, else `id` or `code`, else the
/// feature id. Throws core::InputError naming file, layer and feature for non-point or empty
/// geometries, core::CrsError for a layer without CRS.
[[nodiscard]] std::vector<tools::Place> readPlaces(const std::string& source, const std::string& layerName,
                                                   const std::string& idField, RegistryOnDemand& registry,
                                                   const core::DataPaths& paths);

}  // namespace circatlas::cli
