// The QGIS project document: print layouts per figure preset, read back with Qt's XML reader.
#include "definitions/qgis_project_writer.h"

#include <gtest/gtest.h>

#include <QXmlStreamReader>

#include <map>
#include <string>
#include <vector>

#include "definitions/qgis_layout_writer.h"
#include "render/figure_layout.h"

namespace circatlas::definitions {
namespace {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  ///< the element's own text, when it has only text
};

std::vector<Element> elements(const std::string& xml) {
  std::vector<Element> out;
  QXmlStreamReader r(QString::fromStdString(xml));
  while (!r.atEnd()) {
    if (r.readNext() != QXmlStreamReader::StartElement) continue;
    Element e;
    e.name = r.name().toString().toStdString();
    for (const auto& a : r.attributes())
      e.attributes[a.name().toString().toStdString()] = a.value().toString().toStdString();
    if (e.name == "Layer") e.text = r.readElementText().toStdString();
    out.push_back(std::move(e));
  }
  EXPECT_FALSE(r.hasError()) << r.errorString().toStdString();
  return out;
}

std::vector<Element> named(const std::vector<Element>& all, const std::string& name) {
  std::vector<Element> out;
  for (const auto& e : all) {
    if (e.name == name) out.push_back(e);
  }
  return out;
}

QgisProject project() {
  QgisProject p;
  p.title = "atlas";
  p.crsWkt = "PROJCRS[\"lcc\"]";
  p.extent = std::array<double, 4>{0, 0, 1000, 500};
  p.layers = {{"parks", "./a.gpkg|layername=parks", "园区", "目录", true, "Point", "", ""},
              {"province", "./a.gpkg|layername=province", "省界", "底图", true, "Polygon", "", ""},
              {"flows", "./a.gpkg|layername=flows", "物料流", "表格", false, "", "", ""}};
  QgisPrintLayout layout;
  layout.name = "甘肃省园区";
  layout.title = "甘肃省园区";
  layout.subtitle = "按级别";
  layout.legendTitle = "图例";
  layout.credits = {"数据来源：甲", "投影：乙"};
  layout.extent = {0, 0, 1000, 500};
  layout.layers = {"parks", "flows", "rivers", "province"};  // a table and a layer the export lacks
  p.layouts.push_back(layout);
  return p;
}

TEST(QgisLayouts, EachLayoutHasAPageAMapOnItsLayersALinkedLegendScaleBarNorthArrowAndTexts) {
  const auto xml = elements(toQgs(project()));
  const auto layouts = named(xml, "Layout");
  ASSERT_EQ(layouts.size(), 1U);
  EXPECT_EQ(layouts[0].attributes.at("name"), "甘肃省园区");
  std::map<std::string, Element> byType;
  for (const auto& item : named(xml, "LayoutItem")) byType[item.attributes.at("type")] = item;
  ASSERT_EQ(byType.count("65638"), 1U);  // page
  EXPECT_EQ(byType["65638"].attributes.at("size"), "297,210,mm");
  const auto& map = byType["65639"];
  EXPECT_EQ(map.attributes.at("keepLayerSet"), "true");
  // Only layers with geometry that the project holds, top first as listed.
  const auto layers = named(xml, "Layer");
  ASSERT_EQ(layers.size(), 2U);
  EXPECT_EQ(layers[0].text, "parks");
  EXPECT_EQ(layers[0].attributes.at("source"), "./a.gpkg|layername=parks");
  EXPECT_EQ(layers[1].text, "province");
  EXPECT_EQ(byType["65642"].attributes.at("map_uuid"), map.attributes.at("uuid"));  // legend → map
  EXPECT_EQ(byType["65642"].attributes.at("title"), "图例");
  EXPECT_EQ(byType["65646"].attributes.at("mapUuid"), map.attributes.at("uuid"));  // scale bar → map
  EXPECT_EQ(byType["65640"].attributes.at("mapUuid"), map.attributes.at("uuid"));  // north arrow → map
  std::vector<std::string> texts;
  for (const auto& item : named(xml, "LayoutItem")) {
    if (item.attributes.at("type") == "65641") texts.push_back(item.attributes.at("labelText"));
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"甘肃省园区", "按级别", "数据来源：甲\n投影：乙"}));
}

TEST(QgisLayouts, TheMapFrameIsTheFiguresAndItsExtentKeepsTheFramesAspectAroundTheRegion) {
  // A4 landscape as render::FigureLayout: 10 mm margins, 5 mm for latitude labels, 19 mm header,
  // a 64 mm panel after a 6 mm gap, 13 mm footer.
  const auto f = render::figurePageGeometry(297, 210);
  EXPECT_DOUBLE_EQ(f.mapX, 15);
  EXPECT_DOUBLE_EQ(f.mapY, 29);
  EXPECT_DOUBLE_EQ(f.mapW, 297 - 15 - 10 - 64 - 6);
  EXPECT_DOUBLE_EQ(f.mapH, 210 - 29 - 10 - 13);
  EXPECT_DOUBLE_EQ(f.panelX, 297 - 10 - 64);
  // A wide region in a taller frame is widened in y only, centred, so nothing is cut or distorted.
  const auto e = detail::fittedExtent({0, 0, 1000, 100}, 200, 100);
  EXPECT_DOUBLE_EQ(e[0], 0);
  EXPECT_DOUBLE_EQ(e[2], 1000);
  EXPECT_DOUBLE_EQ(e[3] - e[1], 500);
  EXPECT_DOUBLE_EQ((e[1] + e[3]) / 2, 50);
  const auto tall = detail::fittedExtent({0, 0, 100, 1000}, 200, 100);
  EXPECT_DOUBLE_EQ(tall[2] - tall[0], 2000);
  EXPECT_DOUBLE_EQ(tall[3] - tall[1], 1000);
}

TEST(QgisLayouts, AProjectWithoutLayoutsWritesNoLayoutsElement) {
  QgisProject p = project();
  p.layouts.clear();
  EXPECT_TRUE(named(elements(toQgs(p)), "Layouts").empty());
}

}  // namespace
}  // namespace circatlas::definitions
