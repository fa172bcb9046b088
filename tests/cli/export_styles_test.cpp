// Exported styles read the fields each format wrote: every QML and SLD rule's field exists, and QML, SLD and circatlas
// put features in the same classes.
#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QString>
#include <QXmlStreamReader>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "core/value.h"
#include "definitions/definition_paths.h"
#include "definitions/style_parser.h"
#include "render/style.h"
#include "test_support.h"

namespace circatlas {
namespace {

namespace fs = std::filesystem;

std::string text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One feature's fields as text (nullopt for NULL), by field name as written.
using Row = std::map<std::string, std::optional<std::string>>;

struct LayerData {
  std::set<std::string> fields;
  std::vector<Row> rows;
};

LayerData readLayer(OGRLayer& layer) {
  LayerData out;
  const OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) out.fields.insert(defn->GetFieldDefn(i)->GetNameRef());
  layer.ResetReading();
  for (auto& f : layer) {
    Row row;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      const std::string name = defn->GetFieldDefn(i)->GetNameRef();
      if (f->IsFieldSetAndNotNull(i)) row[name] = f->GetFieldAsString(i);
      else row[name] = std::nullopt;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

/// The row's value of a field, NULL when the layer has no such field (reported separately).
std::optional<std::string> get(const Row& row, const std::string& field) {
  const auto it = row.find(field);
  return it == row.end() ? std::nullopt : it->second;
}

std::optional<double> numberOf(const std::optional<std::string>& v) {
  if (!v || v->empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const double d = std::stod(*v, &used);
    if (used != v->size()) return std::nullopt;
    return d;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> quotedFields(const QString& expression) {
  std::vector<std::string> out;
  static const QRegularExpression quoted(QStringLiteral("\"((?:[^\"]|\"\")+)\""));
  for (auto it = quoted.globalMatch(expression); it.hasNext();) {
    out.push_back(it.next().captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\"")).toStdString());
  }
  return out;
}

/// What a QGIS .qml document classifies by, evaluated here as QGIS evaluates it.
struct QmlStyle {
  std::string renderer;
  std::vector<std::string> fields;  ///< every field the renderer, sizes and labels refer to
  struct Class {
    std::string label;
    std::vector<std::string> values;  ///< categories and "=" / IN rules: whole values; LIKE rules: prefixes
    bool prefix = false;              ///< a LIKE 'v%' rule
    double lower = 0, upper = 0;      ///< ranges: lower ≤ v ≤ upper, the first that holds
    bool isElse = false;
  };
  std::string attr;
  std::vector<Class> classes;

  /// The label of the class QGIS draws the row with; nullopt when it draws none.
  [[nodiscard]] std::optional<std::string> classify(const Row& row) const {
    if (renderer == "singleSymbol") return std::string("(single)");
    if (renderer == "graduatedSymbol") {
      const auto v = numberOf(get(row, attr));
      if (!v) return std::nullopt;
      for (const auto& c : classes) {
        if (c.lower <= *v && *v <= c.upper) return c.label;
      }
      return std::nullopt;
    }
    const auto v = get(row, attr);
    for (const auto& c : classes) {
      if (c.isElse || !v) continue;
      for (const auto& value : c.values) {
        if (c.prefix ? v->rfind(value, 0) == 0 : *v == value) return c.label;
      }
    }
    for (const auto& c : classes) {
      if (c.isElse) return c.label;
    }
    return std::nullopt;
  }
};

QmlStyle parseQml(const std::string& qml) {
  QmlStyle s;
  QXmlStreamReader xml(QString::fromStdString(qml));
  static const QRegularExpression like(QStringLiteral("\"((?:[^\"]|\"\")+)\" LIKE '((?:[^']|'')*)%'"));
  static const QRegularExpression equals(QStringLiteral("^\"((?:[^\"]|\"\")+)\" (?:= |IN \\()(.*?)\\)?$"));
  static const QRegularExpression quoted(QStringLiteral("'((?:[^']|'')*)'"));
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    const auto a = xml.attributes();
    const auto name = xml.name();
    if (name == QLatin1String("renderer-v2")) {
      s.renderer = a.value(QStringLiteral("type")).toString().toStdString();
      s.attr = a.value(QStringLiteral("attr")).toString().toStdString();
      if (!s.attr.empty()) s.fields.push_back(s.attr);
    } else if (name == QLatin1String("category")) {
      QmlStyle::Class c;
      c.label = a.value(QStringLiteral("label")).toString().toStdString();
      const QString value = a.value(QStringLiteral("value")).toString();
      if (a.hasAttribute(QStringLiteral("value"))) c.values.push_back(value.toStdString());
      c.isElse = a.hasAttribute(QStringLiteral("value")) && value.isEmpty();
      s.classes.push_back(c);
    } else if (name == QLatin1String("val") && !s.classes.empty()) {
      s.classes.back().values.push_back(a.value(QStringLiteral("value")).toString().toStdString());
    } else if (name == QLatin1String("rule")) {
      QmlStyle::Class c;
      c.label = a.value(QStringLiteral("label")).toString().toStdString();
      const QString filter = a.value(QStringLiteral("filter")).toString();
      c.isElse = filter == QLatin1String("ELSE");
      for (auto it = like.globalMatch(filter); it.hasNext();) {
        const auto m = it.next();
        s.attr = m.captured(1).toStdString();
        c.prefix = true;
        c.values.push_back(m.captured(2).replace(QStringLiteral("''"), QStringLiteral("'")).toStdString());
      }
      if (const auto m = equals.match(filter); !c.prefix && m.hasMatch()) {  // "f" = 'v' or "f" IN ('a', 'b')
        s.attr = m.captured(1).toStdString();
        for (auto it = quoted.globalMatch(m.captured(2)); it.hasNext();) {
          c.values.push_back(it.next().captured(1).replace(QStringLiteral("''"), QStringLiteral("'")).toStdString());
        }
      }
      for (const auto& f : quotedFields(filter)) s.fields.push_back(f);
      s.classes.push_back(c);
    } else if (name == QLatin1String("range")) {
      QmlStyle::Class c;
      c.label = a.value(QStringLiteral("label")).toString().toStdString();
      c.lower = a.value(QStringLiteral("lower")).toDouble();
      c.upper = a.value(QStringLiteral("upper")).toDouble();
      s.classes.push_back(c);
    } else if (name == QLatin1String("Option") && a.value(QStringLiteral("name")) == QLatin1String("expression")) {
      for (const auto& f : quotedFields(a.value(QStringLiteral("value")).toString())) s.fields.push_back(f);
    } else if (name == QLatin1String("text-style")) {
      s.fields.push_back(a.value(QStringLiteral("fieldName")).toString().toStdString());
    }
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  return s;
}

/// An OGC filter as a tree, evaluated as a client that honours every rule does (all rules whose
/// filter holds are drawn).
struct Filter {
  std::string op;
  std::string property;
  std::string literal;
  std::vector<Filter> children;

  /// SQL's three-valued logic, as QGIS evaluates the expression it makes of the filter: a
  /// comparison with NULL is unknown (nullopt), and so is its negation.
  [[nodiscard]] std::optional<bool> eval(const Row& row) const {
    if (op == "And" || op == "Or") {
      const bool isAnd = op == "And";
      bool unknown = false;
      for (const auto& c : children) {
        const auto v = c.eval(row);
        if (!v) unknown = true;
        else if (*v != isAnd) return !isAnd;
      }
      if (unknown) return std::nullopt;
      return isAnd;
    }
    if (op == "Not") {
      const auto v = children.at(0).eval(row);
      if (!v) return std::nullopt;
      return !*v;
    }
    const auto v = get(row, property);
    if (op == "PropertyIsNull") return !v;
    if (!v) return std::nullopt;
    if (op == "PropertyIsEqualTo") return *v == literal;
    if (op == "PropertyIsLike") {
      std::string prefix;  // our filters are 'prefix%' with \ escaping
      for (std::size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] == '\\' && i + 1 < literal.size()) prefix += literal[++i];
        else if (literal[i] == '%' && i + 1 == literal.size()) break;
        else prefix += literal[i];
      }
      return v->rfind(prefix, 0) == 0;
    }
    const auto x = numberOf(v);
    if (!x) return std::nullopt;
    const double lit = std::stod(literal);
    if (op == "PropertyIsGreaterThanOrEqualTo") return *x >= lit;
    if (op == "PropertyIsLessThan") return *x < lit;
    ADD_FAILURE() << "unexpected filter operator " << op;
    return false;
  }
  [[nodiscard]] bool holds(const Row& row) const { return eval(row).value_or(false); }
};

struct SldRule {
  std::string name;
  std::optional<Filter> filter;
};

struct SldStyle {
  std::vector<SldRule> rules;  ///< symbol rules (not the label rule)
  std::vector<std::string> fields;
  bool elseFilter = false;
};

Filter readFilterElement(QXmlStreamReader& xml, std::vector<std::string>& fields) {
  Filter f;
  f.op = xml.name().toString().toStdString();
  while (xml.readNextStartElement()) {
    if (xml.name() == QLatin1String("PropertyName")) {
      f.property = xml.readElementText().toStdString();
      fields.push_back(f.property);
    } else if (xml.name() == QLatin1String("Literal")) {
      f.literal = xml.readElementText().toStdString();
    } else {
      f.children.push_back(readFilterElement(xml, fields));
    }
  }
  return f;
}

SldStyle parseSld(const std::string& sld) {
  SldStyle s;
  QXmlStreamReader xml(QString::fromStdString(sld));
  std::optional<SldRule> rule;
  bool labelRule = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isEndElement() && xml.name() == QLatin1String("Rule")) {
      if (rule && !labelRule) s.rules.push_back(*rule);
      rule.reset();
      continue;
    }
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("Rule")) {
      rule = SldRule{};
      labelRule = false;
    } else if (name == QLatin1String("Name") && rule && rule->name.empty()) {
      rule->name = xml.readElementText().toStdString();
    } else if (name == QLatin1String("ElseFilter")) {
      s.elseFilter = true;
    } else if (name == QLatin1String("Filter") && rule) {
      xml.readNextStartElement();
      rule->filter = readFilterElement(xml, s.fields);
      xml.skipCurrentElement();
    } else if (name == QLatin1String("TextSymbolizer")) {
      labelRule = true;
    } else if (name == QLatin1String("PropertyName")) {
      s.fields.push_back(xml.readElementText().toStdString());
    }
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  return s;
}

