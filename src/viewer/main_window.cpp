// Wiring of the viewer: canvas in the centre, panels in docks, menus, status bar, settings.
#include "viewer/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCursor>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "atlas/atlas_data.h"
#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/layer_set.h"
#include "tools/catalogue_inputs.h"
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
#include "viewer/registry_opening.h"
#include "viewer/search_box.h"
#include "viewer/style_choice.h"
#include "viewer/ui_support.h"
#include "viewer/view_export.h"
#include "viewer/viewer_layer.h"
#include "viewer/worker_run.h"

namespace circatlas::viewer {

MainWindow::MainWindow(core::DataPaths paths, QWidget* parent)
    : QMainWindow(parent),
      paths_(std::move(paths)),
      layers_(new LayerStack(this)),
      language_(new LanguageManager(this)),
      layerExport_(new LayerExport(this)),
      canvas_(new MapCanvas(*layers_, this)),
      layerPanel_(new LayerPanel(*layers_, paths_, this)),
      legend_(new LegendPanel(this)),
      identify_(new IdentifyPanel(*layers_, this)),
      table_(new AttributeTablePanel(*layers_, this)),
      search_(new SearchBox(*layers_, this)),
      registry_(new QLabel(this)),
      coordinates_(new QLabel(this)),
      scale_(new QLabel(this)),
      renderTime_(new QLabel(this)) {
  setObjectName("mainWindow");
  setCentralWidget(canvas_);
  setAcceptDrops(true);
  // The map first: one dock column on the left, Layers | Legend tabbed above, Identify and the
  // analysis docks tabbed below; the attribute table opens at the bottom on demand.
  setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
  setTabPosition(Qt::LeftDockWidgetArea, QTabWidget::North);
  layerDock_ = addDock(layerPanel_, "layersDock", Qt::LeftDockWidgetArea);
  legendDock_ = addDock(legend_, "legendDock", Qt::LeftDockWidgetArea);
  identifyDock_ = addDock(identify_, "identifyDock", Qt::LeftDockWidgetArea);
  // Split before tabbing: a dock split from a tabbed one would join its tabs.
  splitDockWidget(layerDock_, identifyDock_, Qt::Vertical);
  tabifyDockWidget(layerDock_, legendDock_);
  tableDock_ = addDock(table_, "tableDock", Qt::BottomDockWidgetArea);
  tableDock_->hide();
  createMenus();
  createMeasureTool();
  registry_->setObjectName("registryLabel");
  statusBar()->addWidget(coordinates_, 1);
  registryLoad_ = new WorkerRun(this);
  registryLoad_->setObjectName("registryProgress");
  statusBar()->addPermanentWidget(registryLoad_);
  statusBar()->addPermanentWidget(registry_);
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
          [this](core::Coord map, double tolerance, Qt::KeyboardModifiers modifiers) {
            identifyAt(map.x, map.y, tolerance, modifiers);
          });
  connect(canvas_, &MapCanvas::escapePressed, this, [this] { layers_->setSelection({}); });
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
  connect(layers_, &LayerStack::structureChanged, this, &MainWindow::applyPendingLayers);
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

QDockWidget* MainWindow::addDock(QWidget* panel, const QString& objectName, Qt::DockWidgetArea area, bool scroll,
                                 bool registryHeader) {
  auto* dock = new QDockWidget(this);
  dock->setObjectName(objectName);
  QWidget* content = panel;
  if (scroll) {
    // Forms and tables scroll inside a narrow or short dock instead of overlapping or widening it.
    auto* scrollArea = new QScrollArea(dock);
    scrollArea->setObjectName(objectName + QStringLiteral("Scroll"));
    scrollArea->setWidgetResizable(true);
    scrollArea->setFrameShape(QFrame::NoFrame);
    scrollArea->setWidget(panel);
    content = scrollArea;
  }
  if (registryHeader) {
    // The registry the dock's analysis runs on, above its form (the tab titles stay short).
    auto* box = new QWidget(dock);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* header = new QLabel(box);
    header->setObjectName(objectName + QStringLiteral("Registry"));
    header->setContentsMargins(4, 2, 4, 0);
    header->setStyleSheet(QStringLiteral("font-weight: bold"));
    registryHeaders_.push_back(header);
    layout->addWidget(header);
    layout->addWidget(content, 1);
    content = box;
  }
  dock->setWidget(content);
  addDockWidget(area, dock);
  // Qt makes a tab bar per group of tabbed docks as the layout changes: fit each anew.
  connect(dock, &QDockWidget::visibilityChanged, this,
          [this] { QTimer::singleShot(0, this, &MainWindow::fitDockTabs); });
  connect(dock, &QDockWidget::topLevelChanged, this, [this] { QTimer::singleShot(0, this, &MainWindow::fitDockTabs); });
  return dock;
}

void MainWindow::fitDockTabs() {
  // Qt elides the titles of tabbed docks; in the narrow column that cut four of them. Whole titles
  // instead, with scroll buttons when they do not all fit, and each title as its tooltip.
  for (QTabBar* bar : findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly)) {
    bar->setElideMode(Qt::ElideNone);
    bar->setUsesScrollButtons(true);
    bar->setExpanding(false);
    for (int i = 0; i < bar->count(); ++i) bar->setTabToolTip(i, bar->tabText(i));
  }
}

