// Offscreen QGuiApplication and font checks for the CLI, tests and benchmarks.
#include "render/render_session.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"

namespace circatlas::render {

namespace {

constexpr const char* kLatinFamily = "DejaVu Sans";
constexpr const char* kCjkFamily = "Noto Sans CJK SC";

// Qt's own chatter (e.g. "XDG_RUNTIME_DIR not set") is not for planners; real failures surface
// as circatlas errors. Critical messages still reach stderr.
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
  if (type == QtCriticalMsg || type == QtFatalMsg) {
    std::fprintf(stderr, "circatlas: Qt: %s\n", message.toLocal8Bit().constData());
  }
}

}  // namespace

void ensureRenderSession() {
  if (!QGuiApplication::instance()) {
    qInstallMessageHandler(quietQtMessages);
    // headless by design: figures never need a display
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static int argc = 1;
    static char name[] = "circatlas";
    static char* argv[] = {name, nullptr};
    // deliberately never destroyed: tearing Qt down during static destruction crashes, and the
    // process is ending anyway
    new QGuiApplication(argc, argv);
  }
  static const bool checked = [] {
    const QStringList families = QFontDatabase::families();
    for (const char* family : {kLatinFamily, kCjkFamily}) {
      if (!families.contains(QString::fromLatin1(family))) {
        throw core::IoError(std::string("font '") + family +
                            "' is not installed; figures need it (Debian packages fonts-dejavu-core and "
                            "fonts-noto-cjk, installed by scripts/install-deps.sh)");
      }
    }
    return true;
  }();
  (void)checked;
}

QFont mapFont(double sizePt, double dpi, bool bold) {
  QFont font;
  font.setFamilies({QString::fromLatin1(kLatinFamily), QString::fromLatin1(kCjkFamily)});
  font.setPixelSize(std::max(1, static_cast<int>(std::lround(sizePt * dpi / 72.0))));
  font.setBold(bold);
  font.setHintingPreference(QFont::PreferNoHinting);
  return font;
}

}  // namespace circatlas::render
