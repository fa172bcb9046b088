// The analysis declarations hold: every result's fields and style fields exist when its tool runs on a literal
// catalogue, ids are unique, presets name layers that exist.
#include "core/data_paths.h"
#include "tools/analysis_specs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "core/layer.h"
#include "definitions/definition_paths.h"
#include "definitions/figure_preset.h"
#include "definitions/layer_set.h"
#include "definitions/style_parser.h"
#include "render/style.h"
#include "tools/allocation_regions.h"
#include "tools/cluster_tool.h"
#include "tools/distances_tool.h"
#include "tools/flow_estimates.h"
#include "tools/hotspots_tool.h"
#include "tools/overlay_tool.h"
#include "tools/partners_tool.h"
#include "tools/whatif_tool.h"

namespace circatlas::tools {
namespace {

using core::FieldType;
using core::Value;

Value s(const char* text) { return std::string(text); }

// A literal catalogue with the columns of data/catalogue: two power plants and a cement works along
// 38.5°N (0.01148° of longitude ≈ 1 km there), a brick works 9 km east, a park, a project and a
// mining base; one county and one prefecture around them all.
core::Layer enterprises() {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"industry_code", FieldType::String},
                              {"status", FieldType::String},
                              {"capacity", FieldType::Real},
                              {"capacity_unit", FieldType::String}}));
  auto add = [&](const char* id, const char* zh, const char* en, const char* industry, Value capacity, const char* unit,
                 double lon) {
    l.add({core::FeatureId(static_cast<std::int64_t>(l.size() + 1)),
           core::Geometry::point({lon, 38.5}),
           {s(id), s(zh), s(en), s(industry), s("none"), std::move(capacity), s(unit)}});
  };
  add("E1", "电厂一", "Power plant 1", "4411", 600.0, "MW", 102.0);
  add("E2", "电厂二", "Power plant 2", "4411", 300.0, "MW", 102.01148);
  add("E3", "水泥厂", "Cement works", "3011", 1000.0, "t/d clinker", 102.02296);
  add("E4", "砖厂", "Brick works", "3031", Value(), "", 102.1);
  return l;
}

core::Layer flows() {
  core::Layer l("flows", "", core::GeometryType::None,
                core::Schema({{"enterprise_id", FieldType::String},
                              {"material_code", FieldType::String},
                              {"direction", FieldType::String},
                              {"quantity", FieldType::Real}}));
  l.add({core::FeatureId(1), core::Geometry(), {s("E1"), s("FLY_ASH"), s("output"), 100000.0}});
  l.add({core::FeatureId(2), core::Geometry(), {s("E2"), s("FLY_ASH"), s("output"), 50000.0}});
  return l;
}

core::Layer materials() {
  core::Layer l("materials", "", core::GeometryType::None,
                core::Schema({{"code", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"unit", FieldType::String},
                              {"max_distance_km", FieldType::Real},
                              {"cost_cny_per_unit_km", FieldType::Real},
                              {"disposal_cost_cny_per_unit", FieldType::Real}}));
  l.add(
      {core::FeatureId(1), core::Geometry(), {s("FLY_ASH"), s("粉煤灰"), s("Coal fly ash"), s("t"), 170.0, 0.5, 25.0}});
  return l;
}

core::Layer materialUses() {
  core::Layer l("material_uses", "", core::GeometryType::None,
                core::Schema({{"material_code", FieldType::String},
                              {"receiver_industry", FieldType::String},
                              {"use_zh", FieldType::String},
                              {"use_en", FieldType::String},
                              {"demand_factor", FieldType::Real}}));
  l.add(
      {core::FeatureId(1), core::Geometry(), {s("FLY_ASH"), s("3011"), s("水泥混合材"), s("cement admixture"), 0.15}});
  l.add({core::FeatureId(2), core::Geometry(), {s("FLY_ASH"), s("3031"), s("烧结砖"), s("fired bricks"), Value()}});
  return l;
}

core::Layer parks() {
  core::Layer l("parks", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"level", FieldType::String}}));
  l.add({core::FeatureId(1),
         core::Geometry::point({102.011, 38.5}),
         {s("P1"), s("园区"), s("Park"), s("national_pilot")}});
  return l;
}

core::Layer projects() {
  core::Layer l("projects", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"status", FieldType::String}}));
  l.add({core::FeatureId(1),
         core::Geometry::point({102.05, 38.5}),
         {s("J1"), s("砖厂扩建"), s("Brick works"), s("proposed")}});
  return l;
}