void MainWindow::applyDefaultLayout() {
  // Every dock back in its place: the column of tabs at the left, the table and measure closed.
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    dock->setFloating(false);
    addDockWidget(dock == tableDock_ ? Qt::BottomDockWidgetArea : Qt::LeftDockWidgetArea, dock);
  }
  splitDockWidget(layerDock_, identifyDock_, Qt::Vertical);  // before tabbing (see the constructor)
  tabifyDockWidget(layerDock_, legendDock_);
  for (QDockWidget* dock : {clusterDock_, partnersDock_, allocationDock_, measureDock_}) {
    if (dock) tabifyDockWidget(identifyDock_, dock);
  }
  for (QDockWidget* dock : findChildren<QDockWidget*>()) dock->setVisible(dock != tableDock_ && dock != measureDock_);
  layerDock_->raise();
  identifyDock_->raise();
  // A fifth of the width at 1400 px (never under 240 px), split 45:55 between the two groups.
  const int column = std::max(240, width() / 5);
  resizeDocks({layerDock_}, {column}, Qt::Horizontal);
  const int h = std::max(200, height() - 120);
  resizeDocks({layerDock_, identifyDock_}, {h * 45 / 100, h * 55 / 100}, Qt::Vertical);
}

void MainWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  openProjectAction_ = fileMenu_->addAction(QString(), this, &MainWindow::openProjectDialog);
  saveProjectAction_ = fileMenu_->addAction(QString(), this, [this] { saveProjectDialog(false); });
  saveProjectAction_->setShortcut(QKeySequence::Save);
  saveProjectAsAction_ = fileMenu_->addAction(QString(), this, [this] { saveProjectDialog(true); });
  saveProjectAsAction_->setShortcut(QKeySequence::SaveAs);
  recentMenu_ = fileMenu_->addMenu(QString());
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
  fileMenu_->addSeparator();
  openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::openFileDialog);
  openAction_->setShortcut(QKeySequence::Open);
  exportAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportViewDialog);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportLayersAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportLayersDialog);
  exportFigureAction_ = fileMenu_->addAction(QString(), this, &MainWindow::exportFigureDialog);
  fileMenu_->addSeparator();
  openRegistryAction_ = fileMenu_->addAction(QString(), this, &MainWindow::openRegistryDialog);
  builtinRegistryAction_ = fileMenu_->addAction(QString(), this, [this] { openRegistryInBackground(QString()); });
  fileMenu_->addSeparator();
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
  clearSelectionAction_ = viewMenu_->addAction(QString(), this, [this] { layers_->setSelection({}); });
  clearSelectionAction_->setObjectName("clearSelectionAction");
  viewMenu_->addSeparator();
  resetLayoutAction_ = viewMenu_->addAction(QString(), this, &MainWindow::applyDefaultLayout);
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
  toolbar->addAction(clearSelectionAction_);
  toolbar->addSeparator();
  toolbar->addWidget(search_);
}

