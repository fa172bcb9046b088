// QGIS .qgs documents from exported layers and their QML styles, written with QXmlStreamWriter.
#include "definitions/qgis_project_writer.h"

#include <QLocale>
#include <QString>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <map>

#include "definitions/qgis_layout_writer.h"
#include "definitions/qml_writer.h"

namespace circatlas::definitions {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

class QgsWriter {
 public:
  QgsWriter(const QgisProject& project, QString* out) : p_(project), w_(out) {
    w_.setAutoFormatting(true);
    w_.setAutoFormattingIndent(1);
  }

  void write() {
    w_.writeStartDocument();
    w_.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w_.writeStartElement(QStringLiteral("qgis"));
    w_.writeAttribute(QStringLiteral("version"), QLatin1String(kQgisVersion));
    w_.writeAttribute(QStringLiteral("projectname"), qs(p_.title));
    w_.writeEmptyElement(QStringLiteral("homePath"));
    w_.writeAttribute(QStringLiteral("path"), QString());
    w_.writeTextElement(QStringLiteral("title"), qs(p_.title));
    w_.writeStartElement(QStringLiteral("projectCrs"));
    spatialRefSys(p_.crsWkt, p_.crsProj);
    w_.writeEndElement();
    writeLayerTree();
    writeCanvas();
    w_.writeStartElement(QStringLiteral("projectlayers"));
    for (const auto& l : p_.layers) writeMapLayer(l);
    w_.writeEndElement();
    w_.writeStartElement(QStringLiteral("layerorder"));
    for (const auto& id : topFirst()) {
      w_.writeEmptyElement(QStringLiteral("layer"));
      w_.writeAttribute(QStringLiteral("id"), qs(id));
    }
    w_.writeEndElement();
    detail::writeLayouts(w_, p_);
    w_.writeStartElement(QStringLiteral("properties"));
    // QGIS reads <projectCrs> only when the project says projections are enabled.
    w_.writeStartElement(QStringLiteral("SpatialRefSys"));
    w_.writeStartElement(QStringLiteral("ProjectionsEnabled"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("int"));
    w_.writeCharacters(QStringLiteral("1"));
    w_.writeEndElement();
    w_.writeEndElement();
    w_.writeStartElement(QStringLiteral("Paths"));
    w_.writeStartElement(QStringLiteral("Absolute"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("bool"));
    w_.writeCharacters(QStringLiteral("false"));
    w_.writeEndElement();
    w_.writeEndElement();
    w_.writeEndElement();
    w_.writeEndElement();  // qgis
    w_.writeEndDocument();
  }

 private:
  void spatialRefSys(const std::string& wkt, const std::string& proj) {
    w_.writeStartElement(QStringLiteral("spatialrefsys"));
    w_.writeTextElement(QStringLiteral("wkt"), qs(wkt));
    w_.writeTextElement(QStringLiteral("proj4"), qs(proj));
    w_.writeEndElement();
  }

  void checked(bool on) {
    w_.writeAttribute(QStringLiteral("checked"), on ? QStringLiteral("Qt::Checked") : QStringLiteral("Qt::Unchecked"));
  }

  void writeLayerTree() {
    std::vector<std::string> groups;
    std::map<std::string, bool> anyVisible;
    for (const auto& l : p_.layers) {
      if (!anyVisible.contains(l.group)) groups.push_back(l.group);
      anyVisible[l.group] = anyVisible[l.group] || l.visible;
    }
    w_.writeStartElement(QStringLiteral("layer-tree-group"));
    w_.writeEmptyElement(QStringLiteral("customproperties"));
    for (const auto& g : groups) {
      w_.writeStartElement(QStringLiteral("layer-tree-group"));
      w_.writeAttribute(QStringLiteral("name"), qs(g));
      checked(anyVisible[g]);
      w_.writeAttribute(QStringLiteral("expanded"), anyVisible[g] ? QStringLiteral("1") : QStringLiteral("0"));
      w_.writeEmptyElement(QStringLiteral("customproperties"));
      for (const auto& l : p_.layers) {
        if (l.group != g) continue;
        w_.writeStartElement(QStringLiteral("layer-tree-layer"));
        w_.writeAttribute(QStringLiteral("id"), qs(l.id));
        w_.writeAttribute(QStringLiteral("name"), qs(l.title));
        w_.writeAttribute(QStringLiteral("source"), qs(l.source));
        w_.writeAttribute(QStringLiteral("providerKey"), QStringLiteral("ogr"));
        checked(l.visible);
        w_.writeAttribute(QStringLiteral("expanded"), l.visible ? QStringLiteral("1") : QStringLiteral("0"));
        w_.writeEmptyElement(QStringLiteral("customproperties"));
        w_.writeEndElement();
      }
      w_.writeEndElement();
    }
    w_.writeStartElement(QStringLiteral("custom-order"));
    w_.writeAttribute(QStringLiteral("enabled"), p_.drawOrder.empty() ? QStringLiteral("0") : QStringLiteral("1"));
    for (const auto& id : topFirst()) w_.writeTextElement(QStringLiteral("item"), qs(id));
    w_.writeEndElement();
    w_.writeEndElement();
  }

  /// Layers with geometry as QGIS lists a drawing order: the top one first.
  std::vector<std::string> topFirst() const {
    std::vector<std::string> ids;
    if (!p_.drawOrder.empty()) {
      ids.assign(p_.drawOrder.rbegin(), p_.drawOrder.rend());
      return ids;
    }
    for (const auto& l : p_.layers) {
      if (!l.geometry.empty()) ids.push_back(l.id);
    }
    return ids;
  }

  void writeCanvas() {
    w_.writeStartElement(QStringLiteral("mapcanvas"));
    w_.writeAttribute(QStringLiteral("name"), QStringLiteral("theMapCanvas"));
    w_.writeAttribute(QStringLiteral("annotationsVisible"), QStringLiteral("1"));
    w_.writeTextElement(QStringLiteral("units"), QStringLiteral("meters"));
    if (p_.extent) {
      const auto& e = *p_.extent;
      w_.writeStartElement(QStringLiteral("extent"));
      w_.writeTextElement(QStringLiteral("xmin"), number(e[0]));
      w_.writeTextElement(QStringLiteral("ymin"), number(e[1]));
      w_.writeTextElement(QStringLiteral("xmax"), number(e[2]));
      w_.writeTextElement(QStringLiteral("ymax"), number(e[3]));
      w_.writeEndElement();
    }
    w_.writeTextElement(QStringLiteral("rotation"), QStringLiteral("0"));
    w_.writeStartElement(QStringLiteral("destinationsrs"));
    spatialRefSys(p_.crsWkt, p_.crsProj);
    w_.writeEndElement();
    w_.writeTextElement(QStringLiteral("rendermaptile"), QStringLiteral("0"));
    w_.writeEndElement();
  }

  void writeMapLayer(const QgisProjectLayer& l) {
    QXmlStreamReader qml(qs(l.qml));
    // The QML root's attributes (scale range, labels on) belong on <maplayer>.
    while (!l.qml.empty() && !qml.atEnd()) {
      if (qml.readNext() == QXmlStreamReader::StartElement) break;
    }
    w_.writeStartElement(QStringLiteral("maplayer"));
    w_.writeAttribute(QStringLiteral("type"), QStringLiteral("vector"));
    w_.writeAttribute(QStringLiteral("geometry"), l.geometry.empty() ? QStringLiteral("No geometry") : qs(l.geometry));
    w_.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("AllStyleCategories"));
    w_.writeAttribute(QStringLiteral("readOnly"), QStringLiteral("0"));
    w_.writeAttribute(QStringLiteral("autoRefreshEnabled"), QStringLiteral("0"));
    if (qml.isStartElement()) {
      for (const auto& a : qml.attributes()) {
        const QString name = a.name().toString();
        if (name == QLatin1String("labelsEnabled") || name == QLatin1String("hasScaleBasedVisibilityFlag") ||
            name == QLatin1String("minScale") || name == QLatin1String("maxScale")) {
          w_.writeAttribute(name, a.value().toString());
        }
      }
    }
    w_.writeTextElement(QStringLiteral("id"), qs(l.id));
    w_.writeTextElement(QStringLiteral("datasource"), qs(l.source));
    w_.writeTextElement(QStringLiteral("layername"), qs(l.title));
    if (!l.crsWkt.empty()) {
      w_.writeStartElement(QStringLiteral("srs"));
      spatialRefSys(l.crsWkt, "");
      w_.writeEndElement();
    }
    w_.writeStartElement(QStringLiteral("provider"));
    w_.writeAttribute(QStringLiteral("encoding"), QStringLiteral("UTF-8"));
    w_.writeCharacters(QStringLiteral("ogr"));
    w_.writeEndElement();
    // The style's elements (renderer-v2, labeling, …) as they are in the QML.
    int depth = 0;
    const bool styled = qml.isStartElement();
    while (styled && !qml.atEnd()) {
      const auto token = qml.readNext();
      if (token == QXmlStreamReader::EndElement && depth == 0) break;  // the QML root ends
      if (token == QXmlStreamReader::StartElement) ++depth;
      if (token == QXmlStreamReader::EndElement) --depth;
      if (token == QXmlStreamReader::Characters && qml.isWhitespace()) continue;
      w_.writeCurrentToken(qml);
    }
    w_.writeEndElement();  // maplayer
  }

  const QgisProject& p_;
  QXmlStreamWriter w_;
};

}  // namespace

std::string toQgs(const QgisProject& project) {
  QString out;
  QgsWriter(project, &out).write();
  return out.toStdString();
}

}  // namespace circatlas::definitions
