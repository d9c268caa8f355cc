package dev.provbench.report;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One analysis table as the page writes it: each value as the console shows it, and for numeric columns the
 * number the page's script sorts by, so a click on a header sorts numbers as numbers; each row carries its size
 * (when the table has that column) for the size filter. Immutable.
 *
 * @param headers the columns.
 * @param rows    the rows.
 */
record TableContent(String id, String title, String coverage, List<Header> headers, List<Row> rows) {

  record Header(String name, boolean numeric) {}

  /** @param size the row's {@code size} value, "" when the table has no such column. */
  record Row(String size, List<Value> values) {}

  /**
   * @param text      the value as shown.
   * @param numeric   whether its column holds numbers (right-aligned).
   * @param sortValue the number the page sorts by, "" when none (sorted last).
   */
  record Value(String text, boolean numeric, String sortValue) {}

  static TableContent of(AnalysisTable t) {
    int sizeColumn = t.columns().stream().map(Column::name).toList().indexOf("size");
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      List<Value> values = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) {
        values.add(new Value(t.formatted(r, c), t.columns().get(c).format() != null, sortValue(t.rows().get(r).get(c))));
      }
      rows.add(new Row(sizeColumn < 0 ? "" : t.formatted(r, sizeColumn), values));
    }
    return new TableContent(t.id(), t.title(), t.coverage(),
        t.columns().stream().map(c -> new Header(c.name(), c.format() != null)).toList(), rows);
  }

  private static String sortValue(Object raw) {
    if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) return "";
    return raw instanceof Double || raw instanceof Float ? String.format(Locale.ROOT, "%.17g", n.doubleValue())
        : n.toString();
  }
}
