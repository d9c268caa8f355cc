package dev.provbench.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.Insight;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page, rendered from {@code report.html.mustache} beside this class:
 * styles inline, charts as base64 PNG data URIs, no script, font or image fetched from anywhere. The template
 * is compiled once per JVM with HTML escaping on and is thread-safe; the page model below holds only text.
 */
final class HtmlPage {
  private static final String TEMPLATE = "report.html.mustache";
  /**
   * The pages' mustache configuration, apart from the prompts' ({@code PromptTemplates}): HTML escaping on, since
   * the values are text from models, servers and datasets that must show as text, never become markup. Otherwise
   * jmustache's defaults: a value the page model lacks fails rather than rendering empty. Immutable.
   */
  private static final Mustache.Compiler PAGES = Mustache.compiler().escapeHTML(true);
  private static final Template PAGE = compile(TEMPLATE);

  private HtmlPage() {}

  /** What the template reads; every value already formatted. */
  record Page(String heading, boolean simulated, long cells, long failed, List<Insight> insights, List<Chart> charts,
      List<Table> tables, String runId, int slowestShown, List<Samples> samples) {}

  record Chart(String title, String caption, String dataUri) {}

  record Table(String id, String title, List<String> headers, List<Row> rows, String coverage) {}

  record Row(List<Value> values) {}

  /** @param numeric whether the column is a number (right-aligned). */
  record Value(String text, boolean numeric) {}

  /** One experiment's cells: its failed ones, then its slowest answered ones (empty groups left out). */
  record Samples(String anchor, String label, long failedAll, List<Group> groups) {}

  record Group(String note, List<SampleCell> cells) {}

  record SampleCell(String caseId, int trial, String status, String httpStatus, String error, int attempts,
      long durationMs, String latencyMs, String responseId, String response) {}

  static String render(Analysis analysis, List<CellSamples> samples, List<ChartImage> charts) {
    boolean simulated = analysis.run().simulated() || (analysis.compared() != null && analysis.compared().simulated());
    return PAGE.execute(new Page(analysis.heading(), simulated, analysis.run().cells(), analysis.run().failed(),
        analysis.insights(), charts.stream().map(HtmlPage::chart).toList(),
        analysis.tables().stream().map(HtmlPage::table).toList(), analysis.run().runId(), CellSamples.SLOWEST_SHOWN,
        samples.stream().map(HtmlPage::samples).toList()));
  }

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

  private static Samples samples(CellSamples s) {
    List<Group> groups = new ArrayList<>();
    if (!s.failed().isEmpty()) {
      String shown = s.failed().size() < s.failedAll() ? "the first " + s.failed().size() + " of " : "";
      groups.add(new Group("Failed cells: " + shown + s.failedAll() + ", by case and trial.", cells(s.failed())));
    }
    if (!s.slowest().isEmpty()) groups.add(new Group("Slowest answered cells, by duration.", cells(s.slowest())));
    return new Samples(anchor(s), s.experiment().label() + " (" + s.experiment().model() + ")", s.failedAll(), groups);
  }

  private static List<SampleCell> cells(List<CellSamples.Cell> cells) {
    return cells.stream().map(c -> new SampleCell(c.caseId(), c.trial(), c.status(), text(c.httpStatus()), text(c.error()),
        c.attempts(), c.durationMs(), text(c.latencyMs()), text(c.responseId()), text(c.response()))).toList();
  }

  /** An id unique per experiment and safe in a URL fragment. */
  static String anchor(CellSamples s) {
    return "cells-" + s.experiment().key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
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
