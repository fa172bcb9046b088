// Switching the translator of the viewer.
#include "viewer/language.h"

#include <QApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QWidget>

namespace circatlas::viewer {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QString LanguageManager::systemLanguage() {
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::preferredLanguage() { return QSettings().value("ui/language", systemLanguage()).toString(); }

bool LanguageManager::setLanguage(const QString& code) {
  auto* next = new QTranslator(this);
  if (!next->load(QStringLiteral(":/i18n/circatlas_%1.qm").arg(code))) {
    delete next;
    return false;
  }
  if (translator_) {
    QCoreApplication::removeTranslator(translator_);
    delete translator_;
  }
  translator_ = next;
  QCoreApplication::installTranslator(translator_);
  if (qtTranslator_) {
    QCoreApplication::removeTranslator(qtTranslator_);
    delete qtTranslator_;
    qtTranslator_ = nullptr;
  }
  auto* qt = new QTranslator(this);
  if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    qtTranslator_ = qt;
    QCoreApplication::installTranslator(qtTranslator_);
  } else {
    delete qt;  // English, or Qt's translations not installed: Qt's English strings
  }
  // Numbers follow the UI language, with digit grouping even where the system locale is C.
  QLocale::setDefault(code.startsWith(QStringLiteral("zh")) ? QLocale(QLocale::Chinese, QLocale::China)
                                                            : QLocale(QLocale::English, QLocale::UnitedStates));
  // Qt posts LanguageChange only once the event loop runs; sending it now makes the switch
  // immediate and independent of the loop (a second, posted event just repeats the texts).
  for (QWidget* w : QApplication::topLevelWidgets()) {
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(w, &change);
  }
  code_ = code;
  QSettings().setValue("ui/language", code);
  emit languageChanged(code);
  return true;
}

render::Language LanguageManager::mapLanguage() const noexcept {
  return code_.startsWith(QStringLiteral("zh")) ? render::Language::Zh : render::Language::En;
}

}  // namespace circatlas::viewer
