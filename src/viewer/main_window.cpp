// Wiring of the viewer: canvas in the centre, panels in docks, menus, status bar, settings.
#include "viewer/main_window.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolTip>

#include <cmath>

#include "atlas/atlas_data.h"
#include "core/error.h"
#include "definitions/layer_set.h"
#include "viewer/allocation_panel.h"
#include "viewer/analysis_inputs.h"
#include "viewer/attribute_table_panel.h"
#include "viewer/cluster_panel.h"
#include "viewer/figure_export_dialog.h"
#include "viewer/identify.h"
#include "viewer/identify_panel.h"
#include "viewer/language.h"
#include "viewer/layer_export.h"
#include "viewer/layer_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/legend_panel.h"
#include "viewer/map_canvas.h"
#include "viewer/measure_panel.h"
#include "viewer/measure_tool.h"
#include "viewer/output_guard.h"
#include "viewer/partners_panel.h"
#include "viewer/search_box.h"
#include "viewer/ui_support.h"
#include "viewer/view_export.h"

namespace circatlas::viewer {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      layers_(new LayerStack(this)),
      language_(new LanguageManager(this)),
      layerExport_(new LayerExport(this)),
      canvas_(new MapCanvas(*layers_, this)),
      layerPanel_(new LayerPanel(*layers_, this)),
      legend_(new LegendPanel(this)),
      identify_(new IdentifyPanel(*layers_, this)),
      table_(new AttributeTablePanel(*layers_, this)),
      search_(new SearchBox(*layers_, this)),
      coordinates_(new QLabel(this)),
      scale_(new QLabel(this)),
      renderTime_(new QLabel(this)) {
  setObjectName("mainWindow");
  setCentralWidget(canvas_);
  setAcceptDrops(true);
  layerDock_ = addDock(layerPanel_, "layersDock", Qt::LeftDockWidgetArea);
  legendDock_ = addDock(legend_, "legendDock", Qt::LeftDockWidgetArea);
  identifyDock_ = addDock(identify_, "identifyDock", Qt::RightDockWidgetArea);
  tableDock_ = addDock(table_, "tableDock", Qt::BottomDockWidgetArea);
  createMenus();
  createMeasureTool();
  statusBar()->addWidget(coordinates_, 1);
  statusBar()->addPermanentWidget(scale_);
  statusBar()->addPermanentWidget(renderTime_);

  connect(canvas_, &MapCanvas::cursorMoved, this, [this](double lon, double lat) {
    coordinates_->setText(QStringLiteral("%1°E  %2°N").arg(lon, 0, 'f', 4).arg(lat, 0, 'f', 4));
  });
  connect(canvas_, &MapCanvas::viewChanged, this, &MainWindow::updateScale);
  connect(canvas_, &MapCanvas::renderFinished, this, [this] {
    renderTime_->setText(tr("drawn in %1 ms").arg(canvas_->lastRender().milliseconds, 0, 'f', 0));
    legend_->showLegend(canvas_->lastRender());
  });
  connect(canvas_, &MapCanvas::clicked, this,
          [this](core::Coord map, double tolerance) { identifyAt(map.x, map.y, tolerance); });
  connect(canvas_, &MapCanvas::hovered, this,
          [this](core::Coord map, double tolerance, QPoint global) { showTooltip(map.x, map.y, tolerance, global); });
  connect(identify_, &IdentifyPanel::featureActivated, this, &MainWindow::showFeature);
  connect(table_, &AttributeTablePanel::zoomToFeature, this, &MainWindow::showFeature);
  connect(search_, &SearchBox::found, this, &MainWindow::showFeature);
  connect(layerPanel_, &LayerPanel::openTableRequested, this, [this](const QString& id) {
    table_->showLayer(id);
    tableDock_->show();
    tableDock_->raise();
  });
  connect(layerPanel_, &LayerPanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
  connect(language_, &LanguageManager::languageChanged, this, &MainWindow::applyLanguage);
  connect(layerExport_, &LayerExport::finished, this, [this](const QString& path, const QString& error) {
    if (error.isEmpty()) statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
    else showError(this, tr("Cannot export the layers"), error);
  });

  QSettings settings;
  resize(1400, 900);
  restoreGeometry(settings.value("window/geometry").toByteArray());
  retranslateUi();
  if (!language_->setLanguage(LanguageManager::preferredLanguage())) language_->setLanguage(QStringLiteral("en"));
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(QWidget* panel, const QString& objectName, Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(this);
  dock->setObjectName(objectName);
  dock->setWidget(panel);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::openFileDialog);
  openAction_->setShortcut(QKeySequence::Open);
  exportAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportViewDialog);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportLayersAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportLayersDialog);
  exportFigureAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportFigureDialog);
  copyTableAction_ = fileMenu_->addAction(QString(), table_, &AttributeTablePanel::copyToClipboard);
  fileMenu_->addSeparator();
  quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
  quitAction_->setShortcut(QKeySequence::Quit);

  viewMenu_ = menuBar()->addMenu(QString());
  fullExtentAction_ = viewMenu_->addAction(QString(), canvas_, &MapCanvas::zoomToFullExtent);
  fullExtentAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  zoomInAction_ = viewMenu_->addAction(
      QString(), this, [this] { canvas_->zoomAt(1.5, QPointF(canvas_->width() / 2.0, canvas_->height() / 2.0)); });
  zoomInAction_->setShortcut(QKeySequence::ZoomIn);
  zoomOutAction_ = viewMenu_->addAction(
      QString(), this, [this] { canvas_->zoomAt(1 / 1.5, QPointF(canvas_->width() / 2.0, canvas_->height() / 2.0)); });
  zoomOutAction_->setShortcut(QKeySequence::ZoomOut);
  zoomSelectionAction_ = viewMenu_->addAction(QString(), this, &MainWindow::zoomToSelection);
  viewMenu_->addSeparator();
  for (QDockWidget* dock : {layerDock_, legendDock_, identifyDock_, tableDock_})
    viewMenu_->addAction(dock->toggleViewAction());

  languageMenu_ = menuBar()->addMenu(QString());
  auto* group = new QActionGroup(this);
  zhAction_ = languageMenu_->addAction(QStringLiteral("简体中文"), this, [this] { language_->setLanguage("zh_CN"); });
  enAction_ = languageMenu_->addAction(QStringLiteral("English"), this, [this] { language_->setLanguage("en"); });
  for (QAction* a : {zhAction_, enAction_}) {
    a->setCheckable(true);
    group->addAction(a);
  }

  auto* toolbar = addToolBar(QString());
  toolbar->setObjectName("mainToolBar");
  toolbar->addAction(fullExtentAction_);
  toolbar->addSeparator();
  toolbar->addWidget(search_);
}

