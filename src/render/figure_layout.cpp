// Page composition in millimetres: the map frame left, legend and locator right, title above, credits below.
#include "render/figure_layout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <QTextLayout>
#include <cmath>

#include "geo/analysis_crs.h"
#include "geo/transformer.h"
#include "render/legend.h"
#include "render/map_decorations.h"
#include "render/render_session.h"
#include "render/scale_bar.h"

namespace circatlas::render {

namespace {

constexpr double kMarginMm = 10.0;
constexpr double kPanelWidthMm = 64.0;
constexpr double kGapMm = 6.0;
constexpr double kHeaderMm = 19.0;
constexpr double kFooterMm = 13.0;
constexpr double kInsetHeightMm = 48.0;

int px(double v) { return static_cast<int>(std::lround(v)); }

/// The credit lines broken to `width` (Unicode line breaking: between words, or between any two
/// Han characters), each given line starting a new one.
QStringList wrapLines(const std::vector<std::string>& lines, const QFont& font, double width) {
  QStringList wrapped;
  for (const auto& line : lines) {
    QTextLayout layout(QString::fromStdString(line), font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
      l.setLineWidth(width);
      wrapped << layout.text().mid(l.textStart(), l.textLength()).trimmed();
    }
    layout.endLayout();
  }
  return wrapped;
}

// Where everything goes on the page, in pixels.
struct PageFrame {
  double dpi;
  double mm;  // pixels per millimetre
  double pageW;
  double pageH;
  double fx, fy, fw, fh;  // the map frame
  double panelX;          // left edge of the legend and locator panel
};

// Title and subtitle above a rule.
void drawHeader(QPainter& painter, const FigureContent& c, const PageFrame& f) {
  const double mm = f.mm;
  const QFont titleFont = mapFont(17.0, f.dpi, true);
  const QFont subtitleFont = mapFont(9.5, f.dpi);
  painter.setPen(QColor(25, 25, 25));
  painter.setFont(titleFont);
  const double titleBase = kMarginMm * mm + QFontMetricsF(titleFont).ascent();
  painter.drawText(QPointF(kMarginMm * mm, titleBase), QString::fromStdString(c.title));
  painter.setFont(subtitleFont);
  painter.setPen(QColor(90, 90, 90));
  painter.drawText(QPointF(kMarginMm * mm, titleBase + 2.5 * mm + QFontMetricsF(subtitleFont).ascent()),
                   QString::fromStdString(c.subtitle));
  QPen rule(QColor(60, 60, 60));
  rule.setWidthF(0.35 * mm);
  painter.setPen(rule);
  painter.drawLine(QPointF(kMarginMm * mm, (kMarginMm + kHeaderMm - 3.0) * mm),
                   QPointF(f.pageW - kMarginMm * mm, (kMarginMm + kHeaderMm - 3.0) * mm));
}

// The map with its graticule, a scale bar on a quiet box bottom left, the north arrow and the frame.
void drawMapFrame(QPainter& painter, const FigureContent& c, const PageFrame& f, FigureReport& report) {
  const double mm = f.mm;
  MapSettings settings = MapSettings::fitted(c.mapContent, px(f.fw), px(f.fh), f.dpi,
                                             c.crs.empty() ? std::string(displayCrs()) : c.crs, 0.03);
  settings.language = c.language;
  settings.focus = c.focus;
  painter.save();
  painter.translate(f.fx, f.fy);
  painter.fillRect(QRectF(0, 0, f.fw, f.fh), QColor(247, 248, 246));
  report.map = c.drawMap ? c.drawMap(painter, settings) : MapRenderer(settings).render(painter, c.layers);
  drawGraticule(painter, settings);
  report.scaleBar = computeScaleBar(settings, std::min(45.0 * mm, f.fw * 0.3));
  const double boxW = report.scaleBar.lengthPx + 14.0 * mm;
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 215));
  painter.drawRect(QRectF(3.0 * mm, f.fh - 11.0 * mm, boxW, 8.0 * mm));
  drawScaleBar(painter, 5.0 * mm, f.fh - 4.6 * mm, report.scaleBar, f.dpi, c.language);
  drawNorthArrow(painter, f.fw - 8.0 * mm, 10.0 * mm, 11.0 * mm, trueNorthDegrees(settings), f.dpi, c.language);
  QPen frame(QColor(40, 40, 40));
  frame.setWidthF(0.35 * mm);
  painter.setPen(frame);
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(QRectF(0, 0, f.fw, f.fh));
  painter.restore();
  report.mapSettings = settings;
}