bool MainWindow::loadBuiltinAtlas() {
  try {
    core::NullProgress progress;
    const definitions::LayerSet set = definitions::loadBuiltinLayerSet(paths_);
    atlas_ = std::make_shared<const atlas::AtlasData>(atlas::AtlasData::load(set, paths_, progress));
    layers_->setAtlas(*atlas_);
    inputs_ = AnalysisInputs::loadBuiltin(paths_);
    identify_->setNames(&inputs_->catalogue, paths_);
  } catch (const std::exception& e) {
    showError(this, tr("Cannot load the built-in atlas"), errorText(e));
    return false;
  }
  createAnalysisPanels();
  if (!restoreState(QSettings().value("window/state").toByteArray(), kLayoutVersion)) applyDefaultLayout();
  canvas_->zoomToFullExtent();
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
  clusterDock_ = addDock(cluster_, "clusterDock", Qt::LeftDockWidgetArea, true, true);
  connect(cluster_, &ClusterPanel::clusterActivated, this, &MainWindow::showFeature);
  partnersDock_ = addDock(partners_, "partnersDock", Qt::LeftDockWidgetArea, true, true);
  allocationDock_ = addDock(allocation_, "allocationDock", Qt::LeftDockWidgetArea, true, true);
  for (QDockWidget* dock : {clusterDock_, partnersDock_, allocationDock_}) tabifyDockWidget(identifyDock_, dock);
  identifyDock_->raise();
  viewMenu_->addAction(clusterDock_->toggleViewAction());
  viewMenu_->addAction(partnersDock_->toggleViewAction());
  viewMenu_->addAction(allocationDock_->toggleViewAction());
  partners_->setLanguage(language_->mapLanguage());
  retranslateUi();
}