core::Value valueOf(const std::optional<std::string>& text, bool numeric) {
  if (!text) return {};
  if (numeric) {
    if (const auto d = numberOf(text)) return *d;
  }
  return *text;
}

/// The export of the built-in atlas and all results in each format, once for the suite.
class ExportedStyles : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    for (const char* ext : {"gpkg", "geojson", "shp", "fgb", "csv"}) {
      fs::create_directories(*dir_ / ext);
      const auto r = test::runCommand(std::string(CIRCATLAS_EXE) + " export --lang en --out '" +
                                      (*dir_ / ext / ("atlas." + std::string(ext))).string() + "'");
      results_[ext] = r;
    }
    // The GeoPackage's layer_styles names each layer's circatlas style.
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open((*dir_ / "gpkg" / "atlas.gpkg").c_str(), GDAL_OF_VECTOR));
    if (!ds) return;
    if (OGRLayer* styles = ds->GetLayerByName("layer_styles")) {
      for (auto& f : *styles) styleNames_[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleName");
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  /// Each styled layer of the export in `ext`: its data and its QML and SLD documents.
  struct Exported {
    std::string layer;
    LayerData data;
    std::string qml;
    std::string sld;
  };
  static std::vector<Exported> exported(const std::string& ext) {
    std::vector<Exported> out;
    GDALAllRegister();
    if (ext == "gpkg") {
      GDALDatasetUniquePtr ds(GDALDataset::Open((*dir_ / "gpkg" / "atlas.gpkg").c_str(), GDAL_OF_VECTOR));
      if (!ds) return out;
      std::map<std::string, std::pair<std::string, std::string>> docs;
      for (auto& f : *ds->GetLayerByName("layer_styles")) {
        docs[f->GetFieldAsString("f_table_name")] = {f->GetFieldAsString("styleQML"), f->GetFieldAsString("styleSLD")};
      }
      for (auto* layer : ds->GetLayers()) {
        if (!docs.contains(layer->GetName())) continue;
        out.push_back(
            {layer->GetName(), readLayer(*layer), docs[layer->GetName()].first, docs[layer->GetName()].second});
      }
      return out;
    }
    fs::path folder;
    for (const auto& e : fs::directory_iterator(*dir_ / ext)) {
      if (e.is_directory()) folder = e.path();
    }
    if (folder.empty()) return out;
    for (const auto& e : fs::directory_iterator(folder)) {
      if (e.path().extension() != ".qml") continue;
      const std::string layer = e.path().stem().string();
      fs::path data;
      for (const char* x : {".geojson", ".shp", ".fgb", ".csv"}) {
        if (fs::exists(folder / (layer + x))) data = folder / (layer + x);
      }
      GDALDatasetUniquePtr ds(GDALDataset::Open(data.c_str(), GDAL_OF_VECTOR));
      if (!ds) {
        ADD_FAILURE() << "cannot open " << data;
        continue;
      }
      out.push_back({layer, readLayer(*ds->GetLayer(0)), text(e.path()), text(folder / (layer + ".sld"))});
    }
    return out;
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline std::map<std::string, test::CommandResult> results_;
  static inline std::map<std::string, std::string> styleNames_;
};

TEST_P(ExportedStyles, EveryRuleFieldExistsAndQmlSldAndCircatlasAgreeOnEachFeaturesClass) {
  const std::string ext = GetParam();
  ASSERT_EQ(results_[ext].exitCode, 0) << results_[ext].output;
  const auto layers = exported(ext);
  ASSERT_GE(layers.size(), 15u) << "styled layers in the " << ext << " export";
  std::set<std::string> checkedCategorised, withRows;
  for (const auto& l : layers) {
    SCOPED_TRACE(ext + ": layer " + l.layer);
    const QmlStyle qml = parseQml(l.qml);
    const SldStyle sld = parseSld(l.sld);
    // GeoJSON names its fields only through its features: an empty layer has none to check.
    const bool fieldsKnown = !(ext == "geojson" && l.data.rows.empty());
    for (const auto& f : qml.fields)
      EXPECT_TRUE(!fieldsKnown || l.data.fields.contains(f)) << "the QML refers to field '" << f << "'";
    for (const auto& f : sld.fields)
      EXPECT_TRUE(!fieldsKnown || l.data.fields.contains(f)) << "the SLD refers to field '" << f << "'";
    EXPECT_FALSE(sld.elseFilter) << "QGIS ignores se:ElseFilter";
    if (l.data.rows.empty()) continue;
    withRows.insert(l.layer);
    // circatlas's own classes, from the style the GeoPackage names, on the values as written.
    ASSERT_TRUE(styleNames_.contains(l.layer));
    const fs::path styleFile = core::DataPaths::fromEnvironment().stylesDir() / (styleNames_[l.layer] + ".json");
    std::map<std::string, int> expected, byQml, bySld;
    int fallback = 0;
    if (fs::exists(styleFile) && qml.renderer != "singleSymbol") {
      const render::Style style = definitions::parseStyleFile(styleFile);
      for (const auto& row : l.data.rows) {
        const auto cls =
            style.classify(valueOf(get(row, qml.attr), style.renderer == render::SymbolRenderer::Graduated));
        if (cls) {
          ++expected[style.classAt(*cls).label.in(render::Language::En)];
          if (*cls == style.classes.size()) ++fallback;
        }
      }
      if (style.renderer == render::SymbolRenderer::Categorised) {
        EXPECT_LT(fallback, static_cast<int>(l.data.rows.size())) << "every feature falls into 'other'";
        checkedCategorised.insert(l.layer);
      }
    }
    for (const auto& row : l.data.rows) {
      if (const auto c = qml.classify(row)) ++byQml[*c];
      int matching = 0;
      std::string name;
      for (const auto& r : sld.rules) {
        if (!r.filter || r.filter->holds(row)) {
          ++matching;
          name = r.name;
        }
      }
      EXPECT_LE(matching, 1) << "an SLD client draws this feature " << matching << " times";
      if (matching == 1) ++bySld[name];
    }
    if (!expected.empty()) {
      EXPECT_EQ(byQml, expected) << "QML classes differ from circatlas's";
      EXPECT_EQ(bySld, expected) << "SLD classes differ from circatlas's";
    }
  }
  // (The allocations are empty when no supply has a known quantity and a receiver.)
  for (const char* layer : {"enterprises", "parks", "partner_candidates", "allocation_optimal", "allocation_greedy"}) {
    EXPECT_TRUE(checkedCategorised.contains(layer) ||
                (!withRows.contains(layer) && std::string(layer).starts_with("allocation")))
        << layer;
  }
  EXPECT_TRUE(withRows.contains("partner_candidates"));
}

INSTANTIATE_TEST_SUITE_P(EachFormat, ExportedStyles, ::testing::Values("gpkg", "geojson", "shp", "fgb", "csv"));

}  // namespace
}  // namespace circatlas
