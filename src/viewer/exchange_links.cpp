// Exchange links as a map layer: PartnersTool's links in the partner_links style.
#include "viewer/exchange_links.h"


#include "definitions/definition_paths.h"
#include "definitions/style_parser.h"

namespace circatlas::viewer {

double realOf(const core::Value& v) { return core::toNumber(v).value_or(0.0); }

ViewerLayer makeExchangeLinks(const core::Layer& links, std::string id, render::LocalizedText title) {
  // The partner_links style classifies by the tool's own fields, material and quantity, so the
  // viewer, figures and exported styles (QML/SLD) all read the layer as PartnersTool writes it.
  core::Layer out(id, links.crs(), links.geometryType(), links.schema());
  out.reserve(links.size());
  for (const auto& f : links.features()) out.add(f);
  render::Style style = render::parseStyleFile(render::stylesDir() / "partner_links.json");
  if (id != "partner_links") {
    // The legend heads the layer with the style's title ("candidate exchanges …"): name what is drawn.
    style.title = {title.zh + "（按物料，线宽示数量）", title.en + ", by material (width: quantity)"};
  }
  return makeViewerLayer(std::move(id), std::move(title), std::move(out), std::move(style));
}

}  // namespace circatlas::viewer
