package dev.provbench.analysis.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with raw values (no units, full precision): a header row, then one line per row; null and NaN are
 * empty, and a value is quoted only when it holds a comma, quote or line break (RFC 4180). Several tables
 * go one after another, each preceded by a {@code # id: title} comment line and followed by a blank line;
 * {@link #render(AnalysisTable)} gives one table alone.
 */
public final class CsvOutput {
  /** One per JVM; thread-safe once configured. Strict quoting: only where RFC 4180 needs it. */
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private CsvOutput() {}

  static String render(WriteUp writeUp) {
    StringBuilder sb = new StringBuilder();
    for (AnalysisTable t : writeUp.tables()) {
      sb.append("# ").append(t.id()).append(": ").append(t.title()).append(" (").append(t.coverage()).append(")\n");
      sb.append(render(t)).append('\n');
    }
    return sb.toString();
  }

  public static String render(AnalysisTable t) {
    List<List<Object>> lines = new ArrayList<>();
    lines.add(new ArrayList<>(t.columns().stream().map(Column::name).toList()));
    for (List<Object> row : t.rows()) lines.add(row.stream().map(CsvOutput::raw).toList());
    try {
      return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write table " + t.id() + " as CSV", e);
    }
  }

  /** The value as written: its {@code toString()}, or empty for null and NaN. */
  private static Object raw(Object v) {
    return v == null || (v instanceof Double d && d.isNaN()) ? "" : v.toString();
  }
}
