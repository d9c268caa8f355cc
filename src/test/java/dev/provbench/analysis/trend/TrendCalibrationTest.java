package dev.provbench.analysis.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.analysis.Experiment;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * null allows. Then each family's level on null series, the 14-point fall (flagged or worth a look), and the
 * detectable change {@code trend_power} prints against the power the series show.
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
    System.out.printf(Locale.ROOT, "trend calibration: null family-wise %.3f, drift found %.3f,"
        + " other flags with a drift %.3f%n", fwer, power, falseFlags);
    assertTrue(fwer <= 0.06, "null series flagged something in " + fwer);
    assertTrue(power >= 0.9, "the drift was found in only " + power);
    assertTrue(falseFlags <= 0.06, "changes elsewhere flagged in " + falseFlags);
  }

  /**
   * Each family keeps its stated level on 1,000 null series (four runs × four experiments): the series family and
   * the baseline family (each run against r1) call anything significant in at most 6% of series; the metric family
   * holds 5% per metric, so each metric's comparisons call something in at most 6%.
   */
  @Test
  @Slow("4,000 simulated null series, one per family")
  void everyFamilyKeepsItsLevelOnNullSeries() {
    SplittableRandom random = new SplittableRandom(17);
    Shape none = new Shape(EXPERIMENTS, RUNS, 0, 0);
    TrendFamily baseline = TrendFamily.baseline("r1");
    int[] errors = new int[4];
    for (int s = 0; s < SERIES; s++) {
      long seed = random.nextLong();
      Trend series = series(new SplittableRandom(seed), none, TrendFamily.SERIES);
      Trend perMetric = series(new SplittableRandom(seed), none, TrendFamily.PER_METRIC);
      Trend fixed = series(new SplittableRandom(seed), none, baseline);
      if (!significant(series).isEmpty()) errors[0]++;
      if (significant(perMetric).stream().anyMatch(c -> c.metric() == TrendChange.Metric.ACCURACY)) errors[1]++;
      if (significant(perMetric).stream().anyMatch(c -> c.metric() == TrendChange.Metric.LATENCY)) errors[2]++;
      if (!significant(fixed).isEmpty()) errors[3]++;
      assertTrue(fixed.changes().stream().allMatch(c -> c.from().equals("r1")), "every run against r1");
      assertEquals(EXPERIMENTS * (RUNS - 1) * 2, fixed.changes().size());
      assertEquals(List.of(24, 12, 24), List.of(series.familySize(TrendChange.Metric.ACCURACY),
          perMetric.familySize(TrendChange.Metric.ACCURACY), fixed.familySize(TrendChange.Metric.LATENCY)));
    }
    System.out.printf(Locale.ROOT, "null family-wise rate: series %.3f, per metric %.3f (accuracy) and %.3f"
        + " (latency), baseline r1 %.3f%n", errors[0] / (double) SERIES, errors[1] / (double) SERIES,
        errors[2] / (double) SERIES, errors[3] / (double) SERIES);
    for (int e : errors) assertTrue(e <= 0.06 * SERIES, Arrays.toString(errors));
  }

  /** The same fall meets a smaller Holm family per metric: flagged more often than over the whole series. */
  @Test
  @Slow("simulated series with a fall, under two families")
  void aSmallerFamilyFlagsTheSameFallMoreOften() {
    SplittableRandom random = new SplittableRandom(19);
    int[] flagged = new int[2];
    for (int s = 0; s < 500; s++) {
      long seed = random.nextLong();
      if (series(new SplittableRandom(seed), Shape.ofFall(10, 3, 14), TrendFamily.SERIES).changes().stream()
          .anyMatch(c -> fallAt(c, "r2") && c.flagged())) flagged[0]++;
      if (series(new SplittableRandom(seed), Shape.ofFall(10, 3, 14), TrendFamily.PER_METRIC).changes().stream()
          .anyMatch(c -> fallAt(c, "r2") && c.flagged())) flagged[1]++;
    }
    assertTrue(flagged[1] > flagged[0], Arrays.toString(flagged));
  }

  /**
   * The series: ten experiments, three runs (40 comparisons), one experiment's accuracy falling 14 points
   * into the third run. Holm over 40 comparisons often leaves it short of significance; it must then be worth a
   * look, so that a fall this large is flagged or listed in nearly every series, and a change worth a look is never
   * also flagged.
   */
  @Test
  @Slow("1,000 simulated series with a fall")
  void aFourteenPointFallOnSixtyCasesIsFlaggedOrWorthALook() {
    SplittableRandom random = new SplittableRandom(11);
    int flagged = 0;
    int look = 0;
    int n = 1000;
    for (int s = 0; s < n; s++) {
      Trend trend = series(random, Shape.ofFall(10, 3, 14), TrendFamily.SERIES);
      TrendChange fall = trend.changes().stream().filter(c -> fallAt(c, "r2")).findFirst().orElseThrow();
      assertTrue(!(fall.flagged() && fall.worthALook()), fall.toString());
      if (fall.flagged()) flagged++;
      else if (fall.worthALook() && fall.change() < 0) look++;
    }
    System.out.printf(Locale.ROOT, "14-point fall, 60 cases, 40 comparisons: flagged %.3f, worth a look %.3f%n",
        (double) flagged / n, (double) look / n);
    assertTrue(flagged + look >= 0.9 * n, "flagged " + flagged + ", worth a look " + look + " of " + n);
    assertTrue(look > flagged / 4, "the family of 40 should leave some short of significance: " + look);
  }

  /**
   * The detectable change {@code trend_power} prints, against the series themselves: a change 20% smaller than the
   * printed one is flagged (adjusted p below 5% at its comparison) in under 80% of 1,000 series, a change 20%
   * larger in over 80%, on both metrics, in the shape (ten experiments, three runs, 40 comparisons; one
   * experiment changes on both metrics at once, so each change meets Holm's α ÷ 40 or ÷ 39).
   */
  @Test
  @Slow("4,000 simulated series at three effect sizes")
  void theDetectableChangeMatchesASimulationWithinTwentyPercent() {
    SplittableRandom random = new SplittableRandom(13);
    double accuracy = 0;
    double latency = 0;
    int printed = 200;
    for (int s = 0; s < printed; s++) {
      List<TrendPower> power = series(random, new Shape(10, 3, 0, 0), TrendFamily.SERIES).power();
      accuracy += power.get(0).detectable() / printed;
      latency += power.get(1).detectable() / printed;
    }
    int n = 1000;
    double[] factors = {0.8, 1.0, 1.2};
    double[][] found = new double[2][factors.length];
    for (int f = 0; f < factors.length; f++) {
      Shape both = new Shape(10, 3, accuracy * factors[f] / RIGHT_TO_WRONG_POINTS, Math.log1p(latency * factors[f] / 100));
      for (int s = 0; s < n; s++) {
        Trend trend = series(random, both, TrendFamily.SERIES);
        if (detected(trend, TrendChange.Metric.ACCURACY)) found[0][f] += 1.0 / n;
        if (detected(trend, TrendChange.Metric.LATENCY)) found[1][f] += 1.0 / n;
      }
    }
    System.out.printf(Locale.ROOT, "detectable: accuracy %.1f points, detected at 0.8x/1x/1.2x %.3f/%.3f/%.3f;"
        + " latency %.1f%%, detected %.3f/%.3f/%.3f%n", accuracy, found[0][0], found[0][1], found[0][2], latency,
        found[1][0], found[1][1], found[1][2]);
    for (double[] metric : found) {
      assertTrue(metric[0] < 0.8 && metric[2] > 0.8, Arrays.toString(metric));
    }
  }

  private static boolean fallAt(TrendChange c, String from) {
    return c.experiment().provider().equals("P0") && c.from().equals(from) && c.metric() == TrendChange.Metric.ACCURACY;
  }

  /** P0's change into the third run is significant in the right direction (the power statement ignores thresholds). */
  private static boolean detected(Trend trend, TrendChange.Metric metric) {
    return trend.changes().stream().anyMatch(c -> c.experiment().provider().equals("P0") && c.from().equals("r2")
        && c.metric() == metric && c.adjustedP() < Trend.ALPHA
        && (metric == TrendChange.Metric.ACCURACY ? c.change() < 0 : c.change() > 0));
  }

  private static List<TrendChange> significant(Trend trend) {
    return trend.changes().stream().filter(c -> c.adjustedP() < Trend.ALPHA).toList();
  }

  /** Four runs; with {@code drift}, experiment P0 errs 0.4 more often and is 1.4 times slower in runs 3 and 4. */
  private static Trend series(SplittableRandom random, boolean drift) {
    return series(random, new Shape(EXPERIMENTS, RUNS, drift ? 0.4 : 0, drift ? Math.log(1.4) : 0), TrendFamily.SERIES);
  }

  /**
   * The series' size and its one change: from the third run on, experiment P0 turns a right answer wrong with
   * probability {@code errorAdd} (CorrectScore falls by {@code errorAdd} × {@link #RIGHT_TO_WRONG_POINTS} on average)
   * and its durations grow by e^{@code logSlower}.
   */
  record Shape(int experiments, int runs, double errorAdd, double logSlower) {
    static Shape ofFall(int experiments, int runs, double points) {
      return new Shape(experiments, runs, points / RIGHT_TO_WRONG_POINTS, 0);
    }
  }

  /** A right answer made wrong costs 1 − mean(WRONG) = 2/3 of a point, and 0.76 of the answers are right. */
  static final double RIGHT_TO_WRONG_POINTS = 0.76 * (2.0 / 3) * 100;

  static Trend series(SplittableRandom random, Shape shape, TrendFamily family) {
    int experiments = shape.experiments();
    double[][] difficulty = new double[experiments][CASES];
    double[][] logBase = new double[experiments][CASES];
    for (int e = 0; e < experiments; e++) {
      for (int c = 0; c < CASES; c++) {
        difficulty[e][c] = 0.6 + 0.4 * beta23(random);
        logBase[e][c] = Math.log(1000) + 0.3 * gaussian(random);
      }
    }
    List<TrendRun> runs = new ArrayList<>();
    for (int r = 0; r < shape.runs(); r++) {
      Map<Experiment, TrendPoint> points = new LinkedHashMap<>();
      Map<Experiment, CaseTotals> scores = new HashMap<>();
      Map<Experiment, CaseTotals> logDurations = new HashMap<>();
      for (int e = 0; e < experiments; e++) {
        Experiment x = new Experiment("P" + e, "m", "8b");
        boolean drifted = e == 0 && r >= 2;
        double errorAdd = drifted ? shape.errorAdd() : 0;
        double slower = drifted ? shape.logSlower() : 0;
        Map<Long, double[]> score = new HashMap<>();
        Map<Long, double[]> logs = new HashMap<>();
        double[] cellLogs = new double[CASES * TRIALS];
        for (int c = 0; c < CASES; c++) {
          double sum = 0;
          double logSum = 0;
          for (int t = 0; t < TRIALS; t++) {
            boolean right = random.nextDouble() < difficulty[e][c] && !(errorAdd > 0 && random.nextDouble() < errorAdd);
            sum += right ? 1.0 : WRONG[random.nextInt(WRONG.length)];
            double cellLog = logBase[e][c] + 0.15 * gaussian(random) + slower;
            cellLogs[c * TRIALS + t] = cellLog;
            logSum += cellLog;
          }
          score.put((long) c, new double[] {sum, TRIALS});
          logs.put((long) c, new double[] {logSum, TRIALS});
        }
        CaseTotals t = CaseTotals.of(score);
        scores.put(x, t);
        logDurations.put(x, CaseTotals.of(logs));
        Arrays.sort(cellLogs);
        double p50 = Math.exp(cellLogs[cellLogs.length / 2]) / 1000;
        points.put(x, new TrendPoint(x, CASES * TRIALS, 0, new Interval(t.mean(), t.mean(), t.mean(), CASES), p50, null));
      }
      runs.add(new TrendRun("r" + (r + 1), Instant.ofEpochSecond(3600L * r), points, scores, logDurations));
    }
    return Trend.of("s", runs, Trend.Thresholds.DEFAULTS, family);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Beta(2, 3): the second smallest of four uniforms. */
  private static double beta23(SplittableRandom random) {
    double[] u = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
    Arrays.sort(u);
    return u[1];
  }
}
