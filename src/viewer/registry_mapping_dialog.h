// The column-mapping dialog of File > Open registry: which column of a planner's sheet feeds which
// registry field, in which coordinate system, and what the reader will derive or still lacks.
#pragma once

#include <QDialog>

#include <string>
#include <vector>

#include "catalogue/column_mapping.h"
#include "catalogue/registry_table.h"
#include "io/registry_file.h"
#include "render/style.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace circatlas::viewer {

/// Shows the columns of a registry file (a few sample values each) with the field each feeds, as
/// catalogue::chooseColumns decides from the source's requests and the recognised headers — the
/// same decision `circatlas validate` and every command make. The planner changes a column's
/// field or leaves it unused, picks the lon/lat columns and the coordinate system; the dialog
/// lists what the reader will derive (catalogue::derivedFields) and what it still lacks
/// (catalogue::mappingGaps), with OK disabled while a gap remains.
class RegistryMappingDialog : public QDialog {
  Q_OBJECT

 public:
  /// Reads the rows of `source` (io::readRegistrySheet) and starts from its requests
  /// (source.fields, lonField, latField; a request naming a column the file lacks is dropped and
  /// said so) and the recognised headers. Throws what io::readRegistrySheet throws.
  RegistryMappingDialog(catalogue::RegistrySource source, render::Language language, QWidget* parent = nullptr);

  /// The source with the chosen mapping, as the reader takes it: coords, and in `fields` one
  /// "field=column" per used column and "ignore=column" per unused one (lonField/latField cleared).
  [[nodiscard]] catalogue::RegistrySource source() const;
  /// The mapping as a mapping file (catalogue::formatMappingFile: what --save-mapping writes and
  /// --mapping reads).
  [[nodiscard]] std::string mappingText() const;

  /// The field a column feeds, or empty when unused.
  [[nodiscard]] std::string target(const std::string& column) const;
  /// Makes `column` feed `field` (empty: unused); a column that fed `field` before becomes unused.
  /// False when the file has no such column or the field is unknown.
  bool setTarget(const std::string& column, const std::string& field);
  /// The sheet's columns, in order.
  [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return sheet_.table.header; }
  /// True when the mapping can be read (no catalogue::MappingGap): OK is enabled.
  [[nodiscard]] bool isReadable() const;

  [[nodiscard]] QTableWidget* columnTable() const noexcept { return table_; }
  [[nodiscard]] QComboBox* coordsBox() const noexcept { return coords_; }
  [[nodiscard]] QComboBox* lonBox() const noexcept { return lon_; }
  [[nodiscard]] QComboBox* latBox() const noexcept { return lat_; }
  [[nodiscard]] QPushButton* okButton() const noexcept { return ok_; }
  [[nodiscard]] QLabel* missingLabel() const noexcept { return missing_; }
  [[nodiscard]] QLabel* derivedLabel() const noexcept { return derived_; }
  [[nodiscard]] QLabel* notesLabel() const noexcept { return notes_; }

 private:
  void buildTable();
  void refresh();
  void setCoordinateColumn(const char* field, int index);
  void saveMappingFile();
  void resetToRecognised();
  [[nodiscard]] std::vector<catalogue::ColumnChoice> choices() const;
  [[nodiscard]] QString fieldText(const std::string& field) const;

  catalogue::RegistrySource source_;
  io::RegistrySheet sheet_;
  render::Language language_;
  std::vector<std::string> targets_;  ///< per column: its field, or empty when unused
  std::vector<std::string> dropped_;  ///< requests naming columns the file lacks
  QTableWidget* table_;
  QComboBox* lon_;
  QComboBox* lat_;
  QComboBox* coords_;
  QLabel* notes_;
  QLabel* derived_;
  QLabel* missing_;
  QPushButton* ok_ = nullptr;
};

}  // namespace circatlas::viewer
