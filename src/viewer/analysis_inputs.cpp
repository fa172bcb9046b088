// Loading the built-in catalogue and counties for the analysis panels.
#include "viewer/analysis_inputs.h"

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "io/builtin_data.h"
#include "io/catalogue_reader.h"
#include "io/layer_reader.h"

namespace circatlas::viewer {

const core::Layer& AnalysisInputs::table(const std::string& name) const {
  const auto it = catalogue.find(name);
  if (it == catalogue.end()) throw core::InputError("the catalogue has no table '" + name + "'");
  return it->second;
}

tools::CatalogueInput AnalysisInputs::toolInput() const {
  const auto optional = [this](const char* name) -> const core::Layer* {
    const auto it = catalogue.find(name);
    return it == catalogue.end() ? nullptr : &it->second;
  };
  return {table("enterprises"), table("flows"), table("materials"), table("material_uses"),
          optional("industry_profiles"), optional("exchange_parameters")};
}

std::shared_ptr<const AnalysisInputs> AnalysisInputs::loadBuiltin() {
  auto inputs = std::make_shared<AnalysisInputs>();
  for (const auto& t : io::readCatalogueTables(io::builtinCatalogueDir())) {
    inputs->catalogue.emplace(std::string(t.spec->name), catalogue::toLayer(t));
  }
  inputs->counties = io::readLayer(io::basemapPath().string(), {.layer = "counties", .sql = std::nullopt});
  return inputs;
}

}  // namespace circatlas::viewer
