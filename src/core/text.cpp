#include "core/text.h"

#include <ostream>

namespace circatlas::core {

std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

}  // namespace circatlas::core
