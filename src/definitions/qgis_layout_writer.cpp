// QGIS print layouts (<Layouts>) for the exported project, one per figure preset, with the page
// geometry of circatlas's own figures.
#include "definitions/qgis_layout_writer.h"

#include <QLocale>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "render/figure_layout.h"

namespace circatlas::definitions::detail {

namespace {

// QGIS's layout item types (QgsLayoutItemRegistry).
constexpr int kPage = 65638;
constexpr int kMap = 65639;
constexpr int kPicture = 65640;
constexpr int kLabel = 65641;
constexpr int kLegend = 65642;
constexpr int kScaleBar = 65646;
// Fonts as QFont::toString() writes them: family, point size, -1, 5, weight (75 bold), 0…
const QString kFontFamily = QStringLiteral("Noto Sans CJK SC");

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }
QString mm(double x, double y) { return number(x) + ',' + number(y) + QStringLiteral(",mm"); }
QString font(double points, bool bold) {
  return kFontFamily + ',' + number(points) + QStringLiteral(",-1,5,") +
         (bold ? QStringLiteral("75") : QStringLiteral("50")) + QStringLiteral(",0,0,0,0,0");
}

class LayoutWriter {
 public:
  LayoutWriter(QXmlStreamWriter& w, const QgisProject& project, const QgisPrintLayout& layout, int index)
      : w_(w), p_(project), l_(layout), prefix_(QStringLiteral("{circatlas-layout-%1-").arg(index)) {}

  void write() {
    const render::FigurePageGeometry f = render::figurePageGeometry(l_.pageWidthMm, l_.pageHeightMm);
    const double margin = f.marginMm;
    const double creditsY = f.mapY + f.mapH + 2.0;
    w_.writeStartElement(QStringLiteral("Layout"));
    w_.writeAttribute(QStringLiteral("name"), qs(l_.name));
    w_.writeAttribute(QStringLiteral("units"), QStringLiteral("mm"));
    w_.writeAttribute(QStringLiteral("printResolution"), number(l_.dpi));
    w_.writeStartElement(QStringLiteral("PageCollection"));
    startItem(kPage, QString(), QStringLiteral("page"), 0, 0, l_.pageWidthMm, l_.pageHeightMm, 0, false, true);
    colour(QStringLiteral("BackgroundColor"), 255, 255, 255);
    w_.writeEndElement();
    w_.writeEndElement();  // PageCollection

    label(QStringLiteral("title"), l_.title, margin, margin, l_.pageWidthMm - 2 * margin, 9.0, 17.0, true, 25);
    label(QStringLiteral("subtitle"), l_.subtitle, margin, margin + 9.5, l_.pageWidthMm - 2 * margin, 6.0, 9.5, false,
          90);
    map(f);
    legend(f);
    scaleBar(f);
    northArrow(f);
    QStringList credits;
    for (const auto& c : l_.credits) credits << qs(c);
    label(QStringLiteral("credits"), credits.join('\n').toStdString(), margin, creditsY, l_.pageWidthMm - 2 * margin,
          l_.pageHeightMm - margin + 7.0 - creditsY, 5.5, false, 90);
    w_.writeEndElement();  // Layout
  }

 private:
  QString uuid(const QString& id) const { return prefix_ + id + '}'; }

