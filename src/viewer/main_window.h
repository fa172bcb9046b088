// MainWindow: creates the canvas, panels, menus and status bar and wires them together — nothing more.
#pragma once

#include <QMainWindow>

#include <memory>
#include <vector>

#include "viewer/project.h"

#include "core/data_paths.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace circatlas::catalogue {
struct RegistrySource;
}

namespace circatlas::atlas {
class AtlasData;
}

namespace circatlas::viewer {

class AllocationPanel;
class AttributeTablePanel;
class ClusterPanel;
class FigureExportDialog;
class IdentifyPanel;
class LanguageManager;
class LayerExport;
class LayerPanel;
class LegendPanel;
class LayerStack;
class MapCanvas;
class MeasurePanel;
class MeasureTool;
class PartnersPanel;
class SearchBox;
struct AnalysisInputs;

class WorkerRun;
struct ViewFigure;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  /// Reads the built-in atlas, catalogue, styles and presets from `paths`.
  explicit MainWindow(core::DataPaths paths, QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads the built-in atlas (layers/atlas.json) and the catalogue for the analysis panels;
  /// on failure shows a message box naming the file and layer and returns false.
  bool loadBuiltinAtlas();
  /// Makes the registry at `path` (a catalogue folder, or a single CSV/XLSX/GPKG/… file of
  /// enterprises; `layer` picks a sheet or layer) the analysis registry of every analysis dock,
  /// through tools::loadCatalogue, and shows its enterprises as the layer 'registry_enterprises'.
  /// The file is read with the column mapping remembered for it (registrySourceFor), if any.
  /// An empty path goes back to the built-in catalogue. On failure a message box naming file,
  /// layer and field, the current registry stays, and false.
  bool openRegistry(const QString& path, const QString& layer = {});
  /// The same, read in a worker thread while the window stays drawn and usable: a progress bar
  /// with Cancel in the status bar; the docks switch when it has been read (a failure: a message
  /// box, the current registry stays; Cancel: the current registry stays). False while a registry
  /// is being read.
  /// `path` and `layer` are read with the column mapping remembered for the file, if any.
  bool openRegistryInBackground(const QString& path, const QString& layer = {});
  /// The same for a source with its column mapping and coordinate system (RegistryMappingDialog).
  bool openRegistryInBackground(const catalogue::RegistrySource& source);
  /// Shows the column-mapping dialog for the registry file at `path` (a folder: none) and opens it
  /// in the background as chosen. False when cancelled, unreadable, or a registry is being read.
  bool askAndOpenRegistry(const QString& path);
  /// True while openRegistryInBackground reads.
  [[nodiscard]] bool isReadingRegistry() const;
  /// The status bar's progress of the registry being read.
  [[nodiscard]] WorkerRun* registryProgress() const noexcept { return registryLoad_; }
  /// The registry every analysis dock runs on now.
  [[nodiscard]] const std::shared_ptr<const AnalysisInputs>& analysisInputs() const noexcept { return inputs_; }
  /// The registry's name as the docks and status bar show it ("built-in catalogue" or the file).
  [[nodiscard]] QString registryName() const;
  [[nodiscard]] QLabel* registryLabel() const noexcept { return registry_; }
  /// Adds a layer from any file GDAL opens (its only layer or `layer`); on failure a message box, false.
  bool openFile(const QString& path, const QString& layer = {});

  /// The session as a project: registry, layers (files, order, visibility, labels, opacity,
  /// style), view, language and the analysis docks' parameters.
  [[nodiscard]] Project currentProject() const;
  /// Writes the project file (paths relative to its folder) and remembers it among the recent
  /// projects; on failure a message box, false.
  bool saveProject(const QString& path);
  /// Opens a project file: the registry, the planner's files, order and looks of every layer,
  /// the view and the analyses (rerun from their parameters). On failure a message box, false.
  bool openProject(const QString& path);
  /// Applies a project to this window (see openProject). Layers it names that do not exist yet
  /// (analysis results) take their looks when they appear. Returns the problems met, one per line
  /// (a file that cannot be read, a style that does not fit), each already shown to the planner.
  QStringList applyProject(const Project& project);
  /// The project file last saved or opened, or empty.
  [[nodiscard]] const QString& projectPath() const noexcept { return projectPath_; }
  /// Reopens the last session (kept in the settings when the window closes); false if none.
  bool restoreSession();
  /// The recent projects, newest first (at most 8).
  [[nodiscard]] static QStringList recentProjects();
  /// Writes the current view as a figure page (title, legend of the visible layers, scale bar,
  /// north arrow, locator, credits; the layout of the figure presets) to PNG, PDF or SVG (by
  /// extension). An existing file is replaced only when the planner says so (asked here unless
  /// `confirmed`: a save dialog asked already). On failure a message box, nothing written, false.
  bool exportView(const QString& path, bool confirmed = false);
  /// What exportView draws: the visible layers, the view, a title (the project's name, else "Map
  /// view" in the map's language), the layers' credits and the atlas's locator (which the window holds).
  [[nodiscard]] ViewFigure viewFigure() const;
  /// Starts writing every layer and result to a GeoPackage in a worker thread; the outcome is
  /// shown in the status bar or a message box. False if an export is already running.
  bool exportLayers(const QString& path);
  [[nodiscard]] LayerExport& layerExport() const noexcept { return *layerExport_; }

  [[nodiscard]] LayerStack& layers() const noexcept { return *layers_; }
  [[nodiscard]] MapCanvas* canvas() const noexcept { return canvas_; }
  [[nodiscard]] LegendPanel* legendPanel() const noexcept { return legend_; }
  [[nodiscard]] IdentifyPanel* identifyPanel() const noexcept { return identify_; }
  [[nodiscard]] AttributeTablePanel* tablePanel() const noexcept { return table_; }
  [[nodiscard]] ClusterPanel* clusterPanel() const noexcept { return cluster_; }
  [[nodiscard]] PartnersPanel* partnersPanel() const noexcept { return partners_; }
  [[nodiscard]] AllocationPanel* allocationPanel() const noexcept { return allocation_; }
  [[nodiscard]] MeasureTool* measureTool() const noexcept { return measure_; }
  [[nodiscard]] MeasurePanel* measurePanel() const noexcept { return measurePanel_; }
  /// Checkable: while on, clicks on the map measure instead of identifying.
  [[nodiscard]] QAction* measureAction() const noexcept { return measureAction_; }
  [[nodiscard]] SearchBox* searchBox() const noexcept { return search_; }
  [[nodiscard]] LanguageManager& languageManager() const noexcept { return *language_; }
  [[nodiscard]] QMenu* fileMenu() const noexcept { return fileMenu_; }
  [[nodiscard]] LayerPanel* layerPanel() const noexcept { return layerPanel_; }
  /// Identifies at a map point (display CRS) as a click with `modifiers` does: lists the
  /// features under it and updates the selection (identify.h: pickForSelection, clickSelection).
  void identifyAt(double x, double y, double tolerance, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

  /// The docks as a new planner first sees them: one column of tabs at the left (Layers | Legend
  /// above; Identify, Clusters, Partners, Allocation, Measure below), the attribute table and
  /// Measure closed, so the map takes most of the window. View > Reset the panel layout.
  void applyDefaultLayout();
  /// Whole titles on the tabs of the dock groups (scroll buttons when they do not fit).
  void fitDockTabs();
  /// Version of the saved dock state (QSettings window/state); a state saved by a viewer with
  /// another dock set is ignored and the default layout used.
  static constexpr int kLayoutVersion = 2;

  /// Opens the dialog that exports a figure preset (layers/figures/) of the province or a
  /// prefecture, and returns it (it deletes itself when closed); nullptr without the atlas.
  FigureExportDialog* exportFigureDialog();

  /// Selects the feature and zooms to it (points: a 40 km wide view around it).
  void showFeature(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createMenus();
  QDockWidget* addDock(QWidget* panel, const QString& objectName, Qt::DockWidgetArea area, bool scroll = false,
                       bool registryHeader = false);
  void createAnalysisPanels();
  void createMeasureTool();
  void zoomToLayer(const QString& layerId);
  void zoomToSelection();
  void showTooltip(double x, double y, double tolerance, QPoint global);
  void openFileDialog();
  void openRegistryDialog();
  void openProjectDialog();
  void saveProjectDialog(bool askPath);
  void rememberRecent(const QString& path);
  void fillRecentMenu();
  void applyPendingLayers();
  void showRegistry();
  void useRegistry(const std::shared_ptr<const AnalysisInputs>& inputs, const QString& path);
  void exportViewDialog();
  void exportLayersDialog();
  void applyLanguage();
  void retranslateUi();
  void updateScale();

  core::DataPaths paths_;  ///< first: the panels built in the constructor read it
  LayerStack* layers_;
  LanguageManager* language_;
  LayerExport* layerExport_;
  MapCanvas* canvas_;
  LayerPanel* layerPanel_;
  LegendPanel* legend_;
  IdentifyPanel* identify_;
  AttributeTablePanel* table_;
  SearchBox* search_;
  ClusterPanel* cluster_ = nullptr;
  PartnersPanel* partners_ = nullptr;
  AllocationPanel* allocation_ = nullptr;
  MeasureTool* measure_ = nullptr;
  MeasurePanel* measurePanel_ = nullptr;
  std::shared_ptr<const AnalysisInputs> inputs_;
  WorkerRun* registryLoad_ = nullptr;
  /// Counts registry openings: a background read overtaken by another opening is dropped.
  int registryGeneration_ = 0;

  QDockWidget* layerDock_ = nullptr;
  QDockWidget* legendDock_ = nullptr;
  QDockWidget* identifyDock_ = nullptr;
  QDockWidget* tableDock_ = nullptr;
  QDockWidget* clusterDock_ = nullptr;
  QDockWidget* partnersDock_ = nullptr;
  QDockWidget* allocationDock_ = nullptr;
  QDockWidget* measureDock_ = nullptr;
  QMenu* fileMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QMenu* languageMenu_ = nullptr;
  QAction* openAction_ = nullptr;
  QAction* openRegistryAction_ = nullptr;
  QAction* openProjectAction_ = nullptr;
  QAction* saveProjectAction_ = nullptr;
  QAction* saveProjectAsAction_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QString projectPath_;
  /// Layer looks from a project, for layers not there yet (applied when they appear).
  std::vector<ProjectLayer> pendingLayers_;
  QAction* builtinRegistryAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  QAction* exportLayersAction_ = nullptr;
  QAction* exportFigureAction_ = nullptr;
  /// The built-in atlas as loaded, for figure presets (shared with their worker threads).
  std::shared_ptr<const atlas::AtlasData> atlas_;
  QAction* quitAction_ = nullptr;
  QAction* fullExtentAction_ = nullptr;
  QAction* zoomInAction_ = nullptr;
  QAction* zoomOutAction_ = nullptr;
  QAction* zoomSelectionAction_ = nullptr;
  QAction* resetLayoutAction_ = nullptr;
  QAction* clearSelectionAction_ = nullptr;
  QAction* copyTableAction_ = nullptr;
  QAction* zhAction_ = nullptr;
  QAction* enAction_ = nullptr;
  QAction* measureAction_ = nullptr;
  QLabel* registry_;
  /// The "Registry: …" line at the top of each analysis dock.
  std::vector<QLabel*> registryHeaders_;
  QLabel* coordinates_;
  QLabel* scale_;
  QLabel* renderTime_;
};

}  // namespace circatlas::viewer
