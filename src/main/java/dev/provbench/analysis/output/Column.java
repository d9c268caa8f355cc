package dev.provbench.analysis.output;

import java.util.Locale;

/**
 * A column of an {@link AnalysisTable}.
 *
 * @param name   the header, with its unit where it has one (e.g. {@code p50 s}).
 * @param format a {@link String#format} pattern for consoles and Markdown (e.g. {@code %.3f}), or
 *               {@link #P_VALUE} for a p-value; null prints the value as it is. CSV and JSON carry the raw value.
 */
public record Column(String name, String format) {
  /** The format of a p-value: three decimals, and {@code <0.001} below that, never {@code 0.000}. */
  public static final String P_VALUE = "p-value";

  public static Column text(String name) {
    return new Column(name, null);
  }

  public static Column number(String name, String format) {
    return new Column(name, format);
  }

  public static Column pValue(String name) {
    return new Column(name, P_VALUE);
  }

  /** {@code 0.042}, or {@code <0.001} when smaller. */
  public static String formatP(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
