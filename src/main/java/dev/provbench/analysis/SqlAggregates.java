package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * SQL's aggregate functions over cells on the driver, with SQL's rules: a null value is skipped, and an aggregate
 * of no value is null ({@code count_if} is 0). Each figure's class states its rule once in SQL and once with these.
 */
final class SqlAggregates {
  private SqlAggregates() {}

  /** The non-null values of a column, as doubles, in cell order. */
  static double[] values(List<Cell> cells, Function<Cell, ? extends Number> column) {
    return cells.stream().map(column).filter(Objects::nonNull).mapToDouble(Number::doubleValue).toArray();
  }

  /** {@code count_if(condition)}. */
  static long countIf(List<Cell> cells, Predicate<Cell> condition) {
    return cells.stream().filter(condition).count();
  }

  /** {@code avg(column)}: Spark sums in double, then divides by the count. */
  static Double avg(List<Cell> cells, Function<Cell, ? extends Number> column) {
    double[] v = values(cells, column);
    if (v.length == 0) return null;
    double sum = 0;
    for (double x : v) sum += x;
    return sum / v.length;
  }

  /** {@code sum(column)} of a double column. */
  static Double sum(List<Cell> cells, Function<Cell, Double> column) {
    double[] v = values(cells, column);
    if (v.length == 0) return null;
    double sum = 0;
    for (double x : v) sum += x;
    return sum;
  }

  /** {@code sum(column)} of an integer column. */
  static Long sumLong(List<Cell> cells, Function<Cell, ? extends Number> column) {
    List<Long> v = cells.stream().map(column).filter(Objects::nonNull).map(Number::longValue).toList();
    return v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).sum();
  }

  /** {@code percentile(column, p)}, exact as Spark's ({@link ExactPercentile}). */
  static Double percentile(List<Cell> cells, Function<Cell, ? extends Number> column, double p) {
    return ExactPercentile.of(values(cells, column), p);
  }

  /** {@code stddev_samp(column)}: Spark's running central moments; null for fewer than two values. */
  static Double stddevSamp(List<Cell> cells, Function<Cell, ? extends Number> column) {
    double[] v = values(cells, column);
    if (v.length < 2) return null;
    double n = 0;
    double mean = 0;
    double m2 = 0;
    for (double x : v) {
      n++;
      double delta = x - mean;
      double deltaN = delta / n;
      mean += deltaN;
      m2 += delta * (delta - deltaN);
    }
    return Math.sqrt(m2 / (n - 1));
  }

  /** A nullable figure divided, as SQL's {@code x / d}. */
  static Double div(Double x, double d) {
    return x == null ? null : x / d;
  }

  /** A figure that reads NaN when SQL gives null (no answered cell), as {@link RowValues#nan}. */
  static double nan(Double x) {
    return x == null ? Double.NaN : x;
  }

  /** A figure that reads 0 when SQL gives null, as {@link RowValues#num}. */
  static double num(Number x) {
    return x == null ? 0 : x.doubleValue();
  }
}
