// Small helpers shared by the viewer's panels: text conversion and non-blocking error messages.
#pragma once

#include <QString>

#include <exception>
#include <string>
#include <string_view>

#include "render/style.h"

class QComboBox;
class QWidget;

namespace circatlas::viewer {

[[nodiscard]] inline QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
[[nodiscard]] inline std::string utf8(const QString& s) { return s.toUtf8().toStdString(); }
[[nodiscard]] inline QString qs(const render::LocalizedText& t, render::Language language) {
  return qs(t.in(language));
}

/// Lets a combo box of long entries (enterprise or project names) be as narrow as the dock column:
/// its width no longer follows its longest entry, and its list opens as wide as the entries.
void fitToColumn(QComboBox* box);

/// Shows a message box with the error (window-modal, non-blocking, deleted when closed), so a
/// bad file or a failed analysis never stops the event loop or the tests. The text is the
/// circatlas error message, which names file, layer, feature and field.
void showError(QWidget* parent, const QString& title, const QString& message);

/// The message of the exception in flight or given: circatlas errors with their kind.
[[nodiscard]] QString errorText(const std::exception& e);

}  // namespace circatlas::viewer