// The legend at the top of the right panel; it shares the panel with the inset, so when it is too
// tall it is drawn smaller.
void drawLegendPanel(QPainter& painter, const FigureContent& c, const PageFrame& f, FigureReport& report) {
  const double mm = f.mm;
  const auto groups = buildLegend(c.layers, report.map, c.language);
  for (const auto& g : groups) {
    for (const auto& e : g.entries) report.legendLabels.push_back(e.label);
  }
  const double available = f.fh - (c.locatorLayers.empty() ? 0.0 : (kInsetHeightMm + 3.0) * mm);
  const double needed = drawLegend(painter, f.panelX, f.fy, kPanelWidthMm * mm, groups, c.legendHeading, f.dpi, false);
  const double shrink = needed > available ? available / needed : 1.0;
  painter.save();
  painter.translate(f.panelX, f.fy);
  painter.scale(shrink, shrink);
  drawLegend(painter, 0, 0, kPanelWidthMm * mm / shrink, groups, c.legendHeading, f.dpi);
  painter.restore();
}

// The locator inset at the bottom of the right panel, with the main map's frame outlined on it.
void drawLocator(QPainter& painter, const FigureContent& c, const PageFrame& f, const MapSettings& settings) {
  if (c.locatorLayers.empty() || c.locatorContent.isEmpty()) return;
  const double mm = f.mm;
  const double insetW = kPanelWidthMm * mm;
  const double insetH = kInsetHeightMm * mm;
  MapSettings inset = MapSettings::fitted(c.locatorContent, px(insetW), px(insetH), f.dpi, c.locatorCrs, 0.02);
  inset.language = c.language;
  painter.save();
  painter.translate(f.panelX, f.fy + f.fh - insetH);
  painter.fillRect(QRectF(0, 0, insetW, insetH), QColor(255, 255, 255));
  (void)MapRenderer(inset).render(painter, c.locatorLayers);
  const geo::Transformer toLonLat(settings.crs, geo::kWgs84);
  const geo::Transformer toLocator(geo::kWgs84, c.locatorCrs);
  QPolygonF outline;
  for (int i = 0; i < 40; ++i) {
    const double t = (i % 10) / 10.0;
    const int side = i / 10;
    const double x = side == 0 ? t * f.fw : side == 1 ? f.fw : side == 2 ? (1 - t) * f.fw : 0.0;
    const double y = side == 0 ? 0.0 : side == 1 ? t * f.fh : side == 2 ? f.fh : (1 - t) * f.fh;
    const core::Coord l = toLocator.forward(toLonLat.forward(settings.toMap(x, y)));
    outline << QPointF(inset.toPixelX(l.x), inset.toPixelY(l.y));
  }
  // dark with a white casing, so it reads on the red of Gansu and on the grey of China
  QPen casing(QColor(255, 255, 255));
  casing.setWidthF(0.7 * mm);
  painter.setBrush(Qt::NoBrush);
  painter.setPen(casing);
  painter.drawPolygon(outline);
  QPen frameLine(QColor(20, 20, 20));
  frameLine.setWidthF(0.3 * mm);
  painter.setPen(frameLine);
  painter.drawPolygon(outline);
  const QRectF bounds = outline.boundingRect();
  if (c.locatorRingsSmallFrame && std::max(bounds.width(), bounds.height()) < 3.0 * mm) {
    const double radius = 2.5 * mm;
    painter.setPen(casing);
    painter.drawEllipse(bounds.center(), radius, radius);
    painter.setPen(frameLine);
    painter.drawEllipse(bounds.center(), radius, radius);
  }
  const QFont insetFont = mapFont(6.0, f.dpi);
  painter.setFont(insetFont);
  painter.setPen(QColor(80, 80, 80));
  painter.drawText(QPointF(1.5 * mm, 1.5 * mm + QFontMetricsF(insetFont).ascent()),
                   c.language == Language::Zh ? QString::fromUtf8("位置示意图") : QStringLiteral("Location"));
  QPen border(QColor(90, 90, 90));
  border.setWidthF(0.25 * mm);
  painter.setPen(border);
  painter.drawRect(QRectF(0, 0, insetW, insetH));
  painter.restore();
}

