// Style files as choices for a layer (see style_choice.h).
#include "viewer/style_choice.h"

#include <algorithm>

#include "core/error.h"
#include "definitions/style_parser.h"

namespace circatlas::viewer {
StyleLibrary loadStyleLibrary(const std::filesystem::path& dir) {
  StyleLibrary library;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) library.problems.push_back(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    try {
      library.styles.push_back(std::make_shared<const render::Style>(definitions::parseStyleFile(file)));
    } catch (const core::Error& e) {
      library.problems.emplace_back(e.what());
    }
  }
  return library;
}

std::string styleMismatch(const render::Style& style, const core::Layer& layer) {
  if (!render::draws(style.geometry, layer.geometryType())) {
    return "style '" + style.name + "' draws " + render::toString(style.geometry) + ", layer '" + layer.name() +
           "' has " + std::string(core::toString(layer.geometryType()));
  }
  const auto needs = [&](const std::string& field) -> std::string {
    if (field.empty() || layer.schema().indexOf(field)) return {};
    return "style '" + style.name + "' reads field '" + field + "', which layer '" + layer.name() + "' lacks";
  };
  if (style.renderer != render::SymbolRenderer::Single) {
    if (auto why = needs(style.field); !why.empty()) return why;
  }
  if (style.sizeBy) {
    if (auto why = needs(style.sizeBy->field); !why.empty()) return why;
  }
  if (style.label) {
    for (const std::string* field :
         {&style.label->field.zh, &style.label->field.en, &style.label->rankField, &style.label->rankPer}) {
      if (auto why = needs(*field); !why.empty()) return why;
    }
  }
  return {};
}

std::vector<std::shared_ptr<const render::Style>> stylesFor(const StyleLibrary& library, const core::Layer& layer) {
  std::vector<std::shared_ptr<const render::Style>> fitting;
  for (const auto& style : library.styles) {
    if (styleMismatch(*style, layer).empty()) fitting.push_back(style);
  }
  return fitting;
}

}  // namespace circatlas::viewer
