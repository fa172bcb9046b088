// Analysis results as map layers under their declared ids, titles and styles; PartnersTool's links in the partner_links
// style.
#include "viewer/exchange_links.h"

#include "definitions/style_parser.h"
#include "tools/analysis_specs.h"

namespace circatlas::viewer {

double realOf(const core::Value& v) { return core::toNumber(v).value_or(0.0); }

namespace {

render::LocalizedText titleOf(const tools::ResultSpec& result) {
  return {std::string(result.title.zh), std::string(result.title.en)};
}

render::Style styleOf(const tools::ResultSpec& result, const core::Layer& layer, const core::DataPaths& paths) {
  if (result.style.empty()) return defaultStyleFor(layer.geometryType());
  return definitions::parseStyleFile(paths.stylesDir() / (std::string(result.style) + ".json"));
}

}  // namespace

ViewerLayer makeResultLayer(const tools::ResultSpec& result, core::Layer layer, const core::DataPaths& paths) {
  render::Style style = styleOf(result, layer, paths);
  return makeViewerLayer(std::string(result.id), titleOf(result), std::move(layer), std::move(style));
}

ViewerLayer makeExchangeLinks(const core::Layer& links, const tools::ResultSpec& result, const core::DataPaths& paths) {
  // The partner_links style classifies by the tool's own fields, material and quantity, so the
  // viewer, figures and exported styles (QML/SLD) all read the layer as PartnersTool writes it.
  const std::string id(result.id);
  core::Layer out(id, links.crs(), links.geometryType(), links.schema());
  out.reserve(links.size());
  for (const auto& f : links.features()) out.add(f);
  render::Style style = styleOf(result, out, paths);
  if (result.id != tools::spec::partners::candidates.id) {
    // The legend heads the layer with the style's title ("candidate exchanges …"): name what is drawn.
    style.title = {std::string(result.title.zh) + "（按物料，线宽示数量）",
                   std::string(result.title.en) + ", by material (width: quantity)"};
  }
  return makeViewerLayer(id, titleOf(result), std::move(out), std::move(style));
}

}  // namespace circatlas::viewer
