// Figures as planners get them: PDF text, SVG text, PNG size, scale bar truth, glyphs, reference images.
#include <gtest/gtest.h>

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "atlas/atlas_data.h"
#include "atlas/figure_builder.h"
#include "core/data_paths.h"
#include "definitions/layer_set.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"
#include "render/figure_export.h"
#include "render/render_session.h"
#include "render/scale_bar.h"
#include "test_support.h"

namespace circatlas::render {
namespace {

class Figures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ensureRenderSession();
    core::NullProgress quiet;
    data_ = new atlas::AtlasData(
        atlas::AtlasData::load(definitions::loadBuiltinLayerSet(core::DataPaths::fromEnvironment()),
                               core::DataPaths::fromEnvironment(), quiet));
  }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }
  static FigurePage page(const std::string& preset, const std::string& region, Language lang, double dpi) {
    return atlas::buildFigure(*data_, definitions::loadBuiltinPreset(core::DataPaths::fromEnvironment(), preset),
                              region, {lang, dpi, "2024-05-17"});
  }
  static atlas::AtlasData* data_;
  test::TempDir dir_;
};
atlas::AtlasData* Figures::data_ = nullptr;

std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The catalogue's enterprises are split by province: Gansu's in industry colours, the neighbouring
// provinces' cross-border partners in their own grey layer, each once, none lost.
TEST_F(Figures, NeighbouringProvincesEnterprisesAreTheirOwnLayer) {
  const atlas::LoadedLayer* home = data_->find("enterprises");
  const atlas::LoadedLayer* away = data_->find("neighbour_enterprises");
  ASSERT_NE(home, nullptr);
  ASSERT_NE(away, nullptr);
  const auto field = [](const atlas::LoadedLayer& l) { return *l.source.schema().indexOf("province_code"); };
  for (const auto& f : home->source.features()) EXPECT_EQ(core::toString(f.values[field(*home)]), "");
  for (const auto& f : away->source.features()) EXPECT_NE(core::toString(f.values[field(*away)]), "");
  EXPECT_GT(away->source.size(), 0U);
  EXPECT_EQ(home->source.size() + away->source.size(), 377U) << "every catalogue enterprise in one of the two";
  const FigurePage province = page("enterprises", "province", Language::Zh, 72);
  const auto report = exportFigure(province, dir_ / "split.png");
  EXPECT_NE(std::find(report.legendLabels.begin(), report.legendLabels.end(), "邻省企业（跨省合作对象）"),
            report.legendLabels.end());
}

TEST_F(Figures, PdfTextHoldsTitleLegendAndScaleBar) {
  const auto path = dir_ / "overview.pdf";
  const auto report = exportFigure(page("overview", "province", Language::Zh, 150), path);
  const auto text = test::runCommand("pdftotext -enc UTF-8 '" + path.string() + "' -");
  ASSERT_EQ(text.exitCode, 0) << text.output;
  // 甘 and 金 share glyphs with Kangxi radicals in Noto CJK: the text must still read as ideographs
  for (const char* expected : {"甘肃省循环经济园区与矿产资源综合利用基地", "图例", "国家循环化改造试点园区",
                               "地级行政中心", "镍铜钴", "千米", "制图日期 2024-05-17"}) {
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected << "\n" << text.output;
  }
  EXPECT_NE(text.output.find(scaleBarLabel(report.scaleBar.lengthKm, Language::Zh)), std::string::npos) << text.output;
  ASSERT_FALSE(report.legendLabels.empty());
  for (const auto& label : report.legendLabels) EXPECT_NE(text.output.find(label), std::string::npos) << label;
}

