#include "cli/result_output.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/progress.h"
#include "definitions/style_parser.h"
#include "io/csv_reader.h"
#include "io/layer_writer.h"
#include "io/output_target.h"
#include "tools/analysis_specs.h"
#include "tools/export_tool.h"

namespace circatlas::cli {

namespace {

// The material a layer name stands for under a declared id with "{material}" ("hotspots_FLY_ASH"
// under "hotspots_{material}" → "FLY_ASH"); empty for other ids.
std::string materialOf(std::string_view id, std::string_view layer) {
  constexpr std::string_view token = "{material}";
  const auto at = id.find(token);
  if (at == std::string_view::npos) return {};
  const std::size_t tail = id.size() - at - token.size();
  if (layer.size() < at + tail) return {};
  return std::string(layer.substr(at, layer.size() - at - tail));
}

}  // namespace

tools::ExportItem resultItem(const core::Layer& layer, const tools::ResultSpec& spec, std::string_view material,
                             const std::filesystem::path& stylesDir, ResultOrigin origin) {
  std::optional<render::Style> style;
  if (!spec.style.empty()) style = definitions::parseStyleFile(stylesDir / (std::string(spec.style) + ".json"));
  render::LocalizedText title{tools::withMaterial(spec.title.zh, material),
                              tools::withMaterial(spec.title.en, material)};
  return {tools::renamedLayer(layer, tools::resultId(spec, material)),
          std::move(title),
          std::move(style),
          std::move(origin.source),
          std::move(origin.credit),
          std::move(origin.producedBy),
          std::move(origin.parameters),
          tools::resultsGroup(),
          false};
}

void addSchemaOption(CLI::App& cmd, std::string& schema) {
  cmd.add_option("--schema", schema,
                 "PostgreSQL --out (PG:…): the schema of the tables (created if missing; default public)");
}

void checkSchemaOption(const ResultOutput& out) {
  if (!out.schema.empty() && !io::isDatabaseTarget(out.path)) {
    throw core::ParameterError("--schema " + out.schema + ": applies to a PostgreSQL --out (PG:…) only" +
                               (out.path.empty() ? std::string("; no --out was given") : ", not " + out.path));
  }
}

std::string catalogueCredits(const core::DataPaths& paths) {
  const auto path = paths.catalogueDir() / "metadata.csv";
  if (!std::filesystem::exists(path)) return {};
  const core::TextTable t = io::readCsvTable(path.string());
  const auto key = t.column("key");
  const auto value = t.column("value");
  if (!key || !value) return {};
  for (const auto& row : t.rows) {
    if (row.cells[*key] == std::optional<std::string_view>("credits") && row.cells[*value]) {
      return std::string(*row.cells[*value]);
    }
  }
  return {};
}

void writeResults(std::span<const core::Layer* const> layers, const ResultOutput& out,
                  const ResultProvenance& provenance, const core::DataPaths& paths) {
  if (!io::isDatabaseTarget(out.path)) {
    io::writeLayers(layers, out.path, io::WriteOptions{std::nullopt, out.overwrite});
    return;
  }
  const catalogue::Catalogue* registry = provenance.registry;
  const std::string credit =
      registry && (registry->builtin || !registry->builtinTables.empty()) ? catalogueCredits(paths) : std::string();
  const std::string source = !registry           ? std::string("places given by the user")
                             : registry->builtin ? std::string("circatlas catalogue and the base map (data/)")
                                                 : "registry " + registry->origin;
  const ResultOrigin origin{source, credit, provenance.producedBy, provenance.parameters};
  std::vector<tools::ExportItem> items;
  items.reserve(layers.size());
  for (const core::Layer* layer : layers) {
    if (const tools::ResultSpec* spec = tools::findResult(layer->name())) {
      items.push_back(resultItem(*layer, *spec, materialOf(spec->id, layer->name()), paths.stylesDir(), origin));
    } else {  // an undeclared layer: under its own name, in the plain style
      items.push_back({*layer,
                       {layer->name(), layer->name()},
                       std::nullopt,
                       origin.source,
                       origin.credit,
                       origin.producedBy,
                       origin.parameters,
                       tools::resultsGroup(),
                       false});
    }
  }
  tools::ExportParams params;
  params.out = out.path;
  params.existing = out.overwrite ? io::ExistingTarget::Overwrite : io::ExistingTarget::Refuse;
  params.schema = out.schema;
  params.toolVersion = std::string("circatlas ") + CIRCATLAS_VERSION;
  core::NullProgress quiet;
  (void)tools::runExport(std::move(items), params, quiet);
}

}  // namespace circatlas::cli
