// Today's date and the current time as ISO 8601 text, for map dates and export metadata.
#pragma once

#include <string>

namespace circatlas::core {

/// Today's date in the local time zone, "2026-12-04" (the date printed on a figure).
[[nodiscard]] std::string localDateIso();

/// The current time in UTC to the second, "2026-12-04T17:01:37Z" (export metadata).
[[nodiscard]] std::string utcTimestampIso();

}  // namespace circatlas::core