TEST_F(Figures, EnglishPdfOfAPrefectureNamesItAndItsScale) {
  const auto path = dir_ / "jinchang.pdf";
  const auto report = exportFigure(page("enterprises", "620300", Language::En, 100), path);
  const auto text = test::runCommand("pdftotext '" + path.string() + "' -");
  for (const char* expected : {"Jinchang: enterprises and resource-utilisation projects", "Legend", "Power and heat",
                               " km", "Map date 2024-05-17"}) {
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected << "\n" << text.output;
  }
  EXPECT_LT(report.mapSettings.scaleDenominator(), 2.0e6);
}

TEST_F(Figures, EveryCreditIsPrintedWholeEvenWhenItIsLongerThanALine) {
  // The network preset's sources run to well over one line of the footer: they wrap, never elide.
  const auto path = dir_ / "network.pdf";
  (void)exportFigure(page("network", "province", Language::En, 100), path);
  auto text = test::runCommand("pdftotext -raw '" + path.string() + "' -");
  ASSERT_EQ(text.exitCode, 0) << text.output;
  std::replace(text.output.begin(), text.output.end(), '\n', ' ');
  EXPECT_EQ(text.output.find("…"), std::string::npos) << text.output;
  // The end of the first credit (the catalogue's) and the last line were cut off before.
  for (const char* expected :
       {"Rivers: Natural Earth", "circatlas catalogue", "see data/catalogue)", "Made with circatlas."}) {
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected << "\n" << text.output;
  }
}

std::string xmlEscaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

TEST_F(Figures, SvgHasLegendLabelsAsText) {
  const auto path = dir_ / "overview.svg";
  const auto report = exportFigure(page("overview", "province", Language::En, 96), path);
  const std::string svg = readAll(path);
  ASSERT_FALSE(report.legendLabels.empty());
  for (const auto& label : report.legendLabels) {
    EXPECT_NE(svg.find(">" + xmlEscaped(label) + "</text>"), std::string::npos) << label;
  }
}

TEST_F(Figures, PngSizeIsDpiTimesPageSize) {
  const auto path = dir_ / "overview.png";
  (void)exportFigure(page("overview", "province", Language::Zh, 120), path);
  const QImage image(QString::fromStdString(path.string()));
  EXPECT_EQ(image.width(), static_cast<int>(std::lround(297.0 / 25.4 * 120)));
  EXPECT_EQ(image.height(), static_cast<int>(std::lround(210.0 / 25.4 * 120)));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 120.0, 0.5);
}

// The bar's ends, inverse-projected, must be as far apart on the ellipsoid as the bar says.
void expectScaleBarTrue(const MapSettings& s, const ScaleBar& bar) {
  const geo::Transformer toLonLat(s.crs, geo::kWgs84);
  const core::Coord c = s.extent.center();
  const double half = bar.lengthPx * s.unitsPerPixel() / 2;
  const core::Coord a = toLonLat.forward(core::Coord{c.x - half, c.y});
  const core::Coord b = toLonLat.forward(core::Coord{c.x + half, c.y});
  const double km = geo::geodesicDistanceMeters({a.x, a.y}, {b.x, b.y}) / 1000.0;
  EXPECT_NEAR(km, bar.lengthKm, bar.lengthKm * 0.01);
}

