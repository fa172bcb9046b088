// LayerExport: the viewer's layers and analysis results to one GeoPackage (ExportTool), in a worker thread.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

#include "tools/export_tool.h"
#include "viewer/viewer_layer.h"

namespace circatlas::viewer {

class TaskProgress;

/// Export items for the layers, bottom first: each under its id (a layer the user added under
/// its own layer name), with title, style, origin, credit and, for results, what made them.
[[nodiscard]] std::vector<tools::ExportItem> exportItems(const std::vector<ViewerLayer>& layers,
                                                         render::Language language);

/// One export at a time; finished() reports success or the error text.
class LayerExport : public QObject {
  Q_OBJECT

 public:
  explicit LayerExport(QObject* parent = nullptr);
  ~LayerExport() override;

  /// Starts writing the layers to `path` (.gpkg; an existing file is replaced), with a print layout
  /// per figure preset of `paths`; false when an export is already running.
  bool start(const std::vector<ViewerLayer>& layers, const QString& path, render::Language language,
             const core::DataPaths& paths);
  [[nodiscard]] bool isRunning() const noexcept { return running_; }
  void cancel();

 signals:
  /// `error` is empty on success.
  void finished(const QString& path, const QString& error);

 private:
  QFutureWatcher<QString> watcher_;
  std::shared_ptr<TaskProgress> progress_;
  QString path_;
  bool running_ = false;
};

}  // namespace circatlas::viewer
