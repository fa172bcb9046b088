// WorkerRun: one job at a time in a worker thread, with a progress bar and Cancel, for the analysis docks.
#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "core/progress.h"

class QProgressBar;
class QPushButton;
class QTimer;

namespace circatlas::viewer {

class TaskProgress;

/// How a job ended: its value, or the error it threw (as errorText), or cancelled.
template <typename Result>
struct JobOutcome {
  std::optional<Result> value;
  QString error;
  bool cancelled = false;
};

/// A progress bar and a Cancel button (hidden while idle) driving one job at a time: start()
/// runs the work in a worker thread with a core::Progress the bar polls, and calls `done` in the
/// UI thread with the outcome. Cancel asks the work to stop at its next progress check (the tools
/// throw core::Cancelled there); the outcome then says cancelled. The widget waits for a running
/// job when destroyed, so a job never outlives the panel whose data it captured.
class WorkerRun : public QWidget {
  Q_OBJECT

 public:
  explicit WorkerRun(QWidget* parent = nullptr);
  ~WorkerRun() override;
  WorkerRun(const WorkerRun&) = delete;
  WorkerRun& operator=(const WorkerRun&) = delete;

  /// Starts `work(core::Progress&) -> Result` unless a job is running (then false). `done` gets a
  /// JobOutcome<Result> in the UI thread; core::Cancelled and other exceptions thrown by the work
  /// become its `cancelled` and `error`.
  template <typename Result, typename Work, typename Done>
  bool start(Work work, Done done) {
    auto out = std::make_shared<JobOutcome<Result>>();
    return startErased([out, work = std::move(work)](core::Progress& progress) { out->value.emplace(work(progress)); },
                       [out, done = std::move(done)](const QString& error, bool cancelled) {
                         out->error = error;
                         out->cancelled = cancelled;
                         done(std::move(*out));
                       });
  }

  /// Asks the running job to stop; no effect when idle.
  void cancel();
  /// True from start() until the work has returned (`done` is called when idle again and may start the next job).
  [[nodiscard]] bool isRunning() const noexcept { return running_; }

 signals:
  /// After `done` has run.
  void finished();
  /// The user pressed Cancel (the job has been asked to stop).
  void cancelClicked();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  bool startErased(std::function<void(core::Progress&)> work, std::function<void(const QString&, bool)> done);
  void jobReturned();

  QProgressBar* bar_;
  QPushButton* cancel_;
  QTimer* poll_;
  std::shared_ptr<TaskProgress> progress_;
  QFutureWatcher<std::pair<QString, bool>> watcher_;
  std::function<void(const QString&, bool)> done_;
  bool running_ = false;
};

}  // namespace circatlas::viewer
