package dev.provbench.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the static pages share (the trend page): charts as base64 PNG data URIs, tables as formatted text, and the
 * pages' mustache compiler with HTML escaping on. Templates are compiled once per JVM and are thread-safe; the page
 * models below hold only text.
 */
final class HtmlPage {
  /**
   * The pages' mustache configuration, apart from the prompts' ({@code PromptTemplates}): HTML escaping on, since
   * the values are text from models, servers and datasets that must show as text, never become markup. Otherwise
   * jmustache's defaults: a value the page model lacks fails rather than rendering empty. Immutable.
   */
  private static final Mustache.Compiler PAGES = Mustache.compiler().escapeHTML(true);

  private HtmlPage() {}

  record Chart(String title, String caption, String dataUri) {}

  record Table(String id, String title, List<String> headers, List<Row> rows, String coverage) {}

  record Row(List<Value> values) {}

  /** @param numeric whether the column is a number (right-aligned). */
  record Value(String text, boolean numeric) {}

  /** A chart as the page embeds it: its PNG as a data URI. */
  static Chart chart(ChartImage c) {
    return new Chart(c.title(), c.caption(), "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()));
  }

  static Table table(AnalysisTable t) {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      List<Value> values = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) values.add(new Value(t.formatted(r, c), t.columns().get(c).format() != null));
      rows.add(new Row(values));
    }
    return new Table(t.id(), t.title(), t.columns().stream().map(Column::name).toList(), rows, t.coverage());
  }

  /** A page template beside this class ({@link #PAGES}); each caller keeps its own in a static field. */
  static Template compile(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException(name + " is missing from the classpath");
      return PAGES.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
