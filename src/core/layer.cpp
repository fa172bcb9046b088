// Feature storage and field access of an in-memory layer.
#include "core/layer.h"

#include "core/error.h"
#include "core/parallel.h"

namespace circatlas::core {

Layer::Layer(std::string name, std::string crs, GeometryType geometryType, Schema schema)
    : name_(std::move(name)), crs_(std::move(crs)), geometryType_(geometryType), schema_(std::move(schema)) {}

Layer::~Layer() { clearFeatures(); }

void Layer::clearFeatures() noexcept {
  // Each feature's geometry and values freed side by side; should the parallel loop fail to start,
  // what it did not free is freed with the vector below.
  constexpr std::size_t kOnEveryCore = std::size_t{1} << 16;
  if (features_.size() >= kOnEveryCore) {
    try {
      parallelFor(features_.size(), 0, std::size_t{1} << 12, [this](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) features_[i] = Feature();
      });
    } catch (...) {
      // Nothing is lost: the vector below frees what the loop did not.
    }
  }
  std::vector<Feature>().swap(features_);
}

void Layer::checkValueCount(const Feature& feature) const {
  if (feature.values.size() != schema_.size()) {
    ParameterError e("feature has " + std::to_string(feature.values.size()) + " values, schema has " +
                     std::to_string(schema_.size()) + " fields");
    e.setLayer(name_).setFeature(feature.id.value());
    throw e;
  }
}

void Layer::add(Feature feature) {
  checkValueCount(feature);
  features_.push_back(std::move(feature));
}

void Layer::assignFeatures(std::vector<Feature> features) {
  for (const Feature& f : features) checkValueCount(f);
  features_ = std::move(features);
}

const Value& Layer::value(std::size_t i, std::string_view field) const {
  try {
    return features_[i].values[schema_.require(field)];
  } catch (Error& e) {
    e.setLayer(name_);
    throw;
  }
}

Extent Layer::extent() const noexcept {
  Extent e;
  for (const auto& f : features_) e.expand(f.geometry.envelope());
  return e;
}

}  // namespace circatlas::core
