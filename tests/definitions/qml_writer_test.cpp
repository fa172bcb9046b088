// QML and SLD from our styles: well-formed XML with the renderer, classes, symbols and labels of the style.
#include "definitions/qml_writer.h"

#include <gtest/gtest.h>

#include <QXmlStreamReader>

#include <map>
#include <vector>

#include "definitions/sld_writer.h"
#include "definitions/style_parser.h"

namespace circatlas::definitions {
namespace {

/// An element seen while reading: its name, attributes and text.
struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
};

/// Every element of the document in order; fails the test when the XML is not well formed.
std::vector<Element> elements(const std::string& xml) {
  std::vector<Element> out;
  QXmlStreamReader reader(QString::fromStdString(xml));
  std::vector<std::size_t> open;
  while (!reader.atEnd()) {
    reader.readNext();
    if (reader.isStartElement()) {
      Element e{reader.name().toString().toStdString(), {}, {}};
      for (const auto& a : reader.attributes())
        e.attributes[a.name().toString().toStdString()] = a.value().toString().toStdString();
      out.push_back(std::move(e));
      open.push_back(out.size() - 1);
    } else if (reader.isCharacters() && !open.empty()) {
      out[open.back()].text += reader.text().toString().toStdString();
    } else if (reader.isEndElement()) {
      open.pop_back();
    }
  }
  EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString() << "\n" << xml;
  return out;
}

std::vector<Element> named(const std::vector<Element>& all, const std::string& name) {
  std::vector<Element> out;
  for (const auto& e : all) {
    if (e.name == name) out.push_back(e);
  }
  return out;
}

const char* kParks = R"({
  "name": "parks", "title": {"zh": "园区", "en": "Parks"}, "geometry": "point",
  "renderer": "categorised", "field": "level",
  "classes": [
    {"values": ["national_pilot"], "label": {"zh": "国家试点", "en": "National pilot"},
     "symbol": {"marker": "star", "size": 4.2, "fill": "#b2182b", "stroke": "#ffffff", "stroke_width": 0.3}},
    {"values": ["provincial_pilot", "provincial_demonstration"], "label": {"zh": "省级", "en": "Provincial"},
     "symbol": {"marker": "hexagon", "size": 2.5, "fill": "#fddbc7cc", "opacity": 0.5}}
  ],
  "other": {"label": {"zh": "其他", "en": "Other"}, "symbol": {"marker": "circle", "size": 1.8, "fill": "#bdbdbd"}},
  "labels": {"field": {"zh": "name_zh", "en": "name_en"}, "size": 5.5, "bold": true, "color": "#8a2a1c",
             "halo": {"color": "#ffffff", "width": 0.4}, "priority": 30, "placement": "around_point",
             "scale_range": {"max_denominator": 4500000}}
})";

TEST(QmlWriter, CategorisedStyleWithoutCatchAllBecomesCategorizedSymbolWithOneCategoryPerClass) {
  std::string parks = kParks;
  const auto other = parks.find("\"other\":");
  parks.erase(other, parks.find("\"labels\":") - other);  // the same style without its catch-all class
  const auto xml = elements(toQml(parseStyle(parks, "parks.json"), render::Language::Zh));
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(xml[0].name, "qgis");
  EXPECT_EQ(xml[0].attributes.at("labelsEnabled"), "1");
  const auto renderer = named(xml, "renderer-v2");
  ASSERT_EQ(renderer.size(), 1U);
  EXPECT_EQ(renderer[0].attributes.at("type"), "categorizedSymbol");
  EXPECT_EQ(renderer[0].attributes.at("attr"), "level");
  const auto categories = named(xml, "category");
  ASSERT_EQ(categories.size(), 2U);
  EXPECT_EQ(categories[0].attributes.at("value"), "national_pilot");
  EXPECT_EQ(categories[0].attributes.at("label"), "国家试点");
  EXPECT_EQ(categories[0].attributes.at("symbol"), "0");
  EXPECT_EQ(categories[1].attributes.count("value"), 0U);  // several values: <val> children
  const auto vals = named(xml, "val");
  ASSERT_EQ(vals.size(), 2U);
  EXPECT_EQ(vals[0].attributes.at("value"), "provincial_pilot");
  EXPECT_EQ(vals[1].attributes.at("value"), "provincial_demonstration");
}

