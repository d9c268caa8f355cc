package dev.provbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long headless Chromium takes to open a report page: wall time from the navigation command to the page's
 * {@code data-ready} (its script has drawn every chart, table and list), and the page's own clock at that moment
 * ({@code pb.readyAt}, ms since navigation start), over {@link #LOADS} loads in one browser. Saves a screenshot
 * of the last load beside the browser's profile.
 *
 * @param seconds  wall time of each load, s.
 * @param drawnMs  the page's own time to ready of each load, ms.
 * @param problems console errors and exceptions seen.
 */
public record ReportOpening(List<Double> seconds, List<Double> drawnMs, List<String> problems) {
  public static final int LOADS = 3;

  public static ReportOpening measure(Path html, Path dir) throws Exception {
    List<Double> seconds = new ArrayList<>();
    List<Double> drawn = new ArrayList<>();
    Files.createDirectories(dir);
    try (DevToolsBrowser browser = DevToolsBrowser.start(dir, 1400, 1000).listen()) {
      for (int i = 0; i < LOADS; i++) {
        browser.navigate("about:blank");
        long start = System.nanoTime();
        browser.navigate(html.toUri().toString());
        browser.waitFor("document.documentElement.getAttribute('data-ready') === 'true'", Duration.ofSeconds(60));
        seconds.add((System.nanoTime() - start) / 1e9);
        drawn.add(browser.evaluate("provbench.readyAt").asDouble());
      }
      Files.write(dir.resolve("screenshot.png"), browser.screenshot());
      return new ReportOpening(seconds, drawn, browser.problems());
    }
  }

  /**
   * Saves the part of {@code url} from {@code top} (pixels, or a CSS selector) down {@code height} pixels as PNG,
   * after running {@code script} in the page.
   */
  public static void shot(String url, Path png, String top, int height, String script) throws Exception {
    Path dir = Files.createTempDirectory("page-shot");
    try (DevToolsBrowser browser = DevToolsBrowser.start(dir, 1400, 1000).listen()) {
      browser.navigate(url);
      browser.waitFor("document.documentElement.getAttribute('data-ready') === 'true'", Duration.ofSeconds(60));
      if (!script.isEmpty()) browser.evaluate(script);
      Thread.sleep(300);
      double y = top.matches("\\d+") ? Double.parseDouble(top)
          : browser.evaluate("document.querySelector('" + top + "').getBoundingClientRect().top + scrollY").asDouble();
      Files.write(png, browser.screenshot(y, height));
      System.out.println(png + " " + browser.problems());
    }
  }

  public double firstSeconds() {
    return seconds.get(0);
  }

  public double medianSeconds() {
    return median(seconds);
  }

  public double medianDrawnMs() {
    return median(drawnMs);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
