// The column-mapping dialog: the sheet's columns, the field each feeds, the lon/lat columns and
// their coordinate system, what will be derived and what is still missing.
#include "viewer/registry_mapping_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

#include "catalogue/registry_import.h"
#include "viewer/field_display.h"
#include "viewer/output_guard.h"
#include "viewer/ui_support.h"

namespace circatlas::viewer {

namespace {

// Names of the registry's input fields that are no catalogue field (FieldDisplay knows those).
struct InputField {
  std::string_view field;
  const char* zh;
  const char* en;
};
constexpr std::array kInputFields{
    InputField{"name", "名称", "Name"},
    InputField{"credit_code", "统一社会信用代码", "Unified social credit code"},
    InputField{"industry_name", "行业名称", "Industry (name)"},
    InputField{"address", "地址", "Address"},
    InputField{"county", "区县（名称）", "County (name)"},
    InputField{"township", "乡镇（街道）", "Township"},
    InputField{"prefecture", "市州（名称）", "Prefecture (name)"},
    InputField{"generated", "产生量", "Quantity generated"},
    InputField{"utilised", "综合利用量", "Quantity utilised"},
    InputField{"material", "固废名称", "Material"},
};

// Up to three distinct values of a column, for the planner to recognise it.
QString samples(const core::TextTable& table, std::size_t column) {
  QStringList out;
  for (const auto& row : table.rows) {
    if (out.size() == 3) break;
    const auto& v = row.cells[column];
    if (!v || v->empty() || out.contains(qs(*v))) continue;
    out << qs(*v);
  }
  return out.join(QStringLiteral(" | "));
}

}  // namespace

RegistryMappingDialog::RegistryMappingDialog(catalogue::RegistrySource source, render::Language language,
                                             QWidget* parent)
    : QDialog(parent),
      source_(std::move(source)),
      sheet_(io::readRegistrySheet(source_)),
      language_(language),
      table_(new QTableWidget(this)),
      lon_(new QComboBox(this)),
      lat_(new QComboBox(this)),
      coords_(new QComboBox(this)),
      notes_(new QLabel(this)),
      derived_(new QLabel(this)),
      missing_(new QLabel(this)) {
  setObjectName("registryMappingDialog");
  setWindowTitle(tr("Columns of the registry %1").arg(qs(sheet_.label)));
  const auto& header = sheet_.table.header;

  // The requests the source carries (a remembered mapping), then the recognised headers.
  std::vector<catalogue::FieldRequest> requests;
  auto request = [&](catalogue::FieldRequest r) {
    if (std::find(header.begin(), header.end(), r.column) == header.end()) {
      dropped_.push_back(r.field + "=" + r.column);
    } else {
      requests.push_back(std::move(r));
    }
  };
  for (const auto& f : source_.fields) request(catalogue::parseFieldRequest(f));
  if (source_.lonField) request({"lon", *source_.lonField, catalogue::FieldOrigin::Option});
  if (source_.latField) request({"lat", *source_.latField, catalogue::FieldOrigin::Option});
  targets_.assign(header.size(), {});
  for (const auto& c : catalogue::chooseColumns(header, requests)) {
    if (targets_[c.column].empty()) targets_[c.column] = c.field;
  }

  auto* layout = new QVBoxLayout(this);
  auto* intro =
      new QLabel(tr("Which column holds what: recognised headers are filled in; change a column's field or leave it "
                    "unused. Rows are never dropped; what the sheet lacks is derived."),
                 this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  notes_->setObjectName("mappingNotes");
  notes_->setWordWrap(true);
  layout->addWidget(notes_);

  table_->setObjectName("mappingTable");
  table_->setColumnCount(3);
  table_->setHorizontalHeaderLabels({tr("Column"), tr("Sample values"), tr("Field")});
  table_->verticalHeader()->hide();
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  layout->addWidget(table_, 1);
  buildTable();

  auto* form = new QFormLayout;
  lon_->setObjectName("lonColumn");
  lat_->setObjectName("latColumn");
  for (QComboBox* box : {lon_, lat_}) {
    box->addItem(tr("(none: placed by address, township or county)"));
    for (const auto& h : header) box->addItem(qs(h));
  }
  connect(lon_, &QComboBox::activated, this, [this](int i) { setCoordinateColumn("lon", i); });
  connect(lat_, &QComboBox::activated, this, [this](int i) { setCoordinateColumn("lat", i); });
  form->addRow(tr("Longitude column"), lon_);
  form->addRow(tr("Latitude column"), lat_);
  coords_->setObjectName("coordsBox");
  coords_->addItem(tr("WGS 84 (GPS, most GIS files)"), QStringLiteral("wgs84"));
  coords_->addItem(tr("CGCS2000 (China Geodetic Coordinate System 2000)"), QStringLiteral("cgcs2000"));
  coords_->addItem(tr("GCJ-02 (AMap, Tencent)"), QStringLiteral("gcj02"));
  coords_->addItem(tr("BD-09 (Baidu)"), QStringLiteral("bd09"));
  coords_->setCurrentIndex(std::max(0, coords_->findData(qs(source_.coords))));
  form->addRow(tr("Coordinate system"), coords_);
  layout->addLayout(form);

  derived_->setObjectName("derivedFields");
  derived_->setWordWrap(true);
  layout->addWidget(derived_);
  missing_->setObjectName("missingFields");
  missing_->setWordWrap(true);
  missing_->setStyleSheet(QStringLiteral("color: #b00020;"));
  layout->addWidget(missing_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  ok_ = buttons->button(QDialogButtonBox::Ok);
  ok_->setText(tr("Open registry"));
  auto* reset = buttons->addButton(tr("Recognised headers only"), QDialogButtonBox::ResetRole);
  reset->setObjectName("resetMapping");
  reset->setToolTip(tr("Forget the changes and the remembered mapping: every column as its header is recognised"));
  auto* save = buttons->addButton(tr("Save mapping file…"), QDialogButtonBox::ActionRole);
  save->setObjectName("saveMapping");
  save->setToolTip(tr("Write the mapping as a file circatlas reads with --mapping FILE"));
  connect(reset, &QPushButton::clicked, this, &RegistryMappingDialog::resetToRecognised);
  connect(save, &QPushButton::clicked, this, &RegistryMappingDialog::saveMappingFile);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  QStringList notes;
  for (const auto& n : sheet_.notes) notes << qs(n);
  if (!source_.fields.empty()) notes << tr("The mapping chosen last time for this file is filled in.");
  for (const auto& d : dropped_) notes << tr("Not applied: %1 (the file has no such column now).").arg(qs(d));
  notes_->setText(notes.join(QLatin1Char('\n')));
  notes_->setVisible(!notes.isEmpty());
  resize(760, 560);
  refresh();
}

void RegistryMappingDialog::buildTable() {
  const auto& header = sheet_.table.header;
  table_->setRowCount(static_cast<int>(header.size()));
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int row = static_cast<int>(i);
    table_->setItem(row, 0, new QTableWidgetItem(qs(header[i])));
    auto* sample = new QTableWidgetItem(samples(sheet_.table, i));
    sample->setToolTip(sample->text());
    table_->setItem(row, 1, sample);
    auto* box = new QComboBox(table_);
    box->setObjectName(QStringLiteral("target:") + qs(header[i]));
    box->addItem(tr("(not used)"), QString());
    for (const auto field : catalogue::registryFields()) {
      box->addItem(fieldText(std::string(field)), qs(std::string(field)));
    }
    connect(box, &QComboBox::activated, this,
            [this, box, column = header[i]](int) { setTarget(column, utf8(box->currentData().toString())); });
    table_->setCellWidget(row, 2, box);
  }
}

QString RegistryMappingDialog::fieldText(const std::string& field) const {
  const bool zh = language_ == render::Language::Zh;
  for (const auto& f : kInputFields) {
    if (f.field == field) return QString::fromUtf8(zh ? f.zh : f.en) + QStringLiteral(" (") + qs(field) + ")";
  }
  if (field == "lon/lat") return FieldDisplay::label("lon", language_) + " / " + FieldDisplay::label("lat", language_);
  const QString label = FieldDisplay::label(field, language_);
  return label == qs(field) ? label : label + QStringLiteral(" (") + qs(field) + ")";
}

std::string RegistryMappingDialog::target(const std::string& column) const {
  const auto& header = sheet_.table.header;
  const auto it = std::find(header.begin(), header.end(), column);
  return it == header.end() ? std::string() : targets_[static_cast<std::size_t>(it - header.begin())];
}

bool RegistryMappingDialog::setTarget(const std::string& column, const std::string& field) {
  const auto& header = sheet_.table.header;
  const auto it = std::find(header.begin(), header.end(), column);
  const auto& fields = catalogue::registryFields();
  if (it == header.end() || (!field.empty() && std::find(fields.begin(), fields.end(), field) == fields.end())) {
    return false;
  }
  // One column per field, as the reader takes it.
  if (!field.empty()) std::replace(targets_.begin(), targets_.end(), field, std::string());
  targets_[static_cast<std::size_t>(it - header.begin())] = field;
  refresh();
  return true;
}

void RegistryMappingDialog::setCoordinateColumn(const char* field, int index) {
  if (index <= 0) {
    std::replace(targets_.begin(), targets_.end(), std::string(field), std::string());
    refresh();
  } else {
    (void)setTarget(sheet_.table.header[static_cast<std::size_t>(index - 1)], field);
  }
}

void RegistryMappingDialog::resetToRecognised() {
  targets_.assign(sheet_.table.header.size(), {});
  for (const auto& c : catalogue::chooseColumns(sheet_.table.header, {})) {
    if (targets_[c.column].empty()) targets_[c.column] = c.field;
  }
  refresh();
}

catalogue::RegistrySource RegistryMappingDialog::source() const {
  catalogue::RegistrySource s = source_;
  s.lonField.reset();
  s.latField.reset();
  s.mappingFile.reset();
  s.saveMapping.reset();
  s.fields.clear();
  const auto& header = sheet_.table.header;
  for (std::size_t i = 0; i < header.size(); ++i) {
    s.fields.push_back((targets_[i].empty() ? std::string(catalogue::kIgnoreField) : targets_[i]) + "=" + header[i]);
  }
  s.coords = utf8(coords_->currentData().toString());
  return s;
}

std::vector<catalogue::ColumnChoice> RegistryMappingDialog::choices() const {
  std::vector<catalogue::FieldRequest> requests;
  for (const auto& f : source().fields) requests.push_back(catalogue::parseFieldRequest(f));
  return catalogue::chooseColumns(sheet_.table.header, requests);
}

std::string RegistryMappingDialog::mappingText() const {
  std::vector<std::string> ignored;
  const auto& header = sheet_.table.header;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (targets_[i].empty()) ignored.push_back(header[i]);
  }
  std::string text = catalogue::formatMappingFile(choices(), header, sheet_.label, ignored);
  // The coordinate system is an option of its own (--coords); said for the reader of the file.
  const std::string coords = utf8(coords_->currentData().toString());
  if (coords != "wgs84") text += "# coordinates: --coords " + coords + "\n";
  return text;
}

bool RegistryMappingDialog::isReadable() const { return catalogue::mappingGaps(choices()).empty(); }

void RegistryMappingDialog::refresh() {
  for (int row = 0; row < table_->rowCount(); ++row) {
    auto* box = qobject_cast<QComboBox*>(table_->cellWidget(row, 2));
    const QSignalBlocker block(box);
    box->setCurrentIndex(std::max(0, box->findData(qs(targets_[static_cast<std::size_t>(row)]))));
    QFont font = table_->item(row, 0)->font();
    font.setItalic(targets_[static_cast<std::size_t>(row)].empty());
    table_->item(row, 0)->setFont(font);
  }
  for (auto [box, field] : {std::pair{lon_, "lon"}, std::pair{lat_, "lat"}}) {
    const QSignalBlocker block(box);
    const auto it = std::find(targets_.begin(), targets_.end(), field);
    box->setCurrentIndex(it == targets_.end() ? 0 : static_cast<int>(it - targets_.begin()) + 1);
  }
  const auto chosen = choices();
  QStringList derived;
  QStringList how;
  for (const auto& f : catalogue::derivedFields(sheet_.table, chosen, sheet_.label)) {
    derived << fieldText(f.field);
    how << qs(f.field + ": " + f.how);
  }
  derived_->setText(
      tr("Derived by the reader: %1")
          .arg(derived.join(language_ == render::Language::Zh ? QStringLiteral("、") : QStringLiteral(", "))));
  derived_->setToolTip(how.join(QLatin1Char('\n')));
  QStringList missing;
  for (const auto gap : catalogue::mappingGaps(chosen)) {
    switch (gap) {
      case catalogue::MappingGap::NoNames:
        missing << tr("a column of names (choose the field Name for it)");
        break;
      case catalogue::MappingGap::NoLongitude:
        missing << tr("the longitude column (a latitude column is chosen)");
        break;
      case catalogue::MappingGap::NoLatitude:
        missing << tr("the latitude column (a longitude column is chosen)");
        break;
      case catalogue::MappingGap::NoLocation:
        missing << tr("a location: longitude and latitude columns, or an address, township or county column");
        break;
    }
  }
  missing_->setText(missing.isEmpty() ? QString() : tr("Still missing: %1").arg(missing.join(QStringLiteral("; "))));
  missing_->setVisible(!missing.isEmpty());
  if (ok_) ok_->setEnabled(missing.isEmpty());
}

void RegistryMappingDialog::saveMappingFile() {
  const QFileInfo registry(qs(source_.path));
  const QString path = askSavePath(this, tr("Save the column mapping"), registry.absolutePath(),
                                   tr("Mapping files (*.mapping *.txt)"), QStringLiteral("mapping"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).absoluteFilePath() == registry.absoluteFilePath()) {
    showError(this, tr("Cannot save the mapping"), tr("%1 is the registry itself.").arg(path));
    return;
  }
  QSaveFile file(path);  // written beside and renamed when complete
  const std::string text = mappingText();
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !file.commit()) {
    showError(this, tr("Cannot save the mapping"), tr("%1: %2").arg(path, file.errorString()));
  }
}

}  // namespace circatlas::viewer
