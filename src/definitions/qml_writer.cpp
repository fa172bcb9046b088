// QGIS .qml documents from our style model, written with QXmlStreamWriter.
#include "definitions/qml_writer.h"

#include <QLocale>
#include <QString>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace circatlas::definitions {

namespace {

using Properties = std::vector<std::pair<QString, QString>>;

QString qs(const std::string& s) { return QString::fromStdString(s); }

// Shortest text that reads back as the same double ("0.3", not "0.29999999999999999").
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

// Numbers inside QGIS expressions: plain decimals ("1000000", not "1e+06").
QString decimal(double v) { return QString::number(v, 'f', QLocale::FloatingPointShortest); }

QString rgba(const render::Color& c) { return QStringLiteral("%1,%2,%3,%4").arg(c.r).arg(c.g).arg(c.b).arg(c.a); }

QString markerName(render::MarkerShape shape) {
  switch (shape) {
    case render::MarkerShape::Circle:
      return QStringLiteral("circle");
    case render::MarkerShape::Square:
      return QStringLiteral("square");
    case render::MarkerShape::Triangle:
      return QStringLiteral("triangle");
    case render::MarkerShape::Diamond:
      return QStringLiteral("diamond");
    case render::MarkerShape::Star:
      return QStringLiteral("star");
    case render::MarkerShape::Cross:
      return QStringLiteral("cross_fill");
    case render::MarkerShape::Hexagon:
      return QStringLiteral("hexagon");
  }
  return QStringLiteral("circle");
}

QString dashPattern(const std::vector<double>& dash) {
  QStringList parts;
  for (double d : dash) parts << number(d);
  return parts.join(';');
}

/// A field name as a QGIS expression: "name" with embedded quotes doubled.
QString fieldRef(const std::string& field) { return '"' + qs(field).replace('"', QStringLiteral("\"\"")) + '"'; }

QString literal(const std::string& text) { return '\'' + qs(text).replace('\'', QStringLiteral("''")) + '\''; }

class QmlWriter {
 public:
  QmlWriter(const render::Style& style, render::Language language, QString* out) : s_(style), lang_(language), w_(out) {
    w_.setAutoFormatting(true);
    w_.setAutoFormattingIndent(1);
  }

  void write() {
    w_.writeStartDocument();
    w_.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w_.writeStartElement(QStringLiteral("qgis"));
    w_.writeAttribute(QStringLiteral("version"), QLatin1String(kQgisVersion));
    w_.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology|Labeling|Rendering"));
    const bool scaled = s_.scaleRange.minDenominator || s_.scaleRange.maxDenominator;
    w_.writeAttribute(QStringLiteral("hasScaleBasedVisibilityFlag"),
                      scaled ? QStringLiteral("1") : QStringLiteral("0"));
    // QGIS: minScale is the zoomed-out limit (largest denominator), maxScale the zoomed-in one.
    w_.writeAttribute(QStringLiteral("minScale"), number(s_.scaleRange.maxDenominator.value_or(0)));
    w_.writeAttribute(QStringLiteral("maxScale"), number(s_.scaleRange.minDenominator.value_or(0)));
    w_.writeAttribute(QStringLiteral("labelsEnabled"), s_.label ? QStringLiteral("1") : QStringLiteral("0"));
    writeRenderer();
    if (s_.label) writeLabeling(*s_.label);
    w_.writeTextElement(QStringLiteral("layerGeometryType"), geometryCode());
    w_.writeEndElement();
    w_.writeEndDocument();
  }

 private:
  QString geometryCode() const {
    switch (s_.geometry) {
      case render::StyleGeometry::Point:
        return QStringLiteral("0");
      case render::StyleGeometry::Line:
        return QStringLiteral("1");
      case render::StyleGeometry::Polygon:
        return QStringLiteral("2");
    }
    return QStringLiteral("2");
  }

