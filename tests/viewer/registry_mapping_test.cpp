// Issue 16 item 6: File > Open registry and a dropped sheet go through the column-mapping dialog,
// whose choice is what the reader gets and is offered again for the same file.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <functional>

#include "io/registry_file.h"
#include "test_support.h"
#include "viewer/analysis_inputs.h"
#include "viewer/language.h"
#include "viewer/layer_stack.h"
#include "viewer/registry_mapping_dialog.h"
#include "viewer/registry_opening.h"
#include "viewer/ui_support.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using RegistryMapping = ViewerTest;

// A bureau's sheet: Chinese headers, no ids.
constexpr const char* kCsv =
    "名称,经度,纬度,行业代码\n"
    "兰州某水泥厂,103.620,36.120,3011\n"
    "兰州某电厂,103.630,36.120,4411\n"
    "白银某冶炼厂,104.170,36.550,3212\n"
    "武威某化工,102.640,37.930,2614\n";

// The same as an Excel workbook, with a title row above the header as bureaus write them.
std::filesystem::path writeXlsx(const std::filesystem::path& path) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
  EXPECT_NE(driver, nullptr);
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = ds->CreateLayer("企业名录", nullptr, wkbNone, nullptr);
  const std::vector<std::vector<const char*>> rows = {{"2023年重点企业名录", "", "", ""},
                                                      {"名称", "经度", "纬度", "行业代码"},
                                                      {"兰州某水泥厂", "103.620", "36.120", "3011"},
                                                      {"白银某冶炼厂", "104.170", "36.550", "3212"}};
  for (const char* name : {"A", "B", "C", "D"}) {
    OGRFieldDefn field(name, OFTString);
    EXPECT_EQ(layer->CreateField(&field), OGRERR_NONE);
  }
  for (const auto& row : rows) {
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (*row[c]) feature.SetField(static_cast<int>(c), row[c]);
    }
    EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
  return path;
}

catalogue::RegistrySource sourceOf(const std::filesystem::path& path) {
  catalogue::RegistrySource source;
  source.path = path.string();
  return source;
}

// Answers every modal window once as it appears (the drop question, the mapping dialog).
class ModalAnswers {
 public:
  explicit ModalAnswers(std::function<void(QWidget*)> answer) : answer_(std::move(answer)) {
    QObject::connect(&timer_, &QTimer::timeout, [this] {
      QWidget* modal = QApplication::activeModalWidget();
      if (!modal || modal->property("answered").toBool()) return;
      modal->setProperty("answered", true);
      ++answered_;
      answer_(modal);
    });
    timer_.start(10);
  }
  [[nodiscard]] int answered() const noexcept { return answered_; }

 private:
  std::function<void(QWidget*)> answer_;
  QTimer timer_;
  int answered_ = 0;
};

TEST_F(RegistryMapping, TheHeadersOfACsvAndAnXlsxAreRecognised) {
  test::TempDir dir;
  for (const auto& file : {test::writeFile(dir / "reg.csv", kCsv), writeXlsx(dir / "reg.xlsx")}) {
    SCOPED_TRACE(file.filename().string());
    RegistryMappingDialog dialog(sourceOf(file), render::Language::En);
    ASSERT_EQ(dialog.columns(), (std::vector<std::string>{"名称", "经度", "纬度", "行业代码"}));
    EXPECT_EQ(dialog.target("名称"), "name_zh");
    EXPECT_EQ(dialog.target("经度"), "lon");
    EXPECT_EQ(dialog.target("纬度"), "lat");
    EXPECT_EQ(dialog.target("行业代码"), "industry_code");
    EXPECT_EQ(dialog.lonBox()->currentText(), QStringLiteral("经度"));
    EXPECT_EQ(dialog.latBox()->currentText(), QStringLiteral("纬度"));
    // Each column with sample values and its field's combo box.
    EXPECT_TRUE(dialog.columnTable()->item(0, 1)->text().contains(QStringLiteral("兰州某水泥厂")));
    auto* industry = qobject_cast<QComboBox*>(dialog.columnTable()->cellWidget(3, 2));
    ASSERT_NE(industry, nullptr);
    EXPECT_EQ(industry->currentData().toString(), QStringLiteral("industry_code"));
    // What the reader derives, and nothing missing.
    EXPECT_TRUE(dialog.derivedLabel()->text().contains(QStringLiteral("ID")))
        << dialog.derivedLabel()->text().toStdString();
    EXPECT_TRUE(dialog.derivedLabel()->text().contains(QStringLiteral("Location precision")));
    EXPECT_TRUE(dialog.derivedLabel()->toolTip().contains(QStringLiteral("source: 'reg.")));
    EXPECT_TRUE(dialog.isReadable());
    EXPECT_TRUE(dialog.okButton()->isEnabled());
  }
}