bool MainWindow::loadBuiltinAtlas() {
  try {
    core::NullProgress progress;
    const render::LayerSet set = render::parseLayerSetFile(render::builtinLayerSetPath());
    atlas_ = std::make_shared<const render::AtlasData>(render::AtlasData::load(set, progress));
    layers_->setAtlas(*atlas_);
    inputs_ = AnalysisInputs::loadBuiltin();
  } catch (const std::exception& e) {
    showError(this, tr("Cannot load the built-in atlas"), errorText(e));
    return false;
  }
  canvas_->zoomToFullExtent();
  createAnalysisPanels();
  restoreState(QSettings().value("window/state").toByteArray());
  return true;
}

void MainWindow::createAnalysisPanels() {
  if (cluster_ || !inputs_) return;
  try {
    cluster_ = new ClusterPanel(*layers_, inputs_, this);
    partners_ = new PartnersPanel(*layers_, inputs_, this);
    allocation_ = new AllocationPanel(*layers_, inputs_, this);
  } catch (const std::exception& e) {
    showError(this, tr("The analysis panels are unavailable"), errorText(e));
    return;
  }
  clusterDock_ = addDock(cluster_, "clusterDock", Qt::RightDockWidgetArea);
  partnersDock_ = addDock(partners_, "partnersDock", Qt::RightDockWidgetArea);
  tabifyDockWidget(clusterDock_, partnersDock_);
  tabifyDockWidget(identifyDock_, clusterDock_);
  allocationDock_ = addDock(allocation_, "allocationDock", Qt::RightDockWidgetArea);
  tabifyDockWidget(partnersDock_, allocationDock_);
  identifyDock_->raise();
  viewMenu_->addAction(clusterDock_->toggleViewAction());
  viewMenu_->addAction(partnersDock_->toggleViewAction());
  viewMenu_->addAction(allocationDock_->toggleViewAction());
  partners_->setLanguage(language_->mapLanguage());
  retranslateUi();
}

