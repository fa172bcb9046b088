// The registry a command works on: the built-in catalogue, a user's folder of catalogue tables, or
// a single-file or PG: registry read with the registry read options.
#pragma once

#include <optional>
#include <string>

#include "catalogue/catalogue.h"
#include "tools/catalogue_inputs.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// --registry SOURCE (alias --catalogue), --layer, the registry read options, --with-builtin.
struct CatalogueSource {
  tools::CatalogueRequest request;    ///< request.source.path empty: the built-in data/catalogue
  std::string option = "--registry";  ///< the option the user typed (--registry or --catalogue), for messages
};

/// Adds --registry (alias --catalogue), --layer, the registry read options (--lon-field,
/// --lat-field, --coords, --encoding, --field, --mapping; see addRegistryReadOptions) and
/// --with-builtin to an analysis command.
void addCatalogueOption(CLI::App& cmd, CatalogueSource& source);

/// The registry of the source (tools::loadCatalogue). Partner inputs, defaults and effective
/// flows come from tools/catalogue_inputs.h, the one path the viewer uses too.
[[nodiscard]] catalogue::Catalogue loadCatalogue(const CatalogueSource& source, const core::DataPaths& paths);

/// Prints which registry the analysis runs on (tools::describeOrigin) to stdout; nothing for the
/// built-in catalogue.
void printOrigin(const catalogue::Catalogue& registry);

/// The registry of a source, loaded (and its origin printed) at the first get() and kept: a
/// command that looks up several places in it (route, distances) reads it once.
class RegistryOnDemand {
 public:
  RegistryOnDemand(const CatalogueSource& source, const core::DataPaths& paths) : source_(source), paths_(paths) {}
  [[nodiscard]] const catalogue::Catalogue& get();
  [[nodiscard]] const CatalogueSource& source() const { return source_; }
  /// The registry when get() has read it, else null (every place was a file or coordinates).
  [[nodiscard]] const catalogue::Catalogue* loaded() const { return loaded_ ? &*loaded_ : nullptr; }

 private:
  const CatalogueSource& source_;
  const core::DataPaths& paths_;
  std::optional<catalogue::Catalogue> loaded_;
};

}  // namespace circatlas::cli
