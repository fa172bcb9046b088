// Declared, estimated and inferred flows of facilities, from flows.csv and the coefficient table.
#include "tools/flow_estimates.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/parallel.h"
#include "tools/layer_fields.h"
#include "tools/rows_by_text.h"

namespace circatlas::tools {

namespace {

core::Value optional(const core::Layer& l, std::size_t i, std::string_view field) {
  const auto col = l.schema().indexOf(field);
  return col ? l[i].values[*col] : core::Value();
}

std::string optionalText(const core::Layer& l, std::size_t i, std::string_view field) {
  return core::toString(optional(l, i, field));
}

// A year column, typed or still text (a registry whose schema does not declare it).
std::optional<int> year(const core::Layer& l, std::size_t i, std::optional<std::size_t> field) {
  if (!field) return std::nullopt;
  const core::Value& v = l[i].values[*field];
  if (const auto n = number(v)) return static_cast<int>(*n);
  const std::string t = core::toString(v);
  int y = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), y);
  if (ec == std::errc{} && end == t.data() + t.size() && !t.empty()) return y;
  return std::nullopt;
}

std::string trim(std::string s) {
  const auto notSpace = [](unsigned char c) { return std::isspace(c) == 0; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
  s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// "12345.6" → "12,346": quantities in methods are read by people.
std::string grouped(double v) {
  std::string digits = fmt("%.0f", v);
  std::string out;
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The fuel condition of a profile row ("coal;unknown"): empty = any fuel.
bool fuelMatches(const std::string& condition, const std::string& fuel) {
  if (condition.empty()) return true;
  const std::string want = fuel.empty() ? "unknown" : lower(trim(fuel));
  std::size_t start = 0;
  while (start <= condition.size()) {
    const std::size_t end = std::min(condition.find(';', start), condition.size());
    if (lower(trim(condition.substr(start, end - start))) == want) return true;
    start = end + 1;
  }
  return false;
}

struct ProfileRow {
  std::size_t row;
  std::string industry, fuel, material, unit;
  bool output;
  std::optional<double> factor, low, high;
  std::optional<Capacity> perUnit;  // the capacity unit parsed (1 unit), when it parses
  std::string source;               // the citation every flow made from this row carries
};

// A quantity not known (yet) in a FlowAmount, whose quantity is a plain double: such flows are dropped
// before flowAmounts returns. FacilityFlow says it with an empty optional.
constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

bool known(const FacilityFlow& f) { return f.quantity.has_value(); }
bool known(const FlowAmount& f) { return !std::isnan(f.quantity); }
void setQuantity(FacilityFlow& f, std::optional<double> q) { f.quantity = q; }
void setQuantity(FlowAmount& f, std::optional<double> q) { f.quantity = q.value_or(kUnknown); }

// The declared flows (the first of facilityFlows' result) by enterprise row: each row's flows as a
// range of indices, so finding one by material and direction reads a few neighbouring entries.
template <class Flow>
class DeclaredByRow {
 public:
  // `declared` may grow afterwards (the estimates are appended); its first elements keep their
  // material and direction, and whether they had a quantity is taken now.
  DeclaredByRow(const std::vector<Flow>& declared, std::size_t rows)
      : flows_(declared), first_(rows + 1, 0), quantified_(declared.size()) {
    for (const auto& f : declared) ++first_[f.enterpriseRow + 1];
    for (std::size_t r = 0; r < rows; ++r) first_[r + 1] += first_[r];
    index_.resize(declared.size());
    std::vector<std::size_t> next(first_.begin(), first_.end() - 1);
    for (std::size_t i = 0; i < declared.size(); ++i) {
      index_[next[declared[i].enterpriseRow]++] = i;
      quantified_[i] = known(declared[i]);
    }
  }

  struct Found {
    bool quantified = false;                  // a declared flow with a quantity: nothing to add
    std::optional<std::size_t> unquantified;  // the last declared one without a quantity
  };

  [[nodiscard]] Found find(std::size_t row, const std::string& material, bool output) const {
    Found found;
    for (std::size_t k = first_[row]; k < first_[row + 1]; ++k) {
      const std::size_t i = index_[k];
      if (flows_[i].output != output || flows_[i].material != material) continue;
      if (quantified_[i] != 0) found.quantified = true;
      else found.unquantified = i;
    }
    return found;
  }

 private:
  const std::vector<Flow>& flows_;
  std::vector<std::size_t> first_;  // row r's flows: index_[first_[r] … first_[r + 1])
  std::vector<std::size_t> index_;  // indices into flows_, by row, in declaration order
  std::vector<char> quantified_;    // per declared flow: declared with a quantity
};

// The profile rows that apply to an industry code and fuel: per material and direction (in that
// order), the rows of the longest matching industry prefix.
using ProfileMatch = std::vector<std::pair<std::pair<std::string, bool>, std::vector<const ProfileRow*>>>;

ProfileMatch matchProfiles(const std::vector<ProfileRow>& table, const std::string& industry, const std::string& fuel) {
  std::map<std::pair<std::string, bool>, std::vector<const ProfileRow*>> best;
  for (const auto& p : table) {
    if (industry.rfind(p.industry, 0) != 0 || !fuelMatches(p.fuel, fuel)) continue;
    auto& kept = best[{p.material, p.output}];
    if (!kept.empty() && kept.front()->industry.size() > p.industry.size()) continue;
    if (!kept.empty() && kept.front()->industry.size() < p.industry.size()) kept.clear();
    kept.push_back(&p);
  }
  return {std::make_move_iterator(best.begin()), std::make_move_iterator(best.end())};
}

}  // namespace

Activity activityOf(const core::Layer& enterprises, std::size_t row, int planningYear, std::string* why) {
  return ActivityOf(enterprises)(row, planningYear, why);
}

ActivityOf::ActivityOf(const core::Layer& enterprises)
    : enterprises_(enterprises),
      status_(enterprises.schema().indexOf("op_status")),
      start_(enterprises.schema().indexOf("start_year")),
      end_(enterprises.schema().indexOf("end_year")) {}

Activity ActivityOf::operator()(std::size_t row, int planningYear, std::string* why) const {
  const std::string status = status_ ? lower(core::toString(enterprises_[row].values[*status_])) : std::string();
  const auto start = year(enterprises_, row, start_);
  const auto end = year(enterprises_, row, end_);
  const bool planned = status == "under_construction" || status == "proposed";
  auto say = [&](const std::string& text) {
    if (why) *why = text;
  };
  if (start && *start > planningYear) {
    say("not yet operating in " + std::to_string(planningYear) + " (start " + std::to_string(*start) + ")");
    return planned ? Activity::Planned : Activity::Inactive;
  }
  if (end && *end <= planningYear) {
    say("closed by " + std::to_string(planningYear) + " (end " + std::to_string(*end) + ")");
    return Activity::Inactive;
  }
  if (status == "retired" || status == "mothballed") {
    if (end && *end > planningYear) {
      say("operating in " + std::to_string(planningYear) + " (" + status + " in " + std::to_string(*end) + ")");
      return Activity::Active;
    }
    say(status);
    return Activity::Inactive;
  }
  if (planned && !start) {
    say(status);
    return Activity::Planned;
  }
  say(status.empty() ? "status unknown, taken as operating" : status);
  return Activity::Active;
}

std::optional<Capacity> parseCapacity(double amount, const std::string& unitText, double operatingDays) {
  std::string unit = trim(unitText);
  if (const auto paren = unit.find('('); paren != std::string::npos) unit = trim(unit.substr(0, paren));
  if (unit == "MW" || unit.rfind("MW ", 0) == 0) return Capacity{amount, "MW", ""};
  struct Scale {
    const char* prefix;
    double factor;
  };
  const Scale scales[] = {{"Mt/a", 1e6}, {"kt/a", 1e3}, {"t/a", 1.0}, {"t/d", operatingDays}};
  for (const auto& s : scales) {
    const std::string prefix = s.prefix;
    if (unit.rfind(prefix, 0) != 0) continue;
    std::string product = trim(unit.substr(prefix.size()));
    if (product.size() > 5 && product.substr(product.size() - 5) == " line")
      product = trim(product.substr(0, product.size() - 5));
    return Capacity{amount * s.factor, "t/a", lower(product)};
  }
  return std::nullopt;
}

namespace {

// facilityFlows and flowAmounts: the same flows, made as FacilityFlows with every text or as FlowAmounts
// (quantified only, no texts, no range; those whose quantity stays unknown are dropped by the caller).
template <class Flow>
std::vector<Flow> collectFlows(const core::Layer& enterprises, const std::vector<std::size_t>& rows,
                               const core::Layer& flows, const core::Layer* profiles, EstimateOptions options) {
  constexpr bool kTexts = std::is_same_v<Flow, FacilityFlow>;
  if constexpr (!kTexts) options.quantifiedOnly = true;
  const std::size_t idField = enterprises.schema().require("id");
  RowsByText rowOf(rows.size());
  for (const std::size_t r : rows) rowOf.add(enterprises[r].values[idField], r);

  std::vector<Flow> out;
  // Room for the declared flows and, unless only quantities are wanted (then few enterprises add
  // any), about two inferred ones per enterprise.
  out.reserve(flows.size() + (profiles && !options.quantifiedOnly ? 2 * rows.size() : 0));
  const core::Schema& flowSchema = flows.schema();
  const std::size_t enterpriseField = flowSchema.require("enterprise_id");
  const std::size_t materialField = flowSchema.require("material_code");
  const std::size_t directionField = flowSchema.require("direction");
  const std::size_t quantityField = flowSchema.require("quantity");
  const auto basisField = flowSchema.indexOf("basis");
  const auto methodField = flowSchema.indexOf("method");
  const auto sourceField = flowSchema.indexOf("source");
  const auto cell = [](const core::Feature& row, std::optional<std::size_t> field) {
    return field ? core::toString(row.values[*field]) : std::string();
  };
  // Each flow's enterprise row, looked up on every core: a million look-ups into a million ids are
  // a cache miss or two each (kNone: not among `rows`).
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> enterpriseOf(flows.size(), kNone);
  core::parallelFor(flows.size(), 0, 1 << 14, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (const auto row = rowOf.find(flows[i].values[enterpriseField])) enterpriseOf[i] = *row;
    }
  });
  // The flows of known enterprises, in order, made side by side into their places.
  std::vector<std::size_t> ofKnown;
  ofKnown.reserve(flows.size());
  for (std::size_t i = 0; i < flows.size(); ++i) {
    if (enterpriseOf[i] != kNone) ofKnown.push_back(i);
  }
  out.resize(ofKnown.size());
  core::parallelFor(ofKnown.size(), 0, 1 << 13, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t i = ofKnown[k];
      const core::Feature& row = flows[i];
      Flow& f = out[k];
      f.enterpriseRow = enterpriseOf[i];
      f.material = core::toString(row.values[materialField]);
      const auto* direction = std::get_if<core::Text>(&row.values[directionField]);
      f.output = direction ? *direction == "output" : core::toString(row.values[directionField]) == "output";
      setQuantity(f, number(row.values[quantityField]));
      if constexpr (kTexts) {
        f.flowRow = i;
        f.basis = cell(row, basisField);
        if (f.basis.empty()) f.basis = "reported";
        f.method = cell(row, methodField);
        f.source = cell(row, sourceField);
      }
    }
  });
  if (!profiles) return out;
  // A declared flow without a quantity says the plant has it but not how much: the profiles may
  // still estimate the quantity below.
  const DeclaredByRow<Flow> declared(out, enterprises.size());

  std::vector<ProfileRow> table;
  table.reserve(profiles->size());
  for (std::size_t i = 0; i < profiles->size(); ++i) {
    ProfileRow p{i,
                 text(*profiles, i, "industry"),
                 optionalText(*profiles, i, "fuel"),
                 text(*profiles, i, "material_code"),
                 optionalText(*profiles, i, "capacity_unit"),
                 text(*profiles, i, "role") == "output",
                 number(optional(*profiles, i, "factor")),
                 number(optional(*profiles, i, "factor_low")),
                 number(optional(*profiles, i, "factor_high")),
                 std::nullopt,
                 {}};
    if (!p.unit.empty()) p.perUnit = parseCapacity(1.0, p.unit, options.operatingDaysPerYear);
    p.source = "industry_profiles.csv (" + p.industry + " " + p.material + " " + (p.output ? "output" : "input") +
               "): " + text(*profiles, i, "source");
    table.push_back(std::move(p));
  }
  std::vector<char> declaresFlows(enterprises.size(), 0);
  for (const auto& f : out) declaresFlows[f.enterpriseRow] = 1;
  // The rows that apply depend only on the industry code and the fuel: matched once per pair.
  std::unordered_map<std::string, ProfileMatch> matches;
  const core::Schema& siteSchema = enterprises.schema();
  const auto industryField = siteSchema.indexOf("industry_code");
  const auto fuelField = siteSchema.indexOf("fuel");
  const auto capacityField = siteSchema.indexOf("capacity");
  const auto unitField = siteSchema.indexOf("capacity_unit");
  if (!industryField) return out;  // nothing to match the profiles with
  for (const std::size_t r : rows) {
    const core::Feature& site = enterprises[r];
    const auto amount = capacityField ? number(site.values[*capacityField]) : std::nullopt;
    if (!amount && options.quantifiedOnly) continue;  // nothing to estimate from, and nothing inferred
    const std::string industry = core::toString(site.values[*industryField]);
    if (industry.empty()) continue;
    // Declared flows are taken as the enterprise's own list: the profiles then only put numbers on
    // them and add estimates from capacity; flows without quantity are inferred only for an
    // enterprise that declares none.
    const bool inferOthers = declaresFlows[r] == 0;
    const std::string fuel = cell(site, fuelField);
    const std::string unit = amount ? cell(site, unitField) : std::string();
    const auto capacity = amount ? parseCapacity(*amount, unit, options.operatingDaysPerYear) : std::nullopt;
    if (!capacity && options.quantifiedOnly) continue;  // nothing to estimate from, and nothing inferred
    std::string matchKey = industry;
    matchKey.append(1, '\0').append(fuel);
    auto match = matches.find(matchKey);
    if (match == matches.end()) match = matches.emplace(matchKey, matchProfiles(table, industry, fuel)).first;
    for (const auto& [key, candidates] : match->second) {
      // A row whose capacity unit matches the enterprise's capacity and has a factor gives a
      // quantity; otherwise the flow is present with its quantity unknown.
      const ProfileRow* estimate = nullptr;
      for (const ProfileRow* p : candidates) {
        if (!p->factor || !capacity || !p->perUnit) continue;
        const auto& wanted = p->perUnit;
        if (wanted->basis == capacity->basis && wanted->product == capacity->product) {
          estimate = p;
          break;
        }
      }
      // Without an estimate: nothing to add to a declared flow, and inferred flows only for an
      // enterprise that declares none (and not at all when only quantities are wanted).
      if (!estimate && (!inferOthers || options.quantifiedOnly)) continue;
      const auto found = declared.find(r, key.first, key.second);
      if (found.quantified) continue;
      const auto open = found.unquantified;
      if (open && !estimate) continue;  // declared, and nothing to add
      Flow f;
      f.enterpriseRow = r;
      f.material = key.first;
      f.output = key.second;
      setQuantity(f, estimate ? std::optional(capacity->amount * *estimate->factor) : std::nullopt);
      // The texts and the range are for the reports; totals need only the numbers.
      if constexpr (kTexts) {
        f.source = (estimate ? estimate : candidates.front())->source;
        if (estimate) {
          if (estimate->low) f.low = capacity->amount * *estimate->low;
          if (estimate->high) f.high = capacity->amount * *estimate->high;
          f.basis = "estimated";
          const std::string capacityText = grouped(*amount) + " " + unit +
                                           (capacity->basis == "t/a" ? " = " + grouped(capacity->amount) + " t/a" : "");
          f.method = "estimated: " + capacityText + " × " + fmt("%g", *estimate->factor) + " = " +
                     grouped(*f.quantity) + " (" + text(*profiles, estimate->row, "method") + ")";
          if (f.low && f.high) f.method += "; plausible " + grouped(*f.low) + "–" + grouped(*f.high);
        } else {
          f.basis = "inferred";
          f.method =
              "inferred from industry " + industry + ", quantity unknown" +
              (capacity || !amount ? std::string() : std::string(" (capacity unit '" + unit + "' not in the table)"));
        }
      }
      if (open) {
        // Keep the declaration, add the estimated quantity.
        Flow& d = out[*open];
        d.quantity = f.quantity;
        if constexpr (kTexts) {
          d.low = f.low;
          d.high = f.high;
          d.method = (d.method.empty() ? "declared, quantity not given" : d.method) + "; quantity " + f.method;
          d.source += (d.source.empty() ? "" : "; ") + f.source;
          d.basis = "estimated";
        }
        continue;
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace

std::vector<FacilityFlow> facilityFlows(const core::Layer& enterprises, const std::vector<std::size_t>& rows,
                                        const core::Layer& flows, const core::Layer* profiles,
                                        const EstimateOptions& options) {
  return collectFlows<FacilityFlow>(enterprises, rows, flows, profiles, options);
}

std::vector<FlowAmount> flowAmounts(const core::Layer& enterprises, const std::vector<std::size_t>& rows,
                                    const core::Layer& flows, const core::Layer* profiles,
                                    const EstimateOptions& options) {
  std::vector<FlowAmount> out = collectFlows<FlowAmount>(enterprises, rows, flows, profiles, options);
  std::erase_if(out, [](const FlowAmount& f) { return !known(f); });
  return out;
}

}  // namespace circatlas::tools