TEST_F(RegistryMapping, ChangingATargetChangesTheMappingPassedToTheReader) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kCsv);
  RegistryMappingDialog dialog(sourceOf(file), render::Language::En);
  ASSERT_TRUE(dialog.setTarget("行业代码", "notes"));
  dialog.coordsBox()->setCurrentIndex(dialog.coordsBox()->findData(QStringLiteral("gcj02")));
  const catalogue::RegistrySource chosen = dialog.source();
  EXPECT_NE(std::find(chosen.fields.begin(), chosen.fields.end(), "notes=行业代码"), chosen.fields.end());
  EXPECT_EQ(chosen.coords, "gcj02");
  EXPECT_NE(dialog.mappingText().find("notes=行业代码\n"), std::string::npos) << dialog.mappingText();

  const auto read = io::readRegistryFile(chosen, core::DataPaths::fromEnvironment());
  const auto& t = read.enterprises;
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].cells[*t.column("notes")].value_or(""), "3011");
  EXPECT_EQ(t.rows[0].cells[*t.column("industry_code")].value_or(""), "");
  // GCJ-02 converted: about 500 m west of the sheet's 103.620 in Lanzhou.
  EXPECT_LT(std::stod(std::string(t.rows[0].cells[*t.column("lon")].value_or("0"))), 103.618);

  // A column left unused is kept out, although its header is recognised.
  ASSERT_TRUE(dialog.setTarget("行业代码", ""));
  EXPECT_NE(std::find(dialog.source().fields.begin(), dialog.source().fields.end(), "ignore=行业代码"),
            dialog.source().fields.end());
  const auto ignored = io::readRegistryFile(dialog.source(), core::DataPaths::fromEnvironment());
  EXPECT_EQ(ignored.enterprises.rows[0].cells[*ignored.enterprises.column("industry_code")].value_or(""), "");
  EXPECT_EQ(ignored.report.ignoredColumns, std::vector<std::string>{"行业代码"});
}

TEST_F(RegistryMapping, AMappingWithoutLonLatKeepsOkDisabled) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kCsv);
  RegistryMappingDialog dialog(sourceOf(file), render::Language::En);
  ASSERT_TRUE(dialog.okButton()->isEnabled());
  ASSERT_TRUE(dialog.setTarget("经度", ""));
  EXPECT_FALSE(dialog.okButton()->isEnabled());
  EXPECT_TRUE(dialog.missingLabel()->text().contains(QStringLiteral("longitude")))
      << dialog.missingLabel()->text().toStdString();
  ASSERT_TRUE(dialog.setTarget("纬度", ""));
  EXPECT_FALSE(dialog.okButton()->isEnabled()) << "no location at all";
  EXPECT_TRUE(dialog.missingLabel()->text().contains(QStringLiteral("location")));
  EXPECT_EQ(dialog.lonBox()->currentIndex(), 0);
  // Chosen again through the lon/lat boxes.
  dialog.lonBox()->setCurrentIndex(2);
  emit dialog.lonBox()->activated(2);
  dialog.latBox()->setCurrentIndex(3);
  emit dialog.latBox()->activated(3);
  EXPECT_EQ(dialog.target("经度"), "lon");
  EXPECT_EQ(dialog.target("纬度"), "lat");
  EXPECT_TRUE(dialog.okButton()->isEnabled());
  EXPECT_FALSE(dialog.missingLabel()->isVisibleTo(&dialog));
  // Without a name column nothing can be read either.
  ASSERT_TRUE(dialog.setTarget("名称", ""));
  EXPECT_FALSE(dialog.okButton()->isEnabled());
}