  void startItem(int type, const QString& id, const QString& uuidId, double x, double y, double w, double h, int z,
                 bool frame = false, bool background = false) {
    w_.writeStartElement(QStringLiteral("LayoutItem"));
    w_.writeAttribute(QStringLiteral("type"), QString::number(type));
    w_.writeAttribute(QStringLiteral("id"), id);
    w_.writeAttribute(QStringLiteral("uuid"), uuid(uuidId));
    w_.writeAttribute(QStringLiteral("position"), mm(x, y));
    w_.writeAttribute(QStringLiteral("positionOnPage"), mm(x, y));
    w_.writeAttribute(QStringLiteral("size"), mm(w, h));
    w_.writeAttribute(QStringLiteral("zValue"), QString::number(z));
    w_.writeAttribute(QStringLiteral("visibility"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("opacity"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("frame"), frame ? QStringLiteral("true") : QStringLiteral("false"));
    w_.writeAttribute(QStringLiteral("background"), background ? QStringLiteral("true") : QStringLiteral("false"));
  }

  void colour(const QString& element, int r, int g, int b) {
    w_.writeEmptyElement(element);
    w_.writeAttribute(QStringLiteral("red"), QString::number(r));
    w_.writeAttribute(QStringLiteral("green"), QString::number(g));
    w_.writeAttribute(QStringLiteral("blue"), QString::number(b));
    w_.writeAttribute(QStringLiteral("alpha"), QStringLiteral("255"));
  }

  void label(const QString& id, const std::string& text, double x, double y, double w, double h, double points,
             bool bold, int grey) {
    if (text.empty()) return;
    startItem(kLabel, id, id, x, y, w, h, 10);
    w_.writeAttribute(QStringLiteral("labelText"), qs(text));
    w_.writeAttribute(QStringLiteral("htmlState"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("halign"), QStringLiteral("1"));   // Qt::AlignLeft
    w_.writeAttribute(QStringLiteral("valign"), QStringLiteral("32"));  // Qt::AlignTop
    w_.writeAttribute(QStringLiteral("marginX"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("marginY"), QStringLiteral("0"));
    w_.writeEmptyElement(QStringLiteral("LabelFont"));
    w_.writeAttribute(QStringLiteral("description"), font(points, bold));
    w_.writeAttribute(QStringLiteral("style"), QString());
    colour(QStringLiteral("FontColor"), grey, grey, grey);
    w_.writeEndElement();
  }

  void map(const render::FigurePageGeometry& f) {
    startItem(kMap, QStringLiteral("map"), QStringLiteral("map"), f.mapX, f.mapY, f.mapW, f.mapH, 1, true, true);
    w_.writeAttribute(QStringLiteral("outlineWidthM"), QStringLiteral("0.35,mm"));
    w_.writeAttribute(QStringLiteral("keepLayerSet"), QStringLiteral("true"));
    w_.writeAttribute(QStringLiteral("followPreset"), QStringLiteral("false"));
    w_.writeAttribute(QStringLiteral("mapRotation"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("drawCanvasItems"), QStringLiteral("false"));
    colour(QStringLiteral("FrameColor"), 40, 40, 40);
    colour(QStringLiteral("BackgroundColor"), 247, 248, 246);
    const auto e = fittedExtent(l_.extent, f.mapW, f.mapH);
    w_.writeEmptyElement(QStringLiteral("Extent"));
    w_.writeAttribute(QStringLiteral("xmin"), number(e[0]));
    w_.writeAttribute(QStringLiteral("ymin"), number(e[1]));
    w_.writeAttribute(QStringLiteral("xmax"), number(e[2]));
    w_.writeAttribute(QStringLiteral("ymax"), number(e[3]));
    w_.writeStartElement(QStringLiteral("LayerSet"));
    for (const auto& id : l_.layers) {
      const auto it = std::find_if(p_.layers.begin(), p_.layers.end(), [&](const auto& l) { return l.id == id; });
      if (it == p_.layers.end() || it->geometry.empty()) continue;
      w_.writeStartElement(QStringLiteral("Layer"));
      w_.writeAttribute(QStringLiteral("source"), qs(it->source));
      w_.writeAttribute(QStringLiteral("provider"), QStringLiteral("ogr"));
      w_.writeAttribute(QStringLiteral("name"), qs(it->title));
      w_.writeCharacters(qs(it->id));
      w_.writeEndElement();
    }
    w_.writeEndElement();  // LayerSet
    w_.writeEndElement();
  }

  void legend(const render::FigurePageGeometry& f) {
    startItem(kLegend, QStringLiteral("legend"), QStringLiteral("legend"), f.panelX, f.mapY, f.panelW, f.mapH, 2);
    w_.writeAttribute(QStringLiteral("map_uuid"), uuid(QStringLiteral("map")));
    w_.writeAttribute(QStringLiteral("title"), qs(l_.legendTitle));
    // Only the layers of the linked map, and only classes with features in its extent, as on our figures.
    w_.writeAttribute(QStringLiteral("legendFilterByMap"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("resizeToContents"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("columnCount"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("symbolWidth"), QStringLiteral("5"));
    w_.writeAttribute(QStringLiteral("symbolHeight"), QStringLiteral("3"));
    w_.writeAttribute(QStringLiteral("wrapChar"), QString());
    w_.writeStartElement(QStringLiteral("styles"));
    // QGIS's legend styles: font, and the space above (and, for titles, below; for labels, left).
    struct LegendStyle {
      const char* name;
      double points;
      bool bold;
      const char* margin;
      const char* value;
    };
    for (const auto& st :
         {LegendStyle{"title", 9.0, true, "marginBottom", "2"}, LegendStyle{"group", 7.0, true, "marginTop", "2.5"},
          LegendStyle{"subgroup", 6.5, true, "marginTop", "1.5"}, LegendStyle{"symbol", 6.0, false, "marginTop", "1.2"},
          LegendStyle{"symbolLabel", 6.0, false, "marginLeft", "2"}}) {
      w_.writeStartElement(QStringLiteral("style"));
      w_.writeAttribute(QStringLiteral("name"), QLatin1String(st.name));
      w_.writeAttribute(QStringLiteral("alignment"), QStringLiteral("1"));
      w_.writeAttribute(QLatin1String(st.margin), QLatin1String(st.value));
      if (std::string_view(st.name) == "symbolLabel")
        w_.writeAttribute(QStringLiteral("marginTop"), QStringLiteral("1.2"));
      w_.writeEmptyElement(QStringLiteral("styleFont"));
      w_.writeAttribute(QStringLiteral("description"), font(st.points, st.bold));
      w_.writeAttribute(QStringLiteral("style"), QString());
      w_.writeEndElement();
    }
    w_.writeEndElement();  // styles
    w_.writeEndElement();
  }

  void scaleBar(const render::FigurePageGeometry& f) {
    startItem(kScaleBar, QStringLiteral("scale bar"), QStringLiteral("scalebar"), f.mapX + 4.0, f.mapY + f.mapH - 12.0,
              50.0, 9.0, 3, false, true);
    w_.writeAttribute(QStringLiteral("mapUuid"), uuid(QStringLiteral("map")));
    w_.writeAttribute(QStringLiteral("style"), QStringLiteral("Single Box"));
    w_.writeAttribute(QStringLiteral("unitType"), QStringLiteral("kilometers"));
    w_.writeAttribute(QStringLiteral("unitLabel"), QStringLiteral("km"));
    w_.writeAttribute(QStringLiteral("numSegments"), QStringLiteral("2"));
    w_.writeAttribute(QStringLiteral("numSegmentsLeft"), QStringLiteral("0"));
    // A "nice" segment length fitted by QGIS between these widths on the page.
    w_.writeAttribute(QStringLiteral("segmentSizeMode"), QStringLiteral("1"));
    w_.writeAttribute(QStringLiteral("minBarWidth"), QStringLiteral("20"));
    w_.writeAttribute(QStringLiteral("maxBarWidth"), QStringLiteral("40"));
    w_.writeAttribute(QStringLiteral("boxContentSpace"), QStringLiteral("1.5"));
    w_.writeAttribute(QStringLiteral("numMapUnitsPerScaleBarUnit"), QStringLiteral("1000"));  // metres per km
    w_.writeAttribute(QStringLiteral("height"), QStringLiteral("1.5"));
    w_.writeAttribute(QStringLiteral("labelBarSpace"), QStringLiteral("1"));
    colour(QStringLiteral("BackgroundColor"), 255, 255, 255);
    w_.writeEmptyElement(QStringLiteral("text-style"));
    w_.writeAttribute(QStringLiteral("fontFamily"), kFontFamily);
    w_.writeAttribute(QStringLiteral("fontSize"), QStringLiteral("6.5"));
    w_.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
    w_.writeAttribute(QStringLiteral("textColor"), QStringLiteral("0,0,0,255"));
    w_.writeEndElement();
  }

  void northArrow(const render::FigurePageGeometry& f) {
    startItem(kPicture, QStringLiteral("north arrow"), QStringLiteral("north"), f.mapX + f.mapW - 13.0, f.mapY + 4.0,
              9.0, 11.0, 4);
    // QGIS's own SVG library, found by name in every installation; grid north of the map item.
    w_.writeAttribute(QStringLiteral("file"), QStringLiteral("arrows/NorthArrow_02.svg"));
    w_.writeAttribute(QStringLiteral("mapUuid"), uuid(QStringLiteral("map")));
    w_.writeAttribute(QStringLiteral("northMode"), QStringLiteral("1"));  // true north
    w_.writeAttribute(QStringLiteral("resizeMode"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("anchorPoint"), QStringLiteral("4"));
    w_.writeEndElement();
  }

  QXmlStreamWriter& w_;
  const QgisProject& p_;
  const QgisPrintLayout& l_;
  QString prefix_;
};

}  // namespace

std::array<double, 4> fittedExtent(const std::array<double, 4>& extent, double widthMm, double heightMm) {
  const double cx = (extent[0] + extent[2]) / 2, cy = (extent[1] + extent[3]) / 2;
  double w = extent[2] - extent[0], h = extent[3] - extent[1];
  const double aspect = widthMm / heightMm;
  if (w / h < aspect) {
    w = h * aspect;
  } else {
    h = w / aspect;
  }
  return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

void writeLayouts(QXmlStreamWriter& w, const QgisProject& project) {
  if (project.layouts.empty()) return;
  w.writeStartElement(QStringLiteral("Layouts"));
  for (std::size_t i = 0; i < project.layouts.size(); ++i) {
    LayoutWriter(w, project, project.layouts[i], static_cast<int>(i)).write();
  }
  w.writeEndElement();
}

}  // namespace circatlas::definitions::detail
