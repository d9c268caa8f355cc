package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SyntheticResults;
import dev.provbench.analysis.load.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page as a person uses it, in headless Chromium driven through the DevTools protocol: a run of the
 * write-up's shape (3,000 synthetic cells: three providers at 8b, 70b and 405b and a self-hosted 405b), its report
 * written by {@code report}'s own code. Sorts a table, toggles a legend entry, hides a size, and goes from the
 * finding "… is slowest at …" to that experiment's ten slowest calls in two clicks; the page is in standards mode,
 * never wider than the window, and logs no error. Skipped only when Chromium is not installed (CI installs it).
 */
@Tag("browser")
@Slow("writes and analyses 3,000 cells with Spark, then drives Chromium")
class InteractiveReportTest {
  private static final String READY = "document.documentElement.getAttribute('data-ready') === 'true'";
  /** The provider and first size of "Provider 3 is slowest at 8b and 70b." or "… but slowest at 405b.". */
  private static final Pattern SLOWEST = Pattern.compile("(?:^|\\. )([^.]+?) is [^.]*?slowest at (\\w+)");

  @TempDir
  static Path dir;
  static Path html;
  static DevToolsBrowser browser;

  @BeforeAll
  static void writeAndOpen() throws Exception {
    assumeTrue(Files.isExecutable(DevToolsBrowser.CHROMIUM), "Chromium is not installed at " + DevToolsBrowser.CHROMIUM
        + " (apt-get install chromium); skipping the browser test");
    Path results = dir.resolve("results");
    SyntheticResults.write(SparkTestSession.get(), results, "page", 3000);
    Analysis analysis = ResultsAnalyzer.analyze(SparkTestSession.get(), results, List.of(), true,
        AnalysisOptions.defaults());
    html = RunReport.write(SparkTestSession.get(), analysis, LoadOptions.defaults(), AnalysisOptions.defaults(),
        dir.resolve("report"));
    browser = DevToolsBrowser.start(dir, 1400, 1000).listen();
    browser.navigate(html.toUri().toString());
    browser.waitFor(READY, Duration.ofSeconds(30));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  void standardsModeNoOverflowNoErrors() throws Exception {
    assertEquals("CSS1Compat", browser.evaluate("document.compatMode").asText());
    assertTrue(browser.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        .asBoolean(), "a table or chart makes the page wider than the window");
    assertEquals(7, browser.evaluate("document.querySelectorAll('#chart-grid canvas').length").asInt(),
        "the scatter, then latency and accuracy at each of 3 sizes, drawn");
    assertEquals(List.of(), browser.problems());
  }

  @Test
  void headerClickSortsNumbersAsNumbers() throws Exception {
    String column = "p50 s";
    List<Double> before = column("#speed_variance table", column);
    click("#speed_variance th", column);
    List<Double> ascending = column("#speed_variance table", column);
    assertNotEquals(before, ascending, "the order changed");
    assertEquals(before.stream().sorted().toList(), ascending);
    click("#speed_variance th", column);
    assertEquals(before.stream().sorted((a, b) -> Double.compare(b, a)).toList(), column("#speed_variance table", column));
    assertEquals("descending", browser.evaluate(header("#speed_variance th", column) + ".getAttribute('aria-sort')").asText());
    assertEquals(List.of(), browser.problems());
  }

  @Test
  void legendClickHidesAProvidersSeries() throws Exception {
    String chart = "echarts.getInstanceByDom(document.getElementById('chart-score-duration'))";
    browser.evaluate(chart + ".dispatchAction({type: 'legendToggleSelect', name: 'Provider 1'})");
    String selected = chart + ".getOption().legend[0].selected";
    assertTrue(browser.evaluate(selected + "['Provider 1'] === false").asBoolean(), "Provider 1 off");
    assertTrue(browser.evaluate(selected + "['Provider 2'] !== false").asBoolean(), "Provider 2 still on");
    browser.evaluate(chart + ".dispatchAction({type: 'legendToggleSelect', name: 'Provider 1'})");
    assertTrue(browser.evaluate(chart + ".getOption().legend[0].selected['Provider 1']").asBoolean());
    assertEquals(List.of(), browser.problems());
  }

  @Test
  void sizeFilterHidesTheSizeFromChartsTablesAndCells() throws Exception {
    String scatterIds = "echarts.getInstanceByDom(document.getElementById('chart-score-duration')).getOption().series"
        + ".filter(s => s.type === 'scatter').flatMap(s => s.data.map(d => d.name))";
    String shown405 = "Array.from(document.querySelectorAll('#speed_variance tr[data-size=\"405b\"]'))"
        + ".filter(r => r.offsetParent !== null).length";
    assertEquals(4, browser.evaluate(shown405).asInt());
    browser.evaluate("document.querySelector('#size-filter input[data-size=\"405b\"]').click()");
    assertEquals(0, browser.evaluate(shown405).asInt(), "405b rows hidden");
    assertEquals(6, browser.evaluate("document.querySelectorAll('#speed_variance tbody tr:not(.hidden)').length").asInt());
    assertTrue(browser.evaluate("document.getElementById('chart-latency-405b').offsetParent === null").asBoolean());
    JsonNode ids = browser.evaluate(scatterIds);
    assertEquals(6, ids.size(), ids.toString());
    ids.forEach(id -> assertFalse(id.asText().endsWith("-405b"), id.asText()));
    assertEquals(0, browser.evaluate("Array.from(document.querySelectorAll('#cell-browser li[data-size=\"405b\"]'))"
        + ".filter(li => li.offsetParent !== null).length").asInt());
    browser.evaluate("document.querySelector('#size-filter input[data-size=\"405b\"]').click()");
    assertEquals(4, browser.evaluate(shown405).asInt());
    assertEquals(10, browser.evaluate(scatterIds).size());
    assertEquals(List.of(), browser.problems());
  }

  @Test
  void fromTheSlowestFindingToItsTenSlowestCallsInTwoClicks() throws Exception {
    String summary = "Array.from(document.querySelectorAll('details.finding > summary'))"
        + ".find(s => / slowest at /.test(s.textContent))";
    String finding = browser.evaluate(summary + ".textContent").asText();
    Matcher m = SLOWEST.matcher(finding);
    assertTrue(m.find(), finding);
    String provider = m.group(1);
    String size = m.group(2);

    browser.evaluate(summary + ".click()");
    assertTrue(browser.evaluate(summary + ".parentElement.open").asBoolean(), "the first click opens the finding");
    String link = summary + ".parentElement.querySelectorAll('a.cells-link')";
    String label = provider + " at " + size + ": the slowest calls";
    browser.evaluate("Array.from(" + link + ").find(a => a.textContent === '" + label + "').click()");
    browser.waitFor("document.getElementById('cell-panel')", Duration.ofSeconds(10));

    assertEquals("slowest", browser.evaluate("document.getElementById('cell-panel').dataset.kind").asText());
    assertTrue(browser.evaluate("document.querySelector('#cell-panel h3').textContent").asText()
        .startsWith(provider + " at " + size + " ("));
    assertTrue(browser.evaluate("document.querySelector('#cell-panel .coverage').textContent").asText()
        .startsWith("Showing 10 of "));
    List<Double> shown = column("#cell-panel table", "duration ms");
    assertEquals(slowestDurations(provider, size), shown, "the ten slowest calls of " + provider + " at " + size);
    for (String figure : List.of("latency ms", "TTFT ms", "attempts")) {
      assertEquals(10, column("#cell-panel table", figure).stream().filter(v -> v != null).count(), figure);
    }
    assertTrue(browser.evaluate("Array.from(document.querySelectorAll('#cell-panel td:last-child summary'))"
        + ".some(s => s.textContent.startsWith('<function=select_choice>'))").asBoolean(), "responses show as text");
    assertEquals(List.of(), browser.problems());
  }

  @Test
  void drillDownTabsShowEachKindWithItsCount() throws Exception {
    browser.evaluate("location.hash = '#cells/0/provider-2-meta-llama-meta-llama-3-1-8b-instruct-turbo-8b/slowest'");
    browser.waitFor("document.getElementById('cell-panel')", Duration.ofSeconds(10));
    browser.evaluate("document.querySelector('#cell-panel button[data-kind=failed]').click()");
    browser.waitFor("document.getElementById('cell-panel').dataset.kind === 'failed'", Duration.ofSeconds(10));
    String note = browser.evaluate("document.querySelector('#cell-panel .coverage').textContent").asText();
    assertTrue(note.matches("Showing \\d+ of \\d+ failed cells, by case and trial\\..*"), note);
    long failed = SparkTestSession.get().sql("SELECT count(*) FROM cells WHERE provider = 'Provider 2' AND size = '8b'"
        + " AND status NOT IN ('ok', 'parse_error')").first().getLong(0);
    assertTrue(note.contains(" of " + failed + " failed cells"), note + " vs " + failed);
    assertEquals(List.of(), browser.problems());
  }

  /** The experiment's ten longest answered durations, from the results themselves. */
  private static List<Double> slowestDurations(String provider, String size) {
    List<Double> out = new ArrayList<>();
    for (Row r : SparkTestSession.get().sql("SELECT duration_ms FROM cells WHERE provider = '" + provider
        + "' AND size = '" + size + "' AND status IN ('ok', 'parse_error') ORDER BY duration_ms DESC LIMIT 10")
        .collectAsList()) {
      out.add((double) r.getLong(0));
    }
    return out;
  }

  /** A column of a table in the page as numbers (null for '-'). */
  private static List<Double> column(String table, String name) throws Exception {
    JsonNode values = browser.evaluate("(() => { const t = document.querySelector('" + table + "');"
        + " const i = Array.from(t.tHead.rows[0].cells).findIndex(c => c.textContent === '" + name + "');"
        + " return Array.from(t.tBodies[0].rows).map(r => r.cells[i].getAttribute('data-v')); })()");
    List<Double> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isNull() || v.asText().isEmpty() ? null : Double.parseDouble(v.asText())));
    return out;
  }

  private static String header(String headers, String name) {
    return "Array.from(document.querySelectorAll('" + headers + "')).find(h => h.textContent === '" + name + "')";
  }

  private static void click(String headers, String name) throws Exception {
    browser.evaluate(header(headers, name) + ".click()");
  }
}
