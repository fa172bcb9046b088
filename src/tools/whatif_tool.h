// WhatIfTool: switch proposed projects on, one at a time, and measure what each changes in the allocation.
#pragma once

#include <string>
#include <vector>

#include "tools/partners_tool.h"

namespace circatlas::tools {

struct WhatIfParams {
  std::vector<std::string> projectIds;  ///< empty: every project that has flows
  PartnersParams partners;              ///< distances, detour factor … (topK is ignored)
};

struct WhatIfResult {
  /// Table, one row per project and material it takes or puts out: matched units, utilisation
  /// and transport without and with the project, and the change — the number a planner needs
  /// to rank proposals.
  core::Layer table;
  std::string parameters;
};

/// Projects are the rows of projects.csv and every enterprise under construction or proposed in
/// the planning year (switched on with its declared and estimated flows). Each row says why the
/// change is what it is (partners in reach, quantities unknown, capacity taken by nearer exchanges).
/// For each project: the project becomes one more site (its point) with its project_flows as
/// inputs (a new receiver of that capacity) or outputs (a new supply); the allocation runs with
/// and without it. Throws core::ParameterError for an unknown project id. Reports per project to
/// `progress` when given and throws core::Cancelled between projects when it asks to stop.
[[nodiscard]] WhatIfResult runWhatIf(const CatalogueInput& base, const core::Layer& projects,
                                     const core::Layer& projectFlows, const WhatIfParams& params,
                                     core::Progress* progress = nullptr);

}  // namespace circatlas::tools
