// Pinyin of Chinese names, so a planner can search "jinchuan" or "jc" for 金川.
#pragma once

#include <QString>

namespace circatlas::viewer {

/// The Hanyu Pinyin of `text` as lowercase ASCII syllables separated by spaces ("金川集团" →
/// "jin chuan ji tuan"); characters that are not Han pass through (lowercased, tone marks dropped).
/// Uses ICU's "Han-Latin" transform, which reads each character alone: polyphonic characters take
/// their most common reading (藏 → "cang", not "zang" as in 藏族). Where a layer has its own
/// name_pinyin field, prefer that. Thread-safe; returns the text lowercased when ICU cannot
/// create the transform.
[[nodiscard]] QString pinyinOf(const QString& text);

/// Every form a search for `text` should find: the syllables ("jin chuan ji tuan"), run together
/// ("jinchuanjituan") and their initials ("jcjt"), space-separated. Empty for text without Han.
[[nodiscard]] QString pinyinSearchKey(const QString& text);

}  // namespace circatlas::viewer
