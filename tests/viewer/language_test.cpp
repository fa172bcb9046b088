// The language switch changes the menus' texts and the labels' language.
#include <QCoreApplication>
#include <QMenu>

#include "viewer/language.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using LanguageTest = ViewerTest;

TEST_F(LanguageTest, SwitchingToChineseAndBackChangesTheMenuTexts) {
  LanguageManager& language = window->languageManager();
  ASSERT_EQ(language.language(), "en");
  EXPECT_EQ(window->fileMenu()->title(), QStringLiteral("&File"));
  ASSERT_TRUE(language.setLanguage("zh_CN"));
  EXPECT_EQ(window->fileMenu()->title(), QStringLiteral("文件(&F)"));
  EXPECT_EQ(language.mapLanguage(), render::Language::Zh);
  ASSERT_TRUE(language.setLanguage("en"));
  EXPECT_EQ(window->fileMenu()->title(), QStringLiteral("&File"));
  EXPECT_FALSE(language.setLanguage("xx"));
  EXPECT_EQ(language.language(), "en");
}

TEST_F(LanguageTest, QtsOwnButtonsAndDialogsFollowTheLanguage) {
  LanguageManager& language = window->languageManager();
  ASSERT_TRUE(language.setLanguage("zh_CN"));
  ASSERT_TRUE(language.hasQtTranslation()) << "qtbase_zh_CN.qm missing (qt6-translations-l10n)";
  // The texts of QDialogButtonBox/QMessageBox standard buttons and of Qt's file dialog.
  EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString::fromUtf8("取消"));
  EXPECT_NE(QCoreApplication::translate("QFileDialog", "File &name:"), QStringLiteral("File &name:"));
  ASSERT_TRUE(language.setLanguage("en"));
  EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

}  // namespace
}  // namespace circatlas::viewer::testing
