package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.output.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The case bootstrap and the paired test on synthetic data whose truth is known. */
class BootstrapTest {
  private static final int TRIALS = 3;

  @Test
  void sameSeedSameInterval() {
    CaseTotals data = cases(new SplittableRandom(1), 40, 0.0);
    assertEquals(new Bootstrap(7, 500).mean("x", data), new Bootstrap(7, 500).mean("x", data));
    assertNotEquals(new Bootstrap(7, 500).mean("x", data), new Bootstrap(8, 500).mean("x", data));
    assertEquals(new Bootstrap(7, 500).paired("x", data, cases(new SplittableRandom(2), 40, 0.1)),
        new Bootstrap(7, 500).paired("x", data, cases(new SplittableRandom(2), 40, 0.1)));
  }

  @Test
  void intervalCoversTheTrueMeanAbout95PercentOfTheTime() {
    SplittableRandom random = new SplittableRandom(42);
    Bootstrap bootstrap = new Bootstrap(3, 400);
    int runs = 400;
    int covered = 0;
    for (int i = 0; i < runs; i++) {
      if (bootstrap.mean("run " + i, cases(random, 60, 0.0)).covers(0.5)) covered++;
    }
    double coverage = (double) covered / runs;
    assertTrue(coverage >= 0.91 && coverage <= 0.98, "coverage " + coverage);
  }

  @Test
  void pairedTestFindsARealDifference() {
    SplittableRandom random = new SplittableRandom(5);
    long[] caseSeeds = random.longs(80).toArray();
    CaseTotals better = cases(caseSeeds, 0.15, random.split());
    CaseTotals worse = cases(caseSeeds, 0.0, random.split());
    PairedDifference d = Bootstrap.defaults().paired("a vs b", better, worse);
    assertTrue(d.significant(), d.toString());
    assertTrue(d.difference() > 0.08 && d.pValue() < 0.05, d.toString());
    assertEquals(80, d.cases());
  }

  @Test
  void pairedTestRarelyFindsADifferenceWhereThereIsNone() {
    SplittableRandom random = new SplittableRandom(6);
    Bootstrap bootstrap = new Bootstrap(11, 400);
    int runs = 200;
    int significant = 0;
    for (int i = 0; i < runs; i++) {
      long[] caseSeeds = random.longs(60).toArray();
      if (bootstrap.paired("run " + i, cases(caseSeeds, 0, random.split()), cases(caseSeeds, 0, random.split()))
          .significant()) {
        significant++;
      }
    }
    assertTrue(significant <= runs * 0.09, significant + " of " + runs + " false positives");
  }

  @Test
  void pValueCountsTheDataAsOneResampleAndIsNeverZero() {
    assertEquals(2.0 / 1001, Bootstrap.pValue(0, 1000), 1e-15);
    assertEquals(2.0 * 6 / 1001, Bootstrap.pValue(5, 1000), 1e-15);
    assertEquals(1.0, Bootstrap.pValue(700, 1000));
    CaseTotals right = totals(Map.of(1L, new double[] {3, 3}, 2L, new double[] {3, 3}, 3L, new double[] {3, 3}));
    CaseTotals wrong = totals(Map.of(1L, new double[] {0, 3}, 2L, new double[] {0, 3}, 3L, new double[] {0, 3}));
    PairedDifference d = new Bootstrap(1, 999).paired("x", right, wrong);
    assertEquals(2.0 / 1000, d.pValue(), 1e-15);
    assertEquals("0.002", Column.formatP(d.pValue()));
    assertEquals("<0.001", Column.formatP(2.0 / 10_001));
  }

  @Test
  void holmAdjustsStepDown() {
    holm(new double[] {0.01, 0.04, 0.03}, 3, new double[] {0.03, 0.06, 0.06});
    holm(new double[] {0.01, 0.04, 0.03}, 6, new double[] {0.06, 0.16, 0.15});
    holm(new double[] {0.5, 0.2}, 2, new double[] {0.5, 0.4});
    holm(new double[] {0.9, 0.6}, 3, new double[] {1.0, 1.0});
    holm(new double[] {0.02}, 1, new double[] {0.02});
  }

  private static void holm(double[] p, int family, double[] expected) {
    double[] adjusted = Holm.adjust(p, family);
    for (int i = 0; i < p.length; i++) assertEquals(expected[i], adjusted[i], 1e-12, "p " + p[i] + " of " + family);
  }

  @Test
  void medianIntervalResamplesCasesWithTheirTrials() {
    CaseDurations d = CaseDurations.of(Map.of(1L, List.of(1000L, 1200L), 2L, List.of(1400L, 1600L)));
    Interval p50 = new Bootstrap(3, 400).median("x", d);
    assertEquals(1.3, p50.mean(), 1e-12);
    assertEquals(1.1, p50.low(), 1e-12);
    assertEquals(1.5, p50.high(), 1e-12);
    assertEquals(2, p50.cases());
    assertEquals(2.5, Bootstrap.median(new double[] {4, 1, 3, 2}, 4), 1e-12);
    assertEquals(3.0, Bootstrap.median(new double[] {5, 3, 1, 9, 9}, 3), 1e-12);
  }

  @Test
  void pairingUsesOnlySharedCases() {
    CaseTotals a = totals(Map.of(1L, new double[] {1, 1}, 2L, new double[] {0, 1}, 3L, new double[] {1, 1}));
    CaseTotals b = totals(Map.of(2L, new double[] {0, 1}, 3L, new double[] {0, 1}, 4L, new double[] {1, 1}));
    PairedDifference d = Bootstrap.defaults().paired("x", a, b);
    assertEquals(2, d.cases());
    assertEquals(0.5, d.difference(), 1e-12);
    assertFalse(Double.isNaN(d.low()));
  }

  @Test
  void pooledCasesAddUp() {
    CaseTotals a = totals(Map.of(1L, new double[] {2, 3}, 2L, new double[] {1, 3}));
    CaseTotals b = totals(Map.of(2L, new double[] {3, 3}));
    CaseTotals pooled = CaseTotals.pool(List.of(a, b));
    assertEquals(2, pooled.cases());
    assertEquals(6.0 / 9, pooled.mean(), 1e-12);
    assertEquals(6, pooled.counts()[1]);
  }

  /** {@code n} cases whose chance of a correct trial is uniform in [0, 1] (true mean 0.5), plus {@code shift}. */
  static CaseTotals cases(SplittableRandom random, int n, double shift) {
    return cases(random.longs(n).toArray(), shift, random.split());
  }

  /** One case per seed: the seed fixes the case's difficulty, so two experiments can share cases. */
  static CaseTotals cases(long[] caseSeeds, double shift, SplittableRandom trials) {
    Map<Long, double[]> byCase = new HashMap<>();
    for (long seed : caseSeeds) {
      double p = Math.min(1, new SplittableRandom(seed).nextDouble() + shift);
      double sum = 0;
      for (int t = 0; t < TRIALS; t++) sum += trials.nextDouble() < p ? 1 : 0;
      byCase.put(seed, new double[] {sum, TRIALS});
    }
    return CaseTotals.of(byCase);
  }

  static CaseTotals totals(Map<Long, double[]> byCase) {
    return CaseTotals.of(byCase);
  }
}
