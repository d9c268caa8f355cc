package dev.provbench.analysis.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One table of the analysis: raw values (String, Long, Double or null) that each output format renders
 * its own way. Immutable; built with {@link #builder}.
 *
 * @param id       a file-name-safe name, e.g. {@code tradeoff_by_size}.
 * @param title    the heading.
 * @param coverage what the table covers, e.g. {@code 360 cells, 12 failed}.
 * @param columns  the columns.
 * @param rows     one list of values per row, as many as columns.
 */
public record AnalysisTable(String id, String title, String coverage, List<Column> columns, List<List<Object>> rows) {

  public AnalysisTable {
    columns = List.copyOf(columns);
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  public static Builder builder(String id, String title, Column... columns) {
    return new Builder(id, title, List.of(columns));
  }

  /** The value as a console or Markdown shows it: {@code -} for null and NaN. */
  public String formatted(int row, int column) {
    Object v = rows.get(row).get(column);
    String format = columns.get(column).format();
    if (v == null || (v instanceof Double d && (d.isNaN() || d.isInfinite()))) return "-";
    if (format == null) return v.toString();
    if (format.equals(Column.P_VALUE)) return Column.formatP(((Number) v).doubleValue());
    return String.format(Locale.ROOT, format, v);
  }

  /** The index of a column by name. */
  public int column(String name) {
    for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(name)) return i;
    throw new IllegalArgumentException(id + " has no column `" + name + "`");
  }

  public Object value(int row, String column) {
    return rows.get(row).get(column(column));
  }

  /** Collects rows, then the coverage line. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(String id, String title, List<Column> columns) {
      this.id = id;
      this.title = title;
      this.columns = columns;
    }

    /** Appends a row; values may be null. */
    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(id + ": row has " + values.length + " values for " + columns.size() + " columns");
      }
      rows.add(Collections.unmodifiableList(Arrays.asList(values.clone())));
      return this;
    }

    public AnalysisTable build(String coverage) {
      return new AnalysisTable(id, title, coverage, columns, rows);
    }
  }
}
