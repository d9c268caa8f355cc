package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.output.Insight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder: one self-contained interactive HTML page and a PNG per chart. */
class ReportWriterTest {
  private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern CONTENT = Pattern.compile(
      "<script type=\"application/json\" id=\"report-content\">(.*?)</script>", Pattern.DOTALL);

  @TempDir
  static Path dir;
  static Analysis analysis;
  static Path html;
  static String page;
  static JsonNode content;

  @BeforeAll
  static void write() throws Exception {
    analysis = FixtureReport.analyze(dir);
    html = FixtureReport.write(analysis, dir);
    page = Files.readString(html);
    content = content(page);
  }

  @Test
  void onePngPerChart() throws Exception {
    try (Stream<Path> files = Files.list(html.getParent())) {
      assertEquals(List.of("accuracy-70b.png", "accuracy-8b.png", "latency-70b.png", "latency-8b.png", "report.html",
          "score-vs-duration.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    BufferedImage scatter = ImageIO.read(html.resolveSibling("score-vs-duration.png").toFile());
    assertEquals(900, scatter.getWidth());
    for (String png : List.of("score-vs-duration.png", "latency-8b.png", "accuracy-70b.png")) {
      assertTrue(page.contains("<a href=\"" + png + "\">"), "the page links " + png);
    }
  }

  @Test
  void pageFetchesNothingAndInlinesItsScripts() {
    String markup = page.replaceAll("(?s)(<script[^>]*>).*?</script>", "$1</script>");
    Matcher m = URL_ATTRIBUTE.matcher(markup);
    while (m.find()) {
      String url = m.group(2);
      assertFalse(url.matches("(?i)\\s*(https?:|file:)?//.*"), "network URL in the report: " + url);
      assertFalse(m.group(1).equalsIgnoreCase("src") && !url.startsWith("data:"), "fetched: " + url);
    }
    assertEquals(3, count(page, "<script"), "the JSON, ECharts and the page's script");
    assertEquals(List.of("<script type=\"application/json\" id=\"report-content\">", "<script>", "<script>"),
        Pattern.compile("<script[^>]*>").matcher(markup).results().map(r -> r.group()).toList(), "no script src");
    assertFalse(page.contains("@import"), "no stylesheet fetches");
    assertTrue(page.contains(EChartsLibrary.SCRIPT), "ECharts inlined");
    assertTrue(EChartsLibrary.VERSION.matches("5\\.\\d+\\.\\d+"), EChartsLibrary.VERSION);
    for (String file : PageScript.FILES) assertTrue(page.contains("// page/" + file + "\n"), file);
  }

  @Test
  void pageSaysSimulatedAndHasEveryTableSortable() {
    assertTrue(page.contains("Simulated providers"));
    for (String id : List.of("tradeoff_by_size", "speed_variance", "accuracy_variance", "ranking", "reliability", "cost",
        "trial_consistency", "pareto_front", "correct_goodput", "paired_tests")) {
      assertTrue(page.contains("<section class=\"analysis-table\" id=\"" + id + "\">"), id);
    }
    assertTrue(page.contains("P2 fails far more often than the others at 8b"), "the fail-often provider is flagged");
    assertTrue(page.contains("adjusted p"));
    assertTrue(page.contains("<tr data-size=\"8b\"><td>8b</td>"), "rows carry their size for the filter");
    assertTrue(Pattern.compile("<td class=\"num\" data-v=\"[0-9.e+-]+\">").matcher(page).find(), "numbers sort as numbers");
  }

  @Test
  void findingsLinkToTheCellsOfTheExperimentsTheyName() {
    String p2at8b = ExperimentFigures.id(new Experiment("P2", "m-p2-8b", "8b"));
    assertEquals("p2-m-p2-8b-8b", p2at8b);
    int finding = page.indexOf("<summary>P2 fails far more often than the others at 8b");
    assertTrue(finding > 0, "the finding is a summary to click");
    String rest = page.substring(finding, page.indexOf("</details>", finding));
    assertTrue(rest.contains("href=\"#cells/0/" + p2at8b + "/failed\">P2 at 8b: the failed calls</a>"), rest);
  }

  @Test
  void contentHoldsEachExperimentsFiguresAndSampledCells() {
    assertEquals("r1", content.at("/run/id").asText());
    assertEquals(List.of("8b", "70b"), texts(content.get("sizes")));
    assertEquals("#0072b2", content.at("/providers/0/colour").asText());
    JsonNode p1 = content.at("/experiments/0");
    assertEquals("P1", p1.get("provider").asText());
    assertEquals(4, p1.get("cells").asLong());
    assertEquals(1.3, p1.get("durationMean").asDouble(), 1e-9);
    JsonNode p2at8b = experimentCells(0, "p2-m-p2-8b-8b");
    assertEquals(List.of("c2/1 http_error 3000"), cells(p2at8b, "failed"));
    assertEquals(1, p2at8b.at("/failed/of").asLong());
    assertEquals(List.of("c2/2 ok 2400", "c1/2 ok 2200", "c1/1 ok 2000"), cells(p2at8b, "slowest"));
    assertEquals(2, p2at8b.at("/disagreeing/of").asLong());
    assertEquals(CellSamples.TEXT_CHARS, content.at("/limits/textChars").asInt());
  }

  @Test
  void escapesEveryValue() throws Exception {
    String hostile = "<script>alert('x')</script> & \"quoted\"";
    Analysis withHostileText = new Analysis(analysis.run(), null, List.of(), List.of(new Insight(hostile, hostile)));
    List<CellSamples> samples = new ArrayList<>(FixtureReport.samples(analysis));
    CellSamples first = samples.get(0);
    CellSamples.Cell c = first.slowest().get(0);
    String reply = "</script><script>alert(1)</script><!-- <b>bold</b>";
    CellSamples.Cell hostileCell = new CellSamples.Cell(c.cellId(), c.caseId(), c.trial(), c.turn(), c.status(), c.httpStatus(),
        hostile, c.attempts(), c.rateLimited(), c.durationMs(), c.latencyMs(), c.ttftMs(), c.promptTokens(),
        c.completionTokens(), "</script>", reply, reply.length(), hostile, hostile, c.output(), c.expected(), hostile,
        c.correctScore(), Map.of(hostile, 1.0), c.startedAt());
    samples.set(0, new CellSamples(first.experiment(), List.of(), 0, List.of(hostileCell), 1, List.of(), List.of(), 0));
    String rendered = ReportPage.render(withHostileText, true, PageContent.of(withHostileText, samples, List.of()),
        List.of(), List.of());
    assertEquals(3, count(rendered, "<script"), "no script element but the page's three");
    assertEquals(3, count(rendered.toLowerCase(Locale.ROOT), "</script"), "no text ends a script element early");
    assertFalse(rendered.contains("<!-- <b>"), "no text opens a comment in the JSON");
    assertTrue(rendered.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), "escaped finding");
    JsonNode cell = content(rendered).at("/cells/0/experiments/0/cells/0");
    assertEquals(reply, cell.get("response").asText(), "the JSON reads back unchanged");
    assertEquals("</script>", cell.get("responseId").asText());
    assertEquals(1.0, cell.at("/scores").get(hostile).asDouble());
  }

  @Test
  void pngChartsSayTheyShowAnsweredCellsAndTheFailureRate() {
    List<ChartImage> charts = ReportWriter.charts(analysis.run());
    String captions = String.join("\n", charts.stream().map(ChartImage::caption).toList());
    assertTrue(captions.contains("Duration per answered cell at 8b"));
    assertTrue(captions.contains("each provider's failure rate is in the legend"));
    assertTrue(captions.contains("an experiment with failures is labelled with its failure rate"));
  }

  static JsonNode content(String page) throws Exception {
    Matcher m = CONTENT.matcher(page);
    assertTrue(m.find(), "no JSON content in the page");
    return new ObjectMapper().readTree(m.group(1));
  }

  private static JsonNode experimentCells(int run, String id) {
    for (JsonNode e : content.at("/cells/" + run + "/experiments")) if (e.get("id").asText().equals(id)) return e;
    throw new AssertionError("no cells of " + id);
  }

  /** The cells of one kind, {@code case/trial status duration_ms} each. */
  private static List<String> cells(JsonNode experiment, String kind) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : experiment.at("/" + kind + "/cells")) {
      JsonNode c = experiment.get("cells").get(i.asInt());
      out.add(c.get("caseId").asText() + "/" + c.get("trial").asInt() + " " + c.get("status").asText() + " "
          + c.get("durationMs").asLong());
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
