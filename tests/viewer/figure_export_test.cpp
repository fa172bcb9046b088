// Figure presets from the viewer: the dialog lists presets and regions, and writes the same page
// `circatlas figure` draws.
#include <QComboBox>
#include <QLineEdit>

#include <optional>

#include "atlas/atlas_data.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "core/progress.h"
#include "definitions/layer_set.h"
#include "test_support.h"
#include "viewer/figure_export_dialog.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

std::shared_ptr<const atlas::AtlasData> builtinAtlas() {
  core::NullProgress quiet;
  return std::make_shared<const atlas::AtlasData>(atlas::AtlasData::load(
      definitions::loadBuiltinLayerSet(core::DataPaths::fromEnvironment()), core::DataPaths::fromEnvironment(), quiet));
}

TEST(FigureExportDialog, ListsEveryPresetAndTheProvinceWithItsFourteenPrefectures) {
  FigureExportDialog dialog(builtinAtlas(), core::DataPaths::fromEnvironment(), render::Language::En);
  for (const char* preset : {"overview", "enterprises", "network"}) {
    EXPECT_GE(dialog.presetBox()->findData(QString::fromLatin1(preset)), 0) << preset;
  }
  ASSERT_EQ(dialog.regionBox()->count(), 15);
  EXPECT_EQ(dialog.regionBox()->itemData(0).toString(), "province");
  EXPECT_EQ(dialog.regionBox()->itemText(0), "Gansu Province");
  const int jinchang = dialog.regionBox()->findData(QStringLiteral("620300"));
  ASSERT_GE(jinchang, 0);
  EXPECT_TRUE(dialog.regionBox()->itemText(jinchang).startsWith("Jinchang"))
      << dialog.regionBox()->itemText(jinchang).toStdString();
}

TEST(FigureExportDialog, ExportWritesThePresetPageOfThePrefectureAsAVectorPdf) {
  const circatlas::test::TempDir dir;
  FigureExportDialog dialog(builtinAtlas(), core::DataPaths::fromEnvironment(), render::Language::En);
  dialog.presetBox()->setCurrentIndex(dialog.presetBox()->findData(QStringLiteral("enterprises")));
  dialog.regionBox()->setCurrentIndex(dialog.regionBox()->findData(QStringLiteral("620300")));
  const auto pdf = dir / "jinchang.pdf";
  dialog.pathEdit()->setText(QString::fromStdString(pdf.string()));
  std::optional<QString> error;
  QObject::connect(&dialog, &FigureExportDialog::finished, [&](const QString&, const QString& e) { error = e; });

  dialog.startExport();
  ASSERT_TRUE(waitUntil([&] { return error.has_value(); }));
  EXPECT_TRUE(error->isEmpty()) << error->toStdString();
  ASSERT_TRUE(std::filesystem::exists(pdf));
  // A real figure page: its title names the prefecture, the legend the enterprise classes.
  const auto text = circatlas::test::runCommand("pdftotext -layout '" + pdf.string() + "' -");
  ASSERT_EQ(text.exitCode, 0) << text.output;
  EXPECT_NE(text.output.find("Jinchang"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("Power and heat"), std::string::npos) << text.output;
}

// The output policy holds in the viewer too: a path typed into the dialog that lies inside the
// built-in data is refused before anything is drawn.
TEST(FigureExportDialog, NeverWritesIntoTheBuiltInData) {
  FigureExportDialog dialog(builtinAtlas(), core::DataPaths::fromEnvironment(), render::Language::En);
  const auto target = core::DataPaths::fromEnvironment().dataDir() / "overview.png";
  dialog.pathEdit()->setText(QString::fromStdString(target.string()));
  bool finished = false;
  QObject::connect(&dialog, &FigureExportDialog::finished, [&](const QString&, const QString&) { finished = true; });
  dialog.startExport();
  EXPECT_FALSE(waitUntil([&] { return finished; }, 500));
  EXPECT_FALSE(std::filesystem::exists(target));
}

TEST(FigureExportDialog, AnUnknownExtensionIsReportedAndNothingIsWritten) {
  const circatlas::test::TempDir dir;
  const auto atlas = builtinAtlas();
  FigureRequest request{"overview", "province", render::Language::Zh, dir / "figure.tiff"};
  EXPECT_THROW((void)exportFigurePreset(*atlas, request, core::DataPaths::fromEnvironment()), core::ParameterError);
  request.path = dir / "figure.png";
  request.region = "629999";
  EXPECT_THROW((void)exportFigurePreset(*atlas, request, core::DataPaths::fromEnvironment()), core::ParameterError);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// File > Export figure (and the walkthrough's --demo figure) opens the dialog over the window,
// in the window's map language, ready for a preset and a region to be chosen.
using FigureExportFromWindow = ViewerTest;

TEST_F(FigureExportFromWindow, TheMenuOpensThePresetDialogOverTheWindow) {
  window->show();
  FigureExportDialog* dialog = window->exportFigureDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_EQ(dialog->parentWidget(), window.get());
  const int enterprises = dialog->presetBox()->findData(QStringLiteral("enterprises"));
  ASSERT_GE(enterprises, 0);
  dialog->presetBox()->setCurrentIndex(enterprises);
  dialog->regionBox()->setCurrentIndex(dialog->regionBox()->findData(QStringLiteral("620300")));
  EXPECT_EQ(dialog->request().preset, "enterprises");
  EXPECT_EQ(dialog->request().region, "620300");
  EXPECT_EQ(dialog->request().language, render::Language::En);
  dialog->reject();
}

}  // namespace
}  // namespace circatlas::viewer::testing
