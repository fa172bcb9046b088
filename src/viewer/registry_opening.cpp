// The mapping remembered per registry file, the mapping dialog's outcome, and the drop question.
#include "viewer/registry_opening.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVariantMap>

#include <memory>

#include "catalogue/column_mapping.h"
#include "viewer/registry_mapping_dialog.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

// A settings key for a file: its absolute path hashed (paths hold the '/' QSettings splits keys on).
QString settingsKey(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  return QStringLiteral("registryMappings/") +
         QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex());
}

}  // namespace

catalogue::RegistrySource registrySourceFor(const QString& path, const QString& layer) {
  catalogue::RegistrySource source;
  source.path = utf8(path);
  if (!layer.isEmpty()) source.layer = utf8(layer);
  if (!hasColumnMapping(path)) return source;
  const QVariantMap remembered = QSettings().value(settingsKey(path)).toMap();
  if (remembered.isEmpty() || remembered.value("path").toString() != QFileInfo(path).absoluteFilePath()) return source;
  const QString rememberedLayer = remembered.value("layer").toString();
  if (!layer.isEmpty() && layer != rememberedLayer) return source;  // another sheet: its own mapping
  try {
    for (const auto& r : catalogue::parseMappingFile(utf8(remembered.value("mapping").toString()), source.path)) {
      source.fields.push_back(r.field + "=" + r.column);
    }
  } catch (const std::exception&) {
    return source;  // a mapping from an older version that no longer parses: start afresh
  }
  if (!rememberedLayer.isEmpty()) source.layer = utf8(rememberedLayer);
  source.coords = utf8(remembered.value("coords", QStringLiteral("wgs84")).toString());
  return source;
}

void rememberRegistrySource(const catalogue::RegistrySource& source, const std::string& mappingText) {
  const QString path = qs(source.path);
  QVariantMap entry;
  entry.insert("path", QFileInfo(path).absoluteFilePath());
  entry.insert("layer", qs(source.layer.value_or("")));
  entry.insert("coords", qs(source.coords));
  entry.insert("mapping", qs(mappingText));
  QSettings().setValue(settingsKey(path), entry);
}

bool hasColumnMapping(const QString& path) {
  return !path.isEmpty() && !path.startsWith(QStringLiteral("PG:")) && !QFileInfo(path).isDir();
}

std::optional<catalogue::RegistrySource> askRegistrySource(QWidget* parent, const QString& path,
                                                           render::Language language) {
  catalogue::RegistrySource source = registrySourceFor(path);
  if (!hasColumnMapping(path)) return source;
  std::unique_ptr<RegistryMappingDialog> dialog;
  try {
    dialog = std::make_unique<RegistryMappingDialog>(source, language, parent);
  } catch (const std::exception& e) {
    showError(parent, QObject::tr("Cannot open the registry %1").arg(QFileInfo(path).fileName()), errorText(e));
    return std::nullopt;
  }
  if (dialog->exec() != QDialog::Accepted) return std::nullopt;
  source = dialog->source();
  rememberRegistrySource(source, dialog->mappingText());
  return source;
}

bool couldBeRegistry(const QString& path) {
  static const QStringList suffixes{"csv", "txt", "xlsx", "xls", "ods", "gpkg", "geojson", "json", "shp", "fgb"};
  return suffixes.contains(QFileInfo(path).suffix().toLower());
}

DropUse askDropUse(QWidget* parent, const QString& path) {
  QMessageBox box(QMessageBox::Question, QObject::tr("Open %1").arg(QFileInfo(path).fileName()),
                  QObject::tr("Open %1 as the registry the analyses run on, or add it to the map as a layer?")
                      .arg(QFileInfo(path).fileName()),
                  QMessageBox::NoButton, parent);
  box.setObjectName("dropQuestion");
  QPushButton* registry = box.addButton(QObject::tr("Registry (analysis input)…"), QMessageBox::AcceptRole);
  registry->setObjectName("dropAsRegistry");
  QPushButton* layer = box.addButton(QObject::tr("Layer on the map"), QMessageBox::AcceptRole);
  layer->setObjectName("dropAsLayer");
  QPushButton* cancel = box.addButton(QMessageBox::Cancel);
  cancel->setObjectName("dropCancel");
  box.setDefaultButton(registry);
  box.exec();
  if (box.clickedButton() == registry) return DropUse::Registry;
  if (box.clickedButton() == layer) return DropUse::Layer;
  return DropUse::Nothing;
}

}  // namespace circatlas::viewer
