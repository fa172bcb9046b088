// Opening a registry file for the analyses: the column mapping asked in a dialog and remembered
// per file, and the question a dropped file raises (analysis registry or map layer).
#pragma once

#include <QString>

#include <optional>

#include "catalogue/registry_table.h"
#include "render/style.h"

class QWidget;

namespace circatlas::viewer {

/// The source for the registry at `path` (and sheet or layer `layer`): the mapping and coordinate
/// system remembered for it (QSettings, keyed by the absolute path), else just the path and layer.
[[nodiscard]] catalogue::RegistrySource registrySourceFor(const QString& path, const QString& layer = {});

/// Remembers the mapping of a single-file source (its fields as the mapping file text
/// `mappingText` --save-mapping would write, its coords and layer) for its absolute path.
void rememberRegistrySource(const catalogue::RegistrySource& source, const std::string& mappingText);

/// Whether `path` is a single-file registry whose columns are mapped in the dialog (CSV, XLSX,
/// XLS, ODS, GeoPackage, Shapefile, GeoJSON, FlatGeobuf …), not a catalogue folder or PG: source.
[[nodiscard]] bool hasColumnMapping(const QString& path);

/// The source to read for `path`: for a single-file registry, the column-mapping dialog
/// (RegistryMappingDialog, started from the remembered mapping) is shown and its choice
/// remembered; a folder is read as it is. Nothing when the planner cancels or the file cannot be
/// read (then a message box says why).
[[nodiscard]] std::optional<catalogue::RegistrySource> askRegistrySource(QWidget* parent, const QString& path,
                                                                         render::Language language);

/// What to do with a dropped file.
enum class DropUse { Registry, Layer, Nothing };

/// Whether a dropped file could be a registry as well as a layer (.xlsx, .xls, .ods, .csv, .gpkg,
/// .geojson, .shp …): then askDropUse asks.
[[nodiscard]] bool couldBeRegistry(const QString& path);

/// Asks whether the dropped file is to be the analysis registry or a layer on the map (a modal
/// question; its buttons are named "dropAsRegistry", "dropAsLayer" and "dropCancel").
[[nodiscard]] DropUse askDropUse(QWidget* parent, const QString& path);

}  // namespace circatlas::viewer
