package dev.provbench.analysis.output;

/** GitHub-flavoured Markdown: a heading and a table per analysis table, then the insights. */
public final class MarkdownOutput {
  private MarkdownOutput() {}

  static String render(WriteUp writeUp) {
    StringBuilder sb = new StringBuilder("# provbench analysis: ").append(writeUp.heading()).append("\n\n");
    sb.append("## Insights\n\n");
    for (Insight i : writeUp.insights()) sb.append("- ").append(i.text()).append(" _(").append(i.basis()).append(")_\n");
    for (AnalysisTable t : writeUp.tables()) sb.append('\n').append(render(t));
    return sb.toString();
  }

  public static String render(AnalysisTable t) {
    StringBuilder sb = new StringBuilder("## ").append(t.title()).append("\n\n|");
    StringBuilder rule = new StringBuilder("|");
    for (Column c : t.columns()) {
      sb.append(' ').append(escape(c.name())).append(" |");
      rule.append(c.format() == null ? " --- |" : " ---: |");
    }
    sb.append('\n').append(rule).append('\n');
    for (int r = 0; r < t.rows().size(); r++) {
      sb.append('|');
      for (int c = 0; c < t.columns().size(); c++) sb.append(' ').append(escape(t.formatted(r, c))).append(" |");
      sb.append('\n');
    }
    return sb.append("\n_").append(t.coverage()).append("_\n").toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
