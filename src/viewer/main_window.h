// MainWindow: creates the canvas, panels, menus and status bar and wires them together — nothing more.
#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace circatlas::render {
class AtlasData;
}

namespace circatlas::viewer {

class AllocationPanel;
class AttributeTablePanel;
class ClusterPanel;
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

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads the built-in atlas (layers/atlas.json) and the catalogue for the analysis panels;
  /// on failure shows a message box naming the file and layer and returns false.
  bool loadBuiltinAtlas();
  /// Adds a layer from any file GDAL opens; on failure a message box, false.
  bool openFile(const QString& path);
  /// Writes the current view to PNG, PDF or SVG (by extension); on failure a message box, false.
  bool exportView(const QString& path);
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

  /// Opens the dialog that exports a figure preset (layers/figures/) of the province or a prefecture.
  void exportFigureDialog();

  /// Selects the feature and zooms to it (points: a 40 km wide view around it).
  void showFeature(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createMenus();
  QDockWidget* addDock(QWidget* panel, const QString& objectName, Qt::DockWidgetArea area);
  void createAnalysisPanels();
  void createMeasureTool();
  void identifyAt(double x, double y, double tolerance);
  void zoomToLayer(const QString& layerId);
  void zoomToSelection();
  void showTooltip(double x, double y, double tolerance, QPoint global);
  void openFileDialog();
  void exportViewDialog();
  void exportLayersDialog();
  void applyLanguage();
  void retranslateUi();
  void updateScale();

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
  QAction* exportAction_ = nullptr;
  QAction* exportLayersAction_ = nullptr;
  QAction* exportFigureAction_ = nullptr;
  /// The built-in atlas as loaded, for figure presets (shared with their worker threads).
  std::shared_ptr<const render::AtlasData> atlas_;
  QAction* quitAction_ = nullptr;
  QAction* fullExtentAction_ = nullptr;
  QAction* zoomInAction_ = nullptr;
  QAction* zoomOutAction_ = nullptr;
  QAction* zoomSelectionAction_ = nullptr;
  QAction* copyTableAction_ = nullptr;
  QAction* zhAction_ = nullptr;
  QAction* enAction_ = nullptr;
  QAction* measureAction_ = nullptr;
  QLabel* coordinates_;
  QLabel* scale_;
  QLabel* renderTime_;
};

}  // namespace circatlas::viewer
