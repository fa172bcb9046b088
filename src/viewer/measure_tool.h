// MeasureTool: click points on the map; geodesic length per leg and in total, and road distance where the network
// allows.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/network/router.h"
#include "core/data_paths.h"
#include "core/points.h"
#include "viewer/map_tool.h"

namespace circatlas::viewer {

struct RoadRouting;

/// A road distance from the router: along the network, or its flagged straight-line fallback.
struct RoadDistance {
  double meters = 0.0;
  analysis::network::PairStatus status = analysis::network::PairStatus::Routed;
  [[nodiscard]] bool fellBack() const noexcept { return status != analysis::network::PairStatus::Routed; }
};

/// What the tool has measured so far.
struct Measurement {
  std::vector<core::LonLat> points;       ///< WGS 84, in click order
  std::vector<QString> names;             ///< per point: the feature or place it snapped to, else empty
  std::vector<double> legGeodesicMeters;  ///< WGS 84 ellipsoid (PROJ), one per leg
  double geodesicMeters = 0.0;            ///< sum of the legs
  bool finished = false;                  ///< ended by double click or Esc
  /// Filled after finishing, by the built-in trunk network's router (RoadRouting).
  std::vector<RoadDistance> legRoad;
  std::optional<RoadDistance> roadFirstToLast;
  QString roadError;  ///< the network could not be loaded
};

/// The measure tool: a left click adds a point (snapped to the nearest point feature or named place
/// within kSnapPixels when a snapper is set, and labelled with its name) (a click after a finished measurement starts a
/// new one), a double click or Esc ends, a right click clears. While measuring a line follows the
/// cursor. Geodesic distances are computed at once on the WGS 84 ellipsoid (geo::geodesicDistanceMeters);
/// on finishing, the road distance of each leg and from the first to the last point are routed in a
/// worker thread on the built-in schematic trunk network (as `circatlas route --metric length`),
/// each flagged when it fell back to the straight line × 1.3.
class MeasureTool : public QObject, public MapTool {
  Q_OBJECT

 public:
  /// Routes on the built-in trunk network of `paths`.
  explicit MeasureTool(core::DataPaths paths, QObject* parent = nullptr);
  ~MeasureTool() override;
  MeasureTool(const MeasureTool&) = delete;
  MeasureTool& operator=(const MeasureTool&) = delete;

  /// Adds a point (WGS 84) as a click does, with the name of what it snapped to (if anything).
  void addPoint(core::LonLat point, const QString& name = {});
  /// Where a click at `map` (display CRS) snaps within `tolerance` map units: the point and the
  /// name of a feature or place; nullopt keeps the click where it is.
  using Snapper = std::function<std::optional<std::pair<core::Coord, QString>>(core::Coord map, double tolerance)>;
  void setSnapper(Snapper snapper) { snapper_ = std::move(snapper); }
  /// The snapping distance on screen, in pixels.
  static constexpr double kSnapPixels = 10.0;
  /// What the measurement measures, for its label: "兰州 → 酒泉" or "3 points".
  /// Ends the measurement and starts routing it (two points at least; else nothing happens).
  void finish();
  void clear();
  [[nodiscard]] QString subject() const;
  [[nodiscard]] const Measurement& measurement() const noexcept { return m_; }
  /// True while road distances are being computed.
  [[nodiscard]] bool isRouting() const noexcept { return routing_; }

  bool clicked(MapCanvas& canvas, core::Coord map) override;
  bool doubleClicked(MapCanvas& canvas, core::Coord map) override;
  bool rightClicked(MapCanvas& canvas, core::Coord map) override;
  void moved(MapCanvas& canvas, core::Coord map) override;
  bool keyPressed(MapCanvas& canvas, QKeyEvent& event) override;
  void paint(QPainter& painter, const MapCanvas& canvas) const override;
  void deactivated(MapCanvas& canvas) override;

 signals:
  /// The measurement changed (a point, the end, road distances, cleared).
  void changed();

 private:
  struct RoadJob {
    std::shared_ptr<const RoadRouting> routing;
    std::vector<RoadDistance> legs;
    std::optional<RoadDistance> firstToLast;
    QString error;
  };
  void startRouting();
  void routed();

  Measurement m_;
  Snapper snapper_;
  std::optional<core::Coord> cursor_;  ///< display CRS, for the line that follows it
  core::DataPaths paths_;
  std::shared_ptr<const RoadRouting> routingData_;
  QFutureWatcher<RoadJob> watcher_;
  bool routing_ = false;
  unsigned generation_ = 0;  ///< bumped by clear(); a routing result of an older one is dropped
  unsigned routingGeneration_ = 0;
};

}  // namespace circatlas::viewer
