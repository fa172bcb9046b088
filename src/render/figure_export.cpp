// The three back ends: QImage (PNG), QPdfWriter (PDF) and QSvgGenerator (SVG) share one draw path.
#include "render/figure_export.h"

#include <QBuffer>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>
#include <QSvgGenerator>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "core/error.h"
#include "core/staging_path.h"

namespace circatlas::render {

namespace {

// Qt builds a PDF font's ToUnicode map by searching the font's cmap upwards from U+0000, so a
// glyph that a CJK radical (U+2E80–U+2FDF) shares with an ideograph (金, 山, 白, 甘, 黄, 马 in Noto
// Sans CJK) is mapped to the radical, and copying "甘肃" out of the PDF gives "⽢肃". The map below
// sends each such radical back to the ideograph with the same glyph in the CJK font we draw with.
const std::unordered_map<int, int>& radicalToIdeograph() {
  static const std::unordered_map<int, int> map = [] {
    std::unordered_map<int, int> out;
    QFont cjk(QStringLiteral("Noto Sans CJK SC"));
    cjk.setPixelSize(10);
    const QRawFont font = QRawFont::fromFont(cjk, QFontDatabase::SimplifiedChinese);
    auto glyphOf = [&font](int cp) -> quint32 {
      const QString s = QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1);
      const auto glyphs = font.glyphIndexesForString(s);
      return glyphs.isEmpty() ? 0 : glyphs.front();
    };
    std::unordered_map<quint32, int> ideographOfGlyph;
    for (int cp = 0x4E00; cp <= 0x9FFF; ++cp) {
      const quint32 g = glyphOf(cp);
      if (g != 0) ideographOfGlyph.emplace(g, cp);
    }
    for (int cp = 0x2E80; cp <= 0x2FDF; ++cp) {
      const quint32 g = glyphOf(cp);
      if (g == 0) continue;
      if (const auto it = ideographOfGlyph.find(g); it != ideographOfGlyph.end()) out.emplace(cp, it->second);
    }
    return out;
  }();
  return map;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Rewrites <2Fxx> destinations inside the PDF's ToUnicode CMaps (Qt writes them uncompressed)
// in place: same length, so object offsets stay valid.
void fixToUnicode(QByteArray& pdf) {
  const auto& radicals = radicalToIdeograph();
  qsizetype from = 0;
  while ((from = pdf.indexOf("beginbfrange", from)) >= 0) {
    const qsizetype end = pdf.indexOf("endbfrange", from);
    if (end < 0) break;
    for (qsizetype i = from; i + 5 < end; ++i) {
      if (pdf[i] != '<' || pdf[i + 5] != '>') continue;
      int v = 0;
      bool ok = true;
      for (int k = 1; k <= 4; ++k) {
        const int h = hexValue(pdf[i + k]);
        if (h < 0) ok = false;
        v = v * 16 + std::max(h, 0);
      }
      if (!ok || v < 0x2E80 || v > 0x2FDF) continue;
      const auto it = radicals.find(v);
      if (it == radicals.end()) continue;
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", it->second);
      for (int k = 0; k < 4; ++k) pdf[i + 1 + k] = buf[k];
    }
    from = end;
  }
}

std::filesystem::path temporaryBeside(const std::filesystem::path& target) { return core::stagingPathBeside(target); }

void commit(const std::filesystem::path& tmp, const std::filesystem::path& target) {
  std::error_code ec;
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw core::IoError(target.string() + ": cannot write file (" + ec.message() + ")");
  }
}

void checkFolder(const std::filesystem::path& target) {
  const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  if (!std::filesystem::is_directory(dir)) throw core::IoError(target.string() + ": folder does not exist");
}

void writePdf(std::span<const FigurePage> pages, const std::filesystem::path& tmp, const std::filesystem::path& target,
              FigureReport* firstReport) {
  {
    QPdfWriter writer(QString::fromStdString(tmp.string()));
    writer.setCreator(QStringLiteral("circatlas"));
    writer.setTitle(QString::fromStdString(pages.front().title));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const FigurePage& page = pages[i];
      writer.setResolution(static_cast<int>(std::lround(page.dpi)));
      writer.setPageSize(QPageSize(QSizeF(page.widthMm, page.heightMm), QPageSize::Millimeter));
      if (i == 0) {
        if (!painter.begin(&writer)) throw core::IoError(target.string() + ": cannot write PDF");
      } else {
        writer.newPage();
      }
      FigureReport r = page.draw(painter);
      if (i == 0 && firstReport) *firstReport = std::move(r);
    }
    painter.end();
  }
  QFile file(QString::fromStdString(tmp.string()));
  if (!file.open(QIODevice::ReadWrite)) throw core::IoError(target.string() + ": cannot reopen PDF to finish it");
  QByteArray bytes = file.readAll();
  fixToUnicode(bytes);
  file.seek(0);
  if (file.write(bytes) != bytes.size()) throw core::IoError(target.string() + ": cannot write PDF");
  file.close();
}

