// AnalysisSpec: what a user-facing analysis takes and gives, declared once for the CLI, the viewer, export and figures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace circatlas::tools {

/// A text in both languages of the atlas.
struct BilingualText {
  std::string_view zh;
  std::string_view en;
};

/// What a parameter's default measures, and so how the CLI and the viewer write it.
enum class ParameterUnit {
  Meters,  ///< a distance, declared in metres, written with its unit ("5km", "500m")
  Factor,  ///< a dimensionless ratio ("1.3")
  Count,   ///< a whole number ("5")
  Flag,    ///< on or off; the default is off unless `number` is 1
  Text,    ///< a word (`text`), e.g. a material code
};

/// One parameter: its name on the command line, its default and unit, and what it means.
struct ParameterSpec {
  std::string_view name;  ///< the CLI option without dashes ("eps"); also the viewer's settings key
  ParameterUnit unit = ParameterUnit::Count;
  double number = 0;      ///< the default of numeric kinds (metres for Meters)
  std::string_view text;  ///< the default of ParameterUnit::Text
  std::string_view help;  ///< what it is, in English, without the default (see helpText)
  bool option = true;     ///< offered as `--<name>` by the command; false: a tool setting only
};

/// One input layer or table the analysis reads.
struct InputSpec {
  std::string_view name;  ///< the catalogue table or base-map layer ("enterprises", "counties")
  bool optional = false;
};

/// One result layer: the same id, title and style in the export, the viewer and figure presets.
struct ResultSpec {
  std::string_view id;      ///< layer name everywhere; "{material}" stands for the material analysed
  BilingualText title;      ///< layer title (GeoPackage identifier, viewer layer list, QGIS project)
  std::string_view style;   ///< styles/<style>.json; empty: a table, or drawn in the plain style
  std::string_view fields;  ///< space-separated fields every run writes (more may follow: out_<CODE> …)
};

/// One analysis: the `circatlas <id>` command, the tool that runs it, and what it reads, takes and writes.
struct AnalysisSpec {
  std::string_view id;  ///< the command name
  BilingualText title;
  std::vector<InputSpec> inputs;
  std::vector<ParameterSpec> parameters;
  std::vector<ResultSpec> results;
  /// The `circatlas export --results` group that runs it ("clusters", …); empty: not exported.
  std::string_view exportGroup{};
  /// Raster results (GeoTIFF beside the layers): id, title; style and fields empty.
  std::vector<ResultSpec> rasters{};
};

/// A default as the CLI takes it: "5km", "500m", "1.3", "5", "FLY_ASH", "off".
[[nodiscard]] std::string defaultText(const ParameterSpec& parameter);

/// The help text of a CLI option: what it is, and for lengths that a unit is needed ("e.g. 5km").
[[nodiscard]] std::string helpText(const ParameterSpec& parameter);

/// The fields of a result, split.
[[nodiscard]] std::vector<std::string> fieldNames(const ResultSpec& result);

/// A declared id or title with "{material}" replaced ("hotspots_{material}" → "hotspots_FLY_ASH").
[[nodiscard]] std::string withMaterial(std::string_view text, std::string_view material);

/// The result's layer name for `material` (ids without "{material}" are returned as they are).
[[nodiscard]] std::string resultId(const ResultSpec& result, std::string_view material = {});

}  // namespace circatlas::tools
