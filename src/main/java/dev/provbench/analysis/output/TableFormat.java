package dev.provbench.analysis.output;

import java.util.Locale;
import java.util.function.Function;

/** How a command that prints a single table prints it ({@code replay --format}); JSON is for whole write-ups. */
public enum TableFormat {
  CONSOLE(ConsoleOutput::render),
  MARKDOWN(MarkdownOutput::render),
  CSV(CsvOutput::render);

  private final Function<AnalysisTable, String> renderer;

  TableFormat(Function<AnalysisTable, String> renderer) {
    this.renderer = renderer;
  }

  public String render(AnalysisTable table) {
    return renderer.apply(table);
  }

  /** The word {@code --format} takes: {@code console}, {@code markdown}, {@code csv}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
