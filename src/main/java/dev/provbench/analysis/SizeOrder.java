package dev.provbench.analysis;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders model sizes by their number of parameters (8b &lt; 70b &lt; 405b); sizes without a number go last. */
public final class SizeOrder {
  /** The same order in Spark SQL and DuckDB: {@code ORDER BY <this>, size}. */
  public static final String SQL_KEY = "try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE)";
  public static final Comparator<String> COMPARATOR =
      Comparator.comparingDouble(SizeOrder::parameters).thenComparing(Comparator.naturalOrder());
  private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)");

  private SizeOrder() {}

  static double parameters(String size) {
    Matcher m = NUMBER.matcher(size == null ? "" : size);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
  }
}