TEST_F(Figures, ScaleBarMatchesGeodesicDistanceAtFrameCentre) {
  for (const char* region : {"province", "620100", "620900", "623000"}) {
    FigurePage p = page("overview", region, Language::Zh, 60);
    QImage image(p.widthPx(), p.heightPx(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    const FigureReport report = p.draw(painter);
    SCOPED_TRACE(region);
    expectScaleBarTrue(report.mapSettings, report.scaleBar);
    const double lead = report.scaleBar.lengthKm / std::pow(10.0, std::floor(std::log10(report.scaleBar.lengthKm)));
    EXPECT_TRUE(lead == 1 || lead == 2 || lead == 5) << report.scaleBar.lengthKm;
  }
}

TEST_F(Figures, ScaleBarIsTrueFarFromTheCentralMeridian) {
  // a frame over Dunhuang (94.7°E), where the conic's convergence is largest in Gansu
  const geo::Transformer toMap(geo::kWgs84, displayCrs());
  const core::Coord c = toMap.forward(core::Coord{94.7, 40.1});
  const core::Extent e{c.x - 50000, c.y - 40000, c.x + 50000, c.y + 40000};
  const MapSettings s = MapSettings::fitted(e, 1000, 800, 150, std::string(displayCrs()));
  expectScaleBarTrue(s, computeScaleBar(s, 300));
}

// Missing glyphs are drawn as identical boxes: distinct characters must give distinct bitmaps,
// none equal to the bitmap of an unassigned code point.
TEST(CjkText, RendersRealGlyphsNotBoxes) {
  ensureRenderSession();
  const QFont font = mapFont(24, 72);
  auto bitmap = [&font](const QString& s) {
    QImage image(40, 40, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRectF(0, 0, 40, 40), Qt::AlignCenter, s);
    return image;
  };
  const QImage missing = bitmap(QString(QChar(0xE000)));  // private use: no font has it
  std::vector<QImage> seen;
  for (const QString& ch : {QString::fromUtf8("甘"), QString::fromUtf8("肃"), QString::fromUtf8("兰"),
                            QString::fromUtf8("州"), QString::fromUtf8("金"), QString::fromUtf8("昌")}) {
    const QImage img = bitmap(ch);
    int dark = 0;
    for (int y = 0; y < img.height(); ++y)
      for (int x = 0; x < img.width(); ++x) dark += qGray(img.pixel(x, y)) < 128;
    EXPECT_GT(dark, 20) << ch.toStdString();
    EXPECT_NE(img, missing) << ch.toStdString() << " drawn as the missing-glyph box";
    for (const auto& other : seen) EXPECT_NE(img, other) << ch.toStdString() << " looks like another character";
    seen.push_back(img);
  }
}

// Reference images: small renders of each preset compared with stored PNGs. Regenerate with
// CIRCATLAS_UPDATE_REFERENCE=1 (then look at them before committing); never silently.
double meanDifference(const QImage& a, const QImage& b) {
  double sum = 0;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y);
      const QRgb q = b.pixel(x, y);
      sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
    }
  }
  return sum / (3.0 * a.width() * a.height());
}

TEST_F(Figures, PresetsMatchReferenceImages) {
  const bool update =
      std::getenv("CIRCATLAS_UPDATE_REFERENCE") && std::string(std::getenv("CIRCATLAS_UPDATE_REFERENCE")) == "1";
  for (const auto& name : definitions::builtinPresetNames(core::DataPaths::fromEnvironment())) {
    for (const char* region : {"province", "620300"}) {
      SCOPED_TRACE(name + " " + region);
      const std::string file = name + "_" + region + ".png";
      const auto out = dir_ / file;
      (void)exportFigure(page(name, region, Language::Zh, 40), out);
      const auto reference = std::filesystem::path(CIRCATLAS_REFERENCE_DIR) / file;
      if (update) {
        std::filesystem::copy_file(out, reference, std::filesystem::copy_options::overwrite_existing);
        continue;
      }
      ASSERT_TRUE(std::filesystem::exists(reference))
          << reference << " missing: run with CIRCATLAS_UPDATE_REFERENCE=1 to create it, then look at it";
      const QImage got(QString::fromStdString(out.string()));
      const QImage want(QString::fromStdString(reference.string()));
      ASSERT_EQ(got.size(), want.size());
      // small font-rasterisation differences pass; a moved layer, legend or title does not
      EXPECT_LT(meanDifference(got.convertToFormat(QImage::Format_RGB32), want.convertToFormat(QImage::Format_RGB32)),
                1.5)
          << "differs from " << reference
          << "; if the change is intended, regenerate with CIRCATLAS_UPDATE_REFERENCE=1";
    }
  }
}

}  // namespace
}  // namespace circatlas::render
