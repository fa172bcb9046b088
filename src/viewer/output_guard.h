// The viewer's side of the output policy (io/output_target.h): ask before replacing, refuse inputs.
#pragma once

#include <QString>

#include <vector>

#include "core/data_paths.h"
#include "viewer/viewer_layer.h"

class QWidget;

namespace circatlas::viewer {

/// A save-file dialog that names the file it returns: the default suffix is added inside the
/// dialog, so its overwrite confirmation is for the very file that will be written. Empty if
/// cancelled.
[[nodiscard]] QString askSavePath(QWidget* parent, const QString& title, const QString& folder, const QString& filter,
                                  const QString& defaultSuffix);

/// Asks the planner before an existing file is replaced (unless a save dialog already asked for
/// this very path: `confirmed`), then checks the target against the output policy — never onto a
/// file the open layers were read from, never into the built-in data of `paths` — and shows why when it is
/// refused. True when writing may go ahead.
[[nodiscard]] bool acceptOutputTarget(QWidget* parent, const QString& path, const std::vector<ViewerLayer>& layers,
                                      bool confirmed, const core::DataPaths& paths);

}  // namespace circatlas::viewer
