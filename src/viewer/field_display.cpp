// Field aliases, translated states, code names and number formats for the viewer's panels.
#include "viewer/field_display.h"

#include <QLocale>
#include <QTableWidgetItem>

#include <algorithm>
#include <array>
#include <cmath>

#include "catalogue/catalogue.h"
#include "core/error.h"
#include "io/csv_reader.h"
#include "viewer/layer_stack.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

struct Alias {
  std::string_view field;
  std::string_view zh;
  std::string_view en;
};

// The catalogue's fields (data/catalogue/README.md) and the analyses' result fields (analysis_specs.h).
constexpr std::array kAliases{
    Alias{"id", "编号", "ID"},
    Alias{"code", "代码", "Code"},
    Alias{"name_zh", "中文名称", "Name (Chinese)"},
    Alias{"name_en", "英文名称", "Name (English)"},
    Alias{"name_pinyin", "拼音", "Pinyin"},
    Alias{"industry_code", "行业（GB/T 4754-2017）", "Industry (GB/T 4754-2017)"},
    Alias{"park_id", "所在园区", "Park"},
    Alias{"host_park_id", "所在园区", "Host park"},
    Alias{"host_enterprise_id", "依托企业", "Host enterprise"},
    Alias{"status", "循环经济示范", "Circular-economy status"},
    Alias{"op_status", "运行状态", "Operating state"},
    Alias{"model", "循环经济模式", "Circular-economy model"},
    Alias{"lon", "经度", "Longitude"},
    Alias{"lat", "纬度", "Latitude"},
    Alias{"seat_lon", "驻地经度", "Seat longitude"},
    Alias{"seat_lat", "驻地纬度", "Seat latitude"},
    Alias{"county_code", "县级行政区", "County"},
    Alias{"prefecture_code", "地级行政区", "Prefecture"},
    Alias{"province_code", "省级行政区", "Province"},
    Alias{"county_count", "县级单位数", "Counties"},
    Alias{"capacity", "产能", "Capacity"},
    Alias{"capacity_unit", "产能单位", "Capacity unit"},
    Alias{"capacity_basis", "产能依据", "Capacity basis"},
    Alias{"source", "数据来源", "Source"},
    Alias{"source_id", "来源编号", "Source record"},
    Alias{"location_precision", "位置精度", "Location precision"},
    Alias{"notes", "备注", "Notes"},
    Alias{"owner", "所属集团", "Owner"},
    Alias{"fuel", "燃料", "Fuel"},
    Alias{"start_year", "投产年份", "Start year"},
    Alias{"end_year", "停产年份", "End year"},
    Alias{"level", "级别", "Level"},
    Alias{"zone_type", "园区类型", "Zone type"},
    Alias{"industries", "产业", "Industries"},
    Alias{"chains", "产业链", "Industry chains"},
    Alias{"type", "类型", "Type"},
    Alias{"status_as_of", "状态日期", "Status as of"},
    Alias{"investment_million_cny", "投资", "Investment"},
    Alias{"minerals", "矿种", "Minerals"},
    Alias{"residues", "固废", "Residues"},
    Alias{"area_method", "范围方法", "Area method"},
    Alias{"cluster_id", "聚类编号", "Cluster"},
    Alias{"role", "聚类角色", "Cluster role"},
    Alias{"members", "成员企业数", "Members"},
    Alias{"core", "核心点", "Core points"},
    Alias{"border", "边界点", "Border points"},
    Alias{"shannon", "行业多样性（香农指数）", "Industry diversity (Shannon index)"},
    Alias{"prefectures", "地级行政区", "Prefectures"},
    Alias{"parks", "园区", "Parks"},
    Alias{"area_km2", "面积", "Area"},
    Alias{"rank", "排名", "Rank"},
    Alias{"supplier_id", "供方编号", "Supplier ID"},
    Alias{"supplier_name", "供方", "Supplier"},
    Alias{"receiver_id", "受方编号", "Receiver ID"},
    Alias{"receiver_name", "受方", "Receiver"},
    Alias{"material", "物料", "Material"},
    Alias{"material_code", "物料", "Material"},
    Alias{"material_zh", "物料名称", "Material name"},
    Alias{"unit", "单位", "Unit"},
    Alias{"supply", "供给量", "Supply"},
    Alias{"quantity", "交换量", "Quantity"},
    Alias{"km", "距离", "Distance"},
    Alias{"distance_basis", "距离依据", "Distance basis"},
    Alias{"transport_cny", "运输费用", "Transport cost"},
    Alias{"score", "得分（净效益）", "Score (net benefit)"},
    Alias{"reason_zh", "理由", "Reason (Chinese)"},
    Alias{"reason_en", "理由（英文）", "Reason"},
};

