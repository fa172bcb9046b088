// Loading the analysis registry (built-in or the planner's own) and counties for the analysis panels.
#include "viewer/analysis_inputs.h"

#include <filesystem>

#include "core/data_paths.h"
#include "io/layer_reader.h"
#include "io/output_target.h"

namespace circatlas::viewer {

std::string AnalysisInputs::shortName() const {
  if (catalogue.builtin || request.source.path.empty()) return {};
  // A PostgreSQL source is named by its connection string, which may hold a password.
  if (io::isDatabaseTarget(request.source.path)) {
    return io::maskSecrets(request.source.path) + (request.source.layer ? " / " + *request.source.layer : "");
  }
  std::filesystem::path p(request.source.path);
  std::string name = p.filename().empty() ? p.parent_path().filename().string() : p.filename().string();
  if (name.empty()) name = request.source.path;
  if (request.source.layer) name += " / " + *request.source.layer;
  return name;
}

std::string AnalysisInputs::provenance(const char* tables) const {
  if (catalogue.builtin) return std::string("catalogue: ") + tables;
  return "registry " + catalogue.origin + ": " + tables;
}

std::shared_ptr<const AnalysisInputs> AnalysisInputs::load(const tools::CatalogueRequest& request,
                                                           const core::DataPaths& paths, core::Progress* progress) {
  auto inputs = std::make_shared<AnalysisInputs>();
  inputs->paths = paths;
  core::advance(progress, 0.0, "reading the registry");
  inputs->catalogue = tools::loadCatalogue(request, paths);
  inputs->request = request;
  core::advance(progress, 0.8, "reading the counties and prefectures");
  inputs->counties = io::readLayer(paths.basemap().string(), {.layer = "counties", .sql = std::nullopt});
  inputs->prefectures = io::readLayer(paths.basemap().string(), {.layer = "prefectures", .sql = std::nullopt});
  inputs->inGansu = tools::registryInGansu(inputs->catalogue, paths);
  core::advance(progress, 1.0, "registry read");
  return inputs;
}

std::shared_ptr<const AnalysisInputs> AnalysisInputs::loadBuiltin(const core::DataPaths& paths) {
  return load({}, paths);
}

}  // namespace circatlas::viewer