void MainWindow::createMeasureTool() {
  measure_ = new MeasureTool(paths_, this);
  // A click snaps to the nearest enterprise, seat or named place drawn on the map.
  measure_->setSnapper([this](core::Coord map, double tolerance) -> std::optional<std::pair<core::Coord, QString>> {
    const auto snapped = snapPoint(*layers_, map, tolerance, language_->language().startsWith(QStringLiteral("zh")));
    if (!snapped) return std::nullopt;
    return std::pair{snapped->map, qs(snapped->name)};
  });
  measurePanel_ = new MeasurePanel(*measure_, this);
  // Tabbed with Identify, so opening it never moves the map under the first click.
  measureDock_ = addDock(measurePanel_, "measureDock", Qt::LeftDockWidgetArea, true);
  tabifyDockWidget(identifyDock_, measureDock_);
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

bool MainWindow::openRegistry(const QString& path, const QString& layer) {
  if (!cluster_) return false;  // no analysis docks (the built-in atlas did not load)
  ++registryGeneration_;        // a registry still being read in the background is superseded
  registryLoad_->cancel();
  std::shared_ptr<const AnalysisInputs> inputs;
  {
    QApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
    statusBar()->showMessage(tr("Reading the registry %1…").arg(QFileInfo(path).fileName()));
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    try {
      tools::CatalogueRequest request;
      request.source = registrySourceFor(path, layer);  // with the mapping chosen for it last
      inputs = AnalysisInputs::load(request, paths_);
    } catch (const std::exception& e) {
      QApplication::restoreOverrideCursor();
      statusBar()->clearMessage();
      showError(this, tr("Cannot open the registry %1").arg(QFileInfo(path).fileName()), errorText(e));
      return false;
    }
    QApplication::restoreOverrideCursor();
  }
  useRegistry(inputs, path);
  return true;
}

bool MainWindow::isReadingRegistry() const { return registryLoad_ && registryLoad_->isRunning(); }

bool MainWindow::openRegistryInBackground(const QString& path, const QString& layer) {
  return openRegistryInBackground(registrySourceFor(path, layer));
}

bool MainWindow::openRegistryInBackground(const catalogue::RegistrySource& source) {
  if (!cluster_ || isReadingRegistry()) return false;
  tools::CatalogueRequest request;
  request.source = source;
  const QString path = qs(source.path);
  const QString name = path.isEmpty() ? tr("built-in catalogue") : QFileInfo(path).fileName();
  statusBar()->showMessage(tr("Reading the registry %1…").arg(name));
  return registryLoad_->start<std::shared_ptr<const AnalysisInputs>>(
      [request, paths = paths_](core::Progress& progress) { return AnalysisInputs::load(request, paths, &progress); },
      [this, path, name, generation = ++registryGeneration_](JobOutcome<std::shared_ptr<const AnalysisInputs>> o) {
        if (generation != registryGeneration_) return;  // another registry was opened meanwhile
        statusBar()->clearMessage();
        if (o.cancelled) {
          statusBar()->showMessage(
              tr("Reading the registry %1 was cancelled; the analyses stay on %2.").arg(name, registryName()), 8000);
        } else if (!o.error.isEmpty() || !o.value || !*o.value) {
          showError(this, tr("Cannot open the registry %1").arg(name), o.error);
        } else {
          useRegistry(*o.value, path);
        }
      });
}

void MainWindow::useRegistry(const std::shared_ptr<const AnalysisInputs>& inputs, const QString& path) {
  inputs_ = inputs;
  identify_->setNames(&inputs_->catalogue, paths_);
  cluster_->setInputs(inputs);
  partners_->setInputs(inputs);
  allocation_->setInputs(inputs);
  // The registry's own enterprises on the map, drawn as the built-in ones, so a click picks them.
  if (const auto i = layers_->indexOf("registry_enterprises")) layers_->remove(*i);
  if (!inputs->catalogue.builtin) {
    try {
      const ViewerLayer* builtin = layers_->find("enterprises");
      render::Style style = builtin ? *builtin->style : defaultStyleFor(core::GeometryType::Point);
      const std::string name = inputs->shortName();
      ViewerLayer v = makeViewerLayer("registry_enterprises", {"登记企业：" + name, "Registry: " + name},
                                      inputs->catalogue.enterprises, std::move(style));
      v.origin = inputs->catalogue.origin;
      layers_->put(std::move(v));
      for (const char* id : {"enterprises", "neighbour_enterprises"}) {
        if (const auto e = layers_->indexOf(id)) layers_->setVisible(*e, false);
      }
    } catch (const std::exception& e) {
      showError(this, tr("The registry's enterprises cannot be drawn"), errorText(e));
    }
  } else {
    for (const char* id : {"enterprises", "neighbour_enterprises"}) {
      if (const auto e = layers_->indexOf(id)) layers_->setVisible(*e, true);
    }
  }
  showRegistry();
  if (!path.isEmpty()) QSettings().setValue("paths/last_registry_folder", QFileInfo(path).absolutePath());
  statusBar()->showMessage(tr("Analyses now run on %1").arg(registryName()), 8000);
}

QString MainWindow::registryName() const {
  if (!inputs_ || inputs_->catalogue.builtin) return tr("built-in catalogue");
  return qs(inputs_->shortName());
}

void MainWindow::showRegistry() {
  registry_->setText(tr("Analysis registry: %1").arg(registryName()));
  registry_->setToolTip(inputs_ && !inputs_->catalogue.builtin ? qs(tools::describeOrigin(inputs_->catalogue))
                                                               : tr("The built-in Gansu catalogue (data/catalogue)"));
  for (QLabel* header : registryHeaders_) {
    header->setText(tr("Registry: %1").arg(registryName()));
    header->setToolTip(registry_->toolTip());
  }
  if (clusterDock_) clusterDock_->setWindowTitle(tr("Clusters"));
  if (partnersDock_) partnersDock_->setWindowTitle(tr("Partners"));
  if (allocationDock_) allocationDock_->setWindowTitle(tr("Allocation"));
}

Project MainWindow::currentProject() const {
  Project p;
  if (inputs_ && !inputs_->catalogue.builtin) {
    p.registry = inputs_->request.source.path;
    p.registryLayer = inputs_->request.source.layer.value_or("");
  }
  for (const ViewerLayer& v : layers_->layers()) {
    ProjectLayer l;
    l.id = v.id;
    if (!v.file.empty()) {
      l.file = v.file;
      l.layer = v.fileLayer;
    }
    l.visible = v.visible;
    l.labels = v.labels;
    l.opacity = v.opacity;
    if (v.style) l.style = v.style->name;
    l.look = v.look;
    p.layers.push_back(std::move(l));
  }
  p.view = canvas_->viewExtent();
  p.language = utf8(language_->language());
  if (cluster_) {
    const tools::ClusterParams c = cluster_->params();
    p.analyses.clusterEpsMeters = c.epsMeters;
    p.analyses.clusterMinPoints = c.minPoints;
    p.analyses.clusterDbscanStar = c.borderPointsAsNoise;
  }
  if (partners_ && partners_->lastOutcome().links) p.analyses.partnersEnterprise = utf8(partners_->enterprise());
  if (allocation_) {
    p.analyses.allocationMaterial = utf8(allocation_->material());
    p.analyses.allocationRun = allocation_->hasAllocation();
    p.analyses.whatIfProject = utf8(allocation_->project());
    p.analyses.whatIfRun = allocation_->hasWhatIf();
  }
  return p;
}

bool MainWindow::saveProject(const QString& path) {
  try {
    writeProjectFile(currentProject(), utf8(path));
  } catch (const std::exception& e) {
    showError(this, tr("Cannot save the project"), errorText(e));
    return false;
  }
  projectPath_ = path;
  rememberRecent(path);
  statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
  return true;
}

bool MainWindow::openProject(const QString& path) {
  Project project;
  try {
    project = readProjectFile(utf8(path));
  } catch (const std::exception& e) {
    showError(this, tr("Cannot open the project %1").arg(QFileInfo(path).fileName()), errorText(e));
    return false;
  }
  projectPath_ = path;
  rememberRecent(path);
  applyProject(project);
  return true;
}

QStringList MainWindow::applyProject(const Project& project) {
  QStringList problems;
  if (!project.language.empty() && qs(project.language) != language_->language())
    language_->setLanguage(qs(project.language));
  const bool builtinNow = !inputs_ || inputs_->catalogue.builtin;
  const bool sameRegistry = project.registry.empty()
                                ? builtinNow
                                : !builtinNow && inputs_->request.source.path == project.registry &&
                                      inputs_->request.source.layer.value_or("") == project.registryLayer;
  if (!sameRegistry && !openRegistry(qs(project.registry), qs(project.registryLayer)))
    problems << tr("registry %1 not opened").arg(qs(project.registry));
  // The planner's files, then every layer's place and looks.
  for (const ProjectLayer& l : project.layers) {
    if (l.file.empty() || layers_->find(l.id)) continue;
    if (!openFile(qs(l.file), qs(l.layer))) problems << tr("%1 not opened").arg(qs(l.file));
  }
  std::size_t bottom = 0;
  pendingLayers_.clear();
  for (const ProjectLayer& l : project.layers) {
    const auto index = layers_->indexOf(l.id);
    if (!index) {
      pendingLayers_.push_back(l);  // an analysis result still being computed
      continue;
    }
    layers_->move(*index, std::min(bottom++, layers_->size() - 1));
  }
  const StyleLibrary library = loadStyleLibrary(paths_.stylesDir());
  for (const ProjectLayer& l : project.layers) {
    const auto index = layers_->indexOf(l.id);
    if (!index) continue;
    layers_->setVisible(*index, l.visible);
    layers_->setLabels(*index, l.labels);
    layers_->setOpacity(*index, l.opacity);
    if (l.look && layers_->at(*index).look) layers_->setLook(*index, *l.look);
    const ViewerLayer& v = layers_->at(*index);
    if (l.style.empty() || (v.style && v.style->name == l.style)) continue;
    bool applied = false;
    for (const auto& style : stylesFor(library, *v.source)) {
      if (style->name != l.style) continue;
      layers_->setStyle(*index, style);
      applied = true;
      break;
    }
    if (!applied)
      problems << tr("style %1 does not fit layer %2").arg(qs(l.style), qs(v.title, language_->mapLanguage()));
  }
  if (project.view) canvas_->zoomToExtent(*project.view);
  const ProjectAnalyses& a = project.analyses;
  if (cluster_ && a.clusterEpsMeters > 0 && a.clusterMinPoints > 0)
    cluster_->setParams(a.clusterEpsMeters, a.clusterMinPoints, a.clusterDbscanStar);
  if (allocation_) {
    allocation_->setMaterial(qs(a.allocationMaterial));
    if (!a.whatIfProject.empty()) allocation_->setProject(qs(a.whatIfProject));
    const bool whatIf = a.whatIfRun && !a.whatIfProject.empty() && allocation_->project() == qs(a.whatIfProject);
    if (a.allocationRun && allocation_->runAllocation()) {
      // One run at a time: the what-if follows when the allocation has been shown.
      if (whatIf) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(allocation_, &AllocationPanel::finished, this, [this, once] {
          disconnect(*once);
          allocation_->runWhatIf();
        });
      }
    } else if (whatIf) {
      allocation_->runWhatIf();
    }
  }
  if (partners_ && !a.partnersEnterprise.empty()) partners_->setEnterprise(qs(a.partnersEnterprise));
  if (!problems.isEmpty()) showError(this, tr("Parts of the project could not be restored"), problems.join('\n'));
  return problems;
}