TEST_F(RegistryMapping, TheRememberedMappingIsOfferedOnReopen) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kCsv);
  {
    ModalAnswers answers([](QWidget* modal) {
      auto* dialog = qobject_cast<RegistryMappingDialog*>(modal);
      ASSERT_NE(dialog, nullptr);
      EXPECT_EQ(dialog->target("行业代码"), "industry_code");
      dialog->setTarget("行业代码", "notes");
      dialog->coordsBox()->setCurrentIndex(dialog->coordsBox()->findData(QStringLiteral("gcj02")));
      dialog->accept();
    });
    const auto first = askRegistrySource(window.get(), qs(file.string()), render::Language::En);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(answers.answered(), 1);
  }
  {
    bool offered = false;
    ModalAnswers answers([&](QWidget* modal) {
      auto* dialog = qobject_cast<RegistryMappingDialog*>(modal);
      ASSERT_NE(dialog, nullptr);
      offered = dialog->target("行业代码") == "notes" &&
                dialog->coordsBox()->currentData().toString() == QStringLiteral("gcj02") &&
                dialog->notesLabel()->text().contains(QStringLiteral("last time"));
      dialog->accept();
    });
    const auto again = askRegistrySource(window.get(), qs(file.string()), render::Language::En);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(offered) << "the mapping chosen before is filled in";
    EXPECT_EQ(again->coords, "gcj02");
  }
  // Opened without the dialog (a project, the last session): read with the remembered mapping.
  ASSERT_TRUE(window->openRegistry(qs(file.string())));
  const auto& enterprises = window->analysisInputs()->catalogue.enterprises;
  ASSERT_EQ(enterprises.size(), 4u);
  EXPECT_EQ(core::toString(enterprises.value(0, "notes")), "3011");
  // Another file has nothing remembered.
  const auto other = test::writeFile(dir / "other.csv", kCsv);
  EXPECT_TRUE(registrySourceFor(qs(other.string())).fields.empty());
}

TEST_F(RegistryMapping, ADroppedCsvBecomesTheRegistryAfterTheQuestion) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "dropped.csv", kCsv);
  window->show();
  ASSERT_TRUE(window->analysisInputs()->catalogue.builtin);
  QStringList seen;
  ModalAnswers answers([&](QWidget* modal) {
    if (auto* box = qobject_cast<QMessageBox*>(modal)) {
      seen << QStringLiteral("question");
      box->findChild<QPushButton*>("dropAsRegistry")->click();
    } else if (auto* dialog = qobject_cast<RegistryMappingDialog*>(modal)) {
      seen << QStringLiteral("mapping");
      dialog->accept();
    }
  });
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(qs(file.string()))});
  // As the window system delivers it: the drag enters, then drops.
  QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(window.get(), &enter);
  ASSERT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(window.get(), &drop);
  ASSERT_TRUE(waitUntil([&] { return !window->analysisInputs()->catalogue.builtin; }))
      << "answered: " << seen.join(QStringLiteral(", ")).toStdString();
  EXPECT_EQ(seen, QStringList({"question", "mapping"}));
  EXPECT_EQ(window->analysisInputs()->catalogue.enterprises.size(), 4u);
  EXPECT_TRUE(window->registryLabel()->text().contains("dropped.csv"));
  for (const ViewerLayer& layer : window->layers().layers()) {
    EXPECT_NE(layer.file, file.string()) << "not added as a layer";
  }
}

TEST_F(RegistryMapping, TheDialogSpeaksChinese) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", kCsv);
  ASSERT_TRUE(window->languageManager().setLanguage("zh_CN"));
  RegistryMappingDialog dialog(sourceOf(file), render::Language::Zh);
  EXPECT_EQ(dialog.okButton()->text(), QStringLiteral("打开登记表"));
  EXPECT_TRUE(dialog.derivedLabel()->text().contains(QStringLiteral("推导")))
      << dialog.derivedLabel()->text().toStdString();
  EXPECT_TRUE(dialog.derivedLabel()->text().contains(QStringLiteral("编号")));
  ASSERT_TRUE(dialog.setTarget("经度", ""));
  EXPECT_TRUE(dialog.missingLabel()->text().contains(QStringLiteral("经度列")))
      << dialog.missingLabel()->text().toStdString();
}

}  // namespace
}  // namespace circatlas::viewer::testing
