// SLD 1.1 documents from our style model, written with QXmlStreamWriter.
#include "render/sld_writer.h"

#include <QLocale>
#include <QString>
#include <QXmlStreamWriter>

#include <cmath>
#include <utility>
#include <vector>

namespace circatlas::render {

namespace {

constexpr double kMmPerPixel = 0.28;  // the standard rendering pixel of SLD/SE
constexpr double kMmPerPoint = 25.4 / 72.0;

const QString kSe = QStringLiteral("http://www.opengis.net/se");
const QString kOgc = QStringLiteral("http://www.opengis.net/ogc");
const QString kSld = QStringLiteral("http://www.opengis.net/sld");

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }
QString px(double mm) { return number(mm / kMmPerPixel); }
QString hex(const Color& c) {
  return QStringLiteral("#%1%2%3").arg(c.r, 2, 16, QLatin1Char('0')).arg(c.g, 2, 16, QLatin1Char('0')).arg(c.b, 2, 16, QLatin1Char('0'));
}
QString opacity(const Color& c, double symbolOpacity) { return number(c.a / 255.0 * symbolOpacity); }

class SldWriter {
 public:
  SldWriter(const Style& style, Language language, QString* out) : s_(style), lang_(language), w_(out) {
    w_.setAutoFormatting(true);
    w_.setAutoFormattingIndent(1);
  }

  void write(const std::string& layerName) {
    w_.writeStartDocument();
    w_.writeNamespace(kSld);
    w_.writeNamespace(kSe, QStringLiteral("se"));
    w_.writeNamespace(kOgc, QStringLiteral("ogc"));
    w_.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    w_.writeStartElement(kSld, QStringLiteral("StyledLayerDescriptor"));
    w_.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1.0"));
    w_.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
                      QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    w_.writeStartElement(kSld, QStringLiteral("NamedLayer"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), qs(layerName));
    w_.writeStartElement(kSld, QStringLiteral("UserStyle"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), qs(s_.name));
    w_.writeStartElement(kSe, QStringLiteral("FeatureTypeStyle"));
    for (const auto& c : s_.classes) writeRule(c, false);
    if (s_.other && s_.renderer == SymbolRenderer::Categorised) writeRule(*s_.other, true);
    if (s_.label) writeLabelRule(*s_.label);
    w_.writeEndElement();  // FeatureTypeStyle
    w_.writeEndElement();  // UserStyle
    w_.writeEndElement();  // NamedLayer
    w_.writeEndElement();  // StyledLayerDescriptor
    w_.writeEndDocument();
  }

 private:
  void writeScale(const ScaleRange& r) {
    if (r.minDenominator) w_.writeTextElement(kSe, QStringLiteral("MinScaleDenominator"), number(*r.minDenominator));
    if (r.maxDenominator) w_.writeTextElement(kSe, QStringLiteral("MaxScaleDenominator"), number(*r.maxDenominator));
  }

  void comparison(const QString& op, const QString& value) {
    w_.writeStartElement(kOgc, op);
    if (op == QLatin1String("PropertyIsLike")) {
      w_.writeAttribute(QStringLiteral("wildCard"), QStringLiteral("%"));
      w_.writeAttribute(QStringLiteral("singleChar"), QStringLiteral("_"));
      w_.writeAttribute(QStringLiteral("escapeChar"), QStringLiteral("\\"));
    }
    w_.writeTextElement(kOgc, QStringLiteral("PropertyName"), qs(s_.field));
    w_.writeTextElement(kOgc, QStringLiteral("Literal"), value);
    w_.writeEndElement();
  }