void MainWindow::applyPendingLayers() {
  for (auto it = pendingLayers_.begin(); it != pendingLayers_.end();) {
    const auto index = layers_->indexOf(it->id);
    if (!index) {
      ++it;
      continue;
    }
    const ProjectLayer l = *it;
    it = pendingLayers_.erase(it);  // before the calls below, which signal again
    layers_->setVisible(*index, l.visible);
    layers_->setLabels(*index, l.labels);
    layers_->setOpacity(*index, l.opacity);
  }
}

bool MainWindow::restoreSession() {
  const QString json = QSettings().value("session/project").toString();
  if (json.isEmpty()) return false;
  try {
    applyProject(projectFromJson(utf8(json), {}, "last session"));
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("The last session could not be restored: %1").arg(errorText(e)), 8000);
    return false;
  }
  return true;
}

QStringList MainWindow::recentProjects() { return QSettings().value("projects/recent").toStringList(); }

void MainWindow::rememberRecent(const QString& path) {
  QStringList recent = recentProjects();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > 8) recent.removeLast();
  QSettings settings;
  settings.setValue("projects/recent", recent);
  settings.setValue("paths/last_project_folder", QFileInfo(path).absolutePath());
}

void MainWindow::fillRecentMenu() {
  recentMenu_->clear();
  for (const QString& path : recentProjects()) {
    QAction* a = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); });
    a->setToolTip(path);
    a->setEnabled(QFileInfo::exists(path));
  }
  if (recentMenu_->isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::openProjectDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a project"),
                                                    QSettings().value("paths/last_project_folder").toString(),
                                                    tr("circatlas projects (*.circatlas);;All files (*)"));
  if (!path.isEmpty()) openProject(path);
}