core::Layer projectFlows() {
  core::Layer l("project_flows", "", core::GeometryType::None,
                core::Schema({{"project_id", FieldType::String},
                              {"material_code", FieldType::String},
                              {"direction", FieldType::String},
                              {"quantity", FieldType::Real}}));
  l.add({core::FeatureId(1), core::Geometry(), {s("J1"), s("FLY_ASH"), s("input"), 20000.0}});
  return l;
}

/// Three counties side by side, 1° wide from 100.5°E (the enterprises lie in the middle one), and their prefecture.
core::Layer counties() {
  core::Layer l("counties", "EPSG:4326", core::GeometryType::Polygon,
                core::Schema({{"code", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"prefecture_code", FieldType::String}}));
  const char* codes[] = {"620321", "620302", "620322"};
  for (int i = 0; i < 3; ++i) {
    const double w = 100.5 + i;
    const std::vector<std::vector<core::Coord>> rings = {{{w, 38}, {w + 1, 38}, {w + 1, 39}, {w, 39}, {w, 38}}};
    l.add({core::FeatureId(i + 1), core::Geometry::polygon(rings), {s(codes[i]), s("县"), s("County"), s("620300")}});
  }
  return l;
}

core::Layer prefectures() {
  core::Layer l(
      "prefectures", "EPSG:4326", core::GeometryType::Polygon,
      core::Schema({{"code", FieldType::String}, {"name_zh", FieldType::String}, {"name_en", FieldType::String}}));
  const std::vector<std::vector<core::Coord>> rings = {
      {{100.5, 38}, {103.5, 38}, {103.5, 39}, {100.5, 39}, {100.5, 38}}};
  l.add({core::FeatureId(1), core::Geometry::polygon(rings), {s("620300"), s("金昌市"), s("Jinchang")}});
  return l;
}

core::Layer miningBases() {
  core::Layer l("mining_bases", "EPSG:4326", core::GeometryType::Polygon,
                core::Schema({{"id", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"minerals", FieldType::String}}));
  const std::vector<std::vector<core::Coord>> rings = {{{102, 38.4}, {102.2, 38.4}, {102.2, 38.6}, {102, 38.4}}};
  l.add({core::FeatureId(1),
         core::Geometry::polygon(rings),
         {s("MB1"), s("矿业基地"), s("Mining base"), s("nickel;copper")}});
  return l;
}

/// Every result layer the tools make from the literal catalogue, under the id its spec declares.
std::map<std::string, core::Layer> runEveryTool() {
  const core::Layer e = enterprises(), f = flows(), m = materials(), u = materialUses(), p = parks(), j = projects();
  const core::Layer counties = tools::counties(), prefectures = tools::prefectures();
  const core::Layer bases = miningBases();
  std::map<std::string, core::Layer> out;
  auto put = [&](const ResultSpec& spec, const core::Layer& layer, std::string_view material = {}) {
    out.emplace(resultId(spec, material), layer);
  };

  ClusterParams cluster;
  cluster.epsMeters = 2000.0;
  cluster.minPoints = 2;
  const ClusterResult c = runCluster(e, f, counties, &p, cluster);
  put(spec::cluster::members, c.members);
  put(spec::cluster::convexHulls, c.convexHulls);
  put(spec::cluster::concaveHulls, c.concaveHulls);
  cluster.members = MembersForm::Table;
  put(spec::cluster::membership, runCluster(e, f, counties, &p, cluster).members);

  std::vector<std::size_t> everyEnterprise(e.size());
  std::iota(everyEnterprise.begin(), everyEnterprise.end(), 0);
  const std::vector<FlowAmount> amounts = flowAmounts(e, everyEnterprise, f, nullptr);
  const OverlayResult o = runOverlay({counties, prefectures, e, amounts, &p, &j, &bases});
  put(spec::overlay::enterprises, o.enterprises);
  put(spec::overlay::parks, *o.parks);
  put(spec::overlay::projects, *o.projects);
  put(spec::overlay::miningBases, *o.miningBases);
  put(spec::overlay::countySummary, o.countySummary);
  put(spec::overlay::prefectureSummary, o.prefectureSummary);

  HotspotsParams hot;
  hot.permutations = 9;
  put(spec::hotspots::counties, runHotspots(e, f, counties, hot).counties, hot.material);

  const PartnersResult r = runPartners({e, f, m, u}, {});
  put(spec::partners::candidates, r.candidates);
  put(spec::partners::unmatched, r.unmatched);
  put(spec::partners::inactive, r.inactive);
  put(spec::allocate::optimal, r.optimal);
  put(spec::allocate::greedy, r.greedy);
  put(spec::allocate::summary, r.summary);
  put(spec::allocate::byPrefecture, allocationByPrefecture({e, f, m, u}, r, prefectures));

  put(spec::whatif::table, runWhatIf({e, f, m, u}, j, projectFlows(), {}).table);

  // One trunk road 12 km long along 37.5°N; a place near each end.
  core::Layer roads("roads", "EPSG:4326", core::GeometryType::LineString, core::Schema({{"class", FieldType::String}}));
  const core::Coord line[] = {{100.99, 37.5}, {101.05, 37.5}, {101.11, 37.5}};
  roads.add({core::FeatureId(1), core::Geometry::lineString(line), {s("trunk")}});
  const RoadNetwork network = buildNetwork(roads, {});
  const analysis::network::Router router(network.graph(), {});
  const Place places[] = {{"A", {101.0, 37.501}}, {"B", {101.1, 37.499}}};
  const DistancesResult d = runDistances(network, router, std::span(places, 1), std::span(places + 1, 1), true);
  put(spec::distances::matrix, d.matrix);
  put(spec::distances::routes, *d.routes);
  put(spec::route::line, runRoute(network, router, places[0], places[1]).line);
  return out;
}