// Writes `bytes` to `file` (the staged copy of `target`); core::IoError naming the target and the
// system's reason ("No space left on device") when any byte is not written.
void writeBytes(const std::filesystem::path& file, const QByteArray& bytes, const std::filesystem::path& target,
                const char* format) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) throw core::IoError(target.string() + ": cannot write " + format + ": " + std::strerror(errno));
  const std::size_t size = static_cast<std::size_t>(bytes.size());
  const bool written = std::fwrite(bytes.constData(), 1, size, out) == size && std::fflush(out) == 0;
  const int reason = errno;
  const bool closed = std::fclose(out) == 0;
  if (!written || !closed) {
    throw core::IoError(target.string() + ": cannot write " + format + ": " + std::strerror(written ? errno : reason));
  }
}

}  // namespace

FigureFormat figureFormatFor(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".png") return FigureFormat::Png;
  if (ext == ".pdf") return FigureFormat::Pdf;
  if (ext == ".svg") return FigureFormat::Svg;
  throw core::ParameterError(path.string() + ": unknown figure format '" + ext + "' (use .png, .pdf or .svg)");
}

FigureReport exportFigure(const FigurePage& page, const std::filesystem::path& path) {
  const FigureFormat format = figureFormatFor(path);
  checkFolder(path);
  const auto tmp = temporaryBeside(path);
  FigureReport report;
  try {
    switch (format) {
      case FigureFormat::Png: {
        QImage image(page.widthPx(), page.heightPx(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const int dpm = static_cast<int>(std::lround(page.dpi / 0.0254));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        {
          QPainter painter(&image);
          report = page.draw(painter);
        }
        // Opaque pages: RGB32 makes smaller, faster PNGs than ARGB. Encoded in memory, then written
        // with a checked write: on a full disk libpng only printed "libpng error: Write Error".
        QByteArray png;
        {
          QBuffer buffer(&png);
          buffer.open(QIODevice::WriteOnly);
          if (!image.convertToFormat(QImage::Format_RGB32).save(&buffer, "PNG", 80)) {
            throw core::IoError(path.string() + ": cannot encode PNG");
          }
        }
        writeBytes(tmp, png, path, "PNG");
        break;
      }
      case FigureFormat::Pdf: {
        const std::array<FigurePage, 1> pages{page};
        writePdf(pages, tmp, path, &report);
        break;
      }
      case FigureFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(QString::fromStdString(tmp.string()));
        svg.setSize(QSize(page.widthPx(), page.heightPx()));
        svg.setViewBox(QRect(0, 0, page.widthPx(), page.heightPx()));
        svg.setResolution(static_cast<int>(std::lround(page.dpi)));
        svg.setTitle(QString::fromStdString(page.title));
        svg.setDescription(QStringLiteral("circatlas figure"));
        QPainter painter;
        if (!painter.begin(&svg)) throw core::IoError(path.string() + ": cannot write SVG");
        report = page.draw(painter);
        painter.end();
        break;
      }
    }
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
  commit(tmp, path);
  return report;
}

void exportPdfPages(std::span<const FigurePage> pages, const std::filesystem::path& path) {
  if (pages.empty()) throw core::ParameterError(path.string() + ": no pages to write");
  checkFolder(path);
  const auto tmp = temporaryBeside(path);
  try {
    writePdf(pages, tmp, path, nullptr);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
  commit(tmp, path);
}

}  // namespace circatlas::render
