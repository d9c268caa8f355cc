package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistics on data where nothing differs: 1,000 data sets of four identical providers × 60 cases × 3
 * trials. Each case has a difficulty shared by every provider and trial (its chance of a right answer drawn
 * from Beta(2, 3)); a wrong trial scores 0, 0.4 or 0.6 at random, so the true mean CorrectScore is 0.6 and
 * trials of a case are correlated. The analysis' own procedure (leader against the others, paired case
 * bootstrap, Holm over every pair) must call a difference significant in at most 6% of data sets, and the
 * 95% interval on a provider's mean must cover 0.6 in 93–97% of them. 399 resamples per estimate (the
 * analysis uses 1,000) keep the test to a few seconds; the smallest p is then 2 ÷ 400 = 0.005, below the
 * first Holm threshold 0.05 ÷ 6.
 */
@Slow("the analysis procedure over a thousand simulated data sets")
class CalibrationTest {
  private static final int DATA_SETS = 1000;
  private static final int PROVIDERS = 4;
  private static final int CASES = 60;
  private static final int TRIALS = 3;
  private static final double[] WRONG = {0.0, 0.4, 0.6};
  private static final double TRUE_MEAN = 0.4 + 0.6 * (0.0 + 0.4 + 0.6) / 3;

  @Test
  void noDifferenceIsRarelySignificantAndIntervalsCoverTheTruth() {
    SplittableRandom random = new SplittableRandom(2024);
    Bootstrap bootstrap = new Bootstrap(17, 399);
    int familyErrors = 0;
    int covered = 0;
    int intervals = 0;
    for (int set = 0; set < DATA_SETS; set++) {
      double[] difficulty = new double[CASES];
      for (int c = 0; c < CASES; c++) difficulty[c] = beta23(random);
      Map<Experiment, CaseTotals> totals = new HashMap<>();
      Map<Experiment, Interval> accuracy = new HashMap<>();
      List<Experiment> providers = new ArrayList<>();
      for (int p = 0; p < PROVIDERS; p++) {
        Experiment e = new Experiment("P" + p, "m", "8b");
        CaseTotals t = provider(difficulty, random);
        Interval ci = bootstrap.mean("set " + set + " " + e.key(), t);
        providers.add(e);
        totals.put(e, t);
        accuracy.put(e, ci);
        intervals++;
        if (ci.covers(TRUE_MEAN)) covered++;
      }
      List<PairedComparison> tests = RunAnalysis.leaderAgainstOthers(providers, totals, accuracy,
          new Bootstrap(17 + set, 399));
      if (tests.stream().anyMatch(c -> c.difference().significant())) familyErrors++;
    }
    double fwer = (double) familyErrors / DATA_SETS;
    double coverage = (double) covered / intervals;
    System.out.printf(Locale.ROOT, "calibration: family-wise false positives %.3f, coverage %.4f%n", fwer,
        coverage);
    assertTrue(fwer <= 0.06, "family-wise false positives " + fwer);
    assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
  }

  /** One provider's cells: its trials of each case, right with the case's chance, else 0, 0.4 or 0.6. */
  private static CaseTotals provider(double[] difficulty, SplittableRandom random) {
    Map<Long, double[]> byCase = new HashMap<>();
    for (int c = 0; c < difficulty.length; c++) {
      double sum = 0;
      for (int t = 0; t < TRIALS; t++) sum += random.nextDouble() < difficulty[c] ? 1.0 : WRONG[random.nextInt(WRONG.length)];
      byCase.put((long) c, new double[] {sum, TRIALS});
    }
    return CaseTotals.of(byCase);
  }

  /** Beta(2, 3): the second smallest of four uniforms. */
  private static double beta23(SplittableRandom random) {
    double[] u = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
    Arrays.sort(u);
    return u[1];
  }
}
