// The figure-preset export dialog (see figure_export_dialog.h).
#include "viewer/figure_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include "atlas/figure_builder.h"
#include "definitions/figure_preset.h"
#include "viewer/output_guard.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

render::FigureReport exportFigurePreset(const atlas::AtlasData& atlas, const FigureRequest& request,
                                        const core::DataPaths& paths) {
  (void)render::figureFormatFor(request.path);  // a bad extension fails before any drawing
  const definitions::FigurePreset preset = definitions::loadBuiltinPreset(paths, request.preset);
  atlas::FigureOptions options;
  options.language = request.language;
  const render::FigurePage page = atlas::buildFigure(atlas, preset, request.region, options);
  return render::exportFigure(page, request.path);
}

FigureExportDialog::FigureExportDialog(std::shared_ptr<const atlas::AtlasData> atlas, core::DataPaths paths,
                                       render::Language language, QWidget* parent)
    : QDialog(parent),
      atlas_(std::move(atlas)),
      paths_(std::move(paths)),
      preset_(new QComboBox(this)),
      region_(new QComboBox(this)),
      language_(new QComboBox(this)),
      path_(new QLineEdit(this)),
      status_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Export a figure"));
  for (const std::string& name : definitions::builtinPresetNames(paths_)) {
    QString title = qs(name);
    try {
      // "{region}: circular-economy parks…" reads "Circular-economy parks…" without a region.
      title = qs(definitions::loadBuiltinPreset(paths_, name).title, language).remove(QStringLiteral("{region}"));
      while (!title.isEmpty() && (title.front() == ':' || title.front().isSpace())) title.remove(0, 1);
      if (!title.isEmpty()) title[0] = title[0].toUpper();
    } catch (const std::exception&) {
      // A preset that does not parse stays listed by name; exporting it shows the parse error.
    }
    preset_->addItem(title + QStringLiteral("  (") + qs(name) + ')', qs(name));
  }
  language_->addItem(QStringLiteral("简体中文"), static_cast<int>(render::Language::Zh));
  language_->addItem(QStringLiteral("English"), static_cast<int>(render::Language::En));
  language_->setCurrentIndex(language == render::Language::Zh ? 0 : 1);
  fillRegions();
  connect(language_, qOverload<int>(&QComboBox::currentIndexChanged), this, &FigureExportDialog::fillRegions);

  const QSettings settings;
  const QString folder = settings.value("paths/last_export_folder", QDir::homePath()).toString();
  path_->setText(QDir(folder).filePath(QStringLiteral("figure.pdf")));
  auto* browseButton = new QToolButton(this);
  browseButton->setText(QStringLiteral("…"));
  connect(browseButton, &QToolButton::clicked, this, &FigureExportDialog::browse);
  auto* pathRow = new QHBoxLayout;
  pathRow->addWidget(path_, 1);
  pathRow->addWidget(browseButton);

  auto* form = new QFormLayout(this);
  form->addRow(tr("Preset"), preset_);
  form->addRow(tr("Region"), region_);
  form->addRow(tr("Language"), language_);
  form->addRow(tr("File (.png, .pdf, .svg)"), pathRow);
  form->addRow(status_);
  form->addRow(buttons_);
  QPushButton* exportButton = buttons_->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
  connect(exportButton, &QPushButton::clicked, this, &FigureExportDialog::startExport);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(this, &FigureExportDialog::finished, this, [this](const QString& path, const QString& error) {
    buttons_->setEnabled(true);
    if (!error.isEmpty()) {
      status_->clear();
      showError(this, tr("Cannot export the figure"), error);
      return;
    }
    QSettings().setValue("paths/last_export_folder", QFileInfo(path).absolutePath());
    accept();
  });
}

FigureRequest FigureExportDialog::request() const {
  FigureRequest r;
  r.preset = utf8(preset_->currentData().toString());
  r.region = utf8(region_->currentData().toString());
  r.language = static_cast<render::Language>(language_->currentData().toInt());
  r.path = std::filesystem::path(utf8(path_->text().trimmed()));
  return r;
}

void FigureExportDialog::fillRegions() {
  const auto language = static_cast<render::Language>(language_->currentData().toInt());
  const QString current = region_->currentData().toString();
  const QSignalBlocker block(region_);
  region_->clear();
  try {
    region_->addItem(qs(atlas_->region("province").name, language), QStringLiteral("province"));
    for (const std::string& code : atlas_->prefectureCodes()) {
      region_->addItem(qs(atlas_->region(code).name, language) + QStringLiteral("  (") + qs(code) + ')', qs(code));
    }
  } catch (const std::exception& e) {
    status_->setText(errorText(e));
  }
  if (const int i = region_->findData(current); i >= 0) region_->setCurrentIndex(i);
}

void FigureExportDialog::browse() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export a figure"), path_->text(),
                                                    tr("PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)"));
  if (!path.isEmpty()) {
    path_->setText(path);
    confirmedPath_ = path;  // the save dialog asked before replacing it
  }
}

void FigureExportDialog::startExport() {
  const FigureRequest r = request();
  // A typed path has not been asked about: ask before replacing a file, and never write onto the built-in data.
  if (!acceptOutputTarget(this, qs(r.path.string()), {}, qs(r.path.string()) == confirmedPath_, paths_)) return;
  buttons_->setEnabled(false);
  status_->setText(tr("Drawing %1…").arg(qs(r.path.string())));
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, r] {
    emit finished(qs(r.path.string()), watcher->result());
    watcher->deleteLater();
  });
  // The atlas is shared and immutable: the worker keeps it alive even if the window goes.
  watcher->setFuture(QtConcurrent::run([atlas = atlas_, r, paths = paths_]() -> QString {
    try {
      (void)exportFigurePreset(*atlas, r, paths);
      return {};
    } catch (const std::exception& e) {
      return errorText(e);
    }
  }));
}

}  // namespace circatlas::viewer