  void writeFilter(const StyleClass& c) {
    std::vector<std::pair<QString, QString>> terms;
    if (s_.renderer == SymbolRenderer::Categorised) {
      for (const auto& v : c.values) {
        if (s_.match == MatchMode::Prefix) {
          QString escaped = qs(v);
          escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\")).replace('%', QStringLiteral("\\%")).replace('_', QStringLiteral("\\_"));
          terms.emplace_back(QStringLiteral("PropertyIsLike"), escaped + '%');
        } else {
          terms.emplace_back(QStringLiteral("PropertyIsEqualTo"), qs(v));
        }
      }
    } else if (s_.renderer == SymbolRenderer::Graduated) {
      if (c.min) terms.emplace_back(QStringLiteral("PropertyIsGreaterThanOrEqualTo"), number(*c.min));
      if (c.max) terms.emplace_back(QStringLiteral("PropertyIsLessThan"), number(*c.max));
    }
    if (terms.empty()) return;
    w_.writeStartElement(kOgc, QStringLiteral("Filter"));
    const bool several = terms.size() > 1;
    if (several) w_.writeStartElement(kOgc, s_.renderer == SymbolRenderer::Graduated ? QStringLiteral("And") : QStringLiteral("Or"));
    for (const auto& [op, value] : terms) comparison(op, value);
    if (several) w_.writeEndElement();
    w_.writeEndElement();
  }

  void writeFill(const Color& c, double symbolOpacity) {
    w_.writeStartElement(kSe, QStringLiteral("Fill"));
    svgParameter(QStringLiteral("fill"), hex(c));
    svgParameter(QStringLiteral("fill-opacity"), opacity(c, symbolOpacity));
    w_.writeEndElement();
  }

  void writeStroke(const Symbol& sym) {
    if (!sym.stroke) return;
    w_.writeStartElement(kSe, QStringLiteral("Stroke"));
    svgParameter(QStringLiteral("stroke"), hex(*sym.stroke));
    svgParameter(QStringLiteral("stroke-opacity"), opacity(*sym.stroke, sym.opacity));
    svgParameter(QStringLiteral("stroke-width"), px(sym.strokeWidthMm));
    if (!sym.dashMm.empty()) {
      QStringList dash;
      for (double d : sym.dashMm) dash << px(d);
      svgParameter(QStringLiteral("stroke-dasharray"), dash.join(' '));
    }
    w_.writeEndElement();
  }

  void svgParameter(const QString& name, const QString& value) {
    w_.writeStartElement(kSe, QStringLiteral("SvgParameter"));
    w_.writeAttribute(QStringLiteral("name"), name);
    w_.writeCharacters(value);
    w_.writeEndElement();
  }

  void writeSymbolizer(const Symbol& sym) {
    switch (s_.geometry) {
      case StyleGeometry::Point: {
        w_.writeStartElement(kSe, QStringLiteral("PointSymbolizer"));
        w_.writeStartElement(kSe, QStringLiteral("Graphic"));
        w_.writeStartElement(kSe, QStringLiteral("Mark"));
        // SE knows circle, square, triangle, star, cross and x: a diamond is a rotated square and
        // a hexagon, which SE lacks, is drawn as a circle.
        QString name = QStringLiteral("circle");
        switch (sym.marker) {
          case MarkerShape::Square:
          case MarkerShape::Diamond: name = QStringLiteral("square"); break;
          case MarkerShape::Triangle: name = QStringLiteral("triangle"); break;
          case MarkerShape::Star: name = QStringLiteral("star"); break;
          case MarkerShape::Cross: name = QStringLiteral("cross"); break;
          default: break;
        }
        w_.writeTextElement(kSe, QStringLiteral("WellKnownName"), name);
        if (sym.fill) writeFill(*sym.fill, sym.opacity);
        writeStroke(sym);
        w_.writeEndElement();  // Mark
        w_.writeTextElement(kSe, QStringLiteral("Size"), px(sym.sizeMm));
        if (sym.marker == MarkerShape::Diamond) w_.writeTextElement(kSe, QStringLiteral("Rotation"), QStringLiteral("45"));
        w_.writeEndElement();  // Graphic
        w_.writeEndElement();
        break;
      }
      case StyleGeometry::Line:
        w_.writeStartElement(kSe, QStringLiteral("LineSymbolizer"));
        writeStroke(sym);
        w_.writeEndElement();
        break;
      case StyleGeometry::Polygon:
        w_.writeStartElement(kSe, QStringLiteral("PolygonSymbolizer"));
        if (sym.fill) writeFill(*sym.fill, sym.opacity);
        writeStroke(sym);
        w_.writeEndElement();
        break;
    }
  }

