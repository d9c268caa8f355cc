package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.RunComparison;
import dev.provbench.analysis.trend.Trend;
import dev.provbench.stats.Bootstrap;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium with every network route closed: it must render without a
 * console error, and its screenshot must show the charts. The report and the trend page must render in
 * standards mode with nothing before their first element (a template comment that ends early prints its
 * rest above the doctype). Skipped only when Chromium is not installed (CI installs it).
 */
@Tag("browser")
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Provider 1's colour in every chart (the first of the palette). */
  private static final int CHART_BLUE = 0x0072B2;

  /**
   * What the probe script reads from the page: the document's mode, then the kind of the body's first
   * node that is not blank text.
   */
  private static final String PROBE = "<script>var n=document.body.firstChild;"
      + "while(n&&n.nodeType===3&&!n.data.trim())n=n.nextSibling;"
      + "document.documentElement.setAttribute('data-probe',document.compatMode+'|'+(n&&n.nodeType===1?'element':'text'));"
      + "</script>";

  @TempDir
  Path dir;

  @Test
  void rendersChartsWithoutErrorsOrNetwork() throws Exception {
    assumeChromium();
    Path html = FixtureReport.write(dir);
    Path screenshot = dir.resolve("screenshot.png");
    String log = chromium("--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=1280,2600",
        "--screenshot=" + screenshot, html.toUri().toString());
    for (String line : log.split("\n")) {
      assertTrue(!line.contains("CONSOLE") && !line.contains("net::ERR_"), "console error or network request: " + line);
    }

    assertTrue(Files.size(screenshot) > 50_000, "screenshot is " + Files.size(screenshot) + " bytes");
    BufferedImage image = ImageIO.read(screenshot.toFile());
    long nonWhite = 0;
    long chartBlue = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) nonWhite++;
        if (rgb == CHART_BLUE) chartBlue++;
      }
    }
    double share = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
    assertTrue(share > 0.03, "non-white share " + share);
    assertTrue(chartBlue > 200, "the charts' provider colour shows on " + chartBlue + " pixels");
  }

  @Test
  void reportAndTrendPageRenderInStandardsMode() throws Exception {
    assumeChromium();
    Analysis analysis = FixtureReport.analyze(dir);
    Path report = FixtureReport.write(analysis, dir);
    Trend trend = Trend.load(SparkTestSession.get(), "nightly", List.of(analysis.run().runId()), Bootstrap.defaults(),
        Trend.Thresholds.DEFAULTS);
    Path trendPage = TrendReport.write(trend, true, dir.resolve("trend"));
    for (Path page : List.of(report, trendPage)) {
      assertEquals("CSS1Compat|element", probe(page), page.getFileName().toString());
      String text = Files.readString(page);
      assertTrue(text.stripLeading().startsWith("<!DOCTYPE html>"), page.getFileName() + " starts with: "
          + text.substring(0, Math.min(200, text.length())));
    }
  }

  @Test
  void twoRunsSideBySideWithTheCellsOfBoth() throws Exception {
    assumeChromium();
    Analysis first = FixtureReport.analyze(dir);
    Analysis both = ResultsAnalyzer.analyze(SparkTestSession.get(), dir.resolve("results"), List.of("r0", "r1"), false,
        AnalysisOptions.defaults());
    assertEquals("r1", first.run().runId());
    Path page = ReportWriter.write(both, CellSamples.load(SparkTestSession.get(), "r0"),
        CellSamples.load(SparkTestSession.get(), "r1"), dir.resolve("two-runs"), List.of());
    try (DevToolsBrowser browser = DevToolsBrowser.start(dir, 1400, 1000).listen()) {
      browser.navigate(page.toUri().toString());
      browser.waitFor("document.documentElement.getAttribute('data-ready') === 'true'", Duration.ofSeconds(30));
      String accuracy = "echarts.getInstanceByDom(document.getElementById('chart-comparison-accuracy')).getOption()";
      assertEquals("[\"P1 at 8b\"]", browser.evaluate(accuracy + ".yAxis[0].data").toString());
      double delta = (Double) both.table(RunComparison.ID).value(0, "Δ pts");
      assertEquals(delta, browser.evaluate(accuracy + ".series[0].data[0].value[0]").asDouble(), 1e-9);
      assertEquals(2, browser.evaluate("document.querySelectorAll('#comparison-charts canvas').length").asInt());
      assertTrue(browser.evaluate("document.getElementById('run_comparison') !== null").asBoolean());
      browser.evaluate("location.hash = '#cells/1/p2-m-p2-8b-8b/failed'");
      browser.waitFor("document.getElementById('cell-panel')", Duration.ofSeconds(10));
      assertTrue(browser.evaluate("document.querySelector('#cell-panel h3').textContent").asText().endsWith("run r1"));
      assertEquals(1, browser.evaluate("document.querySelectorAll('#cell-panel tr.cell-row').length").asInt());
      browser.evaluate("location.hash = '#cells/0/p1-m-p1-8b-8b/slowest'");
      browser.waitFor("document.querySelector('#cell-panel h3').textContent.endsWith('run r0')", Duration.ofSeconds(10));
      assertEquals(2, browser.evaluate("document.querySelectorAll('#cell-panel tr.cell-row').length").asInt());
      assertEquals("CSS1Compat", browser.evaluate("document.compatMode").asText());
      assertEquals(List.of(), browser.problems());
    }
  }

  /** Runs the probe over a copy of the page (the script appended after it) and returns what it read. */
  private String probe(Path page) throws Exception {
    Path copy = page.resolveSibling("probe-" + page.getFileName());
    Files.writeString(copy, Files.readString(page) + PROBE);
    String dom = chromium("--dump-dom", copy.toUri().toString());
    Matcher probe = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
    assertTrue(probe.find(), "no probe in the dumped page: " + dom.substring(0, Math.min(300, dom.length())));
    return probe.group(1);
  }

  /** Runs headless Chromium, network routes closed, with {@code args} after the common ones; returns its output. */
  private String chromium(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--user-data-dir=" + dir.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND"));
    command.addAll(List.of(args));
    Process chromium = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(chromium.getInputStream().readAllBytes());
    assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, chromium.exitValue(), log);
    return log;
  }

  private static void assumeChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
        + " (apt-get install chromium); skipping the browser test");
  }
}