// Credits and date: every word of the sources is printed, wrapped; when they need more lines than
// the footer and the bottom margin hold, the type gets smaller (5.5 pt down to 4.5 pt).
void drawCredits(QPainter& painter, const FigureContent& c, const PageFrame& f) {
  const double mm = f.mm;
  const double creditWidth = f.pageW - 2 * kMarginMm * mm - 30.0 * mm;
  const double creditTop = f.fy + f.fh + 6.0 * mm;
  const double creditRoom = f.pageH - 3.0 * mm - creditTop;
  QFont creditFont = mapFont(5.5, f.dpi);
  QStringList creditLines = wrapLines(c.credits, creditFont, creditWidth);
  for (double pt = 5.25;
       pt >= 4.5 && QFontMetricsF(creditFont).lineSpacing() * static_cast<double>(creditLines.size()) > creditRoom;
       pt -= 0.25) {
    creditFont = mapFont(pt, f.dpi);
    creditLines = wrapLines(c.credits, creditFont, creditWidth);
  }
  const QFontMetricsF cfm(creditFont);
  painter.setFont(creditFont);
  painter.setPen(QColor(100, 100, 100));
  double cy = creditTop + cfm.ascent();
  for (const QString& line : creditLines) {
    painter.drawText(QPointF(kMarginMm * mm, cy), line);
    cy += cfm.lineSpacing();
  }
  const QString date = QString::fromStdString(c.date);
  painter.drawText(
      QPointF(f.pageW - kMarginMm * mm - cfm.horizontalAdvance(date), f.fy + f.fh + 6.0 * mm + cfm.ascent()), date);
}

}  // namespace

int FigurePage::widthPx() const noexcept { return px(widthMm * dpi / 25.4); }
int FigurePage::heightPx() const noexcept { return px(heightMm * dpi / 25.4); }

FigureLayout::FigureLayout(double pageWidthMm, double pageHeightMm, double dpi)
    : widthMm_(pageWidthMm), heightMm_(pageHeightMm), dpi_(dpi) {}

FigurePageGeometry figurePageGeometry(double pageWidthMm, double pageHeightMm) noexcept {
  FigurePageGeometry g;
  g.marginMm = kMarginMm;
  g.mapX = kMarginMm + 5.0;  // room for latitude labels
  g.mapY = kMarginMm + kHeaderMm;
  g.mapW = pageWidthMm - g.mapX - kMarginMm - kPanelWidthMm - kGapMm;
  g.mapH = pageHeightMm - g.mapY - kMarginMm - kFooterMm;
  g.panelX = pageWidthMm - kMarginMm - kPanelWidthMm;
  g.panelW = kPanelWidthMm;
  return g;
}

std::array<double, 4> FigureLayout::mapFramePx() const noexcept {
  const double mm = dpi_ / 25.4;
  const FigurePageGeometry g = figurePageGeometry(widthMm_, heightMm_);
  return {std::round(g.mapX * mm), std::round(g.mapY * mm), std::round(g.mapW * mm), std::round(g.mapH * mm)};
}

FigureReport FigureLayout::draw(QPainter& painter, const FigureContent& c) const {
  const double mm = dpi_ / 25.4;
  const auto [fx, fy, fw, fh] = mapFramePx();
  const double pageW = widthMm_ * mm;
  const PageFrame frame{dpi_, mm, pageW, heightMm_ * mm, fx, fy, fw, fh, pageW - (kMarginMm + kPanelWidthMm) * mm};
  FigureReport report;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  painter.fillRect(QRectF(0, 0, frame.pageW, frame.pageH), Qt::white);
  drawHeader(painter, c, frame);
  drawMapFrame(painter, c, frame, report);
  drawLegendPanel(painter, c, frame, report);
  drawLocator(painter, c, frame, report.mapSettings);
  drawCredits(painter, c, frame);
  painter.restore();
  return report;
}

}  // namespace circatlas::render