// QGIS 3.22 draws a categorised "all other values" category (value "") only for NULL and leaves
// other unmatched values out of its legend, so a catch-all class is written as rules with ELSE.
TEST(QmlWriter, CategorisedStyleWithCatchAllBecomesExactRulesAndAnElseRule) {
  const auto xml = elements(toQml(parseStyle(kParks, "parks.json"), render::Language::Zh));
  const auto renderer = named(xml, "renderer-v2");
  ASSERT_EQ(renderer.size(), 1U);
  EXPECT_EQ(renderer[0].attributes.at("type"), "RuleRenderer");
  EXPECT_TRUE(named(xml, "category").empty());
  const auto rules = named(xml, "rule");
  ASSERT_EQ(rules.size(), 3U);
  EXPECT_EQ(rules[0].attributes.at("filter"), "\"level\" = 'national_pilot'");
  EXPECT_EQ(rules[0].attributes.at("label"), "国家试点");
  EXPECT_EQ(rules[0].attributes.at("symbol"), "0");
  EXPECT_EQ(rules[1].attributes.at("filter"), "\"level\" IN ('provincial_pilot', 'provincial_demonstration')");
  EXPECT_EQ(rules[2].attributes.at("filter"), "ELSE");
  EXPECT_EQ(rules[2].attributes.at("label"), "其他");
  EXPECT_EQ(rules[2].attributes.at("symbol"), "2");
}

TEST(QmlWriter, SymbolsCarryShapeColoursSizesStrokesAndOpacity) {
  const auto xml = elements(toQml(parseStyle(kParks, "parks.json"), render::Language::En));
  const auto symbols = named(xml, "symbol");
  ASSERT_EQ(symbols.size(), 3U);
  EXPECT_EQ(symbols[0].attributes.at("type"), "marker");
  EXPECT_EQ(symbols[1].attributes.at("alpha"), "0.5");
  std::map<std::string, std::string> first;  // the prop elements of the first symbol layer
  for (const auto& p : named(xml, "prop")) {
    if (first.count(p.attributes.at("k"))) break;
    first[p.attributes.at("k")] = p.attributes.at("v");
  }
  EXPECT_EQ(first["name"], "star");
  EXPECT_EQ(first["color"], "178,24,43,255");
  EXPECT_EQ(first["outline_color"], "255,255,255,255");
  EXPECT_EQ(first["outline_width"], "0.3");
  EXPECT_EQ(first["size"], "4.2");
  EXPECT_EQ(first["size_unit"], "MM");
  const auto hexagonColour = std::find_if(xml.begin(), xml.end(), [](const Element& e) {
    return e.name == "prop" && e.attributes.at("k") == "color" && e.attributes.at("v") == "253,219,199,204";
  });
  EXPECT_NE(hexagonColour, xml.end()) << "the class colour keeps its own alpha";
}

TEST(QmlWriter, LabelsUseTheLanguagesFieldHaloPriorityAndScale) {
  const auto zh = elements(toQml(parseStyle(kParks, "parks.json"), render::Language::Zh));
  const auto en = elements(toQml(parseStyle(kParks, "parks.json"), render::Language::En));
  EXPECT_EQ(named(zh, "text-style").at(0).attributes.at("fieldName"), "name_zh");
  const auto text = named(en, "text-style").at(0);
  EXPECT_EQ(text.attributes.at("fieldName"), "name_en");
  EXPECT_EQ(text.attributes.at("fontSize"), "5.5");
  EXPECT_EQ(text.attributes.at("fontWeight"), "75");
  EXPECT_EQ(text.attributes.at("textColor"), "138,42,28,255");
  const auto buffer = named(en, "text-buffer").at(0);
  EXPECT_EQ(buffer.attributes.at("bufferDraw"), "1");
  EXPECT_EQ(buffer.attributes.at("bufferSize"), "0.4");
  const auto rendering = named(en, "rendering").at(0);
  EXPECT_EQ(rendering.attributes.at("priority"), "3");
  EXPECT_EQ(rendering.attributes.at("scaleVisibility"), "1");
  EXPECT_EQ(rendering.attributes.at("scaleMax"), "4500000");
  EXPECT_EQ(named(en, "placement").at(0).attributes.at("placement"), "6");
  EXPECT_EQ(rendering.attributes.at("obstacle"), "1") << "point symbols keep other labels off, as in our engine";
}

