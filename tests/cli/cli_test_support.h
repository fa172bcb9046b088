// What the CLI tests share: the circatlas executable under test, running it in a folder, and
// checking its output. CIRCATLAS_EXE is defined by tests/CMakeLists.txt for the CLI test binaries.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace circatlas::test {

/// The circatlas executable under test, quoted for the shell.
inline std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

/// Runs `circatlas ARGS` with `dir` as the working folder, so messages carry short names.
inline CommandResult in(const TempDir& dir, const std::string& args) {
  return runCommand("cd '" + dir.path().string() + "' && " + exe() + " " + args);
}

}  // namespace circatlas::test

/// Expects `fragment` in a command's output, printing the whole output when it is missing.
#define EXPECT_OUTPUT_HAS(result, fragment) \
  EXPECT_NE((result).output.find(fragment), std::string::npos) << "missing: " << (fragment) << "\n" << (result).output
