// Exporting a figure preset (layers/figures/) of the province or a prefecture from the viewer:
// the same page `circatlas figure` draws, with title, legend, scale bar, north arrow and locator.
#pragma once

#include <QDialog>

#include <filesystem>
#include <memory>
#include <string>

#include "atlas/atlas_data.h"
#include "core/data_paths.h"
#include "render/figure_export.h"
#include "render/style.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace circatlas::viewer {

/// What to draw: a preset name, a region ("province" or a prefecture code), a language.
struct FigureRequest {
  std::string preset;
  std::string region = "province";
  render::Language language = render::Language::Zh;
  std::filesystem::path path;
};

/// Builds and writes the figure (PNG, PDF or SVG by extension, atomically). Throws what
/// definitions::loadBuiltinPreset, buildFigure and exportFigure throw (unknown preset or region,
/// bad extension, unwritable file), each naming what was wrong.
render::FigureReport exportFigurePreset(const atlas::AtlasData& atlas, const FigureRequest& request,
                                        const core::DataPaths& paths);

/// A dialog to choose preset, region, language and file; Export writes the figure in a worker
/// thread (the window stays responsive) and closes on success, or shows the error.
class FigureExportDialog : public QDialog {
  Q_OBJECT

 public:
  /// Lists the figure presets of `paths`.
  FigureExportDialog(std::shared_ptr<const atlas::AtlasData> atlas, core::DataPaths paths, render::Language language,
                     QWidget* parent = nullptr);

  /// The choice as it stands (the path as typed).
  [[nodiscard]] FigureRequest request() const;
  [[nodiscard]] QComboBox* presetBox() const noexcept { return preset_; }
  [[nodiscard]] QComboBox* regionBox() const noexcept { return region_; }
  [[nodiscard]] QLineEdit* pathEdit() const noexcept { return path_; }
  /// Writes the figure in a worker thread; finished() tells the outcome (empty error on success).
  void startExport();

 signals:
  void finished(const QString& path, const QString& error);

 private:
  void fillRegions();
  void browse();

  std::shared_ptr<const atlas::AtlasData> atlas_;
  core::DataPaths paths_;
  QComboBox* preset_;
  QComboBox* region_;
  QComboBox* language_;
  QLineEdit* path_;
  QString confirmedPath_;  ///< the path the save dialog last confirmed (replacing it was asked)
  QLabel* status_;
  QDialogButtonBox* buttons_;
};

}  // namespace circatlas::viewer
