// Input checks shared by the cluster kernels: point count and finite coordinates.
#pragma once

#include <span>

#include "core/points.h"

namespace circatlas::analysis::cluster {

/// Throws core::ParameterError if there are 2^31 points or more, and core::InputError naming the
/// index of the first point with a non-finite coordinate. `what` names the kernel in messages.
void checkPoints(std::span<const core::XY> points, const char* what);

}  // namespace circatlas::analysis::cluster
