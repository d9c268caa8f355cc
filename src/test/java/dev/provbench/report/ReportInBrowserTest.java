package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium with every network route closed: it must render without a
 * console error, and its screenshot must show the charts. Skipped only when Chromium is not installed
 * (CI installs it).
 */
@Tag("browser")
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Provider 1's colour in every chart (the first of the palette). */
  private static final int CHART_BLUE = 0x0072B2;

  @TempDir
  Path dir;

  @Test
  void rendersChartsWithoutErrorsOrNetwork() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
        + " (apt-get install chromium); skipping the browser test");
    Path html = FixtureReport.write(dir);
    Path screenshot = dir.resolve("screenshot.png");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--user-data-dir=" + dir.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=1280,2600",
        "--screenshot=" + screenshot, html.toUri().toString()));
    Process chromium = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(chromium.getInputStream().readAllBytes());
    assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, chromium.exitValue(), log);
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
}
