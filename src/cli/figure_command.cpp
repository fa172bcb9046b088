// `circatlas figure`: one preset figure of the province or a prefecture, or of a user's registry anywhere (framed on
// its data or its boundaries), as PNG, PDF or SVG.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "atlas/atlas_data.h"
#include "atlas/figure_builder.h"
#include "atlas/region_figure.h"
#include "cli/boundaries_source.h"
#include "cli/catalogue_source.h"
#include "cli/command.h"
#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "core/error.h"
#include "definitions/figure_preset.h"
#include "definitions/layer_set.h"
#include "render/figure_export.h"
#include "render/render_session.h"

namespace circatlas::cli {

namespace {

struct FigureOptionsCli {
  std::string preset;
  std::string prefecture;
  std::string lang;
  std::optional<double> dpi;
  std::string date;
  std::string out;
  bool overwrite = false;
  CatalogueSource catalogue;
  std::string boundaries;
};

void printReport(const render::FigurePage& page, const render::FigureReport& report, const std::string& out) {
  for (const auto& p : report.map.problems) {
    std::cerr << "circatlas: warning: layer '" << p.layer << "'"
              << (p.feature >= 0 ? ", feature " + std::to_string(p.feature) : "") << ": " << p.message << '\n';
  }
  std::cout << "Wrote " << out << " (" << page.title << "; " << page.widthMm << " × " << page.heightMm << " mm, "
            << page.dpi
            << " dpi; scale 1:" << static_cast<long long>(report.mapSettings.scaleDenominator() / 1000) * 1000
            << ", scale bar " << report.scaleBar.lengthKm << " km)\n";
}

// A user's registry (or the built-in one on the user's boundaries): framed on its data, in a projection fitted to
// it, the boundaries in place of Gansu's base map unless the registry lies in Gansu.
void runRegionFigure(const FigureOptionsCli& o, const definitions::FigurePreset& preset, const atlas::AtlasData& data,
                     const atlas::FigureOptions& options, const core::DataPaths& paths) {
  const catalogue::Catalogue registry = loadCatalogue(o.catalogue, paths);
  printOrigin(registry);
  const UsedBoundaries used = loadBoundaries(o.boundaries, registry, paths);
  atlas::RegionFigureInput input;
  input.registry = &registry;
  input.boundaries = used.boundaries.builtin ? nullptr : &used.boundaries;
  input.inGansu = used.boundaries.builtin && used.located > 0 && used.inside == used.located;
  input.prefecture = o.prefecture;
  const atlas::RegionFigure figure = atlas::buildRegionFigure(data, preset, input, options);
  std::cout << "Projection: " << figure.projection << '\n';
  for (const auto& n : figure.notes) std::cout << "Note: " << n << '\n';
  const render::FigureReport report = render::exportFigure(figure.page, o.out);
  printReport(figure.page, report, o.out);
}

void runFigure(const FigureOptionsCli& o, const core::DataPaths& paths) {
  (void)render::figureFormatFor(o.out);  // a bad extension fails before anything is read
  std::vector<io::InputRef> inputs;
  addCatalogueInput(inputs, o.catalogue);
  addBoundariesInput(inputs, o.boundaries);
  checkTargets({fileTarget(o.out, o.overwrite)}, inputs, paths);
  render::ensureRenderSession();
  const definitions::FigurePreset preset = definitions::loadBuiltinPreset(paths, o.preset);
  const definitions::LayerSet set = definitions::loadBuiltinLayerSet(paths);
  core::NullProgress quiet;
  const atlas::AtlasData data = atlas::AtlasData::load(set, paths, quiet);
  atlas::FigureOptions options;
  if (!o.lang.empty()) options.language = o.lang == "zh" ? render::Language::Zh : render::Language::En;
  options.dpi = o.dpi;
  options.date = o.date;
  if (!o.catalogue.request.source.path.empty() || !o.boundaries.empty()) {
    runRegionFigure(o, preset, data, options, paths);
    return;
  }
  const render::FigurePage page = atlas::buildFigure(data, preset, o.prefecture, options);
  const render::FigureReport report = render::exportFigure(page, o.out);
  printReport(page, report, o.out);
}

}  // namespace

void addFigureCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto o = std::make_shared<FigureOptionsCli>();
  CLI::App* cmd = app.add_subcommand("figure",
                                     "Draw one planning figure (title, legend, scale bar, north arrow, "
                                     "locator) from a preset in layers/figures/, as PNG, PDF or SVG.");
  cmd->add_option("--preset", o->preset, "Figure preset (layers/figures/NAME.json), e.g. overview, enterprises")
      ->required();
  cmd->add_option("--prefecture", o->prefecture, "Frame the figure on this prefecture (GB/T 2260 code, e.g. 620300)");
  cmd->add_option("--lang", o->lang, "Language of titles, legend and labels (default: the preset's)")
      ->check(CLI::IsMember({"zh", "en"}));
  finiteRange(cmd->add_option("--dpi", o->dpi, "Resolution (default: the preset's)"), 30.0, 1200.0);
  printableText(cmd->add_option("--date", o->date, "Date printed on the figure (default: today)"), 40);
  nonEmptyPath(cmd->add_option("--out,-o", o->out, "Output file: .png, .pdf or .svg")->required());
  addOverwriteFlag(*cmd, o->overwrite);
  addCatalogueOption(*cmd, o->catalogue);
  addBoundariesOption(*cmd, o->boundaries);
  cmd->callback([o, &action, &paths] { action = [o, &paths] { runFigure(*o, paths); }; });
}

}  // namespace circatlas::cli