struct StateText {
  std::string_view field;
  std::string_view value;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array kStates{
    StateText{"op_status", "operating", "运行中", "operating"},
    StateText{"op_status", "retired", "已关停", "retired"},
    StateText{"op_status", "mothballed", "停用封存", "mothballed"},
    StateText{"op_status", "under_construction", "在建", "under construction"},
    StateText{"op_status", "proposed", "拟建", "proposed"},
    StateText{"op_status", "unknown", "不详", "unknown"},
    StateText{"status", "national_pilot", "国家级试点", "national pilot"},
    StateText{"status", "provincial_demonstration", "省级示范", "provincial demonstration"},
    StateText{"status", "provincial_pilot", "省级试点", "provincial pilot"},
    StateText{"status", "none", "无", "none"},
    StateText{"level", "national_pilot", "国家级试点", "national pilot"},
    StateText{"level", "provincial_demonstration", "省级示范", "provincial demonstration"},
    StateText{"level", "provincial_pilot", "省级试点", "provincial pilot"},
    StateText{"level", "development_zone", "开发区", "development zone"},
    StateText{"level", "demonstration_project", "示范项目", "demonstration project"},
    StateText{"level", "other", "其他", "other"},
    StateText{"fuel", "coal", "煤", "coal"},
    StateText{"fuel", "gas", "天然气", "gas"},
    StateText{"fuel", "oil", "石油", "oil"},
    StateText{"fuel", "biomass", "生物质", "biomass"},
    StateText{"fuel", "waste", "垃圾", "waste"},
    StateText{"fuel", "hydro", "水电", "hydro"},
    StateText{"fuel", "wind", "风电", "wind"},
    StateText{"fuel", "solar", "太阳能", "solar"},
    StateText{"fuel", "nuclear", "核电", "nuclear"},
    StateText{"fuel", "geothermal", "地热", "geothermal"},
    StateText{"fuel", "other", "其他", "other"},
    StateText{"role", "core", "核心", "core"},
    StateText{"role", "border", "边界", "border"},
    StateText{"role", "noise", "噪声（不属任何聚类）", "noise (in no cluster)"},
    StateText{"role", "unlocated", "无位置（未参与聚类）", "no location (not clustered)"},
};

struct Quantity {
  std::string_view field;
  int decimals;
  std::string_view unit;  ///< empty: none; "{unit}" is not used — units follow the field
};

// Fixed decimals and units per quantity.
constexpr std::array kQuantities{
    Quantity{"lon", 5, "°"},
    Quantity{"lat", 5, "°"},
    Quantity{"seat_lon", 4, "°"},
    Quantity{"seat_lat", 4, "°"},
    Quantity{"capacity", 0, ""},
    Quantity{"investment_million_cny", 1, "百万元"},
    Quantity{"km", 1, "km"},
    Quantity{"nearest_km", 1, "km"},
    Quantity{"area_km2", 0, "km²"},
    Quantity{"transport_cny", 0, "CNY/yr"},
    Quantity{"transport_cny_with", 0, "CNY/yr"},
    Quantity{"transport_cny_without", 0, "CNY/yr"},
    Quantity{"score", 0, "CNY/yr"},
    Quantity{"supply", 0, "/yr"},
    Quantity{"quantity", 0, "/yr"},
    Quantity{"shannon", 2, ""},
    Quantity{"utilisation_pct", 1, "%"},
    Quantity{"distance_m", 0, "m"},
    Quantity{"members", 0, ""},
    Quantity{"core", 0, ""},
    Quantity{"border", 0, ""},
    Quantity{"rank", 0, ""},
    Quantity{"county_count", 0, ""},
};

const Quantity* quantityOf(std::string_view field) {
  const auto* it =
      std::find_if(kQuantities.begin(), kQuantities.end(), [&](const Quantity& q) { return q.field == field; });
  return it == kQuantities.end() ? nullptr : it;
}

bool isYearOrCode(std::string_view field) {
  return field.ends_with("year") || field.ends_with("_code") || field.ends_with("_id") || field == "id" ||
         field == "code";
}

}  // namespace

QString formatQuantity(double value, int decimals, const QString& unit) {
  const double scale = std::pow(10.0, decimals);
  if (std::round(value * scale) == 0.0) value = 0.0;  // no "−0"
  QString text = QLocale().toString(value, 'f', decimals);
  if (!unit.isEmpty())
    text += (unit == QStringLiteral("%") || unit == QStringLiteral("°") ? QString() : QStringLiteral(" ")) + unit;
  return text;
}

