// The analysis docks' worker thread: progress bar polling, Cancel, and exceptions turned into outcomes.
#include "viewer/worker_run.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "viewer/task_progress.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

WorkerRun::WorkerRun(QWidget* parent)
    : QWidget(parent), bar_(new QProgressBar(this)), cancel_(new QPushButton(this)), poll_(new QTimer(this)) {
  bar_->setRange(0, 100);
  cancel_->setObjectName("cancel");
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(bar_, 1);
  row->addWidget(cancel_);
  setVisible(false);
  poll_->setInterval(100);
  connect(poll_, &QTimer::timeout, this, [this] {
    if (progress_) bar_->setValue(static_cast<int>(progress_->fraction() * 100));
  });
  connect(cancel_, &QPushButton::clicked, this, [this] {
    cancel();
    emit cancelClicked();
  });
  connect(&watcher_, &QFutureWatcher<std::pair<QString, bool>>::finished, this, &WorkerRun::jobReturned);
  cancel_->setText(tr("Cancel"));
}

WorkerRun::~WorkerRun() {
  if (progress_) progress_->cancel();
  watcher_.waitForFinished();
}

bool WorkerRun::startErased(std::function<void(core::Progress&)> work, std::function<void(const QString&, bool)> done) {
  if (running_) return false;
  running_ = true;
  done_ = std::move(done);
  progress_ = std::make_shared<TaskProgress>();
  bar_->setValue(0);
  setVisible(true);
  poll_->start();
  watcher_.setFuture(QtConcurrent::run([work = std::move(work), progress = progress_]() -> std::pair<QString, bool> {
    try {
      work(*progress);
      return {QString(), false};
    } catch (const core::Cancelled&) {
      return {QString(), true};
    } catch (const std::exception& e) {
      return {errorText(e), false};
    }
  }));
  return true;
}

void WorkerRun::cancel() {
  if (running_ && progress_) progress_->cancel();
}

void WorkerRun::jobReturned() {
  poll_->stop();
  setVisible(false);
  const auto [error, cancelled] = watcher_.result();
  // Idle before `done`, which may start the next job.
  running_ = false;
  auto done = std::move(done_);
  done_ = nullptr;
  if (done) done(error, cancelled);
  emit finished();
}

void WorkerRun::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) cancel_->setText(tr("Cancel"));
  QWidget::changeEvent(event);
}

}  // namespace circatlas::viewer
