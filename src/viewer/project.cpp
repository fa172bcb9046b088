// Project files: JSON through Qt's QJsonDocument, paths relative to the project's folder.
#include "viewer/project.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

#include "core/error.h"
#include "render/map_settings.h"
#include "viewer/ui_support.h"
#include "viewer/viewer_layer.h"

namespace circatlas::viewer {

namespace {

constexpr const char* kFormat = "circatlas-project";
constexpr int kVersion = 1;

QString relativeTo(const std::string& path, const std::filesystem::path& folder) {
  if (path.empty() || path.starts_with("PG:")) return qs(path);
  const std::filesystem::path p(path);
  if (!p.is_absolute() || folder.empty()) return qs(p.generic_string());
  std::error_code ec;
  const std::filesystem::path rel = std::filesystem::relative(p, folder, ec);
  // Within the folder or one level beside it; anything further stays absolute.
  if (ec || rel.empty() || rel.string().starts_with("../..")) return qs(p.generic_string());
  return qs(rel.generic_string());
}

std::string resolve(const QString& text, const std::filesystem::path& folder) {
  std::string path = utf8(text);
  if (path.empty() || path.starts_with("PG:")) return path;
  const std::filesystem::path p(path);
  return (p.is_absolute() ? p : (folder / p).lexically_normal()).string();
}

// A look as projectToJson writes it; `where` names the file and key in the message of a bad value.
LayerLook lookFromJson(const QJsonObject& o, const std::string& where) {
  LayerLook look;
  const auto color = colorFromHex(utf8(o.value("color").toString()));
  if (!color)
    throw core::InputError(where + ".color: expected \"#rrggbb\", got \"" + utf8(o.value("color").toString()) + "\"");
  look.color = *color;
  const std::string marker = utf8(o.value("marker").toString("circle"));
  const auto shape = markerFromName(marker);
  if (!shape) throw core::InputError(where + ".marker: unknown marker \"" + marker + "\"");
  look.marker = *shape;
  look.sizeMm = o.value("size_mm").toDouble(look.sizeMm);
  if (!(look.sizeMm > 0 && look.sizeMm <= 50)) {
    throw core::InputError(where + ".size_mm: expected a size between 0 and 50 mm, got " + std::to_string(look.sizeMm));
  }
  look.labelField = utf8(o.value("label_field").toString());
  look.legendName = utf8(o.value("legend_name").toString());
  return look;
}

}  // namespace

std::string projectToJson(const Project& project, const std::filesystem::path& folder) {
  QJsonObject root;
  root["format"] = kFormat;
  root["version"] = kVersion;
  if (!project.language.empty()) root["language"] = qs(project.language);
  QJsonObject registry;
  registry["source"] = relativeTo(project.registry, folder);
  if (!project.registryLayer.empty()) registry["layer"] = qs(project.registryLayer);
  root["registry"] = registry;
  QJsonArray layers;
  for (const ProjectLayer& l : project.layers) {
    QJsonObject o;
    o["id"] = qs(l.id);
    if (!l.file.empty()) {
      o["file"] = relativeTo(l.file, folder);
      o["layer"] = qs(l.layer);
    }
    o["visible"] = l.visible;
    o["labels"] = l.labels;
    o["opacity"] = l.opacity;
    if (!l.style.empty()) o["style"] = qs(l.style);
    if (l.look) {
      QJsonObject look{{"color", qs(toHex(l.look->color))},
                       {"marker", markerName(l.look->marker)},
                       {"size_mm", l.look->sizeMm},
                       {"legend_name", qs(l.look->legendName)}};
      if (!l.look->labelField.empty()) look["label_field"] = qs(l.look->labelField);
      o["look"] = look;
    }
    layers.append(o);
  }
  root["layers"] = layers;
  if (project.view) {
    QJsonObject view;
    view["crs"] = qs(std::string(render::displayCrs()));
    view["extent"] = QJsonArray{project.view->minX, project.view->minY, project.view->maxX, project.view->maxY};
    root["view"] = view;
  }
  const ProjectAnalyses& a = project.analyses;
  QJsonObject analyses;
  analyses["cluster"] = QJsonObject{
      {"eps_m", a.clusterEpsMeters}, {"min_points", a.clusterMinPoints}, {"dbscan_star", a.clusterDbscanStar}};
  analyses["partners"] = QJsonObject{{"enterprise", qs(a.partnersEnterprise)}};
  analyses["allocation"] = QJsonObject{{"material", qs(a.allocationMaterial)},
                                       {"run", a.allocationRun},
                                       {"whatif_project", qs(a.whatIfProject)},
                                       {"whatif_run", a.whatIfRun}};
  root["analyses"] = analyses;
  return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

Project projectFromJson(const std::string& json, const std::filesystem::path& folder, const std::string& fileName) {
  QJsonParseError error{};
  const QJsonDocument doc =
      QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
  if (error.error != QJsonParseError::NoError) {
    throw core::InputError(fileName + ": not a circatlas project (JSON error at offset " +
                           std::to_string(error.offset) + ": " + utf8(error.errorString()) + ")");
  }
  const QJsonObject root = doc.object();
  if (root.value("format").toString() != kFormat) {
    throw core::InputError(fileName + ": not a circatlas project (\"format\" is not \"" + kFormat + "\")");
  }
  if (root.value("version").toInt() > kVersion) {
    throw core::InputError(fileName + ": project version " + std::to_string(root.value("version").toInt()) +
                           " is newer than this viewer reads (" + std::to_string(kVersion) + ")");
  }
  Project p;
  p.language = utf8(root.value("language").toString());
  const QJsonObject registry = root.value("registry").toObject();
  p.registry = resolve(registry.value("source").toString(), folder);
  p.registryLayer = utf8(registry.value("layer").toString());
  const QJsonArray layers = root.value("layers").toArray();
  for (qsizetype i = 0; i < layers.size(); ++i) {
    const QJsonObject o = layers[i].toObject();
    ProjectLayer l;
    l.id = utf8(o.value("id").toString());
    if (l.id.empty()) {
      throw core::InputError(fileName + ": layers[" + std::to_string(i) + "] has no \"id\"");
    }
    l.file = resolve(o.value("file").toString(), folder);
    l.layer = utf8(o.value("layer").toString());
    // A file's layer is known by where the file is now: the project folder may have moved.
    if (!l.file.empty()) l.id = userLayerId(l.file, l.layer);
    l.visible = o.value("visible").toBool(true);
    l.labels = o.value("labels").toBool(true);
    l.opacity = std::clamp(o.value("opacity").toDouble(1.0), 0.0, 1.0);
    l.style = utf8(o.value("style").toString());
    if (o.contains("look"))
      l.look = lookFromJson(o.value("look").toObject(), fileName + ": layers[" + std::to_string(i) + "].look");
    p.layers.push_back(std::move(l));
  }
  const QJsonObject view = root.value("view").toObject();
  if (const QJsonArray e = view.value("extent").toArray(); e.size() == 4) {
    if (view.value("crs").toString() != qs(std::string(render::displayCrs()))) {
      throw core::InputError(fileName + ": view.crs is " + utf8(view.value("crs").toString()) + ", expected " +
                             std::string(render::displayCrs()));
    }
    const core::Extent extent{e[0].toDouble(), e[1].toDouble(), e[2].toDouble(), e[3].toDouble()};
    if (!extent.isEmpty()) p.view = extent;
  }
  const QJsonObject analyses = root.value("analyses").toObject();
  const QJsonObject cluster = analyses.value("cluster").toObject();
  p.analyses.clusterEpsMeters = cluster.value("eps_m").toDouble();
  p.analyses.clusterMinPoints = cluster.value("min_points").toInt();
  p.analyses.clusterDbscanStar = cluster.value("dbscan_star").toBool();
  p.analyses.partnersEnterprise = utf8(analyses.value("partners").toObject().value("enterprise").toString());
  const QJsonObject allocation = analyses.value("allocation").toObject();
  p.analyses.allocationMaterial = utf8(allocation.value("material").toString());
  p.analyses.allocationRun = allocation.value("run").toBool();
  p.analyses.whatIfProject = utf8(allocation.value("whatif_project").toString());
  p.analyses.whatIfRun = allocation.value("whatif_run").toBool();
  return p;
}

void writeProjectFile(const Project& project, const std::filesystem::path& path) {
  const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  const std::string json = projectToJson(project, folder);
  QSaveFile file(qs(path.string()));
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size()) || !file.commit()) {
    throw core::IoError(path.string() + ": cannot write the project (" + utf8(file.errorString()) + ")");
  }
}

Project readProjectFile(const std::filesystem::path& path) {
  QFile file(qs(path.string()));
  if (!file.open(QIODevice::ReadOnly)) {
    throw core::IoError(path.string() + ": cannot read the project (" + utf8(file.errorString()) + ")");
  }
  const QByteArray bytes = file.readAll();
  return projectFromJson(bytes.toStdString(), std::filesystem::absolute(path).parent_path(), path.filename().string());
}

}  // namespace circatlas::viewer
