// Figure preset files: named pages (A4/A3 or millimetres), DPI, language, layers and titles.
#include "definitions/figure_preset.h"

#include <algorithm>

#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/json_source.h"

namespace circatlas::definitions {

FigurePreset parseFigurePreset(const std::string& json, const std::string& fileLabel) {
  JsonSource source(json, fileLabel, "figure preset");
  JsonObject root(source, source.root(), "");
  FigurePreset p;
  p.name = root.string("name");
  if (!isSafeName(p.name)) root.fail("name", "preset names use a-z, 0-9, '_' and '-' only");
  source.setWhat("figure preset '" + p.name + "'");
  p.title = root.text("title");
  if (p.title.empty()) root.fail("title", "a figure needs a title");
  p.subtitle = root.text("subtitle");
  p.extent = root.string("extent", "province");
  const bool prefectureCode =
      p.extent.size() == 6 && p.extent.starts_with("62") &&
      std::all_of(p.extent.begin(), p.extent.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (p.extent != "province" && !prefectureCode)
    root.fail("extent", "expected \"province\" or a prefecture code such as \"620300\"");
  p.layers = root.strings("layers");
  if (p.layers.empty()) root.fail("layers", "a figure needs at least one layer");
  JsonObject page = root.object("page");
  const std::size_t size = page.choice("size", {"A4", "A3", "custom"}, 0);
  const bool portrait = page.choice("orientation", {"landscape", "portrait"}, 0) == 1;
  double w = size == 1 ? 420 : 297;
  double h = size == 1 ? 297 : 210;
  if (size == 2) {
    w = page.number("width_mm", 0, 50, 2000);
    h = page.number("height_mm", 0, 50, 2000);
    if (w == 0 || h == 0) page.fail("size", "a custom page needs width_mm and height_mm");
  } else {
    (void)page.get("width_mm");
    (void)page.get("height_mm");
    if (page.has("width_mm") || page.has("height_mm"))
      page.fail("size", "width_mm/height_mm need \"size\": \"custom\"");
  }
  if (portrait) std::swap(w, h);
  p.pageWidthMm = w;
  p.pageHeightMm = h;
  page.finish();
  p.dpi = root.number("dpi", 200, 30, 1200);
  p.language = root.choice("lang", {"zh", "en"}, 0) == 0 ? render::Language::Zh : render::Language::En;
  root.finish();
  return p;
}

FigurePreset parseFigurePresetFile(const std::filesystem::path& path) {
  return parseFigurePreset(readTextFile(path.string()), path.string());
}

std::vector<std::string> builtinPresetNames(const core::DataPaths& paths) {
  std::vector<std::string> names;
  const auto dir = paths.layersDir() / "figures";
  if (!std::filesystem::is_directory(dir)) return names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

FigurePreset loadBuiltinPreset(const core::DataPaths& paths, const std::string& name) {
  const auto names = builtinPresetNames(paths);
  if (!isSafeName(name) || std::find(names.begin(), names.end(), name) == names.end()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw core::ParameterError("no figure preset named '" + name + "' (presets: " + (list.empty() ? "none" : list) +
                               ")");
  }
  return parseFigurePresetFile(paths.layersDir() / "figures" / (name + ".json"));
}

std::vector<std::string> standardFigureCredits(render::Language language) {
  if (language == render::Language::Zh) {
    return {
        "投影：兰伯特等角圆锥投影，标准纬线 34.2°N、41.2°N，中央经线 101°E（WGS 84）。点位精度见各数据记录的 "
        "location_precision；矿业基地范围为成员矿点凸包外扩 10 km 的示意。",
        "依据甘工信发[2012]350号。边界为规划工作用途，非审图号地图，不作为权属界线依据。制图：circatlas"};
  }
  return {
      "Projection: Lambert conformal conic, standard parallels 34.2°N and 41.2°N, central meridian "
      "101°E (WGS 84). Point positions carry the precision stated in each record; mining-base "
      "areas are schematic (member sites' hull buffered by 10 km).",
      "After Gansu Industry and IT Commission document 甘工信发[2012]350号. Boundaries for planning "
      "use, not an officially reviewed map. Made with circatlas."};
}

}  // namespace circatlas::definitions
