// Catalogue tables → core layers, and the mining-base areas built from member locations.
#include "catalogue/catalogue_layers.h"

#include <charconv>
#include <cmath>
#include <type_traits>
#include <utility>

#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/transformer.h"

namespace circatlas::catalogue {

namespace {

core::FieldType typeOf(const FieldSpec* f) {
  if (!f) return core::FieldType::String;
  switch (f->kind) {
    case FieldKind::Real:
    case FieldKind::Longitude:
    case FieldKind::Latitude:
      return core::FieldType::Real;
    case FieldKind::Integer:
    case FieldKind::Year:
      return core::FieldType::Integer;
    case FieldKind::Flag:
      return core::FieldType::Boolean;
    default:
      return core::FieldType::String;
  }
}

std::optional<double> toReal(core::Cells::Cell s) {
  if (!s) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || end != s->data() + s->size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A cell as a value of `type`.
core::Value toValue(core::Cells::Cell cell, core::FieldType type) {
  if (!cell) return std::monostate{};
  switch (type) {
    case core::FieldType::Real:
      if (const auto v = toReal(cell)) return *v;
      return std::monostate{};
    case core::FieldType::Integer: {
      long long v = 0;
      const auto [end, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), v);
      if (ec == std::errc{} && end == cell->data() + cell->size()) return static_cast<std::int64_t>(v);
      return std::monostate{};
    }
    case core::FieldType::Boolean:
      if (*cell == "0" || *cell == "1") return *cell == "1";
      return std::monostate{};
    default:
      return core::Text(*cell);  // straight from the cell: no std::string in between
  }
}

// The layer of toLayer. A non-const input's rows are freed as they are converted (no second copy of a
// million-row registry's text), and the table is left empty.
template <typename Input>
core::Layer buildLayer(Input& input) {
  constexpr bool take = !std::is_const_v<Input>;
  const auto& spec = *input.spec;
  auto& table = input.table;
  core::Schema schema;
  std::vector<core::FieldType> types;
  for (const auto& name : table.header) {
    types.push_back(typeOf(spec.field(name)));
    schema.add({name, types.back()});
  }
  const auto lonCol = table.column("lon");
  const auto latCol = table.column("lat");
  const bool points = spec.hasPoint && lonCol && latCol;
  core::Layer layer(std::string(spec.name), points ? "EPSG:4326" : "",
                    points ? core::GeometryType::Point : core::GeometryType::None, std::move(schema));
  layer.reserve(table.rows.size());
  for (auto& row : table.rows) {
    core::Feature f{core::FeatureId(row.line), core::Geometry(layer.geometryType()), {}};
    if (points) {
      const auto lon = toReal(std::as_const(row.cells)[*lonCol]);
      const auto lat = toReal(std::as_const(row.cells)[*latCol]);
      if (lon && lat) f.geometry.addPoint({*lon, *lat});
    }
    f.values.reserve(row.cells.size() + input.room);
    const auto& cells = std::as_const(row.cells);
    for (std::size_t i = 0; i < cells.size(); ++i) f.values.push_back(toValue(cells[i], types[i]));
    layer.add(std::move(f));
    // The row's cells are freed at once: the next feature's values take their memory instead of fresh
    // pages, which the kernel would clear one by one.
    if constexpr (take) row.cells = {};
  }
  if constexpr (take) table.rows = {};
  return layer;
}

}  // namespace

core::Layer toLayer(const TableInput& input) { return buildLayer(input); }

core::Layer toLayer(TableInput&& input) { return buildLayer(input); }

core::Layer miningBaseAreas(const core::Layer& bases, const core::Layer& members, double bufferMeters) {
  core::Layer out("mining_bases", std::string(geo::kWgs84), core::GeometryType::MultiPolygon,
                  core::Schema({{"id", core::FieldType::String},
                                {"name_zh", core::FieldType::String},
                                {"name_en", core::FieldType::String},
                                {"minerals", core::FieldType::String},
                                {"residues", core::FieldType::String},
                                {"member_count", core::FieldType::Integer},
                                {"area_method", core::FieldType::String}}));
  const geo::Transformer toMetric(geo::kWgs84, geo::kAnalysisCrs);
  for (std::size_t b = 0; b < bases.size(); ++b) {
    const std::string id = core::toString(bases.value(b, "id"));
    core::Geometry points(core::GeometryType::MultiPoint);
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (core::toString(members.value(m, "base_id")) != id || members[m].geometry.isEmpty()) continue;
      points.addPoint(toMetric.forward(members[m].geometry.coords()[0]));
    }
    core::Geometry area(core::GeometryType::MultiPolygon);
    if (!points.isEmpty()) {
      area = geo::buffer(geo::convexHull(points), bufferMeters);
      toMetric.inverse(area.mutableCoords());
    }
    const auto count = static_cast<std::int64_t>(points.coords().size());
    out.add({core::FeatureId(static_cast<std::int64_t>(b + 1)),
             std::move(area),
             {id, bases.value(b, "name_zh"), bases.value(b, "name_en"), bases.value(b, "minerals"),
              bases.value(b, "residues"), count, bases.value(b, "area_method")}});
  }
  return out;
}

}  // namespace circatlas::catalogue
