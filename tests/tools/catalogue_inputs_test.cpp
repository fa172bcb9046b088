// The catalogue's effective flows on the built-in data: declared rows kept, capacity estimates
// where nothing is declared, facilities out of service in the planning year left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "core/data_paths.h"
#include "core/layer.h"
#include "io/registry_boundaries.h"
#include "test_support.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::tools {
namespace {

struct Row {
  std::optional<double> quantity;
  std::string basis;
  std::string year;
};

std::optional<Row> find(const core::Layer& flows, const std::string& id, const std::string& material,
                        const std::string& direction) {
  for (std::size_t i = 0; i < flows.size(); ++i) {
    if (core::toString(flows.value(i, "enterprise_id")) != id ||
        core::toString(flows.value(i, "material_code")) != material ||
        core::toString(flows.value(i, "direction")) != direction) {
      continue;
    }
    const auto* q = std::get_if<double>(&flows.value(i, "quantity"));
    return Row{q ? std::optional<double>(*q) : std::nullopt, core::toString(flows.value(i, "basis")),
               core::toString(flows.value(i, "year"))};
  }
  return std::nullopt;
}

TEST(CatalogueInputs, BuiltinEffectiveFlowsEstimateFromCapacityAndHonourStatus) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  const auto [year, basis] = planningYear(registry, 0);
  EXPECT_EQ(basis, "as_of_year of the built-in metadata.csv");
  const core::Layer flows = effectiveFlows(catalogueInput(registry), year);

  // E002 Datang Xigu CHP, 990 MW coal (WRI): 990 × 294.7 t/MW fly ash, 990 × 75.25 t/MW gypsum.
  const auto ash = find(flows, "E002", "FLY_ASH", "output");
  ASSERT_TRUE(ash);
  ASSERT_TRUE(ash->quantity);
  EXPECT_DOUBLE_EQ(*ash->quantity, 990.0 * 294.7);
  EXPECT_EQ(ash->basis, "estimated");
  EXPECT_EQ(ash->year, std::to_string(year));
  const auto gypsum = find(flows, "E002", "FGD_GYPSUM", "output");
  ASSERT_TRUE(gypsum && gypsum->quantity);
  EXPECT_DOUBLE_EQ(*gypsum->quantity, 990.0 * 75.25);
  // E068 Changle, 2000 MW: 589,400 t fly ash; E058 Yanbei mine, 6 Mt/a coal × 0.15 = 900,000 t gangue.
  const auto changle = find(flows, "E068", "FLY_ASH", "output");
  ASSERT_TRUE(changle && changle->quantity);
  EXPECT_DOUBLE_EQ(*changle->quantity, 2000.0 * 294.7);
  const auto gangue = find(flows, "E058", "COAL_GANGUE", "output");
  ASSERT_TRUE(gangue && gangue->quantity);
  EXPECT_NEAR(*gangue->quantity, 900000.0, 1e-6);
  // E003 Liancheng is retired (2018): no flow at all in the planning year.
  EXPECT_FALSE(find(flows, "E003", "FLY_ASH", "output"));
  // A declared, quantity-less row gets the estimate (E012 JISCO Hongsheng, 850 MW since the survey).
  const auto declared = find(flows, "E012", "FLY_ASH", "output");
  ASSERT_TRUE(declared && declared->quantity);
  EXPECT_DOUBLE_EQ(*declared->quantity, 850.0 * 294.7);
  EXPECT_EQ(declared->basis, "estimated");
}