TEST(QmlWriter, LinesAndPolygonsAreNoObstacleToLabelsAsInOurEngine) {
  const auto rivers = parseStyle(R"({"name": "rivers", "geometry": "line", "symbol": {"stroke": "#0000ff"},
    "labels": {"field": "name", "placement": "line"}})",
                                 "rivers.json");
  EXPECT_EQ(named(elements(toQml(rivers, render::Language::En)), "rendering").at(0).attributes.at("obstacle"), "0");
}

TEST(QmlWriter, PrefixMatchBecomesRulesWithLikeFiltersAndAnElseRule) {
  const auto style = parseStyle(R"({"name": "enterprises", "geometry": "point", "renderer": "categorised",
    "field": "industry_code", "match": "prefix",
    "classes": [{"values": ["44"], "label": "Power", "symbol": {"fill": "#e6550d"}},
                {"values": ["06", "07"], "label": "Mining", "symbol": {"fill": "#636363"}}],
    "other": {"label": "Other", "symbol": {"fill": "#bdbdbd"}}})",
                                "enterprises.json");
  const auto xml = elements(toQml(style, render::Language::En));
  EXPECT_EQ(named(xml, "renderer-v2").at(0).attributes.at("type"), "RuleRenderer");
  const auto rules = named(xml, "rule");
  ASSERT_EQ(rules.size(), 3U);
  EXPECT_EQ(rules[0].attributes.at("filter"), "\"industry_code\" LIKE '44%'");
  EXPECT_EQ(rules[1].attributes.at("filter"), "\"industry_code\" LIKE '06%' OR \"industry_code\" LIKE '07%'");
  EXPECT_EQ(rules[2].attributes.at("filter"), "ELSE");
  EXPECT_EQ(rules[2].attributes.at("label"), "Other");
}

const char* kHotspots = R"({"name": "hotspots", "geometry": "polygon", "renderer": "graduated", "field": "gi_z",
  "classes": [{"min": 1.65, "max": 1.96, "label": "90 %", "symbol": {"fill": "#fcae9199", "stroke": "none"}},
              {"min": 2.58, "label": "99 %", "symbol": {"fill": "#cb181d", "stroke": "#000000", "dash": [2, 1]}}]})";

TEST(QmlWriter, GraduatedStyleBecomesRangesWithOpenEndsAsLargeNumbers) {
  const auto xml = elements(toQml(parseStyle(kHotspots, "hotspots.json"), render::Language::En));
  const auto renderer = named(xml, "renderer-v2").at(0);
  EXPECT_EQ(renderer.attributes.at("type"), "graduatedSymbol");
  EXPECT_EQ(renderer.attributes.at("attr"), "gi_z");
  const auto ranges = named(xml, "range");
  ASSERT_EQ(ranges.size(), 2U);
  EXPECT_EQ(std::stod(ranges[0].attributes.at("lower")), 1.65);
  EXPECT_EQ(std::stod(ranges[0].attributes.at("upper")), 1.96);
  EXPECT_GT(std::stod(ranges[1].attributes.at("upper")), 1e300);
  EXPECT_EQ(named(xml, "symbol").at(0).attributes.at("type"), "fill");
  EXPECT_TRUE(named(xml, "labeling").empty());
}

