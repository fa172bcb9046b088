// What each facility puts out and takes in: declared flows, estimates from capacity × the coefficient table, and flows
// inferred from the industry code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layer.h"

namespace circatlas::tools {

/// Whether a facility counts in a planning year.
enum class Activity {
  Active,    ///< produces and absorbs
  Inactive,  ///< retired, mothballed, not yet built or already closed in that year
  Planned,   ///< under construction or proposed: enters only what-if
};

/// Activity of enterprises row `row` in `year`, with the reason in words in `why` when given.
/// Rules: start_year after the year → not yet operating (Planned when op_status says
/// under_construction/proposed, else Inactive); end_year at or before the year → Inactive;
/// op_status retired/mothballed → Inactive unless an end_year after the planning year says it
/// was still running then; under_construction/proposed → Planned unless start_year is at or
/// before the year; operating, unknown or empty → Active.
[[nodiscard]] Activity activityOf(const core::Layer& enterprises, std::size_t row, int year,
                                  std::string* why = nullptr);

/// activityOf for the rows of one layer, its fields (op_status, start_year, end_year) looked up once:
/// for loops over a million rows. The layer must outlive it.
class ActivityOf {
 public:
  explicit ActivityOf(const core::Layer& enterprises);
  [[nodiscard]] Activity operator()(std::size_t row, int year, std::string* why = nullptr) const;

 private:
  const core::Layer& enterprises_;
  std::optional<std::size_t> status_, start_, end_;
};

/// A capacity parsed from `capacity` + `capacity_unit`.
struct Capacity {
  double amount = 0.0;  ///< in `basis` units: MW, or tonnes of `product` per year
  std::string basis;    ///< "MW" or "t/a"
  std::string product;  ///< for t/a: what is counted ("cement", "crude steel"); empty for MW
};

/// Parses "MW", "<t|kt|Mt>/a <product>" and "t/d <product>" (× operatingDays); a trailing
/// "(...)" and "line" are ignored. nullopt for anything else.
[[nodiscard]] std::optional<Capacity> parseCapacity(double amount, const std::string& unit, double operatingDays);

/// One flow of one enterprise, as the partner search sees it.
struct FacilityFlow {
  std::size_t enterpriseRow = 0;
  std::string material;
  bool output = true;
  std::optional<double> quantity;      ///< per year in the material's unit; nullopt = present, quantity unknown
  std::string basis;                   ///< reported | estimated | inferred (flows.csv's basis, or ours)
  std::optional<std::size_t> flowRow;  ///< its row in the flows table (flows.csv); none: from industry_profiles.csv
  std::string method;                  ///< how the quantity was made, with the numbers
  std::string source;                  ///< citation of the coefficient or the declared flow
  std::optional<double> low, high;     ///< plausible range of an estimate (from factor_low/high)

  /// From flows.csv (declared by the enterprise), not made from its industry's profile.
  [[nodiscard]] bool declared() const noexcept { return flowRow.has_value(); }
};

struct EstimateOptions {
  double operatingDaysPerYear = 310.0;
  /// Only the flows with a quantity, declared or estimated: no `inferred` flows (which have none).
  /// For totals of tonnes, where a flow without quantity adds nothing and a million of them cost
  /// a million method texts.
  bool quantifiedOnly = false;
};

/// A flow reduced to what totals of tonnes add up (overlay, hotspots): its enterprise, material,
/// direction and quantity; no texts, no range.
struct FlowAmount {
  std::size_t enterpriseRow = 0;  ///< its enterprise's row in the enterprises layer
  std::string material;
  bool output = true;
  double quantity = 0.0;  ///< per year in the material's unit
};

/// Every flow of every enterprise in `rows`: the declared flows of flows.csv, then for every
/// profile row (industry_profiles.csv) whose industry prefix starts the enterprise's industry
/// code and whose fuel condition holds (the most specific prefix per material and role), unless
/// the enterprise declares that material in that direction: with a capacity in the row's
/// capacity unit and a factor, an `estimated` flow = capacity × factor; otherwise, for an
/// enterprise that declares no flows at all (its declared flows are taken as its own list), an
/// `inferred` flow without quantity. `profiles` may be null (declared flows only).
[[nodiscard]] std::vector<FacilityFlow> facilityFlows(const core::Layer& enterprises,
                                                      const std::vector<std::size_t>& rows, const core::Layer& flows,
                                                      const core::Layer* profiles, const EstimateOptions& options = {});

/// facilityFlows' flows that have a quantity (declared, or estimated from capacity), in the same order
/// with the same numbers, as FlowAmounts (`options.quantifiedOnly` is implied): for a million registry
/// rows, a third of the memory and none of the method and source texts.
[[nodiscard]] std::vector<FlowAmount> flowAmounts(const core::Layer& enterprises, const std::vector<std::size_t>& rows,
                                                  const core::Layer& flows, const core::Layer* profiles,
                                                  const EstimateOptions& options = {});

}  // namespace circatlas::tools
