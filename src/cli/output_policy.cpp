// --overwrite and the target checks, shared by every command that writes.
#include "cli/output_policy.h"

#include <CLI/CLI.hpp>

#include "core/data_paths.h"
#include "core/error.h"
#include "io/layer_writer.h"
#include "io/output_target.h"

namespace circatlas::cli {

void addOverwriteFlag(CLI::App& cmd, bool& overwrite) {
  cmd.add_flag("--overwrite", overwrite, "Replace an existing output (never an input, never the built-in data)");
}

CLI::Option* nonEmptyPath(CLI::Option* option) {
  return option->check(CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string("is empty: name the file or folder to write") : std::string();
      },
      "PATH"));
}

io::OutputTarget fileTarget(const std::string& path, bool overwrite, std::string role) {
  io::OutputTarget t;
  t.path = path;
  t.role = std::move(role);
  t.overwrite = overwrite;
  return t;
}

io::OutputTarget layerFileTarget(const std::string& path, bool overwrite, std::size_t layers, std::string role) {
  if (!path.empty() && !io::isDatabaseTarget(path)) {  // a database takes any number of tables
    const std::string driver = io::driverForPath(path);
    if (driver != "GPKG" && layers > 1) {
      throw core::ParameterError(role + " " + path + ": " + driver +
                                 " holds one layer per file and this command writes " + std::to_string(layers) +
                                 " layers; write a .gpkg");
    }
  }
  return fileTarget(path, overwrite, std::move(role));
}

std::vector<io::InputRef> builtinInputs(const core::DataPaths& paths) {
  return {{paths.dataDir().string(), "the built-in data folder", std::nullopt},
          {paths.stylesDir().string(), "the built-in styles folder", std::nullopt},
          {paths.layersDir().string(), "the built-in layers folder", std::nullopt}};
}

void addCatalogueInput(std::vector<io::InputRef>& inputs, const CatalogueSource& catalogue) {
  const auto& source = catalogue.request.source;
  if (!source.path.empty()) inputs.push_back({source.path, catalogue.option, source.layer});
  if (source.mappingFile) inputs.push_back({*source.mappingFile, "--mapping", std::nullopt});
}

std::vector<io::InputRef> networkInputs(const NetworkSource& network, const CatalogueSource& catalogue) {
  std::vector<io::InputRef> inputs;
  if (!network.network.empty() && network.network != "builtin") {
    inputs.push_back({network.network, "--network",
                      network.layer.empty() ? std::nullopt : std::optional<std::string>(network.layer)});
  }
  addCatalogueInput(inputs, catalogue);
  return inputs;
}

void checkTargets(const std::vector<io::OutputTarget>& targets, std::vector<io::InputRef> inputs,
                  const core::DataPaths& paths) {
  std::vector<io::OutputTarget> given;
  for (const auto& t : targets) {
    if (!t.path.empty()) given.push_back(t);
  }
  if (given.empty()) return;
  for (auto& in : builtinInputs(paths)) inputs.push_back(std::move(in));
  io::checkOutputTargets(given, inputs);
}

}  // namespace circatlas::cli
