// Test main of the viewer suite: a QApplication on the offscreen platform with isolated settings.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "render/render_session.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // QSettings go to a test folder, not the user's
  QApplication app(argc, argv);
  QApplication::setOrganizationName("circatlas-tests");
  QApplication::setApplicationName("viewer-tests");
  // Each test process has its own settings folder: ctest runs the tests as parallel processes, and
  // a window one test closes (saving its dock layout and session) must not be what another opens.
  const QTemporaryDir settings;
  if (!settings.isValid()) return 1;
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
  circatlas::render::ensureRenderSession();
  return RUN_ALL_TESTS();
}
