// Entry point of `circatlas`: parses the command line, runs one subcommand, maps errors to exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <sstream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "io/memory_budget.h"
#include "io/output_target.h"

int main(int argc, char** argv) {
  using namespace circatlas;
  CLI::App app{"circatlas — industrial-symbiosis atlas of Gansu: parks, mining bases, residues and exchange partners",
               "circatlas"};
  app.set_version_flag("--version", std::string("circatlas ") + CIRCATLAS_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input data, 4 I/O failure, 5 CRS error.");

  // The data, styles and layers folders: read from the environment here, once, and passed down.
  const core::DataPaths paths = core::DataPaths::fromEnvironment();
  cli::Action action;
  cli::addInfoCommand(app, action, paths);
  cli::addValidateCommand(app, action, paths);
  cli::addSynthCommand(app, action, paths);
  cli::addFigureCommand(app, action, paths);
  cli::addAtlasCommand(app, action, paths);
  cli::addExportCommand(app, action, paths);
  cli::addPartnersCommand(app, action, paths);
  cli::addAllocateCommand(app, action, paths);
  cli::addWhatIfCommand(app, action, paths);
  cli::addOverlayCommand(app, action, paths);
  cli::addHotspotsCommand(app, action, paths);
  cli::addClusterCommand(app, action, paths);
  cli::addRouteCommand(app, action, paths);
  cli::addDistancesCommand(app, action, paths);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = app.exit(e, out, err);
    std::cout << io::maskSecrets(out.str());
    std::cerr << io::maskSecrets(err.str());
    return code == 0 ? cli::kOk : cli::kUsageError;
  }

  try {
    // The budget is read once, now: a malformed CIRCATLAS_MEMORY_LIMIT fails before any work, and
    // memory the command takes later does not shrink it.
    if (action) (void)io::memoryBudget();
    if (action) action();
    std::cout.flush();
    return std::cout ? cli::kOk : cli::kIoError;
  } catch (const core::Error& e) {
    // Connection strings may carry passwords: no message prints one.
    std::cerr << "circatlas: " << core::toString(e.kind()) << ": " << io::maskSecrets(e.what()) << '\n';
    return cli::exitCodeFor(e.kind());
  } catch (const std::bad_alloc&) {
    // Whatever ran out (a layer past its estimate, a result, GDAL): the budget's message and exit code.
    std::cerr << "circatlas: " << core::toString(core::ErrorKind::Io) << ": " << io::outOfMemoryMessage() << '\n';
    return cli::kIoError;
  } catch (const std::filesystem::filesystem_error& e) {
    // A file-system failure not caught nearer (a loop of symbolic links, a vanished folder) is I/O, not a bug.
    std::cerr << "circatlas: " << core::toString(core::ErrorKind::Io) << ": " << io::maskSecrets(e.path1().string())
              << ": " << e.code().message() << '\n';
    return cli::kIoError;
  } catch (const std::exception& e) {
    std::cerr << "circatlas: internal error: " << io::maskSecrets(e.what()) << '\n';
    return cli::kInternalError;
  }
}
