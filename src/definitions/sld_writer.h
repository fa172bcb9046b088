// Our style as an OGC Styled Layer Descriptor 1.1 (Symbology Encoding) for clients other than QGIS.
#pragma once

#include <string>

#include "render/style.h"

namespace circatlas::definitions {

/// An SLD 1.1 document (se: symbolizers, ogc: filters) for the layer `layerName`: one rule per
/// class (equality, LIKE 'v%' for prefix matching, [min, max) ranges; a categorised class also
/// excludes what an earlier, overlapping class takes, since SLD draws every matching rule where
/// our first class wins), a rule for `other` with the negation of all classes or NULL (no ElseFilter: QGIS ignores
/// it), a TextSymbolizer rule for the labels, scale ranges as Min/MaxScaleDenominator.
/// Millimetres become pixels of the standard 0.28 mm; label font sizes (points in our styles and
/// in QML) become whole pixels, as QGIS writes and reads them (7 pt → 9 px). Data-defined sizes are not expressed (each
/// class keeps its own width). Written with QXmlStreamWriter.
[[nodiscard]] std::string toSld(const render::Style& style, const std::string& layerName, render::Language language);

}  // namespace circatlas::definitions
