// Test main of the viewer suite: a QApplication on the offscreen platform with isolated settings.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "render/render_session.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // QSettings go to a test folder, not the user's
  QApplication app(argc, argv);
  QApplication::setOrganizationName("circatlas-tests");
  QApplication::setApplicationName("viewer-tests");
  circatlas::render::ensureRenderSession();
  return RUN_ALL_TESTS();
}
