// FieldDisplay: fields and values as a person reads them — zh/en field names, translated states,
// codes with their names, and numbers with digit grouping, fixed decimals and units.
#pragma once

#include <QString>

#include <map>
#include <string>
#include <string_view>

#include "core/data_paths.h"
#include "core/value.h"
#include "render/style.h"

class QTableWidgetItem;

namespace circatlas::catalogue {
struct Catalogue;
}

namespace circatlas::viewer {

class LayerStack;

/// A number for people: the locale's digit grouping and `decimals` fixed decimals, with the unit
/// after a thin space ("11,750,900 CNY/yr", "42.5 km"). −0 shows as 0.
[[nodiscard]] QString formatQuantity(double value, int decimals, const QString& unit = {});

/// A table cell for a number: shown by formatQuantity, sorted by its value (Qt::UserRole), right-aligned.
[[nodiscard]] QTableWidgetItem* quantityItem(double value, int decimals, const QString& unit = {});

/// Turns field names, enumerated states and codes into text for the identify panel, tooltips and
/// tables. Code names come from the layers on the map (counties, prefectures, parks), the
/// catalogue (materials) and the GB/T 4754-2017 class table (industries).
class FieldDisplay {
 public:
  FieldDisplay() = default;
  /// Collects the names codes stand for. `catalogue` may be null (then no material names); the
  /// industry classes are read from paths.data.
  void collectNames(const LayerStack& layers, const catalogue::Catalogue* catalogue, const core::DataPaths& paths);

  /// The field's name in the language ("运行状态" / "Operating state"); the raw name when the
  /// field is not a known one.
  [[nodiscard]] static QString label(std::string_view field, render::Language language);
  /// The value as a person reads it: a translated state ("运行中"), a code with its name
  /// ("兰州市 (620100)"), a number with grouping, fixed decimals and unit; otherwise the text.
  [[nodiscard]] QString value(std::string_view field, const core::Value& value, render::Language language) const;

  /// Whether the field holds a quantity shown with a unit or fixed decimals (right-aligned).
  [[nodiscard]] static bool isQuantity(std::string_view field);

 private:
  struct Name {
    std::string zh;
    std::string en;
  };
  [[nodiscard]] const Name* codeName(std::string_view field, const std::string& code) const;

  std::map<std::string, Name, std::less<>> counties_;
  std::map<std::string, Name, std::less<>> prefectures_;
  std::map<std::string, Name, std::less<>> industries_;
  std::map<std::string, Name, std::less<>> materials_;
  std::map<std::string, Name, std::less<>> parks_;
};

}  // namespace circatlas::viewer
