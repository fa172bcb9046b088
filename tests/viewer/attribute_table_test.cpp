// The attribute table: row selection and map selection stay in step; filter; TSV.
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>

#include "viewer/attribute_table_panel.h"
#include "viewer/feature_table_model.h"
#include "viewer/layer_stack.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using AttributeTableTest = ViewerTest;

int columnOf(const QAbstractItemModel& model, const QString& name) {
  for (int c = 0; c < model.columnCount(); ++c) {
    if (model.headerData(c, Qt::Horizontal).toString() == name) return c;
  }
  return -1;
}

TEST_F(AttributeTableTest, SelectingARowSelectsThatFeatureOnTheMap) {
  AttributeTablePanel* panel = window->tablePanel();
  ASSERT_TRUE(panel->showLayer("prefectures"));
  QTableView* view = panel->view();
  const int nameColumn = columnOf(*view->model(), "name_zh");
  ASSERT_GE(nameColumn, 0);
  emit view->horizontalHeader()->sectionClicked(nameColumn);  // sorted by name: rows no longer equal features
  view->selectRow(2);
  const QString name = view->model()->index(2, nameColumn).data().toString();

  const Selection& selection = window->layers().selection();
  EXPECT_EQ(selection.layerId, "prefectures");
  ASSERT_EQ(selection.features.size(), 1u);
  const auto& layer = *window->layers().find("prefectures")->source;
  EXPECT_EQ(QString::fromStdString(core::toString(layer.value(selection.features[0], "name_zh"))), name);
}

TEST_F(AttributeTableTest, MapSelectionSelectsTheRowAndFilterNarrowsRows) {
  AttributeTablePanel* panel = window->tablePanel();
  ASSERT_TRUE(panel->showLayer("prefectures"));
  window->layers().setSelection({"prefectures", {5}});
  const auto rows = panel->view()->selectionModel()->selectedRows();
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows.front().row(), 5);  // unsorted: row = feature

  panel->filterEdit()->setText(QStringLiteral("Lanzhou"));
  EXPECT_EQ(panel->view()->model()->rowCount(), 1);
  const QString tsv = panel->tsv();
  EXPECT_TRUE(tsv.startsWith("code\tname_zh\t"));
  EXPECT_TRUE(tsv.contains(QStringLiteral("620100\t兰州市\t")));
  EXPECT_EQ(tsv.count('\n'), 2);  // header and one row
}

TEST(TableToTsv, ReplacesTabsAndLineBreaksInsideValues) {
  QStandardItemModel model(1, 2);
  model.setHorizontalHeaderLabels({"a", "b"});
  model.setItem(0, 0, new QStandardItem("x\ty"));
  model.setItem(0, 1, new QStandardItem("line\nbreak"));
  EXPECT_EQ(tableToTsv(model), QStringLiteral("a\tb\nx y\tline break\n"));
}

}  // namespace
}  // namespace circatlas::viewer::testing
