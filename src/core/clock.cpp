// Formats the system clock with strftime: the local date, or the UTC time.
#include "core/clock.h"

#include <ctime>

namespace circatlas::core {
namespace {

std::string format(const char* pattern, bool utc) {
  const std::time_t now = std::time(nullptr);
  std::tm t{};
  if (utc) {
    gmtime_r(&now, &t);
  } else {
    localtime_r(&now, &t);
  }
  char buf[32];
  std::strftime(buf, sizeof buf, pattern, &t);
  return buf;
}

}  // namespace

std::string localDateIso() { return format("%Y-%m-%d", false); }

std::string utcTimestampIso() { return format("%Y-%m-%dT%H:%M:%SZ", true); }

}  // namespace circatlas::core
