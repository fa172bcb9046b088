// Non-blocking error boxes and error texts for the viewer.
#include "viewer/ui_support.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QMessageBox>

#include "core/error.h"

namespace circatlas::viewer {

void fitToColumn(QComboBox* box) {
  box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  box->setMinimumContentsLength(8);
  box->view()->setTextElideMode(Qt::ElideNone);
  box->view()->setMinimumWidth(box->view()->sizeHintForColumn(0));
}

void showError(QWidget* parent, const QString& title, const QString& message) {
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
  box->setObjectName("errorBox");
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setTextInteractionFlags(Qt::TextSelectableByMouse);
  box->open();
}

QString errorText(const std::exception& e) {
  if (const auto* ce = dynamic_cast<const core::Error*>(&e)) {
    return qs(std::string(core::toString(ce->kind()))) + ": " + qs(ce->what());
  }
  return qs(e.what());
}

}  // namespace circatlas::viewer
