// SearchBox: find a feature by its name in Chinese, pinyin or English and jump to it.
#pragma once

#include <QLineEdit>

#include <vector>

#include "viewer/identify.h"

class QCompleter;
class QStringListModel;

namespace circatlas::viewer {

/// One searchable feature and the text it is found by.
struct SearchEntry {
  IdentifyHit target;
  QString text;
};

/// Every feature with a name_zh, name_en, name_pinyin or name field, as "兰州市 · Lanzhou · lanzhou".
[[nodiscard]] std::vector<SearchEntry> searchEntries(const LayerStack& layers);
/// Entries whose text contains `query` (case-insensitive), best first: exact, then prefix, then
/// inside; at most `limit`.
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

  const LayerStack& layers_;
  std::vector<SearchEntry> entries_;
  QStringListModel* names_;
  QCompleter* completer_;
};

}  // namespace circatlas::viewer
