// The measure dock: legs and totals of the measure tool, in km, with the road figure's basis in words.
#include "viewer/measure_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "tools/analysis_specs.h"
#include "viewer/measure_tool.h"

namespace circatlas::viewer {

namespace {

namespace net = analysis::network;

QString km(double meters) { return QLocale().toString(meters / 1000.0, 'f', 1) + QStringLiteral(" km"); }

}  // namespace

MeasurePanel::MeasurePanel(MeasureTool& tool, QWidget* parent)
    : QWidget(parent),
      tool_(tool),
      help_(new QLabel(this)),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)) {
  help_->setWordWrap(true);
  summary_->setWordWrap(true);
  summary_->setObjectName("measureSummary");
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setColumnCount(4);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setStretchLastSection(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(help_);
  layout->addWidget(summary_);
  layout->addWidget(table_, 1);
  connect(&tool_, &MeasureTool::changed, this, &MeasurePanel::refresh);
  refresh();
}

QString MeasurePanel::summaryText() const { return summary_->text(); }

void MeasurePanel::refresh() {
  help_->setText(
      tr("Click points on the map; double-click or Esc ends, right-click clears. Distances on the WGS 84 "
         "ellipsoid; road distances on the schematic trunk network."));
  table_->setHorizontalHeaderLabels({tr("Leg"), tr("Geodesic"), tr("By road"), tr("Road basis")});
  const Measurement& m = tool_.measurement();
  // How a road figure was made, in words (the router's straight-line fallback says why).
  // The router's settings are RoadRouting's: the declared defaults of the built-in network.
  auto basis = [](const RoadDistance& d) {
    const QString detour = QString::number(tools::spec::network::detour.number);
    const QString snapKm = QString::number(tools::spec::network::builtinSnap.number / 1000.0);
    switch (d.status) {
      case net::PairStatus::Routed:
        return tr("along the network");
      case net::PairStatus::FallbackNotSnapped:
        return tr("straight line × %1: a point is over %2 km from the network").arg(detour, snapKm);
      case net::PairStatus::FallbackUnreachable:
        return tr("straight line × %1: no path in the network").arg(detour);
      case net::PairStatus::FallbackNoNetwork:
        return tr("straight line × %1: no network").arg(detour);
    }
    return QString();
  };
  const int legs = static_cast<int>(m.legGeodesicMeters.size());
  table_->setRowCount(legs);
  for (int i = 0; i < legs; ++i) {
    const auto leg = static_cast<std::size_t>(i);
    table_->setItem(i, 0, new QTableWidgetItem(QString::number(i + 1)));
    table_->setItem(i, 1, new QTableWidgetItem(km(m.legGeodesicMeters[leg])));
    const bool routed = leg < m.legRoad.size();
    table_->setItem(i, 2, new QTableWidgetItem(routed ? km(m.legRoad[leg].meters) : QString()));
    table_->setItem(i, 3, new QTableWidgetItem(routed ? basis(m.legRoad[leg]) : QString()));
    for (int c = 1; c < 3; ++c) table_->item(i, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  }
  table_->resizeColumnsToContents();

  QString text;
  if (m.points.empty()) {
    text = tr("No points yet.");
  } else if (m.points.size() == 1) {
    text = tr("1 point; click the next.");
  } else {
    text = tool_.subject() + QLatin1Char('\n') +
           tr("Total %1 geodesic over %n leg(s).", nullptr, legs).arg(km(m.geodesicMeters));
    if (!m.roadError.isEmpty()) {
      text += QLatin1Char('\n') + tr("No road distance: %1").arg(m.roadError);
    } else if (m.roadFirstToLast) {
      const RoadDistance& d = *m.roadFirstToLast;
      text += QLatin1Char('\n') + tr("By road, first to last point: %1 (%2).").arg(km(d.meters), basis(d));
      int fellBack = 0;
      for (const RoadDistance& leg : m.legRoad) fellBack += leg.fellBack() ? 1 : 0;
      if (fellBack > 0) text += QLatin1Char('\n') + tr("%n leg(s) fell back to a straight line.", nullptr, fellBack);
    } else if (m.finished) {
      text += QLatin1Char('\n') + tr("Routing on the road network…");
    } else {
      text += QLatin1Char('\n') + tr("Double-click or Esc to end and get the road distance.");
    }
  }
  summary_->setText(text);
}

void MeasurePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refresh();
  QWidget::changeEvent(event);
}

}  // namespace circatlas::viewer
