// The language switch changes the menus' texts and the labels' language.
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

}  // namespace
}  // namespace circatlas::viewer::testing