void MainWindow::createMeasureTool() {
  measure_ = new MeasureTool(this);
  measurePanel_ = new MeasurePanel(*measure_, this);
  measureDock_ = addDock(measurePanel_, "measureDock", Qt::BottomDockWidgetArea);
  measureDock_->hide();
  measureAction_ = new QAction(this);
  measureAction_->setObjectName("measureAction");
  measureAction_->setCheckable(true);
  measureAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  connect(measureAction_, &QAction::toggled, this, [this](bool on) {
    canvas_->setMapTool(on ? measure_ : nullptr);
    if (on) {
      measureDock_->show();
      measureDock_->raise();
      statusBar()->showMessage(tr("Measure: click points; double-click or Esc ends, right-click clears."), 8000);
    }
  });
  viewMenu_->addSeparator();
  viewMenu_->addAction(measureAction_);
  viewMenu_->addAction(measureDock_->toggleViewAction());
  if (auto* toolbar = findChild<QToolBar*>("mainToolBar"))
    toolbar->insertAction(toolbar->actions().value(1), measureAction_);
}

bool MainWindow::openFile(const QString& path) {
  try {
    layers_->put(readUserLayer(utf8(path)));
  } catch (const std::exception& e) {
    showError(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), errorText(e));
    return false;
  }
  QSettings().setValue("paths/last_folder", QFileInfo(path).absolutePath());
  return true;
}

bool MainWindow::exportView(const QString& path) {
  if (!acceptOutputTarget(this, path, layers_->layers(), true)) return false;
  try {
    viewer::exportView(drawItems(*layers_), canvas_->settings(), utf8(path));
  } catch (const std::exception& e) {
    showError(this, tr("Cannot export the view"), errorText(e));
    return false;
  }
  QSettings().setValue("paths/last_export_folder", QFileInfo(path).absolutePath());
  statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
  return true;
}

