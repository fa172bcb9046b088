// Exchange links as a map layer: the fields the partner_links style reads, added to PartnersTool's links.
#include "viewer/exchange_links.h"


#include "render/definition_paths.h"
#include "render/style_parser.h"

namespace circatlas::viewer {

double realOf(const core::Value& v) { return core::toNumber(v).value_or(0.0); }

ViewerLayer makeExchangeLinks(const core::Layer& links, std::string id, render::LocalizedText title) {
  // The partner_links style classifies by material_code and sizes by tonnes (styles/README.md);
  // the tool names them material and quantity.
  core::Schema schema = links.schema();
  schema.add({"material_code", core::FieldType::String});
  schema.add({"tonnes", core::FieldType::Real});
  core::Layer out(id, links.crs(), links.geometryType(), schema);
  const auto material = links.schema().require("material");
  const auto quantity = links.schema().require("quantity");
  for (const auto& f : links.features()) {
    core::Feature g = f;
    g.values.push_back(f.values[material]);
    g.values.push_back(f.values[quantity]);
    out.add(std::move(g));
  }
  render::Style style = render::parseStyleFile(render::stylesDir() / "partner_links.json");
  if (id != "partner_links") {
    // The legend heads the layer with the style's title ("candidate exchanges …"): name what is drawn.
    style.title = {title.zh + "（按物料，线宽示吨数）", title.en + ", by material (width: tonnes)"};
  }
  return makeViewerLayer(std::move(id), std::move(title), std::move(out), std::move(style));
}

}  // namespace circatlas::viewer