void MainWindow::saveProjectDialog(bool askPath) {
  QString path = projectPath_;
  if (askPath || path.isEmpty()) {
    path = askSavePath(this, tr("Save the project"), QSettings().value("paths/last_project_folder").toString(),
                       tr("circatlas projects (*.circatlas)"), QStringLiteral("circatlas"));
  }
  if (!path.isEmpty()) saveProject(path);
}

void MainWindow::openRegistryDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open a registry for the analyses"), QSettings().value("paths/last_registry_folder").toString(),
      tr("Registries (*.csv *.xlsx *.xls *.ods *.gpkg *.shp *.geojson *.json *.sqlite);;All files (*)"));
  if (!path.isEmpty()) askAndOpenRegistry(path);
}

bool MainWindow::askAndOpenRegistry(const QString& path) {
  const auto source = askRegistrySource(this, path, language_->mapLanguage());
  return source && openRegistryInBackground(*source);
}

bool MainWindow::openFile(const QString& path, const QString& layer) {
  try {
    layers_->put(readUserLayer(utf8(path), utf8(layer), layers_->layers()));
  } catch (const std::exception& e) {
    showError(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), errorText(e));
    return false;
  }
  QSettings().setValue("paths/last_folder", QFileInfo(path).absolutePath());
  return true;
}

ViewFigure MainWindow::viewFigure() const {
  ViewFigure figure;
  figure.items = drawItems(*layers_);
  figure.view = canvas_->settings();
  const render::Language lang = figure.view.language;
  // A project's name titles its views; otherwise a plain title in the map's language.
  figure.title = !projectPath_.isEmpty()        ? utf8(QFileInfo(projectPath_).completeBaseName())
                 : lang == render::Language::Zh ? std::string("地图视图")
                                                : std::string("Map view");
  for (const auto& l : layers_->layers()) {
    if (l.visible && l.opacity > 0.0) figure.credits.push_back(l.credit.in(lang));
  }
  if (atlas_) {
    for (const auto& l : atlas_->locator()) {
      figure.locatorLayers.push_back({l.definition.id, &l.display, &l.style, false});
      figure.locatorContent.expand(l.display.extent());
    }
  }
  return figure;
}

