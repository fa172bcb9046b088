// A named, typed collection of features in one coordinate reference system.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/extent.h"
#include "core/feature.h"
#include "core/schema.h"

namespace circatlas::core {

/// A vector layer held in memory. The CRS is kept as a definition string that PROJ understands
/// ("EPSG:4326", WKT2 or PROJJSON); an empty string means the source declared none.
class Layer {
 public:
  Layer(std::string name, std::string crs, GeometryType geometryType, Schema schema);
  Layer(const Layer&) = default;
  Layer(Layer&&) noexcept = default;
  Layer& operator=(const Layer&) = default;
  Layer& operator=(Layer&&) noexcept = default;
  /// Frees the features as clearFeatures does.
  ~Layer();

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::string& crs() const noexcept { return crs_; }
  [[nodiscard]] GeometryType geometryType() const noexcept { return geometryType_; }
  [[nodiscard]] const Schema& schema() const noexcept { return schema_; }

  /// Appends a feature. Throws ParameterError if its value count differs from the schema's.
  void add(Feature feature);
  /// Replaces every feature with `features` (say, made side by side on several threads). Throws
  /// ParameterError, as add does, naming the first whose value count differs from the schema's.
  void assignFeatures(std::vector<Feature> features);
  void reserve(std::size_t n) { features_.reserve(n); }
  /// Removes every feature, releasing their memory; the name, CRS and schema stay. A large layer's
  /// features (a million of them are millions of allocations) are freed on every core.
  void clearFeatures() noexcept;

  [[nodiscard]] std::span<const Feature> features() const noexcept { return features_; }
  [[nodiscard]] std::span<Feature> mutableFeatures() noexcept { return features_; }
  [[nodiscard]] std::size_t size() const noexcept { return features_.size(); }
  [[nodiscard]] bool empty() const noexcept { return features_.empty(); }
  [[nodiscard]] const Feature& operator[](std::size_t i) const noexcept { return features_[i]; }

  /// Value of the named field in feature i; throws InputError naming layer and field if absent.
  [[nodiscard]] const Value& value(std::size_t i, std::string_view field) const;

  /// Bounding box of all geometries (empty for attribute-only layers).
  [[nodiscard]] Extent extent() const noexcept;

  /// Replaces the CRS label after the caller has transformed every coordinate.
  void setCrs(std::string crs) { crs_ = std::move(crs); }

 private:
  void checkValueCount(const Feature& feature) const;

  std::string name_;
  std::string crs_;
  GeometryType geometryType_;
  Schema schema_;
  std::vector<Feature> features_;
};

}  // namespace circatlas::core
