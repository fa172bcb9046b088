// Save dialogs that confirm the real file, and the output policy checked before the viewer writes.
#include "viewer/output_guard.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "core/data_paths.h"
#include "core/error.h"
#include "io/output_target.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

QString askSavePath(QWidget* parent, const QString& title, const QString& folder, const QString& filter,
                    const QString& defaultSuffix) {
  QFileDialog dialog(parent, title, folder, filter);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setFileMode(QFileDialog::AnyFile);
  dialog.setDefaultSuffix(defaultSuffix);
  dialog.setOption(QFileDialog::DontConfirmOverwrite, false);  // explicit: the dialog asks before replacing
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
  return dialog.selectedFiles().constFirst();
}

bool acceptOutputTarget(QWidget* parent, const QString& path, const std::vector<ViewerLayer>& layers, bool confirmed,
                        const core::DataPaths& paths) {
  if (!confirmed && QFileInfo::exists(path)) {
    const auto answer =
        QMessageBox::question(parent, QObject::tr("Replace the file?"), QObject::tr("%1 exists. Replace it?").arg(path),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return false;
  }
  std::vector<io::InputRef> inputs;
  try {
    inputs = {{paths.dataDir().string(), "the built-in data folder", std::nullopt},
              {paths.stylesDir().string(), "the built-in styles folder", std::nullopt},
              {paths.layersDir().string(), "the built-in layers folder", std::nullopt}};
    for (const auto& l : layers) {
      if (!l.file.empty()) inputs.push_back({l.file, "layer " + l.id, std::nullopt});
    }
    io::OutputTarget target;
    target.path = utf8(path);
    target.role = "the output";
    target.overwrite = true;  // asked above or by the save dialog
    io::checkOutputTarget(target, inputs);
  } catch (const core::Error& e) {
    showError(parent, QObject::tr("Cannot write there"), errorText(e));
    return false;
  }
  return true;
}

}  // namespace circatlas::viewer
