package dev.provbench.analysis;

import java.util.function.Function;

/** How {@code analyze} prints an {@link Analysis}. */
public enum OutputFormat {
  CONSOLE(ConsoleOutput::render),
  CSV(CsvOutput::render),
  JSON(JsonOutput::render),
  MARKDOWN(MarkdownOutput::render);

  private final Function<Analysis, String> renderer;

  OutputFormat(Function<Analysis, String> renderer) {
    this.renderer = renderer;
  }

  public String render(Analysis analysis) {
    return renderer.apply(analysis);
  }
}