  std::vector<const render::StyleClass*> allClasses() const {
    std::vector<const render::StyleClass*> all;
    for (const auto& c : s_.classes) all.push_back(&c);
    if (s_.other && s_.renderer != render::SymbolRenderer::Graduated) all.push_back(&*s_.other);
    return all;
  }

  void writeRenderer() {
    const auto classes = allClasses();
    w_.writeStartElement(QStringLiteral("renderer-v2"));
    // Prefix classes need LIKE filters, and a catch-all class needs an ELSE rule: QGIS 3.22 draws a
    // categorised "all other values" category (value "") for NULL only, and leaves other unmatched
    // values out of the legend. A rule renderer with ELSE behaves the same in every QGIS 3.x.
    const bool rules = s_.renderer == render::SymbolRenderer::Categorised &&
                       (s_.match == render::MatchMode::Prefix || s_.other.has_value());
    switch (s_.renderer) {
      case render::SymbolRenderer::Single:
        w_.writeAttribute(QStringLiteral("type"), QStringLiteral("singleSymbol"));
        break;
      case render::SymbolRenderer::Categorised:
        w_.writeAttribute(QStringLiteral("type"),
                          rules ? QStringLiteral("RuleRenderer") : QStringLiteral("categorizedSymbol"));
        if (!rules) w_.writeAttribute(QStringLiteral("attr"), qs(s_.field));
        break;
      case render::SymbolRenderer::Graduated:
        w_.writeAttribute(QStringLiteral("type"), QStringLiteral("graduatedSymbol"));
        w_.writeAttribute(QStringLiteral("attr"), qs(s_.field));
        w_.writeAttribute(QStringLiteral("graduatedMethod"), QStringLiteral("GraduatedColor"));
        break;
    }
    w_.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    if (s_.renderer == render::SymbolRenderer::Categorised && !rules) writeCategories(classes);
    if (rules) writeRules(classes);
    if (s_.renderer == render::SymbolRenderer::Graduated) writeRanges(classes);
    w_.writeStartElement(QStringLiteral("symbols"));
    for (std::size_t i = 0; i < classes.size(); ++i) writeSymbol(classes[i]->symbol, QString::number(i));
    w_.writeEndElement();
    if (s_.renderer == render::SymbolRenderer::Graduated) {
      w_.writeEmptyElement(QStringLiteral("mode"));
      w_.writeAttribute(QStringLiteral("name"), QStringLiteral("manual"));
    }
    w_.writeEndElement();
  }

  void writeCategories(const std::vector<const render::StyleClass*>& classes) {
    w_.writeStartElement(QStringLiteral("categories"));
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const render::StyleClass& c = *classes[i];
      w_.writeStartElement(QStringLiteral("category"));
      w_.writeAttribute(QStringLiteral("symbol"), QString::number(i));
      w_.writeAttribute(QStringLiteral("label"), qs(c.label.in(lang_)));
      w_.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
      w_.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
      if (c.values.size() == 1) {
        w_.writeAttribute(QStringLiteral("value"), qs(c.values[0]));
      } else if (c.values.empty()) {
        w_.writeAttribute(QStringLiteral("value"), QString());  // the "all other values" category
      } else {
        for (const auto& v : c.values) {
          w_.writeEmptyElement(QStringLiteral("val"));
          w_.writeAttribute(QStringLiteral("value"), qs(v));
          w_.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
        }
      }
      w_.writeEndElement();
    }
    w_.writeEndElement();
  }

