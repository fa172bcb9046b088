// Shared set-up of the viewer tests: a main window on the built-in atlas, and waiting on the event loop.
#pragma once

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QThread>

#include <memory>

#include "core/data_paths.h"
#include "viewer/main_window.h"

namespace circatlas::viewer::testing {

/// Processes events until pred() holds or timeoutMs pass; returns pred().
template <typename Pred>
bool waitUntil(Pred pred, int timeoutMs = 30000) {
  QElapsedTimer timer;
  timer.start();
  while (!pred()) {
    if (timer.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(2);
  }
  return true;
}

/// A window with the built-in atlas loaded, in English unless a test switches, with fresh settings.
class ViewerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QSettings().clear();
    QSettings().setValue("ui/language", "en");
    window = std::make_unique<MainWindow>(core::DataPaths::fromEnvironment());
    ASSERT_TRUE(window->loadBuiltinAtlas());
  }
  void TearDown() override { window.reset(); }

  std::unique_ptr<MainWindow> window;
};

}  // namespace circatlas::viewer::testing
