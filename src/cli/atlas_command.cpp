// `circatlas atlas`: the headless main job — every layer to a GeoPackage and every preset figure
// for the province and each prefecture, as PNG and PDF, plus one multi-page PDF per preset.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <exception>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "atlas/atlas_data.h"
#include "atlas/figure_builder.h"
#include "cli/command.h"
#include "cli/option_checks.h"
#include "cli/output_policy.h"
#include "cli/progress_bar.h"
#include "core/error.h"
#include "core/parallel.h"
#include "core/parallel_progress.h"
#include "core/progress.h"
#include "definitions/figure_preset.h"
#include "definitions/layer_set.h"
#include "io/export_writer.h"
#include "io/output_target.h"
#include "render/figure_export.h"
#include "render/render_session.h"
#include "tools/export_tool.h"

namespace circatlas::cli {

namespace {

struct AtlasOptions {
  std::string out;
  std::string lang;
  std::optional<double> dpi;
  std::string date;
  unsigned threads = 0;
  bool overwrite = false;
};

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// One page to draw as PNG and PDF, and the atlas PDFs that bind each preset's pages.
struct Job {
  render::FigurePage page;
  std::filesystem::path base;
};
using Book = std::pair<std::filesystem::path, std::vector<render::FigurePage>>;
struct FigurePlan {
  std::vector<Job> jobs;
  std::vector<Book> books;
};

// Stage 1: the atlas's layers read once (the first tenth of the progress bar).
atlas::AtlasData loadAtlasData(const core::DataPaths& paths, ProgressBar& bar) {
  const definitions::LayerSet set = definitions::loadBuiltinLayerSet(paths);
  core::ProgressSpan reading(&bar, 0.0, 0.1);
  return atlas::AtlasData::load(set, paths, reading);
}

// Stage 2: the same GeoPackage as `circatlas export`: the atlas's layers with their styles (QGIS
// layer_styles) and provenance. Returns the number of layers written.
std::size_t writeAtlasGeoPackage(const atlas::AtlasData& data, const std::filesystem::path& gpkg, const AtlasOptions& o,
                                 const core::DataPaths& paths) {
  tools::ExportParams exportParams;
  exportParams.out = gpkg.string();
  exportParams.existing = io::ExistingTarget::Overwrite;
  exportParams.language = o.lang == "en" ? render::Language::En : render::Language::Zh;
  exportParams.toolVersion = std::string("circatlas ") + CIRCATLAS_VERSION;
  exportParams.presets = paths;
  std::vector<tools::ExportItem> items = tools::atlasItems(data, {});
  const std::size_t layerCount = items.size();
  core::NullProgress quiet;
  (void)tools::runExport(std::move(items), exportParams, quiet);
  return layerCount;
}

// Stage 3: one job per page (every preset for the province and each prefecture), one book per preset.
FigurePlan planFigures(const atlas::AtlasData& data, const AtlasOptions& o, const std::filesystem::path& dir,
                       const core::DataPaths& paths) {
  atlas::FigureOptions options;
  if (!o.lang.empty()) options.language = o.lang == "zh" ? render::Language::Zh : render::Language::En;
  options.dpi = o.dpi;
  options.date = o.date;
  std::vector<std::string> regions{"620000"};
  for (const auto& c : data.prefectureCodes()) regions.push_back(c);
  FigurePlan plan;
  std::error_code ec;
  for (const auto& name : definitions::builtinPresetNames(paths)) {
    const definitions::FigurePreset preset = definitions::loadBuiltinPreset(paths, name);
    std::filesystem::create_directories(dir / "figures" / name, ec);
    if (ec) throw core::IoError((dir / "figures" / name).string() + ": cannot create folder (" + ec.message() + ")");
    std::vector<render::FigurePage> pages;
    for (const auto& code : regions) {
      render::FigurePage page = atlas::buildFigure(data, preset, code, options);
      const atlas::Region region = data.region(code);
      plan.jobs.push_back({page, dir / "figures" / name / (name + "_" + code + "_" + slug(region.name.en))});
      pages.push_back(std::move(page));
    }
    plan.books.emplace_back(dir / (name + "_atlas.pdf"), std::move(pages));
  }
  return plan;
}

// Stage 4: every job and book on `threads` threads (progress from 12 % to 100 %); stops handing out
// work after the first failure and rethrows it. Returns the number of features that could not be drawn.
std::size_t exportFigures(const FigurePlan& plan, unsigned threads, ProgressBar& bar) {
  const std::vector<Job>& jobs = plan.jobs;
  const std::vector<Book>& books = plan.books;
  const std::size_t total = jobs.size() + books.size();
  std::atomic<std::size_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex errorMutex;
  std::exception_ptr firstError;
  std::atomic<std::size_t> problems{0};
  auto exportOne = [&](std::size_t i) {
    if (failed) return;
    try {
      if (i < jobs.size()) {
        const Job& job = jobs[i];
        const auto report = render::exportFigure(job.page, job.base.string() + ".png");
        render::exportFigure(job.page, job.base.string() + ".pdf");
        problems += report.map.problems.size();
      } else {
        const auto& [path, pages] = books[i - jobs.size()];
        render::exportPdfPages(pages, path);
      }
    } catch (...) {
      const std::lock_guard lock(errorMutex);
      if (!firstError) firstError = std::current_exception();
      failed = true;
    }
    const std::size_t d = ++done;
    bar.report(0.12 + 0.88 * static_cast<double>(d) / static_cast<double>(total),
               i < jobs.size() ? jobs[i].base.filename().string() : books[i - jobs.size()].first.filename().string());
  };
  core::parallelFor(total, threads, 1, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) exportOne(i);
  });
  bar.finish();
  if (firstError) std::rethrow_exception(firstError);
  return problems.load();
}

