package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadKnee;
import dev.provbench.analysis.load.LoadStepStats;
import dev.provbench.stats.Interval;
import dev.provbench.stats.PairedDifference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The load charts drawn from curves shaped like the load profile's (a knee at 8, at 4 with an accuracy drop, at 2),
 * written to {@code target/load-charts/} to look at.
 */
class LoadChartsTest {

  @Test
  void bothChartsRenderEveryCurve() throws Exception {
    List<LoadCurve> curves = List.of(curve("Provider 1", 8, 0.5, 0, 0.97), curve("Provider 2", 4, 0.3, 6, 0.97),
        curve("Provider 3", 2, 0.2, 0, 0.96));
    ChartStyle style = new ChartStyle(List.of("Provider 1", "Provider 2", "Provider 3"), true);
    Path out = Path.of("target/load-charts");
    Files.createDirectories(out);
    for (ChartImage c : List.of(LoadCurveChart.render(curves, style), LoadAccuracyChart.render(curves, style))) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(c.png()));
      assertEquals(ChartImage.WIDTH, image.getWidth());
      assertTrue(c.caption().contains("knee"), c.caption());
      Files.write(out.resolve(c.fileName()), c.png());
    }
  }

  /** An ideal closed-loop ladder of 1–16 in flight for a model of {@code slots}, 108 ms unloaded. */
  private static LoadCurve curve(String provider, int slots, double slowdown, int degradeAbove, double accuracy) {
    List<LoadStepStats> steps = new ArrayList<>();
    List<PairedDifference> drops = new ArrayList<>();
    int step = 1;
    for (int n : new int[] {1, 2, 4, 8, 16}) {
      int busy = Math.min(n, slots);
      double service = 108 * (1 + (slots == 1 ? 0 : slowdown * (busy - 1) / (slots - 1)));
      double tput = busy * 1000 / service;
      double p90 = n * 1000 / tput * 1.05;
      double acc = degradeAbove > 0 && n > degradeAbove ? 0.7 : accuracy;
      steps.add(new LoadStepStats(step++, n, null, 32, 32, 32 / tput, tput, tput * 46, p90 / 1.05, p90, p90 * 1.1, p90 * 0.4,
          0, 0, new Interval(acc, acc - 0.06, Math.min(1, acc + 0.03), 32), 30, tput * 0.9, 0, p90 <= 220));
      drops.add(n == 1 ? null : new PairedDifference(acc - accuracy, acc - accuracy - 0.08, acc - accuracy + 0.08,
          acc < accuracy ? 0.002 : 0.8, acc < accuracy ? 0.008 : 1, 32));
    }
    int knee = LoadKnee.of(steps.stream().map(LoadStepStats::throughput).toList(),
        steps.stream().map(LoadStepStats::p90Ms).toList(), 0.1);
    int best = -1;
    for (int i = 0; i < steps.size(); i++) if (steps.get(i).meetsObjective()) best = i;
    return new LoadCurve(provider, "llama-3.1-8b", steps, knee, best, drops, false);
  }
}
