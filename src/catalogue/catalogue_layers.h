// Turns validated catalogue tables into typed layers: points from lon/lat, numbers as numbers.
#pragma once

#include <span>
#include <vector>

#include "catalogue/validator.h"
#include "core/layer.h"

namespace circatlas::catalogue {

/// A typed layer from a table: Real/Longitude/Latitude columns become reals, Integer columns
/// integers, Flag columns booleans, everything else text; columns the schema does not know are
/// kept as text. Tables with lon/lat become Point layers in EPSG:4326 (rows whose coordinates do
/// not parse get an empty geometry: validate first). Feature ids are the source line numbers.
[[nodiscard]] core::Layer toLayer(const TableInput& input);
/// The same, taking the cells' text instead of copying it: `input` keeps its spec, source and
/// header, its rows are emptied.
[[nodiscard]] core::Layer toLayer(TableInput&& input);

/// One polygon per mining base: the convex hull of its member mines and ore districts, buffered
/// by bufferMeters in the analysis CRS, in EPSG:4326. Fields: id, name_zh, name_en, minerals,
/// residues, member_count, area_method. Bases without members get an empty geometry.
[[nodiscard]] core::Layer miningBaseAreas(const core::Layer& bases, const core::Layer& members,
                                          double bufferMeters = 10000.0);

}  // namespace circatlas::catalogue
