// Our style as a QGIS layer style (.qml): the renderer, its symbols and the labels.
#pragma once

#include <string>

#include "render/style.h"

namespace circatlas::definitions {

/// The QGIS version the .qml styles and the .qgs project say they were written for: Debian 12's
/// QGIS (3.22), the oldest the files are checked with (scripts/qgis_check.py); later versions read them.
inline constexpr const char* kQgisVersion = "3.22.0";

}  // namespace circatlas::definitions

namespace circatlas::definitions {

/// A QGIS style document (the content of a .qml file and of layer_styles.styleQML) for the
/// style, with legend and label texts in `language`:
/// - single → renderer-v2 singleSymbol;
/// - categorised, exact match → categorizedSymbol, one category per class (a class of several
///   values becomes one category holding them all), `other` as the "all other values" category;
/// - categorised, prefix match → RuleRenderer with `"field" LIKE 'v%'` rules and an ELSE rule,
///   since QGIS categories match whole values only;
/// - graduated → graduatedSymbol with one range per class (open ends as ±max double). QGIS
///   ranges include their upper bound where ours include the lower: values exactly on a class
///   break fall one class apart;
/// - size_by → a scale_linear() data-defined size (markers) or width (lines);
/// - labels → simple labeling (field of the language, size, bold, colour, halo, placement,
///   priority 0–100 as QGIS's 0–10, scale range); scale ranges → scale-based visibility.
/// Sizes are in millimetres, as in our styles. Written with QXmlStreamWriter.
[[nodiscard]] std::string toQml(const render::Style& style, render::Language language);

}  // namespace circatlas::definitions
