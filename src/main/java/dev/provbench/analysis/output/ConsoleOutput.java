package dev.provbench.analysis.output;

import java.util.ArrayList;
import java.util.List;

/** Aligned plain-text tables, each with its coverage line, then the insights. */
public final class ConsoleOutput {
  private ConsoleOutput() {}

  static String render(WriteUp writeUp) {
    StringBuilder sb = new StringBuilder("provbench analysis: ").append(writeUp.heading()).append("\n\n");
    for (AnalysisTable t : writeUp.tables()) sb.append(render(t)).append('\n');
    sb.append("Insights\n");
    for (Insight i : writeUp.insights()) sb.append("- ").append(i.text()).append("\n    (").append(i.basis()).append(")\n");
    return sb.toString();
  }

  public static String render(AnalysisTable t) {
    ConsoleTable out = new ConsoleTable(t.columns().stream().map(Column::name).toList());
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) cells.add(t.formatted(r, c));
      out.row(cells);
    }
    return t.title() + "\n" + out.render() + "(" + t.coverage() + ")\n";
  }
}