// With quantifiedOnly (overlay, hotspots: totals of tonnes) the flows are exactly those of the full
// table that have a quantity, in the same order with the same cells; the inferred ones are left out.
TEST(CatalogueInputs, QuantifiedOnlyIsTheFullTablesRowsWithAQuantity) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  const auto year = planningYear(registry, 0).first;
  const core::Layer all = effectiveFlows(catalogueInput(registry), year);
  const core::Layer quantified = effectiveFlows(catalogueInput(registry), year, {.quantifiedOnly = true});
  std::vector<std::size_t> withQuantity;
  std::size_t inferred = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (std::holds_alternative<double>(all.value(i, "quantity"))) withQuantity.push_back(i);
    inferred += core::toString(all.value(i, "basis")) == "inferred";
  }
  ASSERT_GT(inferred, 0U);  // the built-in catalogue has flows without quantity to leave out
  ASSERT_EQ(quantified.size(), withQuantity.size());
  ASSERT_EQ(quantified.schema().size(), all.schema().size());
  for (std::size_t k = 0; k < withQuantity.size(); ++k) {
    for (std::size_t c = 0; c < all.schema().size(); ++c) {
      ASSERT_EQ(quantified[k].values[c], all[withQuantity[k]].values[c]) << k << " " << all.schema()[c].name;
    }
  }
}

// flowAmounts (what overlay and hotspots add up), as quantifiedFlows makes them a table, are the quantifiedOnly
// table's rows, in the same order, with its four columns: the numbers made without texts are the numbers made
// with them (declared, estimated, and declared without quantity then estimated, as E012), and each amount's
// enterprise row is the row of the flow's enterprise_id.
TEST(CatalogueInputs, QuantifiedFlowsAreTheQuantifiedRowsFourColumns) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  const auto year = planningYear(registry, 0).first;
  const core::Layer full = effectiveFlows(catalogueInput(registry), year, {.quantifiedOnly = true});
  const CatalogueInput input = catalogueInput(registry);
  const core::Layer lean = quantifiedFlows(input, flowAmounts(input, year));
  const std::vector<std::string> columns = {"enterprise_id", "material_code", "direction", "quantity"};
  ASSERT_EQ(lean.schema().size(), columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    EXPECT_EQ(lean.schema()[c], full.schema()[full.schema().require(columns[c])]);
  }
  ASSERT_GT(full.size(), 0U);
  ASSERT_EQ(lean.size(), full.size());
  for (std::size_t k = 0; k < full.size(); ++k) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      ASSERT_EQ(lean[k].values[c], full.value(k, columns[c])) << k << " " << columns[c];
    }
  }
  const auto e012 = std::find_if(lean.features().begin(), lean.features().end(), [](const core::Feature& f) {
    return core::toString(f.values[0]) == "E012" && core::toString(f.values[1]) == "FLY_ASH";
  });
  ASSERT_NE(e012, lean.features().end());
  EXPECT_DOUBLE_EQ(std::get<double>(e012->values[3]), 850.0 * 294.7);
}

// Cement plants take coal gangue (clay substitute) and steel slag (iron correction) in their raw
// meal by the coefficient table; the built-in allocation then matches both (it matched 0 t while
// every cement plant was a receiver of unknown capacity for them).
TEST(CatalogueInputs, BuiltinCementTakesGangueAndSteelSlagInRawMeal) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  const int year = planningYear(registry, 0).first;
  const CatalogueInput input = catalogueInput(registry);
  const core::Layer flows = effectiveFlows(input, year);
  // E061 Pingliang Conch, 4.4 Mt/a cement (GEM): 0.70 × 1.57 × 10 % gangue = 0.11 t/t cement,
  // 0.70 × 3 % iron correction = 0.021 t/t cement.
  const auto gangue = find(flows, "E061", "COAL_GANGUE", "input");
  ASSERT_TRUE(gangue && gangue->quantity);
  EXPECT_NEAR(*gangue->quantity, 4.4e6 * 0.11, 1e-3);
  EXPECT_EQ(gangue->basis, "estimated");
  const auto slag = find(flows, "E061", "STEEL_SLAG", "input");
  ASSERT_TRUE(slag && slag->quantity);
  EXPECT_NEAR(*slag->quantity, 4.4e6 * 0.021, 1e-3);

  PartnersParams params;
  applyCatalogueDefaults(params, registry, 0, false);
  params.topK = 1;
  const PartnersResult r = runPartners(input, params);
  double gangueMatched = -1;
  double slagMatched = -1;
  for (std::size_t i = 0; i < r.summary.size(); ++i) {
    const std::string material = core::toString(r.summary.value(i, "material"));
    const double matched = std::get<double>(r.summary.value(i, "matched_optimal"));
    if (material == "COAL_GANGUE") gangueMatched = matched;
    if (material == "STEEL_SLAG") slagMatched = matched;
  }
  // Huating's mines (E058, E059: 8 Mt/a coal, 1.2 Mt/a gangue) lie 28-34 km from the Pingliang
  // cement plants; JISCO Yuzhong and Lanxin steel 21-39 km from cement plants near Lanzhou.
  EXPECT_GT(gangueMatched, 0.0);
  EXPECT_LE(gangueMatched, 1.2e6 + 1e-6);
  EXPECT_GT(slagMatched, 0.0);
}