  void writeRule(const StyleClass& c, bool isElse) {
    w_.writeStartElement(kSe, QStringLiteral("Rule"));
    const QString label = qs(c.label.in(lang_).empty() ? s_.title.in(lang_) : c.label.in(lang_));
    w_.writeTextElement(kSe, QStringLiteral("Name"), label);
    w_.writeStartElement(kSe, QStringLiteral("Description"));
    w_.writeTextElement(kSe, QStringLiteral("Title"), label);
    w_.writeEndElement();
    if (isElse) w_.writeEmptyElement(kSe, QStringLiteral("ElseFilter"));
    else writeFilter(c);
    writeScale(s_.scaleRange);
    writeSymbolizer(c.symbol);
    w_.writeEndElement();
  }

  void writeLabelRule(const LabelStyle& l) {
    w_.writeStartElement(kSe, QStringLiteral("Rule"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), QStringLiteral("labels"));
    writeScale(l.scaleRange);
    w_.writeStartElement(kSe, QStringLiteral("TextSymbolizer"));
    w_.writeStartElement(kSe, QStringLiteral("Label"));
    w_.writeTextElement(kOgc, QStringLiteral("PropertyName"), qs(l.field.in(lang_)));
    w_.writeEndElement();
    w_.writeStartElement(kSe, QStringLiteral("Font"));
    svgParameter(QStringLiteral("font-family"), lang_ == Language::Zh ? QStringLiteral("Noto Sans CJK SC") : QStringLiteral("DejaVu Sans"));
    svgParameter(QStringLiteral("font-size"), px(l.sizePt * kMmPerPoint));
    svgParameter(QStringLiteral("font-weight"), l.bold ? QStringLiteral("bold") : QStringLiteral("normal"));
    w_.writeEndElement();
    w_.writeStartElement(kSe, QStringLiteral("LabelPlacement"));
    if (l.placement == LabelPlacement::Line) {
      w_.writeEmptyElement(kSe, QStringLiteral("LinePlacement"));
    } else {
      w_.writeStartElement(kSe, QStringLiteral("PointPlacement"));
      w_.writeStartElement(kSe, QStringLiteral("AnchorPoint"));
      const bool around = l.placement == LabelPlacement::AroundPoint;
      w_.writeTextElement(kSe, QStringLiteral("AnchorPointX"), around ? QStringLiteral("0") : QStringLiteral("0.5"));
      w_.writeTextElement(kSe, QStringLiteral("AnchorPointY"), QStringLiteral("0.5"));
      w_.writeEndElement();
      if (around) {
        w_.writeStartElement(kSe, QStringLiteral("Displacement"));
        w_.writeTextElement(kSe, QStringLiteral("DisplacementX"), px(1.5));
        w_.writeTextElement(kSe, QStringLiteral("DisplacementY"), QStringLiteral("0"));
        w_.writeEndElement();
      }
      w_.writeEndElement();
    }
    w_.writeEndElement();  // LabelPlacement
    if (l.halo) {
      w_.writeStartElement(kSe, QStringLiteral("Halo"));
      w_.writeTextElement(kSe, QStringLiteral("Radius"), px(l.halo->widthMm));
      writeFill(l.halo->color, 1.0);
      w_.writeEndElement();
    }
    writeFill(l.color, 1.0);
    w_.writeEndElement();  // TextSymbolizer
    w_.writeEndElement();  // Rule
  }

  const Style& s_;
  Language lang_;
  QXmlStreamWriter w_;
};

}  // namespace

std::string toSld(const Style& style, const std::string& layerName, Language language) {
  QString out;
  SldWriter(style, language, &out).write(layerName);
  return out.toStdString();
}

}  // namespace circatlas::render
