// Export into PostGIS through GDAL's PostgreSQL driver: one transaction, GiST indexes, QGIS's layer_styles.
#include "io/postgis_writer.h"

#include <algorithm>
#include <memory>
#include <set>
#include <vector>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/layer_writer_detail.h"
#include "io/output_target.h"

namespace circatlas::io::detail {

namespace {

/// One number every circatlas export locks on (pg_advisory_xact_lock), so that concurrent exports
/// into one database run one after the other instead of racing to create tables or layer_styles.
constexpr long long kExportLock = 0x63697263'61746c61LL;  // "circatla"

std::string quoteLiteral(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string quoteIdentifier(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

/// Runs SQL and returns the first column of its rows as text (empty for statements without rows).
std::vector<std::string> sql(GDALDataset& ds, const std::string& statement, const std::string& label) {
  GdalErrorCapture capture;
  OGRLayer* result = ds.ExecuteSQL(statement.c_str(), nullptr, nullptr);
  std::vector<std::string> rows;
  if (result) {
    for (auto& f : *result) rows.emplace_back(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "");
    ds.ReleaseResultSet(result);
  }
  if (!capture.errors().empty()) throw core::IoError(label + ": " + capture.errors());
  return rows;
}

/// Rolls the transaction back unless committed (an exception, a cancellation).
class Transaction {
 public:
  Transaction(GDALDataset& ds, const std::string& label) : ds_(ds) {
    GdalErrorCapture capture;
    if (ds_.StartTransaction(TRUE) != OGRERR_NONE)
      throw core::IoError(label + ": cannot start a transaction" + capture.suffix());
  }
  ~Transaction() {
    if (!done_) {
      GdalErrorCapture quiet;  // the error that brought us here is the one to report
      ds_.RollbackTransaction();
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit(const std::string& label) {
    GdalErrorCapture capture;
    done_ = true;
    if (ds_.CommitTransaction() != OGRERR_NONE) throw core::IoError(label + ": cannot commit" + capture.suffix());
  }

 private:
  GDALDataset& ds_;
  bool done_ = false;
};

const char* qgisGeometryType(core::GeometryType t) {
  if (core::isPuntal(t)) return "Point";
  if (core::isLinear(t)) return "Line";
  return "Polygon";
}

/// public.layer_styles as QGIS's PostgreSQL provider creates it (unquoted, so lower-case names).
void ensureStylesTable(GDALDataset& ds, const std::string& label) {
  sql(ds,
      "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, "
      "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, "
      "stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
      "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)",
      label);
}

}  // namespace

ExportReport writePostgis(std::span<const ExportLayer> layers, const std::string& connection,
                          const ExportWriteOptions& o) {
  const std::string schema = o.schema.empty() ? "public" : o.schema;
  const std::string label = maskSecrets(connection) + " (schema " + schema + ")";
  GdalErrorCapture capture;
  const char* drivers[] = {"PostgreSQL", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
  if (!ds) throw core::IoError(label + ": cannot connect to the database" + capture.suffix());
  if (sql(*ds, "SELECT COUNT(*) FROM pg_extension WHERE extname = 'postgis'", label) != std::vector<std::string>{"1"}) {
    throw core::IoError(label + ": the database has no PostGIS (CREATE EXTENSION postgis; needs a database owner)");
  }

  Transaction transaction(*ds, label);
  sql(*ds, "SELECT pg_advisory_xact_lock(" + std::to_string(kExportLock) + ")", label);
  sql(*ds, "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema), label);
  std::string names;
  for (const auto& l : layers) names += (names.empty() ? "" : ", ") + quoteLiteral(l.layer->name());
  const auto existingRows =
      sql(*ds,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = " + quoteLiteral(schema) +
              " AND table_name IN (" + names + ") ORDER BY table_name",
          label);
  const std::set<std::string> existing(existingRows.begin(), existingRows.end());
  if (!existing.empty() && o.existing == ExistingTarget::Refuse) {
    std::string list;
    for (const auto& e : existingRows) list += (list.empty() ? "" : ", ") + e;
    throw core::ParameterError(label + ": tables " + list +
                               " exist; pass --overwrite to replace them (other tables are never touched)");
  }

  std::size_t total = 0;
  for (const auto& l : layers) total += l.layer->size();
  LayerWriteTuning tuning;
  tuning.featuresPerTransaction = o.featuresPerTransaction;
  std::size_t before = 0;
  tuning.afterChunk = [&](std::size_t n) {
    if (o.progress) {
      o.progress->report(total == 0 ? 0.0 : static_cast<double>(before + n) / static_cast<double>(total), "writing");
      if (o.progress->cancelled()) throw core::Cancelled();
    }
  };
  ExportReport report{"PostgreSQL", {}, layers.size(), {}, {}};
  std::vector<std::pair<OGRLayer*, const ExportLayer*>> written;
  for (const auto& l : layers) {
    if (o.progress && o.progress->cancelled()) throw core::Cancelled();
    const std::string table = l.layer->name();
    LayerWriteTuning layerTuning = tuning;
    layerTuning.layerOptions = {
        {"SCHEMA", schema},        {"LAUNDER", "NO"},  // the names styles refer to, as in every other format
        {"GEOMETRY_NAME", "geom"}, {"FID", "fid"},
        {"SPATIAL_INDEX", "GIST"}, {"OVERWRITE", existing.contains(table) ? "YES" : "NO"}};
    if (!l.description.empty()) layerTuning.layerOptions.emplace_back("DESCRIPTION", l.description);
    OGRLayer& out = writeLayerInto(*ds, "PostgreSQL", *l.layer, label, layerTuning);
    before += l.layer->size();
    written.emplace_back(&out, &l);
    report.files.push_back(label + ": " + schema + "." + table);
  }

  if (std::any_of(layers.begin(), layers.end(), [](const ExportLayer& l) { return l.style.has_value(); })) {
    ensureStylesTable(*ds, label);
    const std::string catalog = sql(*ds, "SELECT current_database()", label).at(0);
    for (const auto& [out, l] : written) {
      if (!l->style) continue;
      const std::string table = l->layer->name();
      const std::string where = " WHERE f_table_catalog = " + quoteLiteral(catalog) +
                                " AND f_table_schema = " + quoteLiteral(schema) +
                                " AND f_table_name = " + quoteLiteral(table);
      // Ours replaces the style of its name; a planner's own styles stay, no longer the default.
      sql(*ds, "DELETE FROM public.layer_styles" + where + " AND stylename = " + quoteLiteral(l->style->name), label);
      sql(*ds, "UPDATE public.layer_styles SET useasdefault = false" + where, label);
      sql(*ds,
          "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
          "stylename, "
          "styleqml, stylesld, useasdefault, description, type) VALUES (" +
              quoteLiteral(catalog) + ", " + quoteLiteral(schema) + ", " + quoteLiteral(table) + ", " +
              quoteLiteral(out->GetGeometryColumn()) + ", " + quoteLiteral(l->style->name) + ", XMLPARSE(DOCUMENT " +
              quoteLiteral(l->style->qml) + "), XMLPARSE(DOCUMENT " + quoteLiteral(l->style->sld) + "), true, " +
              quoteLiteral(l->style->description) + ", " + quoteLiteral(qgisGeometryType(l->layer->geometryType())) +
              ")",
          label);
    }
  }
  if (o.progress && o.progress->cancelled()) throw core::Cancelled();
  transaction.commit(label);
  ds.reset();
  if (!capture.errors().empty()) throw core::IoError(label + ": cannot finish writing" + capture.suffix());
  return report;
}

}  // namespace circatlas::io::detail