// Whether a registry lies in Gansu, told from the counties its enterprises were found in already (as overlay and
// export find them), is what locating them again tells: not for the built-in enterprises taken as a user's
// registry (its cross-border partners lie outside), yes for those of them in a county; a list of another length is
// refused.
TEST(CatalogueInputs, RegistryInGansuFromCountiesFoundAlreadyIsWhatLocatingThemSays) {
  const core::DataPaths paths = core::DataPaths::fromEnvironment();
  catalogue::Catalogue registry = loadCatalogue({}, paths);
  const core::Layer counties = io::builtinBoundaries(paths.basemap()).units;
  EXPECT_TRUE(registryInGansu(registry, enterpriseUnits(registry, counties)));
  registry.builtin = false;
  auto units = enterpriseUnits(registry, counties);
  ASSERT_LT(std::count_if(units.begin(), units.end(), [](const auto& u) { return u.has_value(); }),
            static_cast<std::ptrdiff_t>(units.size()));
  EXPECT_FALSE(registryInGansu(registry, paths));
  EXPECT_FALSE(registryInGansu(registry, units));
  core::Layer inGansu(registry.enterprises.name(), registry.enterprises.crs(), registry.enterprises.geometryType(),
                      registry.enterprises.schema());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i]) inGansu.add(registry.enterprises[i]);
  }
  registry.enterprises = std::move(inGansu);
  units = enterpriseUnits(registry, counties);
  EXPECT_TRUE(registryInGansu(registry, paths));
  EXPECT_TRUE(registryInGansu(registry, units));
  units.pop_back();
  EXPECT_THROW((void)registryInGansu(registry, units), std::logic_error);
}

TEST(CatalogueInputs, DetourFactorComesFromExchangeParametersUnlessGiven) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  PartnersParams params;
  params.detourFactor = 9.0;
  applyCatalogueDefaults(params, registry, 2015, true);
  EXPECT_EQ(params.year, 2015);
  EXPECT_EQ(params.yearBasis, "--year");
  EXPECT_EQ(params.detourFactor, 9.0);
  const auto detour = exchangeParameter(registry, "detour_factor");
  applyCatalogueDefaults(params, registry, 2015, false);
  EXPECT_EQ(params.detourFactor, detour.value_or(9.0));
}

// The room a command asks for (overlay's codes, cluster's id and role) is given to every enterprise of a
// single-file registry as of a folder, and to no other table.
TEST(CatalogueInputs, EnterprisesGetTheRoomAskedFor) {
  test::TempDir dir;
  const auto path = dir / "sites.csv";
  std::ofstream(path) << "企业名称,行业代码,经度,纬度\n白银某冶炼厂,3211,104.17,36.55\n兰州某电厂,4411,103.83,36.06\n";
  for (const std::string& source : {path.string(), std::string()}) {
    CatalogueRequest request;
    request.source.path = source;
    request.enterpriseRoom = 3;
    const catalogue::Catalogue registry = loadCatalogue(request, core::DataPaths::fromEnvironment());
    ASSERT_GT(registry.enterprises.size(), 1U) << source;
    for (const auto& f : registry.enterprises.features()) {
      EXPECT_GE(f.values.capacity(), f.values.size() + 3) << source;
    }
    ASSERT_GT(registry.materials.size(), 0U) << source;
    EXPECT_EQ(registry.materials[0].values.capacity(), registry.materials.schema().size()) << source;
  }
}

}  // namespace
}  // namespace circatlas::tools
