// Bulk insert of core layers into GeoPackage tables created by GDAL: one transaction and prepared
// statements, where GDAL's per-feature path (an OGRFeature, its geometry objects and copies of every
// value per row) costs several times more than SQLite itself.
#include "io/geopackage_bulk.h"

#include <cpl_string.h>
#include <ogr_geometry.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/parallel.h"
#include "io/layer_writer_detail.h"

namespace circatlas::io::detail {

namespace {

// The SQLite handle, closed on every path out.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

// A prepared statement, finalised once by its last owner.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  Statement() = default;
  Statement(Statement&& other) noexcept : stmt(std::exchange(other.stmt, nullptr)) {}
  Statement& operator=(Statement&& other) noexcept {
    std::swap(stmt, other.stmt);
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt); }
};

// Rows per INSERT statement: SQLite's work per statement (and AUTOINCREMENT's sqlite_sequence update)
// is paid once for them all, which makes a million rows' inserts about 40 % cheaper than one by one.
constexpr std::size_t kRowsPerInsert = 64;

// `head` ("INSERT INTO t (a, b) VALUES ") followed by `rows` rows of `perRow` parameters each.
std::string insertSql(const std::string& head, std::size_t perRow, std::size_t rows) {
  std::string row = "(?";
  for (std::size_t c = 1; c < perRow; ++c) row += ", ?";
  row += ")";
  std::string sql = head + row;
  for (std::size_t r = 1; r < rows; ++r) sql += ", " + row;
  return sql;
}

std::string quoted(const std::string& identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// SQLite's R*Tree stores 32-bit floats rounded outwards (rtreeValueDown/Up in SQLite's rtree.c).
float roundedDown(double d) {
  auto f = static_cast<float>(d);
  if (static_cast<double>(f) > d) f = static_cast<float>(d * (d < 0 ? 1.0 + 1.0 / 8388608.0 : 1.0 - 1.0 / 8388608.0));
  return f;
}

float roundedUp(double d) {
  auto f = static_cast<float>(d);
  if (static_cast<double>(f) < d) f = static_cast<float>(d * (d < 0 ? 1.0 - 1.0 / 8388608.0 : 1.0 + 1.0 / 8388608.0));
  return f;
}

// One cell of an R-tree node: a feature id (leaves) or a child node number, and its box.
struct Cell {
  std::int64_t id = 0;
  float minX = 0, maxX = 0, minY = 0, maxY = 0;
};

void putBigEndian(unsigned char* out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(v & 0xff);
    v >>= 8;
  }
}

constexpr std::size_t kCellBytes = 8 + 4 * 4;  // an R*Tree cell: a 64-bit id and four 32-bit floats

// A sort-tile-recursive R-tree over cells whose ids are feature indices. levels[0] are the leaves; each
// level's nodes hold consecutive cells of the level below, a parent cell's id being its child's index there.
struct PackedTree {
  std::size_t nodeSize = 0;  // bytes of every node (SQLite's R*Tree refuses a node of another size)
  std::vector<std::vector<std::vector<Cell>>> levels;
  std::vector<std::vector<std::int64_t>> numbers;  // per level, its nodes' numbers: the root 1, top level first
  std::vector<std::int64_t> leafOf;                // per feature index: its leaf's number (0: no geometry)
};