TEST(QmlWriter, SizeByBecomesADataDefinedScaleLinear) {
  const auto style = parseStyle(R"({"name": "partner_links", "geometry": "line", "renderer": "single",
    "symbol": {"stroke": "#7f7f7f"},
    "size_by": {"field": "tonnes", "min_value": 0, "max_value": 1000000, "min_size": 0.3, "max_size": 2.5}})",
                                "partner_links.json");
  const auto xml = elements(toQml(style, render::Language::En));
  EXPECT_EQ(named(xml, "renderer-v2").at(0).attributes.at("type"), "singleSymbol");
  bool found = false;
  for (const auto& o : named(xml, "Option")) {
    if (o.attributes.count("name") && o.attributes.at("name") == "expression") {
      EXPECT_EQ(o.attributes.at("value"), "scale_linear(\"tonnes\", 0, 1000000, 0.3, 2.5)");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(SldWriter, OneRulePerClassWithFiltersAndOtherAsTheirNegationOrNull) {
  const auto xml = elements(toSld(parseStyle(kParks, "parks.json"), "parks", render::Language::En));
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(xml[0].name, "StyledLayerDescriptor");
  EXPECT_EQ(xml[0].attributes.at("version"), "1.1.0");
  EXPECT_EQ(named(xml, "Rule").size(), 4U);  // 2 classes, other, labels
  // national_pilot; provincial_pilot or provincial_demonstration; NULL or none of the three
  const auto equal = named(xml, "PropertyIsEqualTo");
  EXPECT_EQ(equal.size(), 6U);
  EXPECT_EQ(named(xml, "Or").size(), 3U);
  EXPECT_EQ(named(xml, "Not").size(), 1U);
  EXPECT_EQ(named(xml, "PropertyIsNull").size(), 1U);
  EXPECT_EQ(named(xml, "ElseFilter").size(), 0U) << "QGIS ignores se:ElseFilter";
  const auto literals = named(xml, "Literal");
  ASSERT_EQ(literals.size(), 6U);
  EXPECT_EQ(literals[0].text, "national_pilot");
  EXPECT_EQ(named(xml, "WellKnownName").at(0).text, "star");
  EXPECT_EQ(named(xml, "MaxScaleDenominator").at(0).text, "4500000");
  EXPECT_EQ(named(xml, "TextSymbolizer").size(), 1U);
  std::string fontSize;
  for (const auto& p : named(xml, "SvgParameter")) {
    if (p.attributes.at("name") == "font-size") fontSize = p.text;
  }
  EXPECT_EQ(fontSize, "7") << "5.5 pt in whole 0.28 mm pixels, which QGIS reads (it ignores 6.93)";
}

TEST(SldWriter, APrefixClassExcludesWhatAnEarlierOverlappingClassTakes) {
  const auto style = parseStyle(R"({"name": "m", "geometry": "point", "renderer": "categorised", "field": "minerals",
    "match": "prefix", "classes": [{"values": ["nickel;copper"], "symbol": {}}, {"values": ["nickel"], "symbol": {}},
    {"values": ["coal"], "symbol": {}}]})",
                                "m.json");
  const auto xml = elements(toSld(style, "m", render::Language::En));
  EXPECT_EQ(named(xml, "PropertyIsLike").size(), 4U);  // nickel;copper; nickel and not nickel;copper; coal
  EXPECT_EQ(named(xml, "Not").size(), 1U);
  EXPECT_EQ(named(xml, "And").size(), 1U);
}

TEST(SldWriter, GraduatedClassesAreHalfOpenRanges) {
  const auto xml = elements(toSld(parseStyle(kHotspots, "hotspots.json"), "hotspots", render::Language::En));
  EXPECT_EQ(named(xml, "PropertyIsGreaterThanOrEqualTo").size(), 2U);
  EXPECT_EQ(named(xml, "PropertyIsLessThan").size(), 1U);
  EXPECT_EQ(named(xml, "And").size(), 1U);
  EXPECT_EQ(named(xml, "PolygonSymbolizer").size(), 2U);
  bool dashed = false;
  for (const auto& p : named(xml, "SvgParameter")) dashed |= p.attributes.at("name") == "stroke-dasharray";
  EXPECT_TRUE(dashed);
}

}  // namespace
}  // namespace circatlas::definitions
