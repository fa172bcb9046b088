// Loading the built-in catalogue and counties for the analysis panels.
#include "viewer/analysis_inputs.h"

#include "core/error.h"
#include "io/builtin_data.h"
#include "io/layer_reader.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::viewer {

const core::Layer& AnalysisInputs::table(const std::string& name) const {
  const auto it = catalogue.find(name);
  if (it == catalogue.end()) throw core::InputError("the catalogue has no table '" + name + "'");
  return it->second;
}

std::shared_ptr<const AnalysisInputs> AnalysisInputs::loadBuiltin() {
  auto inputs = std::make_shared<AnalysisInputs>();
  inputs->catalogue = tools::loadCatalogueTables({});
  inputs->counties = io::readLayer(io::basemapPath().string(), {.layer = "counties", .sql = std::nullopt});
  return inputs;
}

}  // namespace circatlas::viewer