void MainWindow::openFileDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Add a layer"), QSettings().value("paths/last_folder").toString(),
      tr("GIS files (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.sqlite *.fgb *.osm *.pbf);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::exportViewDialog() {
  const QString path =
      askSavePath(this, tr("Export the view"), QSettings().value("paths/last_export_folder").toString(),
                  tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"), QStringLiteral("png"));
  if (!path.isEmpty()) exportView(path);
}

void MainWindow::exportFigureDialog() {
  if (!atlas_) return;
  auto* dialog = new FigureExportDialog(atlas_, language_->mapLanguage(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &FigureExportDialog::finished, this, [this](const QString& path, const QString& error) {
    if (error.isEmpty()) statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
  });
  dialog->open();
}

bool MainWindow::exportLayers(const QString& path) {
  if (!acceptOutputTarget(this, path, layers_->layers(), true)) return false;
  if (!layerExport_->start(layers_->layers(), path, language_->mapLanguage())) return false;
  QSettings().setValue("paths/last_export_folder", QFileInfo(path).absolutePath());
  statusBar()->showMessage(tr("Writing %1…").arg(path));
  return true;
}

void MainWindow::exportLayersDialog() {
  // The dialog adds .gpkg itself, so the file it asks about replacing is the file written.
  const QString path =
      askSavePath(this, tr("Export GeoPackage"), QSettings().value("paths/last_export_folder").toString(),
                  tr("GeoPackage (*.gpkg)"), QStringLiteral("gpkg"));
  if (path.isEmpty()) return;
  if (path.endsWith(".gpkg", Qt::CaseInsensitive)) {
    exportLayers(path);
  } else if (acceptOutputTarget(this, path + ".gpkg", layers_->layers(), false)) {
    exportLayers(path + ".gpkg");  // another suffix typed: the real name was not asked about yet
  }
}

void MainWindow::identifyAt(double x, double y, double tolerance) {
  const auto hits = viewer::identifyAt(*layers_, {x, y}, tolerance);
  identify_->showHits(hits);
  identifyDock_->show();
  if (hits.empty()) {
    layers_->setSelection({});
    return;
  }
  layers_->setSelection({hits.front().layerId, {hits.front().feature}});
  if (partners_ && hits.front().layerId == "enterprises") {
    const auto& l = *layers_->find("enterprises")->source;
    partners_->setEnterprise(qs(core::toString(l.value(hits.front().feature, "id"))));
  }
}

void MainWindow::showFeature(const QString& layerId, int feature) {
  const ViewerLayer* layer = layers_->find(utf8(layerId));
  if (!layer || feature < 0 || static_cast<std::size_t>(feature) >= layer->display->size()) return;
  layers_->setSelection({utf8(layerId), {static_cast<std::size_t>(feature)}});
  zoomToSelection();
}

void MainWindow::zoomToLayer(const QString& layerId) {
  if (const ViewerLayer* layer = layers_->find(utf8(layerId))) canvas_->zoomToExtent(layer->display->extent());
}

void MainWindow::zoomToSelection() {
  const Selection& selection = layers_->selection();
  const ViewerLayer* layer = layers_->find(selection.layerId);
  if (!layer) return;
  core::Extent e;
  for (std::size_t i : selection.features) {
    if (i < layer->display->size()) e.expand((*layer->display)[i].geometry.envelope());
  }
  if (e.isEmpty()) return;
  const double minHalf = 20000.0;  // m: show a point with its surroundings
  const core::Coord c = e.center();
  e.expand(core::Coord{c.x - minHalf, c.y - minHalf});
  e.expand(core::Coord{c.x + minHalf, c.y + minHalf});
  canvas_->zoomToExtent(e);
}

void MainWindow::showTooltip(double x, double y, double tolerance, QPoint global) {
  // The names of the point and line features under the cursor (areas would name a county
  // everywhere and say nothing).
  QStringList lines;
  for (const IdentifyHit& hit : viewer::identifyAt(*layers_, {x, y}, tolerance)) {
    const ViewerLayer* layer = layers_->find(hit.layerId);
    if (core::isPolygonal(layer->display->geometryType())) continue;
    const bool zh = language_->mapLanguage() == render::Language::Zh;
    lines << qs(featureName(*layer->source, hit.feature, zh)) + QStringLiteral(" — ") +
                 qs(layer->title, language_->mapLanguage());
    if (lines.size() == 8) break;
  }
  if (!lines.isEmpty()) QToolTip::showText(global, lines.join('\n'), canvas_);
}

void MainWindow::updateScale() {
  scale_->setText(QStringLiteral("1:%L1").arg(std::round(canvas_->settings().scaleDenominator()), 0, 'f', 0));
}

void MainWindow::applyLanguage() {
  const render::Language map = language_->mapLanguage();
  canvas_->setLanguage(map);
  layerPanel_->setLanguage(map);
  identify_->setLanguage(map);
  table_->setLanguage(map);
  if (partners_) partners_->setLanguage(map);
  zhAction_->setChecked(language_->language() == "zh_CN");
  enAction_->setChecked(language_->language() == "en");
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi() {
  setWindowTitle(tr("circatlas — Gansu circular-economy atlas"));
  fileMenu_->setTitle(tr("&File"));
  openAction_->setText(tr("&Add layer…"));
  exportAction_->setText(tr("&Export view (PNG, PDF, SVG)…"));
  exportLayersAction_->setText(tr("Export layers and results (GeoPackage)…"));
  exportFigureAction_->setText(tr("Export a planning figure (preset)…"));
  copyTableAction_->setText(tr("&Copy attribute table as TSV"));
  quitAction_->setText(tr("&Quit"));
  viewMenu_->setTitle(tr("&View"));
  fullExtentAction_->setText(tr("Zoom to &full extent"));
  zoomInAction_->setText(tr("Zoom &in"));
  zoomOutAction_->setText(tr("Zoom &out"));
  zoomSelectionAction_->setText(tr("Zoom to &selection"));
  languageMenu_->setTitle(tr("&Language"));
  layerDock_->setWindowTitle(tr("Layers"));
  legendDock_->setWindowTitle(tr("Legend"));
  identifyDock_->setWindowTitle(tr("Identify"));
  tableDock_->setWindowTitle(tr("Attribute table"));
  if (clusterDock_) clusterDock_->setWindowTitle(tr("Clusters"));
  if (partnersDock_) partnersDock_->setWindowTitle(tr("Partners"));
  if (allocationDock_) allocationDock_->setWindowTitle(tr("Allocation"));
  measureDock_->setWindowTitle(tr("Measure"));
  measureAction_->setText(tr("&Measure distance"));
  measureAction_->setToolTip(tr("Measure distance: geodesic and by road (Ctrl+M)"));
  coordinates_->setToolTip(tr("Cursor position (WGS 84)"));
  scale_->setToolTip(tr("Map scale at 96 dpi"));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) openFile(url.toLocalFile());
  }
  event->acceptProposedAction();
}

}  // namespace circatlas::viewer
