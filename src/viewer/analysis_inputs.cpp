// Loading the built-in catalogue and counties for the analysis panels.
#include "viewer/analysis_inputs.h"

#include "io/builtin_data.h"
#include "io/layer_reader.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::viewer {

std::shared_ptr<const AnalysisInputs> AnalysisInputs::loadBuiltin() {
  auto inputs = std::make_shared<AnalysisInputs>();
  inputs->catalogue = tools::loadCatalogue({});
  inputs->counties = io::readLayer(io::basemapPath().string(), {.layer = "counties", .sql = std::nullopt});
  return inputs;
}

}  // namespace circatlas::viewer