  void writeRules(const std::vector<const render::StyleClass*>& classes) {
    w_.writeStartElement(QStringLiteral("rules"));
    w_.writeAttribute(QStringLiteral("key"), QStringLiteral("root"));
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const render::StyleClass& c = *classes[i];
      QStringList terms;
      if (s_.match == render::MatchMode::Prefix) {
        for (const auto& v : c.values) terms << fieldRef(s_.field) + QStringLiteral(" LIKE ") + literal(v + "%");
      } else if (c.values.size() == 1) {
        terms << fieldRef(s_.field) + QStringLiteral(" = ") + literal(c.values[0]);
      } else if (!c.values.empty()) {
        QStringList literals;
        for (const auto& v : c.values) literals << literal(v);
        terms << fieldRef(s_.field) + QStringLiteral(" IN (") + literals.join(QStringLiteral(", ")) + ')';
      }
      w_.writeEmptyElement(QStringLiteral("rule"));
      w_.writeAttribute(QStringLiteral("key"), QStringLiteral("rule-%1").arg(i));
      w_.writeAttribute(QStringLiteral("symbol"), QString::number(i));
      w_.writeAttribute(QStringLiteral("label"), qs(c.label.in(lang_)));
      w_.writeAttribute(QStringLiteral("filter"),
                        terms.isEmpty() ? QStringLiteral("ELSE") : terms.join(QStringLiteral(" OR ")));
    }
    w_.writeEndElement();
  }

  void writeRanges(const std::vector<const render::StyleClass*>& classes) {
    w_.writeStartElement(QStringLiteral("ranges"));
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const render::StyleClass& c = *classes[i];
      w_.writeEmptyElement(QStringLiteral("range"));
      w_.writeAttribute(QStringLiteral("symbol"), QString::number(i));
      w_.writeAttribute(QStringLiteral("lower"), number(c.min.value_or(std::numeric_limits<double>::lowest())));
      w_.writeAttribute(QStringLiteral("upper"), number(c.max.value_or(std::numeric_limits<double>::max())));
      w_.writeAttribute(QStringLiteral("label"), qs(c.label.in(lang_)));
      w_.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
    }
    w_.writeEndElement();
  }

  void writeSymbol(const render::Symbol& sym, const QString& name) {
    w_.writeStartElement(QStringLiteral("symbol"));
    const QString type = s_.geometry == render::StyleGeometry::Point  ? QStringLiteral("marker")
                         : s_.geometry == render::StyleGeometry::Line ? QStringLiteral("line")
                                                                      : QStringLiteral("fill");
    w_.writeAttribute(QStringLiteral("type"), type);
    w_.writeAttribute(QStringLiteral("name"), name);
    w_.writeAttribute(QStringLiteral("alpha"), number(sym.opacity));
    w_.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    w_.writeStartElement(QStringLiteral("layer"));
    w_.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    const QString noColor = QStringLiteral("0,0,0,0");
    const QString fill = sym.fill ? rgba(*sym.fill) : noColor;
    const QString stroke = sym.stroke ? rgba(*sym.stroke) : noColor;
    const QString strokeStyle = !sym.stroke          ? QStringLiteral("no")
                                : sym.dashMm.empty() ? QStringLiteral("solid")
                                                     : QStringLiteral("dash");
    Properties p;
    QString sizeProperty;
    switch (s_.geometry) {
      case render::StyleGeometry::Point:
        w_.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleMarker"));
        p = {{"name", markerName(sym.marker)},
             {"color", fill},
             {"outline_color", stroke},
             {"outline_style", sym.stroke ? QStringLiteral("solid") : QStringLiteral("no")},
             {"outline_width", number(sym.strokeWidthMm)},
             {"outline_width_unit", "MM"},
             {"size", number(sym.sizeMm)},
             {"size_unit", "MM"},
             {"angle", "0"},
             {"joinstyle", "miter"},
             {"scale_method", "diameter"}};
        sizeProperty = QStringLiteral("size");
        break;
      case render::StyleGeometry::Line:
        w_.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleLine"));
        p = {{"line_color", stroke},
             {"line_style", sym.stroke ? QStringLiteral("solid") : QStringLiteral("no")},
             {"line_width", number(sym.strokeWidthMm)},
             {"line_width_unit", "MM"},
             {"use_custom_dash", sym.dashMm.empty() ? QStringLiteral("0") : QStringLiteral("1")},
             {"customdash", dashPattern(sym.dashMm)},
             {"customdash_unit", "MM"},
             {"capstyle", "round"},
             {"joinstyle", "round"}};
        sizeProperty = QStringLiteral("outlineWidth");
        break;
      case render::StyleGeometry::Polygon:
        w_.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleFill"));
        p = {{"color", fill},
             {"style", sym.fill ? QStringLiteral("solid") : QStringLiteral("no")},
             {"outline_color", stroke},
             {"outline_style", strokeStyle},
             {"outline_width", number(sym.strokeWidthMm)},
             {"outline_width_unit", "MM"},
             {"use_custom_dash", sym.dashMm.empty() ? QStringLiteral("0") : QStringLiteral("1")},
             {"customdash", dashPattern(sym.dashMm)},
             {"customdash_unit", "MM"},
             {"joinstyle", "round"}};
        sizeProperty = QStringLiteral("outlineWidth");
        break;
    }
    // QGIS ≥ 3.26 reads the Option map, older versions the prop elements: both are written.
    w_.writeStartElement(QStringLiteral("Option"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    for (const auto& [k, v] : p) writeOption(k, v);
    w_.writeEndElement();
    for (const auto& [k, v] : p) {
      w_.writeEmptyElement(QStringLiteral("prop"));
      w_.writeAttribute(QStringLiteral("k"), k);
      w_.writeAttribute(QStringLiteral("v"), v);
    }
    if (s_.sizeBy) writeSizeBy(*s_.sizeBy, sizeProperty);
    w_.writeEndElement();  // layer
    w_.writeEndElement();  // symbol
  }

  void writeOption(const QString& name, const QString& value, const QString& type = QStringLiteral("QString")) {
    w_.writeEmptyElement(QStringLiteral("Option"));
    w_.writeAttribute(QStringLiteral("name"), name);
    w_.writeAttribute(QStringLiteral("type"), type);
    w_.writeAttribute(QStringLiteral("value"), value);
  }

  void writeSizeBy(const render::SizeBy& by, const QString& property) {
    const QString expression = QStringLiteral("scale_linear(%1, %2, %3, %4, %5)")
                                   .arg(fieldRef(by.field), decimal(by.minValue), decimal(by.maxValue),
                                        decimal(by.minSizeMm), decimal(by.maxSizeMm));
    w_.writeStartElement(QStringLiteral("data_defined_properties"));
    w_.writeStartElement(QStringLiteral("Option"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    writeOption(QStringLiteral("name"), QString());
    w_.writeStartElement(QStringLiteral("Option"));
    w_.writeAttribute(QStringLiteral("name"), QStringLiteral("properties"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    w_.writeStartElement(QStringLiteral("Option"));
    w_.writeAttribute(QStringLiteral("name"), property);
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("Map"));
    writeOption(QStringLiteral("active"), QStringLiteral("true"), QStringLiteral("bool"));
    writeOption(QStringLiteral("expression"), expression);
    writeOption(QStringLiteral("type"), QStringLiteral("3"), QStringLiteral("int"));  // expression-based
    w_.writeEndElement();
    w_.writeEndElement();
    writeOption(QStringLiteral("type"), QStringLiteral("collection"));
    w_.writeEndElement();
    w_.writeEndElement();
  }

  void writeLabeling(const render::LabelStyle& l) {
    w_.writeStartElement(QStringLiteral("labeling"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("simple"));
    w_.writeStartElement(QStringLiteral("settings"));
    w_.writeAttribute(QStringLiteral("calloutType"), QStringLiteral("simple"));
    w_.writeStartElement(QStringLiteral("text-style"));
    w_.writeAttribute(QStringLiteral("fieldName"), qs(l.field.in(lang_)));
    w_.writeAttribute(QStringLiteral("isExpression"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("fontFamily"), lang_ == render::Language::Zh ? QStringLiteral("Noto Sans CJK SC")
                                                                                  : QStringLiteral("DejaVu Sans"));
    w_.writeAttribute(QStringLiteral("fontSize"), number(l.sizePt));
    w_.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
    w_.writeAttribute(QStringLiteral("fontWeight"), l.bold ? QStringLiteral("75") : QStringLiteral("50"));
    w_.writeAttribute(QStringLiteral("fontItalic"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("textColor"), rgba(l.color));
    w_.writeAttribute(QStringLiteral("textOpacity"), number(l.color.a / 255.0));
    // QGIS spaces letters by an absolute amount in points; ours is a percentage of the normal advance.
    w_.writeAttribute(QStringLiteral("fontLetterSpacing"),
                      number((l.letterSpacingPercent - 100.0) / 100.0 * l.sizePt * 0.5));
    w_.writeEmptyElement(QStringLiteral("text-buffer"));
    w_.writeAttribute(QStringLiteral("bufferDraw"), l.halo ? QStringLiteral("1") : QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("bufferSize"), number(l.halo ? l.halo->widthMm : 0.0));
    w_.writeAttribute(QStringLiteral("bufferSizeUnits"), QStringLiteral("MM"));
    w_.writeAttribute(QStringLiteral("bufferColor"), rgba(l.halo ? l.halo->color : render::Color{255, 255, 255, 255}));
    w_.writeAttribute(QStringLiteral("bufferOpacity"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("bufferJoinStyle"), QStringLiteral("128"));
    w_.writeEndElement();  // text-style
    w_.writeEmptyElement(QStringLiteral("placement"));
    // QgsPalLayerSettings::Placement: 6 ordered positions around a point, 1 over the point (polygon
    // centroid), 2 parallel to the line.
    const int placement = l.placement == render::LabelPlacement::AroundPoint ? 6
                          : l.placement == render::LabelPlacement::Interior  ? 1
                                                                             : 2;
    w_.writeAttribute(QStringLiteral("placement"), QString::number(placement));
    w_.writeAttribute(QStringLiteral("predefinedPositionOrder"), QStringLiteral("TR,TL,BR,BL,R,L,TSR,BSR"));
    w_.writeAttribute(QStringLiteral("dist"), QStringLiteral("0.5"));
    w_.writeAttribute(QStringLiteral("distUnits"), QStringLiteral("MM"));
    w_.writeAttribute(QStringLiteral("fitInPolygonOnly"),
                      l.placement == render::LabelPlacement::Interior ? QStringLiteral("1") : QStringLiteral("0"));
    w_.writeEmptyElement(QStringLiteral("rendering"));
    const bool scaled = l.scaleRange.minDenominator || l.scaleRange.maxDenominator;
    w_.writeAttribute(QStringLiteral("scaleVisibility"), scaled ? QStringLiteral("1") : QStringLiteral("0"));
    // QGIS names these the other way round: scaleMin is the zoomed-in limit (smallest denominator).
    w_.writeAttribute(QStringLiteral("scaleMin"), number(l.scaleRange.minDenominator.value_or(0)));
    w_.writeAttribute(QStringLiteral("scaleMax"), number(l.scaleRange.maxDenominator.value_or(0)));
    w_.writeAttribute(QStringLiteral("priority"),
                      QString::number(std::clamp(static_cast<int>(std::lround(l.priority / 10.0)), 0, 10)));
    // Our label engine keeps labels off placed labels and point symbols only; QGIS by default also
    // keeps them off every line and polygon of a labelled layer (rivers, mining bases), which hid
    // half the prefecture seats' names at atlas scale.
    w_.writeAttribute(QStringLiteral("obstacle"),
                      s_.geometry == render::StyleGeometry::Point ? QStringLiteral("1") : QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("displayAll"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("drawLabels"), QStringLiteral("1"));
    w_.writeEndElement();  // settings
    w_.writeEndElement();  // labeling
  }

  const render::Style& s_;
  render::Language lang_;
  QXmlStreamWriter w_;
};

}  // namespace

std::string toQml(const render::Style& style, render::Language language) {
  QString out;
  QmlWriter(style, language, &out).write();
  return out.toStdString();
}

}  // namespace circatlas::definitions
