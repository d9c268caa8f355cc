package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  static Path html;
  static String page;

  @BeforeAll
  static void write() throws Exception {
    html = FixtureReport.write(dir);
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
}
