// `circatlas <analysis> --help` shows the declared defaults (tools/analysis_specs.h): one default, in one place.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cli/cli_test_support.h"
#include "test_support.h"
#include "tools/analysis_specs.h"

namespace circatlas {
namespace {

using test::exe;

/// The help of one option: its line and the continuation lines up to the next option.
std::string optionBlock(const std::string& help, const std::string& option) {
  const std::regex start("\\n\\s+(-\\w,)?" + option + "[ =\\n]");
  std::smatch m;
  if (!std::regex_search(help, m, start)) return {};
  const std::size_t from = static_cast<std::size_t>(m.position(0)) + 1;
  const std::size_t next = help.find("\n  -", from);
  return help.substr(from, next == std::string::npos ? std::string::npos : next - from);
}

TEST(AnalysisDefaults, EveryCommandOffersTheDeclaredOptionsWithTheDeclaredDefaults) {
  std::size_t shown = 0;
  for (const auto& analysis : tools::analyses()) {
    const auto r = test::runCommand(exe() + " " + std::string(analysis.id) + " --help");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const auto& p : analysis.parameters) {
      const std::string option = "--" + std::string(p.name);
      const std::string block = optionBlock(r.output, option);
      SCOPED_TRACE(std::string(analysis.id) + " " + option);
      if (!p.option) {
        EXPECT_TRUE(block.empty()) << "a tool setting is offered as an option: declare it one";
        continue;
      }
      ASSERT_FALSE(block.empty()) << r.output;
      if (p.unit == tools::ParameterUnit::Flag) continue;
      const std::string firstLine = block.substr(0, block.find('\n'));
      std::smatch m;
      if (std::regex_search(firstLine, m, std::regex("=(\\S+)"))) {
        EXPECT_EQ(m[1].str(), tools::defaultText(p)) << block;  // CLI11's captured default
        ++shown;
      } else if (p.number == 0 && p.unit == tools::ParameterUnit::Count) {
        EXPECT_NE(block.find("default:"), std::string::npos) << "an unset default says where it comes from: " << block;
      } else {
        EXPECT_NE(block.find(tools::defaultText(p)), std::string::npos) << "the help names the default: " << block;
      }
    }
  }
  EXPECT_GE(shown, 10U);
}

}  // namespace
}  // namespace circatlas
