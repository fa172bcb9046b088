// Reads one vector layer of any GDAL data source into a core::Layer.
#pragma once

#include <optional>
#include <string>

#include "core/layer.h"

namespace circatlas::io {

/// Which layer of a data source to read.
struct ReadOptions {
  /// Layer name; when unset and no SQL is given, the source must have exactly one layer.
  std::optional<std::string> layer;
  /// An SQL statement in the source's dialect (e.g. "SELECT * FROM counties WHERE code LIKE '6201%'").
  std::optional<std::string> sql;
};

/// Reads every feature of the chosen layer with its geometry, attributes and CRS.
/// Geometries: Z/M dropped, curves linearised, single and multi types of one family unified to
/// the multi type when the layer mixes them. Throws core::IoError (missing or unreadable file),
/// core::InputError (unreadable format, mixed geometry families, corrupt features — naming file,
/// layer, feature and field) or core::ParameterError (unknown layer name, bad SQL).
[[nodiscard]] core::Layer readLayer(const std::string& source, const ReadOptions& options = {});

}  // namespace circatlas::io
