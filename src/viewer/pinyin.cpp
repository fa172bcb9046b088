// Pinyin through ICU's transliterator (ICU ships with Qt's dependencies on Debian; see pinyin.h).
#include "viewer/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace circatlas::viewer {
namespace {

bool hasHan(const QString& text) {
  for (const QChar c : text) {
    if (c.script() == QChar::Script_Han) return true;
  }
  return false;
}

// One transform per process; ICU's transliterate() keeps state in the transform, so calls are
// serialised (search keys are built once per layer change, a few thousand names at most).
class HanToLatin {
 public:
  HanToLatin() {
    UErrorCode status = U_ZERO_ERROR;
    transform_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transform_.reset();
  }

  QString operator()(const QString& text) {
    if (!transform_) return text.toLower();
    icu::UnicodeString u(reinterpret_cast<const UChar*>(text.utf16()), static_cast<int32_t>(text.size()));
    {
      const std::scoped_lock lock(mutex_);
      transform_->transliterate(u);
    }
    return QString(reinterpret_cast<const QChar*>(u.getBuffer()), u.length());
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<icu::Transliterator> transform_;
};

HanToLatin& hanToLatin() {
  static HanToLatin instance;
  return instance;
}

}  // namespace

QString pinyinOf(const QString& text) {
  if (!hasHan(text)) return text.toLower();
  return hanToLatin()(text).simplified();
}

QString pinyinSearchKey(const QString& text) {
  if (!hasHan(text)) return {};
  const QString syllables = pinyinOf(text);
  QString runTogether, initials;
  bool wordStart = true;
  for (const QChar c : syllables) {
    if (c.isLetterOrNumber()) {
      runTogether += c;
      if (wordStart) initials += c;
      wordStart = false;
    } else {
      wordStart = true;
    }
  }
  return syllables + ' ' + runTogether + ' ' + initials;
}

}  // namespace circatlas::viewer
