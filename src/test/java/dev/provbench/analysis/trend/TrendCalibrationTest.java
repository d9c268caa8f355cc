package dev.provbench.analysis.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.Experiment;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trend's tests on series with a known truth: 1,000 series of four runs of four experiments × 60 cases × 3
 * trials. Cases keep their difficulty (chance of a right answer, 0.6 + 0.4 × Beta(2, 3), about 0.76 on average, like
 * the simulated 8b models) and their typical duration from run
 * to run, as the same eval's cases do. In a null series nothing changes: Holm over the series' 24 comparisons
 * must call something significant in at most 6% of series. In a drifting series one experiment, from its third
 * run on, errs 40 points more often (about 20 points of CorrectScore) and is 1.4 times slower: the change must be
 * flagged at the second-to-third comparison in nearly every series, and nothing else flagged more often than the
 * null allows.
 */
class TrendCalibrationTest {
  private static final int SERIES = 1000;
  private static final int RUNS = 4;
  private static final int EXPERIMENTS = 4;
  private static final int CASES = 60;
  private static final int TRIALS = 3;
  private static final double[] WRONG = {0.0, 0.4, 0.6};

  @Test
  void aNullSeriesRarelyFlagsAndADriftIsFoundWhereItIs() {
    SplittableRandom random = new SplittableRandom(7);
    int nullErrors = 0;
    int driftFound = 0;
    int driftFalse = 0;
    for (int s = 0; s < SERIES; s++) {
      if (!significant(series(random, false)).isEmpty()) nullErrors++;
      List<TrendChange> flagged = series(random, true).flagged();
      boolean found = flagged.stream().anyMatch(c -> c.experiment().provider().equals("P0") && c.from().equals("r2")
          && c.to().equals("r3") && c.metric() == TrendChange.Metric.ACCURACY && c.change() < 0)
          && flagged.stream().anyMatch(c -> c.experiment().provider().equals("P0") && c.from().equals("r2")
          && c.metric() == TrendChange.Metric.LATENCY && c.change() > 0);
      if (found) driftFound++;
      if (flagged.stream().anyMatch(c -> !(c.experiment().provider().equals("P0") && c.from().equals("r2")))) driftFalse++;
    }
    double fwer = (double) nullErrors / SERIES;
    double power = (double) driftFound / SERIES;
    double falseFlags = (double) driftFalse / SERIES;
    System.out.printf(java.util.Locale.ROOT, "trend calibration: null family-wise %.3f, drift found %.3f,"
        + " other flags with a drift %.3f%n", fwer, power, falseFlags);
    assertTrue(fwer <= 0.06, "null series flagged something in " + fwer);
    assertTrue(power >= 0.9, "the drift was found in only " + power);
    assertTrue(falseFlags <= 0.06, "changes elsewhere flagged in " + falseFlags);
  }

  private static List<TrendChange> significant(Trend trend) {
    return trend.changes().stream().filter(c -> c.adjustedP() < Trend.ALPHA).toList();
  }

  /** Four runs; with {@code drift}, experiment P0 errs 0.4 more often and is 1.4 times slower in runs 3 and 4. */
  private static Trend series(SplittableRandom random, boolean drift) {
    double[][] difficulty = new double[EXPERIMENTS][CASES];
    double[][] logBase = new double[EXPERIMENTS][CASES];
    for (int e = 0; e < EXPERIMENTS; e++) {
      for (int c = 0; c < CASES; c++) {
        difficulty[e][c] = 0.6 + 0.4 * beta23(random);
        logBase[e][c] = Math.log(1000) + 0.3 * gaussian(random);
      }
    }
    List<TrendRun> runs = new ArrayList<>();
    for (int r = 0; r < RUNS; r++) {
      Map<Experiment, TrendPoint> points = new LinkedHashMap<>();
      Map<Experiment, CaseTotals> scores = new HashMap<>();
      Map<Experiment, CaseTotals> logDurations = new HashMap<>();
      for (int e = 0; e < EXPERIMENTS; e++) {
        Experiment x = new Experiment("P" + e, "m", "8b");
        boolean drifted = drift && e == 0 && r >= 2;
        Map<Long, double[]> score = new HashMap<>();
        Map<Long, double[]> logs = new HashMap<>();
        double[] cellLogs = new double[CASES * TRIALS];
        for (int c = 0; c < CASES; c++) {
          double sum = 0;
          double logSum = 0;
          for (int t = 0; t < TRIALS; t++) {
            boolean right = random.nextDouble() < difficulty[e][c] && !(drifted && random.nextDouble() < 0.4);
            sum += right ? 1.0 : WRONG[random.nextInt(WRONG.length)];
            double cellLog = logBase[e][c] + 0.15 * gaussian(random) + (drifted ? Math.log(1.4) : 0);
            cellLogs[c * TRIALS + t] = cellLog;
            logSum += cellLog;
          }
          score.put((long) c, new double[] {sum, TRIALS});
          logs.put((long) c, new double[] {logSum, TRIALS});
        }
        CaseTotals t = CaseTotals.of(score);
        scores.put(x, t);
        logDurations.put(x, CaseTotals.of(logs));
        java.util.Arrays.sort(cellLogs);
        double p50 = Math.exp(cellLogs[cellLogs.length / 2]) / 1000;
        points.put(x, new TrendPoint(x, CASES * TRIALS, 0, new Interval(t.mean(), t.mean(), t.mean(), CASES), p50, null));
      }
      runs.add(new TrendRun("r" + (r + 1), Instant.ofEpochSecond(3600L * r), points, scores, logDurations));
    }
    return Trend.of("s", runs, Trend.Thresholds.DEFAULTS);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Beta(2, 3): the second smallest of four uniforms. */
  private static double beta23(SplittableRandom random) {
    double[] u = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
    java.util.Arrays.sort(u);
    return u[1];
  }
}
