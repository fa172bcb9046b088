// The exit codes of the `circatlas` command, documented in README.md.
#pragma once

#include "core/error.h"

namespace circatlas::cli {

enum ExitCode : int {
  kOk = 0,
  kInternalError = 1,  ///< a bug: an exception circatlas did not expect
  kUsageError = 2,     ///< bad command line or parameter (unknown option, unknown layer name, …)
  kInputError = 3,     ///< the data is wrong or unreadable (format, geometry, missing fields)
  kIoError = 4,        ///< a file is missing, unreadable or cannot be written
  kCrsError = 5,       ///< unknown coordinate system or failed transformation
};

[[nodiscard]] constexpr ExitCode exitCodeFor(core::ErrorKind kind) noexcept {
  switch (kind) {
    case core::ErrorKind::Input:
      return kInputError;
    case core::ErrorKind::Io:
      return kIoError;
    case core::ErrorKind::Crs:
      return kCrsError;
    case core::ErrorKind::Parameter:
      return kUsageError;
  }
  return kInternalError;
}

}  // namespace circatlas::cli
