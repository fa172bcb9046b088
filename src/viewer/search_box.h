// SearchBox: find a feature by its name in Chinese, pinyin or English and jump to it.
#pragma once

#include <QLineEdit>

#include <vector>

#include "viewer/identify.h"

class QCompleter;
class QStringListModel;
class QString;

namespace circatlas::viewer {

/// One searchable feature and the text it is found by.
struct SearchEntry {
  IdentifyHit target;
  /// What the list shows: "兰州市 · Lanzhou · lanzhou  [地级市]".
  QString text;
  /// What a query is also matched against (lowercase): the pinyin of Chinese names, run together
  /// and as initials, for layers without their own name_pinyin ("jinchuan jc").
  QString key;
};

/// Every feature with a name_zh, name_en, name_pinyin or name field, as "兰州市 · Lanzhou · lanzhou".
[[nodiscard]] std::vector<SearchEntry> searchEntries(const LayerStack& layers);
/// Entries whose text or key contains `query` (case-insensitive), best first: exact text, then
/// text prefix, text inside, pinyin prefix, pinyin inside; at most `limit`. Spaces in a query
/// of Latin letters are ignored against the pinyin ("jin chuan" finds 金川).
[[nodiscard]] std::vector<SearchEntry> findEntries(const std::vector<SearchEntry>& entries, const QString& query,
                                                   std::size_t limit = 20);

/// A line edit with a completer over the names of all layers. Enter or a completion emits found().
class SearchBox : public QLineEdit {
  Q_OBJECT

 public:
  SearchBox(const LayerStack& layers, QWidget* parent = nullptr);
  /// Looks the text up and emits found() for the best match; false when nothing matches.
  bool search(const QString& text);

 signals:
  void found(const QString& layerId, int feature);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  /// Fills the completer's list with the best matches of what has been typed so far.
  void complete(const QString& typed);

  const LayerStack& layers_;
  std::vector<SearchEntry> entries_;
  QStringListModel* names_;
  QCompleter* completer_;
};

}  // namespace circatlas::viewer
