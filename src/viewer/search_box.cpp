// Name search over all layers, with completion.
#include "viewer/search_box.h"

#include <QCompleter>
#include <QEvent>
#include <QStringListModel>

#include <algorithm>
#include <optional>

#include "viewer/layer_stack.h"
#include "viewer/pinyin.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

std::vector<SearchEntry> searchEntries(const LayerStack& layers) {
  std::vector<SearchEntry> entries;
  for (const auto& l : layers.layers()) {
    if (l.id == "neighbours") continue;  // provinces of China: not what a planner looks for here
    const auto& schema = l.source->schema();
    std::vector<std::size_t> fields;
    for (const char* name : {"name_zh", "name_en", "name_pinyin", "name"}) {
      if (const auto i = schema.indexOf(name)) fields.push_back(*i);
    }
    if (fields.empty()) continue;
    // A layer with its own pinyin (the base map's, with the right readings of polyphones) needs
    // none derived; others get ICU's from their Chinese name.
    const auto chinese = schema.indexOf("name_pinyin") ? std::nullopt : schema.indexOf("name_zh");
    const QString layerTitle = qs(l.title, render::Language::Zh);
    for (std::size_t f = 0; f < l.source->size(); ++f) {
      QStringList parts;
      for (std::size_t i : fields) {
        const QString t = qs(core::toString((*l.source)[f].values[i]));
        if (!t.isEmpty() && !parts.contains(t, Qt::CaseInsensitive)) parts << t;
      }
      if (parts.isEmpty()) continue;
      const QString text = parts.join(QStringLiteral(" · "));
      const QString pinyin = chinese ? pinyinSearchKey(qs(core::toString((*l.source)[f].values[*chinese]))) : QString();
      entries.push_back({{l.id, f}, text + QStringLiteral("  [") + layerTitle + ']', pinyin});
    }
  }
  return entries;
}

std::vector<SearchEntry> findEntries(const std::vector<SearchEntry>& entries, const QString& query, std::size_t limit) {
  const QString q = query.trimmed();
  if (q.isEmpty()) return {};
  // Against pinyin, "jin chuan" and "jinchuan" are the same query.
  QString latin = q.toLower();
  latin.remove(' ');
  std::vector<std::pair<int, const SearchEntry*>> ranked;
  for (const auto& e : entries) {
    if (e.text.compare(q, Qt::CaseInsensitive) == 0) ranked.emplace_back(0, &e);
    else if (e.text.startsWith(q, Qt::CaseInsensitive)) ranked.emplace_back(1, &e);
    else if (e.text.contains(q, Qt::CaseInsensitive)) ranked.emplace_back(2, &e);
    else if (!e.key.isEmpty() && e.key.contains(latin)) ranked.emplace_back(e.key.startsWith(latin) ? 3 : 4, &e);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<SearchEntry> out;
  for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(*ranked[i].second);
  return out;
}

SearchBox::SearchBox(const LayerStack& layers, QWidget* parent)
    : QLineEdit(parent), layers_(layers), names_(new QStringListModel(this)), completer_(new QCompleter(this)) {
  // The list is ranked here (findEntries, pinyin included) as the user types; the completer only shows it.
  completer_->setModel(names_);
  completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
  completer_->setMaxVisibleItems(15);
  setCompleter(completer_);
  setClearButtonEnabled(true);
  setMinimumWidth(260);
  connect(completer_, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& t) { search(t); });
  connect(this, &QLineEdit::returnPressed, this, [this] { search(text()); });
  connect(this, &QLineEdit::textEdited, this, &SearchBox::complete);
  connect(&layers_, &LayerStack::structureChanged, this, &SearchBox::rebuild);
  rebuild();
  QEvent e(QEvent::LanguageChange);
  changeEvent(&e);
}

void SearchBox::rebuild() {
  entries_ = searchEntries(layers_);
  names_->setStringList({});
}

void SearchBox::complete(const QString& typed) {
  QStringList names;
  for (const auto& e : findEntries(entries_, typed, 15)) names << e.text;
  names_->setStringList(names);
  if (!names.isEmpty()) completer_->complete();
}

bool SearchBox::search(const QString& text) {
  const auto hits = findEntries(entries_, text, 1);
  if (hits.empty()) return false;
  emit found(qs(hits.front().target.layerId), static_cast<int>(hits.front().target.feature));
  return true;
}

void SearchBox::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    setPlaceholderText(tr("Search names: 兰州, Lanzhou, lanzhou…"));
  }
  QLineEdit::changeEvent(event);
}

}  // namespace circatlas::viewer