bool MainWindow::exportView(const QString& path, bool confirmed) {
  if (!acceptOutputTarget(this, path, layers_->layers(), confirmed, paths_)) return false;
  try {
    viewer::exportView(viewFigure(), utf8(path));
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
  if (!path.isEmpty()) exportView(path, true);  // the save dialog asked before replacing
}

FigureExportDialog* MainWindow::exportFigureDialog() {
  if (!atlas_) return nullptr;
  auto* dialog = new FigureExportDialog(atlas_, paths_, language_->mapLanguage(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &FigureExportDialog::finished, this, [this](const QString& path, const QString& error) {
    if (error.isEmpty()) statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
  });
  dialog->open();
  return dialog;
}

bool MainWindow::exportLayers(const QString& path) {
  if (!acceptOutputTarget(this, path, layers_->layers(), true, paths_)) return false;
  if (!layerExport_->start(layers_->layers(), path, language_->mapLanguage(), paths_)) return false;
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
  } else if (acceptOutputTarget(this, path + ".gpkg", layers_->layers(), false, paths_)) {
    exportLayers(path + ".gpkg");  // another suffix typed: the real name was not asked about yet
  }
}

void MainWindow::identifyAt(double x, double y, double tolerance, Qt::KeyboardModifiers modifiers) {
  const auto hits = orderForListing(*layers_, viewer::identifyAt(*layers_, {x, y}, tolerance));
  identify_->showHits(hits);
  identifyDock_->show();
  const int active = layerPanel_->currentLayerIndex();
  const std::string activeId = active >= 0 ? layers_->at(static_cast<std::size_t>(active)).id : std::string();
  const std::optional<IdentifyHit> pick = pickForSelection(*layers_, hits, activeId);
  layers_->setSelection(clickSelection(layers_->selection(), pick, modifiers.testFlag(Qt::ShiftModifier),
                                       modifiers.testFlag(Qt::ControlModifier)));
  if (partners_ && pick && isEnterpriseLayer(pick->layerId)) {
    const auto& l = *layers_->find(pick->layerId)->source;
    partners_->setEnterprise(qs(core::toString(l.value(pick->feature, "id"))));
  }
}

void MainWindow::showFeature(const QString& layerId, int feature) {
  const ViewerLayer* layer = layers_->find(utf8(layerId));
  if (!layer || feature < 0 || static_cast<std::size_t>(feature) >= layer->display->size()) return;
  layers_->setSelection({utf8(layerId), {static_cast<std::size_t>(feature)}});
  // Its attributes too (a search result, a table row or a feature picked in the identify list).
  if (sender() != identify_) {
    identify_->showHits({IdentifyHit{utf8(layerId), static_cast<std::size_t>(feature)}});
    identifyDock_->show();
    identifyDock_->raise();
  }
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
  QTimer::singleShot(0, this, &MainWindow::fitDockTabs);  // the titles change length
  setWindowTitle(tr("circatlas — Gansu circular-economy atlas"));
  fileMenu_->setTitle(tr("&File"));
  openAction_->setText(tr("&Add layer…"));
  openProjectAction_->setText(tr("&Open project…"));
  saveProjectAction_->setText(tr("&Save project"));
  saveProjectAsAction_->setText(tr("Save project &as…"));
  recentMenu_->setTitle(tr("Recent projects"));
  openRegistryAction_->setText(tr("Open &registry for the analyses…"));
  openRegistryAction_->setToolTip(
      tr("A catalogue folder or one CSV/XLSX/GeoPackage file of enterprises; every analysis dock runs on it"));
  builtinRegistryAction_->setText(tr("Analyse the &built-in catalogue"));
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
  resetLayoutAction_->setText(tr("&Reset the panel layout"));
  clearSelectionAction_->setText(tr("&Clear selection"));
  clearSelectionAction_->setToolTip(tr("Clear the selection (Esc on the map)"));
  languageMenu_->setTitle(tr("&Language"));
  layerDock_->setWindowTitle(tr("Layers"));
  legendDock_->setWindowTitle(tr("Legend"));
  identifyDock_->setWindowTitle(tr("Identify"));
  tableDock_->setWindowTitle(tr("Attribute table"));
  showRegistry();
  measureDock_->setWindowTitle(tr("Measure"));
  measureAction_->setText(tr("&Measure distance"));
  measureAction_->setToolTip(tr("Measure distance: geodesic and by road (Ctrl+M)"));
  coordinates_->setToolTip(tr("Cursor position (WGS 84)"));
  scale_->setToolTip(tr("Map scale at 96 dpi"));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState(kLayoutVersion));
  if (atlas_) settings.setValue("session/project", qs(projectToJson(currentProject(), {})));
  QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  event->acceptProposedAction();
  // Asked after the drop has finished: a modal question inside dropEvent would hold the drag source.
  QTimer::singleShot(0, this, [this, paths] {
    for (const QString& path : paths) {
      const DropUse use = couldBeRegistry(path) ? askDropUse(this, path) : DropUse::Layer;
      if (use == DropUse::Layer) {
        openFile(path);
      } else if (use == DropUse::Registry) {
        askAndOpenRegistry(path);
      }
    }
  });
}

}  // namespace circatlas::viewer
