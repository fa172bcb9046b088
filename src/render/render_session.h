// Qt for headless rendering: a QGuiApplication on the offscreen platform and the map fonts.
#pragma once

class QFont;

namespace circatlas::render {

/// Makes sure a QGuiApplication exists (creating one on the "offscreen" platform when there is
/// none, for the lifetime of the process) and that the map fonts are installed: "DejaVu Sans"
/// for Latin text and digits, "Noto Sans CJK SC" for Chinese (Debian fonts-dejavu-core and
/// fonts-noto-cjk). Throws core::IoError naming a missing font family. Call from the main thread
/// before rendering; cheap after the first call.
void ensureRenderSession();

/// The map font at sizePt points for output at dpi: Latin from DejaVu Sans (its glyphs map back
/// to text in PDFs), Chinese falling back to Noto Sans CJK SC. Pixel-sized, so the same figure
/// lays out identically on every back end.
[[nodiscard]] QFont mapFont(double sizePt, double dpi, bool bold = false);

}  // namespace circatlas::render
