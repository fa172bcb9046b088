// The UI language: Qt Linguist translations compiled into the program, switchable at run time.
#pragma once

#include <QObject>
#include <QString>

#include "render/style.h"

class QTranslator;

namespace circatlas::viewer {

/// Installs one translator at a time. Switching sends QEvent::LanguageChange to every widget,
/// whose retranslateUi() then sets its texts again.
class LanguageManager : public QObject {
  Q_OBJECT

 public:
  explicit LanguageManager(QObject* parent = nullptr);

  /// "zh_CN" when the system locale is Chinese, else "en".
  [[nodiscard]] static QString systemLanguage();
  /// The saved choice (QSettings "ui/language"), else the system's.
  [[nodiscard]] static QString preferredLanguage();

  /// Loads ":/i18n/circatlas_<code>.qm" and installs it; false (and nothing changed) when the
  /// translation is missing. Qt's own strings (file dialogs, standard buttons) follow with Qt's
  /// translation qtbase_<code>.qm from QLibraryInfo::TranslationsPath (Debian:
  /// qt6-translations-l10n) when it is installed. The choice is saved.
  bool setLanguage(const QString& code);
  [[nodiscard]] const QString& language() const noexcept { return code_; }
  /// The language of map labels that goes with the UI language.
  [[nodiscard]] render::Language mapLanguage() const noexcept;
  /// Whether Qt's own translation for the language was found and installed.
  [[nodiscard]] bool hasQtTranslation() const noexcept { return qtTranslator_ != nullptr; }

 signals:
  void languageChanged(const QString& code);

 private:
  QTranslator* translator_ = nullptr;
  QTranslator* qtTranslator_ = nullptr;
  QString code_;
};

}  // namespace circatlas::viewer