PackedTree packTree(std::vector<Cell> cells, std::size_t nodeSize, std::size_t features) {
  PackedTree tree;
  tree.nodeSize = nodeSize;
  const std::size_t fanout = (nodeSize - 4) / kCellBytes;
  auto& levels = tree.levels;
  auto centre = [](const Cell& c, bool x) { return x ? 0.5 * (c.minX + c.maxX) : 0.5 * (c.minY + c.maxY); };
  auto pack = [&](std::vector<Cell>& items) {
    const std::size_t nodes = (items.size() + fanout - 1) / fanout;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t perSlice = slices * fanout;
    std::sort(items.begin(), items.end(),
              [&](const Cell& a, const Cell& b) { return centre(a, true) < centre(b, true); });
    for (std::size_t from = 0; from < items.size(); from += perSlice) {
      const auto to = items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), from + perSlice));
      std::sort(items.begin() + static_cast<std::ptrdiff_t>(from), to,
                [&](const Cell& a, const Cell& b) { return centre(a, false) < centre(b, false); });
    }
    std::vector<std::vector<Cell>> level;
    for (std::size_t from = 0; from < items.size(); from += fanout) {
      level.emplace_back(items.begin() + static_cast<std::ptrdiff_t>(from),
                         items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), from + fanout)));
    }
    return level;
  };
  levels.push_back(cells.empty() ? std::vector<std::vector<Cell>>{{}} : pack(cells));
  while (levels.back().size() > 1) {
    std::vector<Cell> parents;
    for (std::size_t n = 0; n < levels.back().size(); ++n) {
      const auto& node = levels.back()[n];
      Cell box{static_cast<std::int64_t>(n), node[0].minX, node[0].maxX, node[0].minY, node[0].maxY};
      for (const Cell& c : node) {
        box.minX = std::min(box.minX, c.minX);
        box.maxX = std::max(box.maxX, c.maxX);
        box.minY = std::min(box.minY, c.minY);
        box.maxY = std::max(box.maxY, c.maxY);
      }
      parents.push_back(box);
    }
    levels.push_back(pack(parents));
  }
  // Node numbers: the root is 1, then every other node, level by level from the top. pack() reorders
  // cells, so a parent cell's id (its child's index) is what says which node it boxes.
  tree.numbers.resize(levels.size());
  std::int64_t next = 1;
  for (std::size_t l = levels.size(); l-- > 0;) {
    tree.numbers[l].resize(levels[l].size());
    for (std::size_t n = 0; n < levels[l].size(); ++n) tree.numbers[l][n] = next++;
  }
  tree.leafOf.assign(features, 0);
  for (std::size_t n = 0; n < levels[0].size(); ++n) {
    for (const Cell& c : levels[0][n]) tree.leafOf[static_cast<std::size_t>(c.id)] = tree.numbers[0][n];
  }
  return tree;
}

class Filler {
 public:
  Filler(const std::string& path, const std::string& target) : target_(target) {
    if (sqlite3_open_v2(path.c_str(), &conn_.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      fail("", "cannot open the new GeoPackage");
    }
  }

  void run(std::span<const core::Layer* const> layers) {
    // One transaction for everything: with SQLite's default page cache (2 MiB) a large layer spills
    // dirty pages to the file again and again inside it; 64 MiB holds them (grown only as used).
    exec("", "PRAGMA cache_size = -65536");
    exec("", "BEGIN");
    for (const core::Layer* layer : layers) fill(*layer);
    exec("", "COMMIT");
  }

 private:
  [[noreturn]] void fail(const std::string& layer, const std::string& what) const {
    std::string reason;
    if (conn_.db) {
      reason = std::string(" (SQLite: ") + sqlite3_errmsg(conn_.db);
      // Said as GDAL's capture says it, so a full disk reads the same whichever writer met it.
      if ((sqlite3_extended_errcode(conn_.db) & 0xff) == SQLITE_FULL) reason += "; No space left on device";
      reason += ")";
    }
    core::IoError e(what + reason);
    e.setFile(target_);
    if (!layer.empty()) e.setLayer(layer);
    throw e;
  }

  void exec(const std::string& layer, const std::string& sql) {
    if (sqlite3_exec(conn_.db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(layer, "cannot write");
  }

  Statement prepare(const std::string& layer, const std::string& sql) {
    Statement s;
    if (sqlite3_prepare_v2(conn_.db, sql.c_str(), -1, &s.stmt, nullptr) != SQLITE_OK) fail(layer, "cannot write");
    return s;
  }

  // The srs_id GDAL registered for the table's geometry column, or nullopt for attribute tables.
  std::optional<std::pair<std::string, int>> geometryColumn(const std::string& table) {
    Statement s =
        prepare(table, "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)");
    sqlite3_bind_text(s.stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.stmt) != SQLITE_ROW) return std::nullopt;
    return std::pair{std::string(reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0))),
                     sqlite3_column_int(s.stmt, 1)};
  }

