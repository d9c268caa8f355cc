package dev.provbench.analysis;

/**
 * A column of an {@link AnalysisTable}.
 *
 * @param name   the header, with its unit where it has one (e.g. {@code p50 s}).
 * @param format a {@link String#format} pattern for consoles and Markdown (e.g. {@code %.3f}); null
 *               prints the value as it is. CSV and JSON carry the raw value.
 */
public record Column(String name, String format) {
  public static Column text(String name) {
    return new Column(name, null);
  }

  public static Column number(String name, String format) {
    return new Column(name, format);
  }
}