namespace {

// Sorts by the number, not by the formatted text ("9" after "10,000").
class QuantityItem : public QTableWidgetItem {
 public:
  using QTableWidgetItem::QTableWidgetItem;
  bool operator<(const QTableWidgetItem& other) const override {
    return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
  }
};

}  // namespace

QTableWidgetItem* quantityItem(double value, int decimals, const QString& unit) {
  auto* item = new QuantityItem(formatQuantity(value, decimals, unit));
  item->setData(Qt::UserRole, value);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

void FieldDisplay::collectNames(const LayerStack& layers, const catalogue::Catalogue* catalogue,
                                const core::DataPaths& paths) {
  auto collect = [](const core::Layer& layer, std::string_view key, std::map<std::string, Name, std::less<>>& into) {
    const auto k = layer.schema().indexOf(key);
    const auto zh = layer.schema().indexOf("name_zh");
    const auto en = layer.schema().indexOf("name_en");
    if (!k || !zh) return;
    for (const auto& f : layer.features()) {
      into[core::toString(f.values[*k])] = {core::toString(f.values[*zh]), en ? core::toString(f.values[*en]) : ""};
    }
  };
  if (const ViewerLayer* l = layers.find("counties")) collect(*l->source, "code", counties_);
  if (const ViewerLayer* l = layers.find("prefectures")) collect(*l->source, "code", prefectures_);
  if (const ViewerLayer* l = layers.find("parks")) collect(*l->source, "id", parks_);
  if (catalogue) {
    collect(catalogue->materials, "code", materials_);
    collect(catalogue->parks, "id", parks_);
  }
  if (industries_.empty()) {
    try {
      const core::TextTable classes =
          io::readCsvTable((paths.dataDir() / "industry" / "gbt4754_2017_classes.csv").string());
      const auto code = classes.column("code");
      const auto name = classes.column("name_zh");
      if (code && name) {
        for (const auto& row : classes.rows) {
          if (row.cells[*code] && row.cells[*name]) {
            industries_[std::string(*row.cells[*code])] = {std::string(*row.cells[*name]), ""};
          }
        }
      }
    } catch (const core::Error&) {
      // Without the class table, industry codes are shown as they are.
    }
  }
}

QString FieldDisplay::label(std::string_view field, render::Language language) {
  for (const Alias& a : kAliases) {
    if (a.field == field) return qs(std::string(language == render::Language::Zh ? a.zh : a.en));
  }
  return qs(std::string(field));
}

bool FieldDisplay::isQuantity(std::string_view field) { return quantityOf(field) != nullptr; }

const FieldDisplay::Name* FieldDisplay::codeName(std::string_view field, const std::string& code) const {
  const std::map<std::string, Name, std::less<>>* table = nullptr;
  if (field == "county_code" || field == "overlay_county") table = &counties_;
  else if (field == "prefecture_code" || field == "overlay_prefecture") table = &prefectures_;
  else if (field == "industry_code") table = &industries_;
  else if (field == "material" || field == "material_code") table = &materials_;
  else if (field == "park_id" || field == "host_park_id") table = &parks_;
  if (!table) return nullptr;
  const auto it = table->find(code);
  return it == table->end() ? nullptr : &it->second;
}

QString FieldDisplay::value(std::string_view field, const core::Value& value, render::Language language) const {
  const bool zh = language == render::Language::Zh;
  if (const auto number = core::toNumber(value); number && !isYearOrCode(field)) {
    if (const Quantity* q = quantityOf(field)) return formatQuantity(*number, q->decimals, qs(std::string(q->unit)));
    if (std::holds_alternative<std::int64_t>(value)) return QLocale().toString(static_cast<qlonglong>(*number));
    const double a = std::abs(*number);
    return formatQuantity(*number, a >= 100 ? 0 : a >= 1 ? 2 : 3);
  }
  const std::string text = core::toString(value);
  if (text.empty()) return {};
  for (const StateText& s : kStates) {
    if (s.field == field && s.value == text) return qs(std::string(zh ? s.zh : s.en));
  }
  if (const Name* name = codeName(field, text)) {
    const std::string& shown = zh || name->en.empty() ? name->zh : name->en;
    if (!shown.empty()) return qs(shown) + QStringLiteral(" (") + qs(text) + QStringLiteral(")");
  }
  return qs(text);
}

}  // namespace circatlas::viewer