std::set<std::string> fieldsOf(const core::Layer& layer) {
  std::set<std::string> out;
  for (const auto& field : layer.schema().fields()) out.insert(field.name);
  return out;
}

/// Every field a style reads: its classes' field, the size field, the label fields and ranks.
std::set<std::string> styleFields(const render::Style& style) {
  std::set<std::string> out;
  if (style.renderer != render::SymbolRenderer::Single) out.insert(style.field);
  if (style.sizeBy) out.insert(style.sizeBy->field);
  if (style.label) {
    for (const auto& f : {style.label->field.zh, style.label->field.en, style.label->rankField, style.label->rankPer}) {
      if (!f.empty()) out.insert(f);
    }
  }
  return out;
}

TEST(AnalysisSpec, EveryResultHasItsDeclaredFieldsAndTheFieldsItsStyleReads) {
  const std::map<std::string, core::Layer> results = runEveryTool();
  std::set<std::string> checked;
  for (const auto& analysis : analyses()) {
    for (const auto& result : analysis.results) {
      const std::string id = resultId(result, "FLY_ASH");
      const auto it = results.find(id);
      ASSERT_NE(it, results.end()) << id << " was not made";
      checked.insert(id);
      SCOPED_TRACE(std::string(analysis.id) + ": " + id);
      const std::set<std::string> fields = fieldsOf(it->second);
      for (const auto& declared : fieldNames(result))
        EXPECT_TRUE(fields.contains(declared)) << "declared field " << declared;
      if (result.style.empty()) continue;
      const render::Style style = definitions::parseStyleFile(core::DataPaths::fromEnvironment().stylesDir() /
                                                              (std::string(result.style) + ".json"));
      for (const auto& read : styleFields(style)) {
        EXPECT_TRUE(fields.contains(read)) << "style '" << result.style << "' reads field '" << read << "'";
      }
    }
  }
  EXPECT_EQ(checked.size(), results.size()) << "every result the tools made is declared";
}

TEST(AnalysisSpec, ToolsNameTheirLayersAsDeclared) {
  // The layers a command writes with --out carry these names, overlay's too (overlay_enterprises, …).
  for (const auto& [id, layer] : runEveryTool()) EXPECT_EQ(layer.name(), id);
}

