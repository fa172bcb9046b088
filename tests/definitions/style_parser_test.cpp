// Style, layer-set and preset files: valid files parse, mistakes are named with file:line:column.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/data_paths.h"
#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/figure_preset.h"
#include "definitions/json_source.h"
#include "definitions/layer_set.h"
#include "definitions/style_parser.h"
#include "test_support.h"

namespace circatlas::definitions {
namespace {

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const core::ParameterError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(StyleParser, ReadsACategorisedPointStyle) {
  const render::Style s = parseStyle(R"({
  "name": "parks", "title": {"zh": "园区", "en": "Parks"}, "geometry": "point",
  "renderer": "categorised", "field": "level",
  "classes": [{"values": ["national_pilot"], "label": "National", "symbol": {"marker": "star", "size": 4, "fill": "#b2182b"}}],
  "other": {"label": "Other", "symbol": {"fill": "#cccccc80"}},
  "labels": {"field": {"zh": "name_zh", "en": "name_en"}, "size": 6, "halo": {"width": 0.4}, "priority": 30}
})",
                                     "parks.json");
  EXPECT_EQ(s.name, "parks");
  ASSERT_EQ(s.classes.size(), 1u);
  EXPECT_EQ(s.classes[0].symbol.marker, render::MarkerShape::Star);
  EXPECT_EQ(*s.classes[0].symbol.fill, (render::Color{0xb2, 0x18, 0x2b, 255}));
  EXPECT_EQ(s.other->symbol.fill->a, 0x80);
  EXPECT_EQ(s.classify(core::Value{std::string("national_pilot")}), 0u);
  EXPECT_EQ(s.classify(core::Value{std::string("development_zone")}), 1u);  // other
  EXPECT_EQ(s.label->field.in(render::Language::En), "name_en");
  EXPECT_EQ(s.label->placement, render::LabelPlacement::AroundPoint);
}

TEST(StyleParser, PrefixMatchTakesIndustryGroups) {
  const render::Style s =
      parseStyle(R"({"name": "e", "geometry": "point", "renderer": "categorised", "field": "industry_code",
    "match": "prefix", "classes": [{"values": ["44"], "symbol": {}}, {"values": ["31", "32"], "symbol": {}}]})",
                 "e.json");
  EXPECT_EQ(s.classify(core::Value{std::string("4411")}), 0u);
  EXPECT_EQ(s.classify(core::Value{std::string("3211")}), 1u);
  EXPECT_FALSE(s.classify(core::Value{std::string("2611")}).has_value());  // no `other`: not drawn
}

TEST(StyleParser, GraduatedClassesIncludeTheLastUpperBound) {
  const render::Style s = parseStyle(R"({"name": "g", "geometry": "polygon", "renderer": "graduated", "field": "z",
    "classes": [{"min": 0, "max": 1, "symbol": {}}, {"min": 1, "max": 2, "symbol": {}}]})",
                                     "g.json");
  EXPECT_EQ(s.classify(core::Value{0.5}), 0u);
  EXPECT_EQ(s.classify(core::Value{1.0}), 1u);
  EXPECT_EQ(s.classify(core::Value{2.0}), 1u);
  EXPECT_FALSE(s.classify(core::Value{2.5}).has_value());
}

