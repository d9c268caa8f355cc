package dev.provbench.analysis;

import org.apache.spark.sql.Row;

/** A query row's number columns read by name, whatever numeric type Spark gave them. */
final class RowValues {
  private RowValues() {}

  /** A nullable number column. */
  static Double dbl(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** A number column, 0 when null. */
  static double num(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? 0 : v;
  }

  /** A number column, NaN when null (no answered cell). */
  static double nan(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? Double.NaN : v;
  }

  /** A count column, 0 when null. */
  static long lng(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? 0 : v.longValue();
  }
}