TEST(AnalysisSpec, AResultIdMeansOneResult) {
  std::map<std::string, const ResultSpec*> seen;
  for (const auto& analysis : analyses()) {
    for (const auto& result : analysis.results) {
      const auto [it, added] = seen.emplace(std::string(result.id), &result);
      if (added) continue;
      // partners and allocate share unmatched_residues and inactive_facilities: the same declaration.
      EXPECT_EQ(it->second->title.en, result.title.en) << result.id;
      EXPECT_EQ(it->second->style, result.style) << result.id;
      EXPECT_EQ(it->second->fields, result.fields) << result.id;
    }
  }
  EXPECT_NE(findResult("hotspots_COAL_GANGUE"), nullptr);
  EXPECT_EQ(findResult("hotspots_COAL_GANGUE"), findResult("hotspots_FLY_ASH"));
  EXPECT_EQ(findResult("cluster_hulls")->style, "clusters");
  EXPECT_EQ(findResult("clusters"), nullptr) << "the old viewer name is gone";
  EXPECT_EQ(findResult("partner_links"), nullptr) << "partner_links is a style, not a result";
}

TEST(AnalysisSpec, ExportGroupsAndTheDensityRasterComeFromTheDeclaration) {
  // `circatlas export --results` takes these, in this order (the analyses that export runs).
  EXPECT_EQ(exportGroups(),
            (std::vector<std::string>{"clusters", "overlay", "hotspots", "partners", "allocation", "whatif"}));
  const auto hot = std::find_if(analyses().begin(), analyses().end(), [](const auto& a) { return a.id == "hotspots"; });
  ASSERT_NE(hot, analyses().end());
  ASSERT_EQ(hot->rasters.size(), 1U);
  // hotspots writes density_FLY_ASH.tif, export <name>_density_FLY_ASH.tif.
  EXPECT_EQ(resultId(hot->rasters.front(), "FLY_ASH"), "density_FLY_ASH");
  for (const auto& a : analyses()) {
    for (const auto& r : a.rasters)
      EXPECT_EQ(findResult(resultId(r, "FLY_ASH")), nullptr) << "a raster id is no layer id";
  }
}

TEST(AnalysisSpec, EveryDeclaredStyleParses) {
  for (const auto& analysis : analyses()) {
    for (const auto& result : analysis.results) {
      if (result.style.empty()) continue;
      EXPECT_NO_THROW((void)definitions::parseStyleFile(core::DataPaths::fromEnvironment().stylesDir() /
                                                        (std::string(result.style) + ".json")))
          << result.id;
    }
  }
}

TEST(AnalysisSpec, FigurePresetsNameAtlasLayersOrDeclaredResults) {
  const definitions::LayerSet atlas = definitions::loadBuiltinLayerSet(core::DataPaths::fromEnvironment());
  std::set<std::string> atlasIds;
  for (const auto& l : atlas.layers) atlasIds.insert(l.id);
  for (const auto& id : atlasIds) EXPECT_EQ(findResult(id), nullptr) << "atlas layer '" << id << "' shadows a result";
  const std::vector<std::string> presets = definitions::builtinPresetNames(core::DataPaths::fromEnvironment());
  ASSERT_FALSE(presets.empty());
  for (const auto& name : presets) {
    const definitions::FigurePreset preset = definitions::loadBuiltinPreset(core::DataPaths::fromEnvironment(), name);
    for (const auto& layer : preset.layers) {
      EXPECT_TRUE(atlasIds.contains(layer) || findResult(layer) != nullptr)
          << "preset '" << name << "' names '" << layer << "', neither an atlas layer nor a declared result";
    }
  }
}

TEST(AnalysisSpec, DefaultsReadAsTheCommandLineTakesThem) {
  EXPECT_EQ(defaultText(spec::cluster::eps), "5km");
  EXPECT_EQ(defaultText(spec::network::builtinSnap), "50km");
  EXPECT_EQ(defaultText(spec::network::joinTolerance), "1m");
  EXPECT_EQ(defaultText(spec::network::detour), "1.3");
  EXPECT_EQ(defaultText(spec::hotspots::permutations), "999");
  EXPECT_EQ(defaultText(spec::hotspots::material), "FLY_ASH");
  EXPECT_EQ(helpText(spec::cluster::eps), "Neighbourhood radius with unit (e.g. 5km)");
  // The tools' Params take the declared defaults.
  EXPECT_EQ(ClusterParams{}.epsMeters, spec::cluster::eps.number);
  EXPECT_EQ(ClusterParams{}.minPoints, 5);
  EXPECT_EQ(HotspotsParams{}.bandwidthMeters, 20000.0);
  EXPECT_EQ(PartnersParams{}.topK, 5U);
  EXPECT_EQ(PartnersParams{}.detourFactor, 1.3);
}

}  // namespace
}  // namespace circatlas::tools
