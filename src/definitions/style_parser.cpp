// Style files: JSON with single, categorised and graduated symbols, labels and scale ranges.
#include "definitions/style_parser.h"

#include "definitions/json_source.h"

namespace circatlas::definitions {

namespace {

constexpr double kMaxMm = 100.0;

render::ScaleRange readScaleRange(JsonObject& parent, std::string_view key) {
  render::ScaleRange range;
  if (!parent.has(key)) {
    (void)parent.get(key);
    return range;
  }
  JsonObject o = parent.object(key);
  if (o.has("min_denominator")) range.minDenominator = o.number("min_denominator", 0, 0, 1e12);
  else (void)o.get("min_denominator");
  if (o.has("max_denominator")) range.maxDenominator = o.number("max_denominator", 0, 0, 1e12);
  else (void)o.get("max_denominator");
  if (range.minDenominator && range.maxDenominator && *range.minDenominator > *range.maxDenominator) {
    parent.fail(key, "min_denominator is larger than max_denominator");
  }
  o.finish();
  return range;
}

render::Symbol readSymbol(JsonObject o) {
  render::Symbol s;
  s.fill = o.color("fill");
  s.stroke = o.color("stroke");
  s.strokeWidthMm = o.number("stroke_width", s.strokeWidthMm, 0, kMaxMm);
  s.dashMm = o.numbers("dash");
  if (s.dashMm.size() % 2 != 0) o.fail("dash", "expected an even number of lengths (dash, gap, …)");
  for (double d : s.dashMm) {
    if (d <= 0) o.fail("dash", "dash and gap lengths must be positive millimetres");
  }
  s.marker = static_cast<render::MarkerShape>(
      o.choice("marker", {"circle", "square", "triangle", "diamond", "star", "cross", "hexagon"}, 0));
  s.sizeMm = o.number("size", s.sizeMm, 0, kMaxMm);
  s.opacity = o.number("opacity", 1.0, 0, 1);
  o.finish();
  return s;
}

render::StyleClass readClass(JsonObject o, const render::Style& style, bool isOther) {
  render::StyleClass c;
  c.label = o.text("label");
  if (!isOther && style.renderer == render::SymbolRenderer::Categorised) {
    c.values = o.strings("values");
    if (c.values.empty()) o.fail("values", "a categorised class needs at least one value");
  }
  if (!isOther && style.renderer == render::SymbolRenderer::Graduated) {
    if (o.has("min")) c.min = o.number("min");
    else (void)o.get("min");
    if (o.has("max")) c.max = o.number("max");
    else (void)o.get("max");
    if (c.min && c.max && *c.min >= *c.max) o.fail("max", "max must be larger than min");
  }
  c.symbol = readSymbol(o.object("symbol"));
  o.finish();
  return c;
}

render::LabelStyle readLabel(JsonObject o, render::StyleGeometry geometry) {
  render::LabelStyle l;
  l.field = o.text("field");
  if (l.field.zh.empty() || l.field.en.empty())
    o.fail("field", "the label field is required (a name or {\"zh\", \"en\"})");
  l.sizePt = o.number("size", l.sizePt, 2, 72);
  l.bold = o.boolean("bold", false);
  if (auto c = o.color("color")) l.color = *c;
  if (o.has("halo")) {
    JsonObject h = o.object("halo");
    render::Halo halo;
    if (auto c = h.color("color")) halo.color = *c;
    halo.widthMm = h.number("width", halo.widthMm, 0, 5);
    h.finish();
    l.halo = halo;
  } else {
    (void)o.get("halo");
  }
  l.priority = static_cast<int>(o.number("priority", 0, -1000, 1000));
  if (o.has("rank_by")) {
    JsonObject r = o.object("rank_by");
    l.rankField = r.string("field");
    if (l.rankField.empty()) r.fail("field", "the rank field is required");
    if (r.has("per")) l.rankPer = r.string("per");
    r.finish();
  } else {
    (void)o.get("rank_by");
  }
  const std::size_t defaultPlacement = geometry == render::StyleGeometry::Point  ? 0
                                       : geometry == render::StyleGeometry::Line ? 2
                                                                                 : 1;
  l.placement = static_cast<render::LabelPlacement>(
      o.choice("placement", {"around_point", "interior", "line"}, defaultPlacement));
  l.letterSpacingPercent = o.number("letter_spacing", 100, 50, 300);
  l.scaleRange = readScaleRange(o, "scale_range");
  o.finish();
  return l;
}

}  // namespace

render::Style parseStyle(const std::string& json, const std::string& fileLabel) {
  JsonSource source(json, fileLabel, "style");
  JsonObject root(source, source.root(), "");
  render::Style style;
  style.name = root.string("name");
  source.setWhat("style '" + style.name + "'");
  style.title = root.text("title");
  if (!root.has("geometry")) root.fail("", "missing key 'geometry' (point, line or polygon)");
  style.geometry = static_cast<render::StyleGeometry>(root.choice("geometry", {"point", "line", "polygon"}, 0));
  style.renderer =
      static_cast<render::SymbolRenderer>(root.choice("renderer", {"single", "categorised", "graduated"}, 0));
  style.field = root.string("field", "");
  if (style.renderer != render::SymbolRenderer::Single && style.field.empty()) {
    root.fail("renderer", "a categorised or graduated style needs a 'field'");
  }
  style.match = static_cast<render::MatchMode>(root.choice("match", {"exact", "prefix"}, 0));
  if (style.renderer == render::SymbolRenderer::Single) {
    if (root.has("classes")) root.fail("classes", "a single-symbol style takes 'symbol', not 'classes'");
    (void)root.get("classes");
    render::StyleClass c;
    c.label = root.text("label");
    c.symbol = readSymbol(root.object("symbol"));
    style.classes.push_back(std::move(c));
  } else {
    if (root.has("symbol")) root.fail("symbol", "a categorised or graduated style takes 'classes', not 'symbol'");
    (void)root.get("symbol");
    (void)root.get("label");
    if (root.has("label")) root.fail("label", "the legend text of a class goes into its own 'label'");
    for (const auto& [value, pointer] : root.array("classes")) {
      style.classes.push_back(readClass(JsonObject(source, *value, pointer), style, false));
    }
    if (style.classes.empty()) root.fail("classes", "at least one class is needed");
    if (root.has("other")) style.other = readClass(root.object("other"), style, true);
    else (void)root.get("other");
  }
  if (root.has("size_by")) {
    JsonObject o = root.object("size_by");
    render::SizeBy s;
    s.field = o.string("field");
    s.minValue = o.number("min_value");
    s.maxValue = o.number("max_value");
    if (s.maxValue <= s.minValue) o.fail("max_value", "max_value must be larger than min_value");
    s.minSizeMm = o.number("min_size", s.minSizeMm, 0, kMaxMm);
    s.maxSizeMm = o.number("max_size", s.maxSizeMm, 0, kMaxMm);
    o.finish();
    style.sizeBy = s;
  } else {
    (void)root.get("size_by");
  }
  if (root.has("labels")) style.label = readLabel(root.object("labels"), style.geometry);
  else (void)root.get("labels");
  style.scaleRange = readScaleRange(root, "scale_range");
  style.showInLegend = root.boolean("legend", true);
  root.finish();
  return style;
}

render::Style parseStyleFile(const std::filesystem::path& path) {
  return parseStyle(readTextFile(path.string()), path.string());
}

}  // namespace circatlas::definitions
