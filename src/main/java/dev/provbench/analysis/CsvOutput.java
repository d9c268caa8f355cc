package dev.provbench.analysis;

import java.util.List;

/**
 * CSV with raw values (no units, full precision). Several tables go one after another, each preceded by
 * a {@code # id: title} comment line and followed by a blank line; {@link #render(AnalysisTable)} gives
 * one table alone.
 */
public final class CsvOutput {
  private CsvOutput() {}

  static String render(Analysis analysis) {
    StringBuilder sb = new StringBuilder();
    for (AnalysisTable t : analysis.tables()) {
      sb.append("# ").append(t.id()).append(": ").append(t.title()).append(" (").append(t.coverage()).append(")\n");
      sb.append(render(t)).append('\n');
    }
    return sb.toString();
  }

  public static String render(AnalysisTable t) {
    StringBuilder sb = new StringBuilder();
    line(sb, t.columns().stream().map(Column::name).map(Object.class::cast).toList());
    for (List<Object> row : t.rows()) line(sb, row);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(quote(values.get(i)));
    }
    sb.append('\n');
  }

  private static String quote(Object v) {
    if (v == null || (v instanceof Double d && d.isNaN())) return "";
    String s = v.toString();
    return s.matches("[^,\"\\n\\r]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
