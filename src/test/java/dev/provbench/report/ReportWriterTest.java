package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.output.Insight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder: one self-contained HTML page and a PNG per chart. */
class ReportWriterTest {
  private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"");

  @TempDir
  static Path dir;
  static Analysis analysis;
  static Path html;
  static String page;

  @BeforeAll
  static void write() throws Exception {
    analysis = FixtureReport.analyze(dir);
    html = FixtureReport.write(analysis, dir);
    page = Files.readString(html);
  }

  @Test
  void onePngPerChart() throws Exception {
    try (Stream<Path> files = Files.list(html.getParent())) {
      assertEquals(List.of("accuracy-70b.png", "accuracy-8b.png", "latency-70b.png", "latency-8b.png", "report.html",
          "score-vs-duration.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    BufferedImage scatter = ImageIO.read(html.resolveSibling("score-vs-duration.png").toFile());
    assertEquals(900, scatter.getWidth());
  }

  @Test
  void pageFetchesNothing() {
    Matcher m = URL_ATTRIBUTE.matcher(page);
    int images = 0;
    while (m.find()) {
      String url = m.group(2);
      assertFalse(url.matches("(?i)\\s*(https?:)?//.*"), "network URL in the report: " + url);
      if (url.startsWith("data:image/png;base64,")) images++;
    }
    assertEquals(5, images, "every chart embedded as a data URI");
    assertFalse(page.contains("<script"), "no script");
    assertFalse(page.contains("@import") || page.contains("url("), "no stylesheet fetches");
  }

  @Test
  void pageSaysSimulatedAndHasEveryTable() {
    assertTrue(page.contains("Simulated providers"));
    for (String id : List.of("tradeoff_by_size", "speed_variance", "accuracy_variance", "ranking", "reliability", "cost",
        "trial_consistency", "pareto_front", "correct_goodput", "paired_tests")) {
      assertTrue(page.contains("id=\"" + id + "\""), id);
    }
    assertTrue(page.contains("P2 fails far more often than the others at 8b"), "the fail-often provider is flagged");
    assertTrue(page.contains("adjusted p"));
  }

  @Test
  void speedChartsSayTheyShowAnsweredCellsAndTheFailureRate() {
    assertTrue(page.contains("Duration per answered cell at 8b"));
    assertTrue(page.contains("each provider&#39;s failure rate is in the legend") || page.contains("each provider's failure"
        + " rate is in the legend"));
    assertTrue(page.contains("an experiment with failures is labelled with its failure rate"));
  }

  @Test
  void listsEachExperimentsFailedAndSlowestCells() {
    for (String link : List.of("P1 at 70b (m-p1-70b)</a>: 0 failed", "P1 at 8b (m-p1-8b)</a>: 0 failed",
        "P2 at 70b (m-p2-70b)</a>: 1 failed", "P2 at 8b (m-p2-8b)</a>: 1 failed")) {
      assertTrue(page.contains(link), link);
    }
    // case, trial, status, HTTP, error, attempts, duration, latency, response id, response
    cell("cells-p2-m-p2-8b-8b", "c2|1|http_error|429|http_error in fixture|4|3000|-|-|-");
    cell("cells-p2-m-p2-70b-70b", "c2|2|timeout|-|timeout in fixture|1|10000|-|-|-");
    cell("cells-p1-m-p1-8b-8b", "c2|2|parse_error|200|parse_error in fixture|1|1600|1600|-|I think it is B.");
    String p2at8b = section("cells-p2-m-p2-8b-8b");
    assertFalse(p2at8b.contains("timeout"), "the re-run cell shows its latest row only");
    assertTrue(p2at8b.indexOf("|c2|2|ok|") < p2at8b.indexOf("|c1|"), "slowest first: " + p2at8b);
  }

  @Test
  void escapesEveryValue() {
    String hostile = "<script>alert('x')</script> & \"quoted\"";
    Analysis withHostileText = new Analysis(analysis.run(), null, List.of(), List.of(new Insight(hostile, hostile)));
    String rendered = HtmlPage.render(withHostileText, FixtureReport.samples(analysis), List.of());
    assertFalse(rendered.contains("<script>"), "unescaped insight");
    assertTrue(rendered.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), rendered);
  }

  /** Asserts that an experiment's section has a row with these cell texts, {@code |}-separated. */
  private static void cell(String anchor, String expected) {
    assertTrue(section(anchor).contains("|" + expected + "|"), anchor + " lacks " + expected + ": " + section(anchor));
  }

  /** The section's table cells as text, one row per line: {@code |c2|1|http_error|...|}. */
  private static String section(String anchor) {
    int start = page.indexOf("<h3 id=\"" + anchor + "\">");
    assertTrue(start >= 0, "no section " + anchor);
    int end = page.indexOf("<h3", start + 1);
    String html = page.substring(start, end < 0 ? page.length() : end);
    return html.replaceAll("<tr>", "\n|").replaceAll("</td>", "|").replaceAll("<[^>]+>", "");
  }
}