  std::optional<std::string> triggerSql(const std::string& name) {
    Statement s = prepare("", "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    sqlite3_bind_text(s.stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.stmt) != SQLITE_ROW) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0)));
  }

  // The GeoPackage binary header (version 0, little endian) and ISO WKB, as GDAL writes them:
  // points without an envelope, other geometries with their XY envelope.
  static void encode(const core::Geometry& g, int srsId, std::vector<unsigned char>& blob) {
    blob.clear();
    auto put = [&blob](const void* p, std::size_t n) {
      const auto* b = static_cast<const unsigned char*>(p);
      blob.insert(blob.end(), b, b + n);
    };
    const auto srs = static_cast<std::int32_t>(srsId);
    if (g.type() == core::GeometryType::Point) {
      const unsigned char head[4] = {'G', 'P', 0, 0x01};
      put(head, 4);
      put(&srs, 4);
      const unsigned char wkb[5] = {1, 1, 0, 0, 0};
      put(wkb, 5);
      put(&g.coords()[0].x, 8);
      put(&g.coords()[0].y, 8);
      return;
    }
    const std::unique_ptr<OGRGeometry> ogr = toOgr(g);
    OGREnvelope env;
    ogr->getEnvelope(&env);
    const unsigned char head[4] = {'G', 'P', 0, 0x01 | (1 << 1)};
    put(head, 4);
    put(&srs, 4);
    const double box[4] = {env.MinX, env.MaxX, env.MinY, env.MaxY};
    put(box, sizeof box);
    const std::size_t at = blob.size();
    blob.resize(at + ogr->WkbSize());
    ogr->exportToWkb(wkbNDR, blob.data() + at, wkbVariantIso);
  }

  // The node size in bytes of the R-tree GDAL created empty (its root's): every node written has it.
  std::size_t rtreeNodeSize(const std::string& table, const std::string& rtree) {
    std::size_t nodeSize = 0;
    {
      Statement s = prepare(table, "SELECT length(data) FROM " + quoted(rtree + "_node") + " WHERE nodeno = 1");
      if (sqlite3_step(s.stmt) == SQLITE_ROW) nodeSize = static_cast<std::size_t>(sqlite3_column_int(s.stmt, 0));
    }
    if (nodeSize < 4 + 2 * kCellBytes) fail(table, "unexpected R-tree node size in " + rtree);
    return nodeSize;
  }

  // Writes a packed R-tree straight into the shadow tables of SQLite's R*Tree module, which GDAL
  // created empty: the root is node 1 and carries the depth; _rowid maps each feature to its leaf
  // and _parent each node to its parent. Feature i's rowid is firstRowid + i.
  // Inserting through the virtual table instead costs about 15 CPU-s per million features.
  void writeTree(const std::string& table, const std::string& rtree, const PackedTree& tree, std::int64_t firstRowid) {
    exec(table, "DELETE FROM " + quoted(rtree + "_node"));
    exec(table, "DELETE FROM " + quoted(rtree + "_parent"));
    exec(table, "DELETE FROM " + quoted(rtree + "_rowid"));
    Statement node = prepare(table, "INSERT INTO " + quoted(rtree + "_node") + " (nodeno, data) VALUES (?, ?)");
    auto step = [&](const Statement& st) {
      if (sqlite3_step(st.stmt) != SQLITE_DONE) fail(table, "cannot write the spatial index " + rtree);
      sqlite3_reset(st.stmt);
    };
    const auto& levels = tree.levels;
    std::vector<unsigned char> data(tree.nodeSize);
    std::vector<std::pair<std::int64_t, std::int64_t>> parentOf;  // each node's parent, gathered as they are written
    for (std::size_t l = levels.size(); l-- > 0;) {
      for (std::size_t n = 0; n < levels[l].size(); ++n) {
        std::fill(data.begin(), data.end(), 0);
        if (l + 1 == levels.size()) putBigEndian(data.data(), l, 2);
        const auto& cellsOfNode = levels[l][n];
        putBigEndian(data.data() + 2, cellsOfNode.size(), 2);
        for (std::size_t c = 0; c < cellsOfNode.size(); ++c) {
          const Cell& cell = cellsOfNode[c];
          // A leaf cell's id is its feature's index; above the leaves, its child's index in the level below.
          const auto child = static_cast<std::size_t>(cell.id);
          const std::int64_t id = l == 0 ? firstRowid + static_cast<std::int64_t>(child) : tree.numbers[l - 1][child];
          unsigned char* out = data.data() + 4 + c * kCellBytes;
          putBigEndian(out, static_cast<std::uint64_t>(id), 8);
          const float box[4] = {cell.minX, cell.maxX, cell.minY, cell.maxY};
          for (std::size_t k = 0; k < 4; ++k) {
            std::uint32_t bits = 0;
            std::memcpy(&bits, &box[k], 4);
            putBigEndian(out + 8 + 4 * k, bits, 4);
          }
          if (l > 0) parentOf.emplace_back(id, tree.numbers[l][n]);
        }
        sqlite3_bind_int64(node.stmt, 1, tree.numbers[l][n]);
        sqlite3_bind_blob(node.stmt, 2, data.data(), static_cast<int>(data.size()), SQLITE_STATIC);
        step(node);
      }
    }
    // The maps go in by key: SQLite appends a key above the last one without searching its B-tree,
    // where keys in the packed order (scattered over the ids) cost a search and page splits each.
    // Rowids grow with the feature index, so _rowid's rows are in order as gathered.
    std::vector<std::pair<std::int64_t, std::int64_t>> leafOf;
    leafOf.reserve(tree.leafOf.size());
    for (std::size_t i = 0; i < tree.leafOf.size(); ++i) {
      if (tree.leafOf[i] != 0) leafOf.emplace_back(firstRowid + static_cast<std::int64_t>(i), tree.leafOf[i]);
    }
    std::sort(parentOf.begin(), parentOf.end());
    insertPairs(table, rtree, "INSERT INTO " + quoted(rtree + "_rowid") + " (rowid, nodeno) VALUES ", leafOf);
    insertPairs(table, rtree, "INSERT INTO " + quoted(rtree + "_parent") + " (nodeno, parentnode) VALUES ", parentOf);
  }

  // Inserts the pairs as rows of two columns, kRowsPerInsert to a statement; `insert` is the statement up to
  // its VALUES.
  void insertPairs(const std::string& table, const std::string& rtree, const std::string& insert,
                   const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    Statement statement;
    for (std::size_t start = 0; start < pairs.size(); start += kRowsPerInsert) {
      const std::size_t rows = std::min(kRowsPerInsert, pairs.size() - start);
      if (start == 0 || rows < kRowsPerInsert) statement = prepare(table, insertSql(insert, 2, rows));
      for (std::size_t r = 0; r < rows; ++r) {
        sqlite3_bind_int64(statement.stmt, static_cast<int>(2 * r + 1), pairs[start + r].first);
        sqlite3_bind_int64(statement.stmt, static_cast<int>(2 * r + 2), pairs[start + r].second);
      }
      if (sqlite3_step(statement.stmt) != SQLITE_DONE) fail(table, "cannot write the spatial index " + rtree);
      sqlite3_reset(statement.stmt);
    }
  }

  // The table's INTEGER PRIMARY KEY column (GDAL's fid column).
  std::string primaryKey(const std::string& table) {
    Statement s = prepare(table, "SELECT name FROM pragma_table_info(?) WHERE pk = 1");
    sqlite3_bind_text(s.stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.stmt) != SQLITE_ROW) fail(table, "has no primary key column");
    return reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0));
  }

  // The rowid the table's next row gets (1 for the new table GDAL made).
  std::int64_t nextRowid(const std::string& table) {
    Statement s = prepare(table, "SELECT coalesce(max(rowid), 0) + 1 FROM " + quoted(table));
    if (sqlite3_step(s.stmt) != SQLITE_ROW) fail(table, "cannot read the table");
    return sqlite3_column_int64(s.stmt, 0);
  }

  // The extent of a layer's geometries, as gpkg_contents records it.
  struct Bounds {
    double minX = std::numeric_limits<double>::infinity(), minY = minX, maxX = -minX, maxY = -minX;
  };

  // Binds feature `f` as the row whose first parameter is `slot`: its rowid, geometry (as a blob
  // kept in `blob` until the statement runs, when `srsId` is given) and values. Widens `extent`.
  static void bindRow(const Statement& insert, int slot, const core::Feature& f, std::int64_t rowid, const int* srsId,
                      std::vector<unsigned char>& blob, Bounds& extent) {
    sqlite3_bind_int64(insert.stmt, slot++, rowid);
    if (srsId) {
      if (f.geometry.isEmpty()) {
        sqlite3_bind_null(insert.stmt, slot);
      } else {
        encode(f.geometry, *srsId, blob);
        sqlite3_bind_blob(insert.stmt, slot, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        const core::Extent e = f.geometry.envelope();
        extent.minX = std::min(extent.minX, e.minX);
        extent.minY = std::min(extent.minY, e.minY);
        extent.maxX = std::max(extent.maxX, e.maxX);
        extent.maxY = std::max(extent.maxY, e.maxY);
      }
      ++slot;
    }
    for (const core::Value& v : f.values) {
      if (const auto* s = std::get_if<core::Text>(&v)) {
        sqlite3_bind_text(insert.stmt, slot, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        sqlite3_bind_int64(insert.stmt, slot, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        sqlite3_bind_double(insert.stmt, slot, *d);
      } else if (const auto* b = std::get_if<bool>(&v)) {
        sqlite3_bind_int(insert.stmt, slot, *b ? 1 : 0);
      } else {
        sqlite3_bind_null(insert.stmt, slot);
      }
      ++slot;
    }
  }

  void fill(const core::Layer& layer) {
    const std::string& table = layer.name();
    const auto geometry = layer.geometryType() == core::GeometryType::None ? std::nullopt : geometryColumn(table);
    const std::string trigger = "trigger_insert_feature_count_" + table;
    const std::optional<std::string> triggerDefinition = triggerSql(trigger);
    if (triggerDefinition) exec(table, "DROP TRIGGER " + quoted(trigger));

    // Every row is given its rowid, the next ones of the new table (1, 2, … as SQLite would give them),
    // so that the R-tree knows each feature's without asking.
    std::string columns = quoted(primaryKey(table));
    std::size_t perRow = 1;
    if (geometry) {
      columns += ", " + quoted(geometry->first);
      ++perRow;
    }
    for (const auto& field : layer.schema().fields()) {
      columns += ", " + quoted(field.name);
      ++perRow;
    }
    const std::int64_t firstRowid = nextRowid(table);
    // GDAL's R-tree trigger calls GDAL's SQL functions, which this connection does not have; the
    // index is packed from the features' boxes instead (packTree, writeTree), as a whole.
    const std::string rtree = geometry ? "rtree_" + table + "_" + geometry->first : std::string();
    const std::string rtreeTrigger = rtree + "_insert";
    const std::optional<std::string> rtreeTriggerDefinition = geometry ? triggerSql(rtreeTrigger) : std::nullopt;
    if (rtreeTriggerDefinition) exec(table, "DROP TRIGGER " + quoted(rtreeTrigger));
    // The R-tree is packed on another thread while this one inserts the rows (its sorting is the
    // larger part of the index's time); the features' rowids are put into it afterwards.
    std::future<PackedTree> tree;
    if (rtreeTriggerDefinition) {
      const std::size_t nodeSize = rtreeNodeSize(table, rtree);
      std::vector<Cell> boxes;
      boxes.reserve(layer.size());
      for (std::size_t i = 0; i < layer.size(); ++i) {
        const core::Geometry& g = layer[i].geometry;
        if (g.isEmpty()) continue;
        const core::Extent e = g.envelope();
        boxes.push_back({static_cast<std::int64_t>(i), roundedDown(e.minX), roundedUp(e.maxX), roundedDown(e.minY),
                         roundedUp(e.maxY)});
      }
      tree = std::async(std::launch::async, packTree, std::move(boxes), nodeSize, layer.size());
    }

    const auto variables = static_cast<std::size_t>(sqlite3_limit(conn_.db, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
    const std::size_t batch = std::clamp<std::size_t>(variables / perRow, 1, kRowsPerInsert);
    const std::string head = "INSERT INTO " + quoted(table) + " (" + columns + ") VALUES ";
    Statement insert;
    blobs_.resize(batch);
    Bounds extent;
    for (std::size_t start = 0; start < layer.size(); start += batch) {
      const std::size_t rows = std::min(batch, layer.size() - start);
      if (start == 0 || rows < batch) insert = prepare(table, insertSql(head, perRow, rows));  // first, last
      for (std::size_t r = 0; r < rows; ++r) {
        bindRow(insert, static_cast<int>(r * perRow) + 1, layer[start + r],
                firstRowid + static_cast<std::int64_t>(start + r), geometry ? &geometry->second : nullptr, blobs_[r],
                extent);
      }
      if (sqlite3_step(insert.stmt) != SQLITE_DONE) {
        fail(table, "cannot write features " + std::to_string(layer[start].id.value()) + "–" +
                        std::to_string(layer[start + rows - 1].id.value()));
      }
      sqlite3_reset(insert.stmt);
    }
    if (rtreeTriggerDefinition) {
      writeTree(table, rtree, tree.get(), firstRowid);
      exec(table, *rtreeTriggerDefinition);
    }

    if (geometry && extent.minX <= extent.maxX) {
      Statement s = prepare(
          table,
          "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE lower(table_name) = lower(?)");
      sqlite3_bind_double(s.stmt, 1, extent.minX);
      sqlite3_bind_double(s.stmt, 2, extent.minY);
      sqlite3_bind_double(s.stmt, 3, extent.maxX);
      sqlite3_bind_double(s.stmt, 4, extent.maxY);
      sqlite3_bind_text(s.stmt, 5, table.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(s.stmt) != SQLITE_DONE) fail(table, "cannot record the extent");
    }
    Statement count =
        prepare(table, "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)");
    sqlite3_bind_int64(count.stmt, 1, static_cast<sqlite3_int64>(layer.size()));
    sqlite3_bind_text(count.stmt, 2, table.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(count.stmt) != SQLITE_DONE) fail(table, "cannot record the feature count");
    if (triggerDefinition) exec(table, *triggerDefinition);
  }

  std::string target_;
  Connection conn_;
  std::vector<std::vector<unsigned char>> blobs_;  // the geometry blobs of one batch of rows, bound as they are
};

bool matches(const core::Value& v, core::FieldType type) {
  switch (type) {
    case core::FieldType::Boolean:
      return std::holds_alternative<bool>(v);
    case core::FieldType::Integer:
      return std::holds_alternative<std::int64_t>(v);
    case core::FieldType::Real:
      return std::holds_alternative<double>(v);
    case core::FieldType::String: {
      // GDAL replaces invalid UTF-8 (with a warning) and ends a text at a NUL byte; such rows keep
      // GDAL's path. Every text bound here is then whole (bound with its size, no strlen).
      const auto* s = std::get_if<core::Text>(&v);
      return s && s->size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()) &&
             s->view().find('\0') == std::string_view::npos && CPLIsUTF8(s->data(), static_cast<int>(s->size()));
    }
    case core::FieldType::Date:
    case core::FieldType::DateTime:
      return false;
  }
  return false;
}

}  // namespace

bool fillableByBulkInsert(const core::Layer& layer) {
  const auto& fields = layer.schema().fields();
  for (const auto& field : fields) {
    if (field.type == core::FieldType::Date || field.type == core::FieldType::DateTime) return false;
  }
  // Every text is checked for UTF-8 (a million rows, fifteen fields): on every core.
  std::atomic<bool> fillable = true;
  core::parallelFor(layer.size(), 0, 1 << 14, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end && fillable.load(std::memory_order_relaxed); ++k) {
      const core::Feature& f = layer[k];
      bool ok = f.values.size() == fields.size();
      for (std::size_t i = 0; ok && i < fields.size(); ++i) {
        ok = core::isNull(f.values[i]) || matches(f.values[i], fields[i].type);
      }
      if (!ok) fillable.store(false, std::memory_order_relaxed);
    }
  });
  return fillable.load();
}

void fillGeoPackage(const std::string& path, std::span<const core::Layer* const> layers, const std::string& target) {
  Filler(path, target).run(layers);
}

}  // namespace circatlas::io::detail
