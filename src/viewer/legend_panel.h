// LegendPanel: the legend of the last drawn map, built from the drawn layers' styles (render::buildLegend).
#pragma once

#include <QWidget>

#include "render/style.h"

class QLabel;

namespace circatlas::viewer {

struct RenderedMap;

/// Lists the classes present in the frame, topmost layer first, as figures do; follows every
/// finished render, so it changes with the view, the visible layers and the language.
class LegendPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LegendPanel(QWidget* parent = nullptr);
  void showLegend(const RenderedMap& map);
  /// Legend labels currently shown (for tests).
  [[nodiscard]] const QStringList& labels() const noexcept { return labels_; }

 private:
  QLabel* image_;
  QStringList labels_;
};

}  // namespace circatlas::viewer