TEST(StyleParser, UnknownKeyIsNamedWithFileLineColumnAndPath) {
  const std::string msg = messageOf([] {
    (void)parseStyle(
        "{\n  \"name\": \"roads\",\n  \"geometry\": \"line\",\n  \"symbol\": {\"stroke\": \"#000000\",\n"
        "             \"strok_width\": 0.5}\n}",
        "roads.json");
  });
  EXPECT_NE(msg.find("roads.json:5:14"), std::string::npos) << msg;
  EXPECT_NE(msg.find("in style 'roads' at /symbol/strok_width"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown key 'strok_width'"), std::string::npos) << msg;
}

TEST(StyleParser, AHugeTitleIsRefusedNamingItsPlace) {
  // A 100 MB title took 1.6 GB and drew a black band across the figure; 5,000 bytes is refused.
  const std::string title(5000, 'x');
  const std::string msg = messageOf([&] {
    (void)parseStyle("{\n  \"name\": \"x\",\n  \"geometry\": \"point\",\n  \"title\": {\"zh\": \"" + title + "\"}\n}",
                     "x.json");
  });
  EXPECT_NE(msg.find("x.json:4:"), std::string::npos) << msg.substr(0, 200);
  EXPECT_NE(msg.find("at /title/zh: a text of 5000 bytes; titles and labels hold at most 4096 bytes"),
            std::string::npos)
      << msg.substr(0, 300);
}

TEST(StyleParser, AFileOverTheDefinitionBoundIsRefusedBeforeReading) {
  const test::TempDir dir;
  const auto path = dir / "huge.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"name\": \"x\", \"title\": \"" << std::string(kMaxDefinitionBytes, 'x') << "\"}";
  }
  const std::string msg = messageOf([&] { (void)parseStyleFile(path); });
  EXPECT_NE(msg.find(path.string() + ": a file of " + std::to_string(kMaxDefinitionBytes + 26) +
                     " bytes; a style, layer set or figure preset holds at most 4194304 bytes"),
            std::string::npos)
      << msg.substr(0, 300);
}

TEST(StyleParser, SyntaxErrorNamesLineAndColumn) {
  const std::string msg =
      messageOf([] { (void)parseStyle("{\n  \"name\": \"x\",\n  \"geometry\": point\n}", "x.json"); });
  EXPECT_NE(msg.find("x.json:3:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("invalid JSON"), std::string::npos) << msg;
}

// Found by figure_preset_fuzz (tests/data/fuzz-regressions/figure_preset_fuzz/number-overflow):
// nlohmann throws out_of_range, not parse_error, for a number beyond double; it escaped as an
// internal error. Now it is a definition error pointing at the number.
TEST(StyleParser, NumberBeyondDoubleIsAnErrorAtItsPosition) {
  const std::string msg = messageOf([] { (void)parseStyle("{\n  \"name\": \"x\",\n  \"dpi\": 7e999\n}", "x.json"); });
  EXPECT_NE(msg.find("x.json:3:10: in style: invalid JSON: number overflow parsing '7e999'"), std::string::npos) << msg;
}

// Found while reading the scanner for the fuzz targets: 60 000 nested arrays recursed once per
// level and built pointers of quadratic total length. Definition files nest a few levels.
TEST(StyleParser, DeepNestingIsRefusedWithItsPosition) {
  // Column 73 is the 64th bracket: 9 characters of {"name": before it.
  const std::string deep = "{\"name\": " + std::string(70, '[') + std::string(70, ']') + "}";
  const std::string msg = messageOf([&] { (void)parseStyle(deep, "deep.json"); });
  EXPECT_NE(msg.find("deep.json:1:73: in style: nested deeper than 64 levels"), std::string::npos) << msg;
  const std::string shallow = "{\"name\": " + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_EQ(messageOf([&] { (void)parseStyle(shallow, "ok.json"); }).find("nested deeper"), std::string::npos);
}

TEST(StyleParser, BadColourAndRangeAreRejected) {
  EXPECT_NE(messageOf([] {
              (void)parseStyle(R"({"name": "c", "geometry": "polygon", "symbol": {"fill": "red"}})", "c.json");
            }).find("expected a colour"),
            std::string::npos);
  EXPECT_NE(messageOf([] {
              (void)parseStyle(R"({"name": "c", "geometry": "point", "symbol": {"opacity": 2}})", "c.json");
            }).find("from 0 to 1"),
            std::string::npos);
}

TEST(LayerSet, RejectsPathsThatLeaveTheDataFolder) {
  const std::string msg = messageOf([] {
    (void)parseLayerSet(R"({"name": "s", "layers": [
      {"id": "x", "source": "../secrets.gpkg", "layer": "x", "style": "province"}]})",
                        "s.json");
  });
  EXPECT_NE(msg.find("s.json:2:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'..'"), std::string::npos) << msg;
  EXPECT_NE(messageOf([] {
              (void)parseLayerSet(
                  R"({"name": "s", "layers": [{"id": "x", "source": "/etc/passwd", "layer": "x", "style": "p"}]})",
                  "s.json");
            }).find("not absolute"),
            std::string::npos);
}

