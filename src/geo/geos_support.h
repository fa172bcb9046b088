// Private to src/geo: GEOS handle, owning pointers and conversions to and from core::Geometry.
// Only geo/*.cpp include this header, so GEOS never leaks into the rest of the project.
#pragma once

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <memory>
#include <string_view>

#include "core/geometry.h"

namespace circatlas::geo::detail {

/// The calling thread's GEOS context; its error handler records the last message.
[[nodiscard]] GEOSContextHandle_t geosHandle();

struct GeomDeleter {
  void operator()(GEOSGeometry* g) const noexcept;
};
/// An owning GEOS geometry.
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

/// Takes ownership of a GEOS result, throwing core::InputError with GEOS's message if it is null.
[[nodiscard]] GeomPtr checked(GEOSGeometry* g, std::string_view operation);

/// Throws core::InputError "<operation> failed: <last GEOS message>".
[[noreturn]] void throwGeosError(std::string_view operation);

/// core → GEOS. Polygon rings that are not closed are closed on the way.
[[nodiscard]] GeomPtr toGeos(const core::Geometry& g);

/// GEOS → core. Collections of one family become the multi type; other collections throw
/// core::InputError (use polygonalParts to pick the polygons out of a mixed collection).
[[nodiscard]] core::Geometry fromGeos(const GEOSGeometry* g);

/// All polygons in g (recursing into collections) as a MultiPolygon; empty if there are none.
[[nodiscard]] core::Geometry polygonalParts(const GEOSGeometry* g);

}  // namespace circatlas::geo::detail
