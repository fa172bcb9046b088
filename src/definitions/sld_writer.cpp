// SLD 1.1 documents from our style model, written with QXmlStreamWriter.
#include "definitions/sld_writer.h"

#include <QLocale>
#include <QString>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace circatlas::definitions {

namespace {

constexpr double kMmPerPixel = 0.28;  // the standard rendering pixel of SLD/SE
constexpr double kMmPerPoint = 25.4 / 72.0;

const QString kSe = QStringLiteral("http://www.opengis.net/se");
const QString kOgc = QStringLiteral("http://www.opengis.net/ogc");
const QString kSld = QStringLiteral("http://www.opengis.net/sld");

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }
QString px(double mm) { return number(mm / kMmPerPixel); }
QString hex(const render::Color& c) {
  return QStringLiteral("#%1%2%3")
      .arg(c.r, 2, 16, QLatin1Char('0'))
      .arg(c.g, 2, 16, QLatin1Char('0'))
      .arg(c.b, 2, 16, QLatin1Char('0'));
}
QString opacity(const render::Color& c, double symbolOpacity) { return number(c.a / 255.0 * symbolOpacity); }

class SldWriter {
 public:
  SldWriter(const render::Style& style, render::Language language, QString* out) : s_(style), lang_(language), w_(out) {
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
    w_.writeAttribute(
        QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
        QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    w_.writeStartElement(kSld, QStringLiteral("NamedLayer"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), qs(layerName));
    w_.writeStartElement(kSld, QStringLiteral("UserStyle"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), qs(s_.name));
    w_.writeStartElement(kSe, QStringLiteral("FeatureTypeStyle"));
    for (std::size_t i = 0; i < s_.classes.size(); ++i) writeRule(s_.classes[i], i, false);
    if (s_.other && s_.renderer == render::SymbolRenderer::Categorised) writeRule(*s_.other, s_.classes.size(), true);
    if (s_.label) writeLabelRule(*s_.label);
    w_.writeEndElement();  // FeatureTypeStyle
    w_.writeEndElement();  // UserStyle
    w_.writeEndElement();  // NamedLayer
    w_.writeEndElement();  // StyledLayerDescriptor
    w_.writeEndDocument();
  }

 private:
  void writeScale(const render::ScaleRange& r) {
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

  /// The comparisons that select a class: any of its values (categorised), or its range (graduated).
  std::vector<std::pair<QString, QString>> termsOf(const render::StyleClass& c) const {
    std::vector<std::pair<QString, QString>> terms;
    if (s_.renderer == render::SymbolRenderer::Categorised) {
      for (const auto& v : c.values) {
        if (s_.match == render::MatchMode::Prefix) {
          QString escaped = qs(v);
          escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
              .replace('%', QStringLiteral("\\%"))
              .replace('_', QStringLiteral("\\_"));
          terms.emplace_back(QStringLiteral("PropertyIsLike"), escaped + '%');
        } else {
          terms.emplace_back(QStringLiteral("PropertyIsEqualTo"), qs(v));
        }
      }
    } else if (s_.renderer == render::SymbolRenderer::Graduated) {
      if (c.min) terms.emplace_back(QStringLiteral("PropertyIsGreaterThanOrEqualTo"), number(*c.min));
      if (c.max) terms.emplace_back(QStringLiteral("PropertyIsLessThan"), number(*c.max));
    }
    return terms;
  }

  /// Writes the comparisons joined by `join` (And/Or); one alone stands without it.
  void writeTerms(const std::vector<std::pair<QString, QString>>& terms, const QString& join) {
    const bool several = terms.size() > 1;
    if (several) w_.writeStartElement(kOgc, join);
    for (const auto& [op, value] : terms) comparison(op, value);
    if (several) w_.writeEndElement();
  }

  /// Whether a feature could match both classes (a shared value, or one prefix starting another).
  bool overlap(const render::StyleClass& a, const render::StyleClass& b) const {
    for (const auto& x : a.values) {
      for (const auto& y : b.values) {
        if (s_.match == render::MatchMode::Exact ? x == y : x.rfind(y, 0) == 0 || y.rfind(x, 0) == 0) return true;
      }
    }
    return false;
  }

  /// The class's own filter; where an earlier class can take the same features it is excluded,
  /// since an SLD client draws every rule whose filter holds while ours takes the first class
  /// that matches ("nickel" before "nickel;copper" under prefix matching).
  void writeFilter(const render::StyleClass& c, std::size_t index) {
    const auto terms = termsOf(c);
    if (terms.empty()) return;
    std::vector<std::vector<std::pair<QString, QString>>> earlier;
    if (s_.renderer == render::SymbolRenderer::Categorised) {
      for (std::size_t i = 0; i < index; ++i) {
        if (overlap(s_.classes[i], c)) earlier.push_back(termsOf(s_.classes[i]));
      }
    }
    const QString join =
        s_.renderer == render::SymbolRenderer::Graduated ? QStringLiteral("And") : QStringLiteral("Or");
    w_.writeStartElement(kOgc, QStringLiteral("Filter"));
    if (earlier.empty()) {
      writeTerms(terms, join);
    } else {
      w_.writeStartElement(kOgc, QStringLiteral("And"));
      writeTerms(terms, join);
      writeNoneOf(earlier);
      w_.writeEndElement();
    }
    w_.writeEndElement();
  }

  /// ogc:Not of any of the classes' terms.
  void writeNoneOf(const std::vector<std::vector<std::pair<QString, QString>>>& classes) {
    std::vector<std::pair<QString, QString>> all;
    for (const auto& t : classes) all.insert(all.end(), t.begin(), t.end());
    w_.writeStartElement(kOgc, QStringLiteral("Not"));
    writeTerms(all, QStringLiteral("Or"));
    w_.writeEndElement();
  }

  /// `other`: the features no class takes, as an explicit negated filter (QGIS ignores
  /// se:ElseFilter and would draw the catch-all over every feature). A NULL field is named
  /// explicitly: a comparison with NULL is unknown, and so is its negation, where our renderer
  /// draws such a feature as `other`.
  void writeOtherFilter() {
    std::vector<std::vector<std::pair<QString, QString>>> classes;
    for (const auto& c : s_.classes) {
      if (auto t = termsOf(c); !t.empty()) classes.push_back(std::move(t));
    }
    if (classes.empty()) return;
    w_.writeStartElement(kOgc, QStringLiteral("Filter"));
    w_.writeStartElement(kOgc, QStringLiteral("Or"));
    w_.writeStartElement(kOgc, QStringLiteral("PropertyIsNull"));
    w_.writeTextElement(kOgc, QStringLiteral("PropertyName"), qs(s_.field));
    w_.writeEndElement();
    writeNoneOf(classes);
    w_.writeEndElement();
    w_.writeEndElement();
  }

  void writeFill(const render::Color& c, double symbolOpacity) {
    w_.writeStartElement(kSe, QStringLiteral("Fill"));
    svgParameter(QStringLiteral("fill"), hex(c));
    svgParameter(QStringLiteral("fill-opacity"), opacity(c, symbolOpacity));
    w_.writeEndElement();
  }

  void writeStroke(const render::Symbol& sym) {
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

  void writeSymbolizer(const render::Symbol& sym) {
    switch (s_.geometry) {
      case render::StyleGeometry::Point: {
        w_.writeStartElement(kSe, QStringLiteral("PointSymbolizer"));
        w_.writeStartElement(kSe, QStringLiteral("Graphic"));
        w_.writeStartElement(kSe, QStringLiteral("Mark"));
        // SE knows circle, square, triangle, star, cross and x: a diamond is a rotated square and
        // a hexagon, which SE lacks, is drawn as a circle.
        QString name = QStringLiteral("circle");
        switch (sym.marker) {
          case render::MarkerShape::Square:
          case render::MarkerShape::Diamond:
            name = QStringLiteral("square");
            break;
          case render::MarkerShape::Triangle:
            name = QStringLiteral("triangle");
            break;
          case render::MarkerShape::Star:
            name = QStringLiteral("star");
            break;
          case render::MarkerShape::Cross:
            name = QStringLiteral("cross");
            break;
          default:
            break;
        }
        w_.writeTextElement(kSe, QStringLiteral("WellKnownName"), name);
        if (sym.fill) writeFill(*sym.fill, sym.opacity);
        writeStroke(sym);
        w_.writeEndElement();  // Mark
        w_.writeTextElement(kSe, QStringLiteral("Size"), px(sym.sizeMm));
        if (sym.marker == render::MarkerShape::Diamond)
          w_.writeTextElement(kSe, QStringLiteral("Rotation"), QStringLiteral("45"));
        w_.writeEndElement();  // Graphic
        w_.writeEndElement();
        break;
      }
      case render::StyleGeometry::Line:
        w_.writeStartElement(kSe, QStringLiteral("LineSymbolizer"));
        writeStroke(sym);
        w_.writeEndElement();
        break;
      case render::StyleGeometry::Polygon:
        w_.writeStartElement(kSe, QStringLiteral("PolygonSymbolizer"));
        if (sym.fill) writeFill(*sym.fill, sym.opacity);
        writeStroke(sym);
        w_.writeEndElement();
        break;
    }
  }

  void writeRule(const render::StyleClass& c, std::size_t index, bool isOther) {
    w_.writeStartElement(kSe, QStringLiteral("Rule"));
    const QString label = qs(c.label.in(lang_).empty() ? s_.title.in(lang_) : c.label.in(lang_));
    w_.writeTextElement(kSe, QStringLiteral("Name"), label);
    w_.writeStartElement(kSe, QStringLiteral("Description"));
    w_.writeTextElement(kSe, QStringLiteral("Title"), label);
    w_.writeEndElement();
    if (isOther) writeOtherFilter();
    else writeFilter(c, index);
    writeScale(s_.scaleRange);
    writeSymbolizer(c.symbol);
    w_.writeEndElement();
  }

  void writeLabelRule(const render::LabelStyle& l) {
    w_.writeStartElement(kSe, QStringLiteral("Rule"));
    w_.writeTextElement(kSe, QStringLiteral("Name"), QStringLiteral("labels"));
    writeScale(l.scaleRange);
    w_.writeStartElement(kSe, QStringLiteral("TextSymbolizer"));
    w_.writeStartElement(kSe, QStringLiteral("Label"));
    w_.writeTextElement(kOgc, QStringLiteral("PropertyName"), qs(l.field.in(lang_)));
    w_.writeEndElement();
    w_.writeStartElement(kSe, QStringLiteral("Font"));
    svgParameter(QStringLiteral("font-family"),
                 lang_ == render::Language::Zh ? QStringLiteral("Noto Sans CJK SC") : QStringLiteral("DejaVu Sans"));
    // Whole pixels of 0.28 mm, as QGIS writes them: QGIS 3.22 reads font-size as an integer and
    // falls back to 10 points for any other text (labels far larger than ours).
    svgParameter(QStringLiteral("font-size"),
                 QString::number(std::max(1L, std::lround(l.sizePt * kMmPerPoint / kMmPerPixel))));
    svgParameter(QStringLiteral("font-weight"), l.bold ? QStringLiteral("bold") : QStringLiteral("normal"));
    w_.writeEndElement();
    w_.writeStartElement(kSe, QStringLiteral("LabelPlacement"));
    if (l.placement == render::LabelPlacement::Line) {
      w_.writeEmptyElement(kSe, QStringLiteral("LinePlacement"));
    } else {
      w_.writeStartElement(kSe, QStringLiteral("PointPlacement"));
      w_.writeStartElement(kSe, QStringLiteral("AnchorPoint"));
      const bool around = l.placement == render::LabelPlacement::AroundPoint;
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

  const render::Style& s_;
  render::Language lang_;
  QXmlStreamWriter w_;
};

}  // namespace

std::string toSld(const render::Style& style, const std::string& layerName, render::Language language) {
  QString out;
  SldWriter(style, language, &out).write(layerName);
  return out.toStdString();
}

}  // namespace circatlas::definitions
