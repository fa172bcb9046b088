// circatlas-viewer: the Qt map viewer on the built-in Gansu atlas; files given as arguments are added.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListWidget>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "core/data_paths.h"
#include "render/render_session.h"
#include "viewer/allocation_panel.h"
#include "viewer/cluster_panel.h"
#include "viewer/figure_export_dialog.h"
#include "viewer/layer_panel.h"
#include "viewer/main_window.h"
#include "viewer/map_canvas.h"
#include "viewer/measure_tool.h"
#include "viewer/ui_support.h"

int main(int argc, char* argv[]) {
  QElapsedTimer sinceStart;
  sinceStart.start();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("circatlas");
  QApplication::setApplicationName("circatlas-viewer");

  QCommandLineParser parser;
  parser.setApplicationDescription("circatlas map viewer");
  parser.addHelpOption();
  parser.addPositionalArgument("files", "GIS files to add as layers (anything GDAL opens), or a project (.circatlas)");
  // Hidden helpers for tests, benchmarks and documentation screenshots.
  QCommandLineOption screenshot("screenshot", "Save the window to FILE after the first drawn map, then quit.", "FILE");
  QCommandLineOption registry("registry",
                              "Run the analysis docks on this registry: a catalogue folder or a CSV/XLSX/GeoPackage "
                              "file of enterprises (as File > Open registry for the analyses).",
                              "SOURCE");
  parser.addOption(registry);
  QCommandLineOption timing("timing", "Print the time from start to the first drawn map.");
  QCommandLineOption demo("demo",
                          "Show an analysis at start: 'measure' (Lanzhou – Wuwei – Jiuquan), 'allocation', "
                          "'identify' (a click on the works of Xigu, Lanzhou), 'select' (a click, two Shift-clicks "
                          "and a Ctrl-click there), 'cluster-cancel' (a cluster run cancelled as it starts), "
                          "'layer-properties' (the properties dialog of the last added layer) or 'mapping' (the "
                          "column-mapping dialog of the --registry file).",
                          "NAME");
  QCommandLineOption saveProject("save-project", "Save the session as a project FILE after the first drawn map.",
                                 "FILE");
  QCommandLineOption exportView("export-view", "Export the view to FILE (PNG/PDF/SVG) after the first drawn map.",
                                "FILE");
  for (QCommandLineOption* o : {&screenshot, &timing, &demo, &saveProject, &exportView}) {
    o->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(*o);
  }
  parser.process(app);

  try {
    circatlas::render::ensureRenderSession();
  } catch (const std::exception& e) {
    QMessageBox::critical(nullptr, "circatlas", circatlas::viewer::errorText(e));
    return 4;
  }

  // The data, styles and layers folders: read from the environment here, once, and passed down.
  circatlas::viewer::MainWindow window(circatlas::core::DataPaths::fromEnvironment());
  window.loadBuiltinAtlas();
  // A plain start reopens the last session; files, a registry or a scripted run start afresh.
  if (parser.positionalArguments().isEmpty() && !parser.isSet(registry) && !parser.isSet(screenshot) &&
      !parser.isSet(demo) && !parser.isSet(timing)) {
    window.restoreSession();
  }
  for (const QString& file : parser.positionalArguments()) {
    if (file.endsWith(QStringLiteral(".circatlas"), Qt::CaseInsensitive)) window.openProject(file);
    else window.openFile(file);
  }
  // A scripted screenshot waits for the registry; otherwise the window is drawn at once and the
  // registry read behind it, with its progress in the status bar.
  const bool mappingDemo = parser.value(demo) == "mapping" && parser.isSet(registry);
  if (parser.isSet(registry) && parser.isSet(screenshot) && !mappingDemo) window.openRegistry(parser.value(registry));
  window.show();
  if (parser.isSet(registry) && !parser.isSet(screenshot) && !mappingDemo)
    window.openRegistryInBackground(parser.value(registry));
  if (mappingDemo) {
    QTimer::singleShot(0, &window, [&window, path = parser.value(registry)] { window.askAndOpenRegistry(path); });
  }
  if (parser.value(demo) == "measure") {
    window.measureAction()->setChecked(true);
    for (const circatlas::core::LonLat p :
         {circatlas::core::LonLat{103.8236, 36.0580}, circatlas::core::LonLat{102.6347, 37.9300},
          circatlas::core::LonLat{98.5108, 39.7440}}) {
      window.measureTool()->addPoint(p);
    }
    window.measureTool()->finish();
  } else if (parser.value(demo) == "allocation" && window.allocationPanel()) {
    auto* panel = window.allocationPanel();
    if (auto* dock = window.findChild<QDockWidget*>("allocationDock")) dock->raise();
    QObject::connect(panel, &circatlas::viewer::AllocationPanel::finished, panel, [panel, first = true]() mutable {
      if (first && panel->setProject("J003")) panel->runWhatIf();
      first = false;
    });
    panel->runAllocation();
  }

  if (parser.value(demo) == "identify") {
    QTimer::singleShot(300, &window, [&window] {
      if (const auto map = window.canvas()->fromLonLat({103.60244, 36.1198}))
        window.identifyAt(map->x, map->y, 5 * window.canvas()->unitsPerPixel());
    });
  }
  // Ready for the screenshot: a demo that runs something says when it has been shown.
  bool ready = true;
  if (parser.value(demo) == "select") {
    // Xigu, Lanzhou: the refinery, then Shift adds the CHP plant and Fanjiaping, Ctrl takes the CHP plant out.
    QTimer::singleShot(300, &window, [&window] {
      const auto* canvas = window.canvas();
      const auto low = canvas->fromLonLat({103.50, 36.02});
      const auto high = canvas->fromLonLat({103.76, 36.18});
      if (low && high) window.canvas()->zoomToExtent({low->x, low->y, high->x, high->y});
      const struct {
        circatlas::core::Coord at;
        Qt::KeyboardModifiers modifiers;
      } clicks[] = {{{103.60244, 36.1198}, Qt::NoModifier},
                    {{103.62279, 36.12894}, Qt::ShiftModifier},
                    {{103.67743, 36.07551}, Qt::ShiftModifier},
                    {{103.62279, 36.12894}, Qt::ControlModifier}};
      for (const auto& click : clicks) {
        if (const auto map = canvas->fromLonLat(click.at))
          window.identifyAt(map->x, map->y, 3 * canvas->unitsPerPixel(), click.modifiers);
      }
    });
  } else if (parser.value(demo) == "cluster-cancel" && window.clusterPanel()) {
    // When the first clusters are shown, a new run with other parameters is cancelled as it starts.
    ready = false;
    auto* panel = window.clusterPanel();
    if (auto* dock = window.findChild<QDockWidget*>("clusterDock")) dock->raise();
    auto step = std::make_shared<int>(0);
    QObject::connect(panel, &circatlas::viewer::ClusterPanel::finished, panel, [panel, step, &ready] {
      if ((*step)++ == 0) {
        panel->setParams(8000.0, 3, false);
        panel->run();
        panel->cancel();
      } else {
        ready = true;
      }
    });
    if (!panel->isRunning()) panel->run();
  } else if (parser.value(demo) == "layer-properties") {
    QTimer::singleShot(300, &window, [&window] {
      auto* list = window.layerPanel()->list();
      list->setCurrentRow(0);  // the top layer: the one added last
      window.layerPanel()->openProperties();
    });
  } else if (parser.value(demo) == "figure") {
    // File > Export figure with a preset and a prefecture chosen, as a planner would before Export.
    QTimer::singleShot(300, &window, [&window] {
      auto* dialog = window.exportFigureDialog();
      if (!dialog) return;
      auto choose = [](QComboBox* box, const char* value) {
        const int index = box->findData(QString::fromLatin1(value));
        if (index >= 0) box->setCurrentIndex(index);
      };
      choose(dialog->presetBox(), "enterprises");
      choose(dialog->regionBox(), "620300");  // Jinchang
    });
  }

  auto* canvas = window.canvas();
  QObject::connect(canvas, &circatlas::viewer::MapCanvas::renderFinished, &window, [&, first = true]() mutable {
    if (!first) return;
    first = false;
    if (parser.isSet(timing)) {
      std::printf("first map drawn %.0f ms after start (render %.0f ms)\n", static_cast<double>(sinceStart.elapsed()),
                  canvas->lastRender().milliseconds);
      std::fflush(stdout);
    }
    if (parser.isSet(saveProject) && !window.saveProject(parser.value(saveProject))) QApplication::exit(4);
    if (parser.isSet(exportView) && !window.exportView(parser.value(exportView))) QApplication::exit(4);
    if (parser.isSet(screenshot)) {
      // Let the analysis panels finish their first runs and the window repaint; a demo that runs
      // something is waited for (at most a minute).
      auto* poll = new QTimer(&window);
      auto waited = std::make_shared<int>(0);
      QObject::connect(poll, &QTimer::timeout, &window, [&, poll, waited] {
        if (!ready && ++*waited < 300) return;
        poll->stop();
        QTimer::singleShot(1500, &window, [&] {
          // Written beside the target and renamed when complete, like every file circatlas writes.
          QSaveFile file(parser.value(screenshot));
          const QByteArray format = QFileInfo(file.fileName()).suffix().toLower().toLatin1();
          // A dialog of its own over the window (the properties dialog, --demo mapping): the screen, with both.
          const QPixmap image = parser.value(demo) == "layer-properties" || parser.value(demo) == "figure" ||
                                        QApplication::activeModalWidget()
                                    ? window.screen()->grabWindow(0)
                                    : window.grab();
          const bool ok = file.open(QIODevice::WriteOnly) &&
                          image.save(&file, format.isEmpty() ? "png" : format.constData()) && file.commit();
          QApplication::exit(ok ? 0 : 4);
        });
      });
      poll->start(200);
    }
  });
  return QApplication::exec();
}
