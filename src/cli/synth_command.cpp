// `circatlas synth`: writes a seeded synthetic registry (enterprises and flows) for tests and benchmarks.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "catalogue/synthetic_registry.h"
#include "cli/command.h"
#include "cli/output_policy.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "io/layer_reader.h"
#include "io/layer_writer.h"
#include "io/memory_budget.h"
#include "io/output_target.h"

namespace circatlas::cli {

namespace {

struct SynthOptions {
  catalogue::SyntheticParams params;
  std::string out;
  bool overwrite = false;
};

void runSynth(const SynthOptions& options, const core::DataPaths& paths) {
  const std::filesystem::path out(options.out);
  const std::string ext = out.extension().string();
  if (ext != ".gpkg" && !ext.empty()) {
    throw core::ParameterError(out.string() + ": write to a .gpkg file or to a folder (CSV tables)");
  }
  io::OutputTarget target = fileTarget(options.out, options.overwrite);
  if (ext.empty()) {
    target.shape = io::TargetShape::Folder;
    target.createFolders = true;
    target.ownEntries = {"enterprises.csv", "flows.csv"};
  }
  checkTargets({target}, {}, paths);
  // Generated, not read, yet as large as a read registry: the same budget, before any work.
  io::requireFitsInMemory("synth", "enterprises", static_cast<std::uint64_t>(options.params.enterprises),
                          "asked for with --enterprises");
  const catalogue::AdminAreas admin(
      io::readLayer(paths.basemap().string(), {.layer = "counties", .sql = std::nullopt}));
  const catalogue::SyntheticRegistry registry = catalogue::generateRegistry(options.params, admin);
  if (ext == ".gpkg") {
    const core::Layer* layers[] = {&registry.enterprises, &registry.flows};
    io::writeLayers(layers, out.string());
  } else {
    // A folder in catalogue form: `circatlas validate FOLDER` and the analyses read it as they
    // read data/catalogue (materials and the other tables come from the built-in catalogue).
    // Both tables are written into a folder beside it that replaces the old one as a whole, so
    // an interrupted run never leaves the enterprises of one seed beside the flows of another.
    io::StagedFolder staged(out);
    io::writeLayer(registry.enterprises, (staged.path() / "enterprises.csv").string());
    io::writeLayer(registry.flows, (staged.path() / "flows.csv").string());
    staged.commit();
  }
  std::cout << "Wrote " << registry.enterprises.size() << " synthetic enterprises and " << registry.flows.size()
            << " flows (seed " << options.params.seed << ") to " << out.string() << '\n';
}

}  // namespace

void addSynthCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto options = std::make_shared<SynthOptions>();
  CLI::App* cmd = app.add_subcommand(
      "synth",
      "Write a synthetic registry (enterprises clustered around park centres inside Gansu, with residue "
      "flows) for tests and benchmarks. Every record says it is synthetic; same seed, same file.");
  cmd->add_option("--enterprises,-n", options->params.enterprises, "Number of enterprises")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--seed", options->params.seed, "Random seed")->capture_default_str();
  cmd->add_option("--centres", options->params.parkCentres, "Number of park centres")->capture_default_str();
  cmd->add_option("--clustered", options->params.clusteredShare, "Share of enterprises near a centre (0-1)")
      ->capture_default_str();
  nonEmptyPath(cmd->add_option("--out,-o", options->out, "A .gpkg file, or a folder for CSV tables")->required());
  addOverwriteFlag(*cmd, options->overwrite);
  cmd->callback([options, &action, &paths] { action = [options, &paths] { runSynth(*options, paths); }; });
}

}  // namespace circatlas::cli
