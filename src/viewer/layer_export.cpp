// Building export items from viewer layers and running ExportTool off the UI thread.
#include "viewer/layer_export.h"

#include <QtConcurrent/QtConcurrentRun>

#include "definitions/definition_paths.h"
#include "viewer/task_progress.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

std::vector<tools::ExportItem> exportItems(const std::vector<ViewerLayer>& layers, render::Language language) {
  std::vector<tools::ExportItem> items;
  for (const auto& l : layers) {
    const std::string name = definitions::isSafeName(l.id) ? l.id : l.source->name();
    tools::ExportItem item{tools::renamedLayer(*l.source, name),
                           l.title,
                           *l.style,
                           l.origin,
                           l.credit.in(language),
                           l.producedBy,
                           l.parameters,
                           {},
                           true};
    items.push_back(std::move(item));
  }
  return items;
}

LayerExport::LayerExport(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcher<QString>::finished, this, [this] {
    running_ = false;
    emit finished(path_, watcher_.result());
  });
}

LayerExport::~LayerExport() {
  cancel();
  watcher_.waitForFinished();
}

bool LayerExport::start(const std::vector<ViewerLayer>& layers, const QString& path, render::Language language,
                        const core::DataPaths& paths) {
  if (running_) return false;
  running_ = true;
  path_ = path;
  progress_ = std::make_shared<TaskProgress>();
  tools::ExportParams params;
  params.out = utf8(path);
  params.existing = io::ExistingTarget::Overwrite;  // the save dialog has asked
  params.language = language;
  params.toolVersion = "circatlas-viewer";
  params.presets = paths;
  watcher_.setFuture(QtConcurrent::run([layers, language, params, progress = progress_] {
    try {
      (void)tools::runExport(exportItems(layers, language), params, *progress);
      return QString();
    } catch (const std::exception& e) {
      return errorText(e);
    }
  }));
  return true;
}

void LayerExport::cancel() {
  if (running_ && progress_) progress_->cancel();
}

}  // namespace circatlas::viewer