void printAtlasSummary(const AtlasOptions& o, double seconds, const std::filesystem::path& gpkg, std::size_t layerCount,
                       const std::vector<Book>& books, std::size_t problems) {
  std::cout << "Atlas written to " << std::filesystem::absolute(o.out).string() << " in " << std::fixed
            << std::setprecision(1) << seconds << " s:\n"
            << "  " << gpkg.filename().string() << "  " << layerCount << " layers (WGS 84) with their styles\n";
  for (const auto& [path, pages] : books) {
    std::cout << "  figures/" << path.stem().string().substr(0, path.stem().string().size() - 6) << "/  "
              << pages.size() << " figures as PNG and PDF (province + " << pages.size() - 1 << " prefectures)\n"
              << "  " << path.filename().string() << "  all " << pages.size() << " pages in one PDF\n";
  }
  if (problems > 0) std::cout << "  " << problems << " features could not be drawn (see `circatlas figure`)\n";
}

void runAtlas(const AtlasOptions& o, const core::DataPaths& paths) {
  const auto start = std::chrono::steady_clock::now();
  io::OutputTarget target = fileTarget(o.out, o.overwrite);
  target.shape = io::TargetShape::Folder;
  target.createFolders = true;
  target.ownEntries = {"circatlas.gpkg", "figures", "*_atlas.pdf"};
  checkTargets({target}, {}, paths);
  render::ensureRenderSession();
  // The whole atlas is built in a folder beside the target and swapped in when complete: an
  // interrupted run leaves the previous atlas as it was.
  io::StagedFolder staged(o.out);
  const std::filesystem::path dir = staged.path();
  std::error_code ec;
  std::filesystem::create_directories(dir / "figures", ec);
  if (ec) throw core::IoError(o.out + ": cannot create folder (" + ec.message() + ")");

  ProgressBar bar;
  const atlas::AtlasData data = loadAtlasData(paths, bar);
  bar.report(0.1, "writing circatlas.gpkg");
  const auto gpkg = dir / "circatlas.gpkg";
  const std::size_t layerCount = writeAtlasGeoPackage(data, gpkg, o, paths);
  const FigurePlan plan = planFigures(data, o, dir, paths);
  const unsigned threads = o.threads > 0 ? o.threads : std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  const std::size_t problems = exportFigures(plan, threads, bar);

  staged.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  printAtlasSummary(o, seconds, gpkg, layerCount, plan.books, problems);
}

}  // namespace

void addAtlasCommand(CLI::App& app, Action& action, const core::DataPaths& paths) {
  auto o = std::make_shared<AtlasOptions>();
  CLI::App* cmd = app.add_subcommand("atlas",
                                     "Write the atlas: every layer to DIR/circatlas.gpkg and every figure preset "
                                     "for the province and each prefecture as PNG and PDF.");
  nonEmptyPath(cmd->add_option("--out,-o", o->out,
                               "Output folder (created if missing; an existing atlas is replaced "
                               "only with --overwrite)")
                   ->required());
  addOverwriteFlag(*cmd, o->overwrite);
  cmd->add_option("--lang", o->lang, "Language of the figures (default: each preset's)")
      ->check(CLI::IsMember({"zh", "en"}));
  finiteRange(cmd->add_option("--dpi", o->dpi, "Resolution of the figures (default: each preset's)"), 30.0, 1200.0);
  printableText(cmd->add_option("--date", o->date, "Date printed on the figures (default: today)"), 40);
  cmd->add_option("--threads", o->threads, "Worker threads (default: the number of cores, at most 4)")
      ->check(CLI::Range(1u, 64u));
  cmd->callback([o, &action, &paths] { action = [o, &paths] { runAtlas(*o, paths); }; });
}

}  // namespace circatlas::cli
