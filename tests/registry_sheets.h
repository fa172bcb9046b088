// Registries as bureaus hand them out, made for tests: workbook sheets written with GDAL's XLSX and
// ODS drivers, and text converted to GB18030 (a superset of GBK) as Chinese Excel saves a CSV.
// Used by the io tests of the registry reader and the CLI's end-to-end registry test.
#pragma once

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <iconv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace circatlas::test {

using Cells = std::vector<std::string>;

/// Writes a workbook sheet with GDAL's XLSX or ODS driver: the first row of `rows` is the header.
/// Columns listed in `numeric` are written as numbers, as a spreadsheet holds coordinates.
inline void writeSheet(const std::filesystem::path& path, const char* driverName, const char* sheet,
                       const std::vector<Cells>& rows, const std::vector<std::size_t>& numeric = {}) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
  ASSERT_NE(driver, nullptr);
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_NE(ds, nullptr);
  OGRLayer* layer = ds->CreateLayer(sheet, nullptr, wkbNone, nullptr);
  ASSERT_NE(layer, nullptr);
  for (std::size_t c = 0; c < rows[0].size(); ++c) {
    const bool isNumber = std::find(numeric.begin(), numeric.end(), c) != numeric.end();
    OGRFieldDefn field(rows[0][c].c_str(), isNumber ? OFTReal : OFTString);
    ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (!rows[r][c].empty()) feature.SetField(static_cast<int>(c), rows[r][c].c_str());
    }
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
}

/// `utf8` converted to GB18030 by iconv.
inline std::string toGb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8;
  std::string out(in.size() * 2 + 16, '\0');
  char* inPtr = in.data();
  char* outPtr = out.data();
  std::size_t inLeft = in.size();
  std::size_t outLeft = out.size();
  const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<std::size_t>(-1));
  out.resize(out.size() - outLeft);
  return out;
}

/// The rows as CSV text (no quoting: the cells hold no comma).
inline std::string csvText(const std::vector<Cells>& rows) {
  std::string csv;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) csv += (c ? "," : "") + row[c];
    csv += "\n";
  }
  return csv;
}

}  // namespace circatlas::test