TEST(LayerSet, FilterKeepsOrExcludesItsValuesWithEmptyFieldsAsEmptyText) {
  const LayerSet set = parseLayerSet(R"({"name": "s", "layers": [
    {"id": "home", "source": "catalogue", "layer": "enterprises", "style": "p",
     "filter": {"field": "province_code", "values": [""]}},
    {"id": "away", "source": "catalogue", "layer": "enterprises", "style": "p",
     "filter": {"field": "province_code", "values": [""], "exclude": true}}]})",
                                     "s.json");
  ASSERT_EQ(set.layers.size(), 2U);
  const LayerFilter& home = *set.layers[0].filter;
  const LayerFilter& away = *set.layers[1].filter;
  EXPECT_FALSE(home.exclude);
  EXPECT_TRUE(away.exclude);
  EXPECT_TRUE(home.keeps(""));
  EXPECT_FALSE(home.keeps("610000"));
  EXPECT_FALSE(away.keeps(""));
  EXPECT_TRUE(away.keeps("610000"));
}

TEST(LayerSet, RejectsDuplicateIdsAndUnknownKeys) {
  EXPECT_NE(messageOf([] {
              (void)parseLayerSet(R"({"name": "s", "layers": [
                {"id": "a", "source": "basemap.gpkg", "layer": "x", "style": "p"},
                {"id": "a", "source": "basemap.gpkg", "layer": "y", "style": "p"}]})",
                                  "s.json");
            }).find("duplicate layer id 'a'"),
            std::string::npos);
  EXPECT_NE(
      messageOf([] {
        (void)parseLayerSet(
            R"({"name": "s", "layers": [{"id": "a", "source": "basemap.gpkg", "layer": "x", "style": "p", "visble": false}]})",
            "s.json");
      }).find("unknown key 'visble'"),
      std::string::npos);
}

TEST(BuiltinDefinitions, EveryStyleLayerSetAndPresetParses) {
  std::size_t styles = 0;
  for (const auto& e : std::filesystem::directory_iterator(core::DataPaths::fromEnvironment().stylesDir())) {
    if (e.path().extension() != ".json") continue;
    const render::Style s = parseStyleFile(e.path());
    EXPECT_EQ(s.name + ".json", e.path().filename().string());
    ++styles;
  }
  EXPECT_GE(styles, 17u);
  const LayerSet set = loadBuiltinLayerSet(core::DataPaths::fromEnvironment());
  for (const auto& l : set.layers)
    EXPECT_TRUE(std::filesystem::exists(core::DataPaths::fromEnvironment().stylesDir() / (l.style + ".json")))
        << l.style;
  const auto presets = builtinPresetNames(core::DataPaths::fromEnvironment());
  ASSERT_GE(presets.size(), 2u);
  for (const auto& name : presets) {
    const FigurePreset p = loadBuiltinPreset(core::DataPaths::fromEnvironment(), name);
    for (const auto& id : p.layers) EXPECT_NE(set.find(id), nullptr) << name << ": " << id;
  }
  EXPECT_NE(messageOf([] { (void)loadBuiltinPreset(core::DataPaths::fromEnvironment(), "nosuch"); }).find("presets: "),
            std::string::npos);
}

}  // namespace
}  // namespace circatlas::definitions
