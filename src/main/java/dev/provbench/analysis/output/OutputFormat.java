package dev.provbench.analysis.output;

import java.util.Locale;
import java.util.function.Function;

/** How {@code analyze} prints a {@link WriteUp}. */
public enum OutputFormat {
  CONSOLE(ConsoleOutput::render),
  CSV(CsvOutput::render),
  JSON(JsonOutput::render),
  MARKDOWN(MarkdownOutput::render);

  private final Function<WriteUp, String> renderer;

  OutputFormat(Function<WriteUp, String> renderer) {
    this.renderer = renderer;
  }

  public String render(WriteUp writeUp) {
    return renderer.apply(writeUp);
  }

  /** The word {@code analyze --format} takes: {@code console}, {@code csv}, {@code json}, {@code markdown}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
