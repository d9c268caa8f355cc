package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.job.Arrivals;
import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rate step's send times: constant spacing, seeded Poisson gaps of the right mean, and a guard that keeps to them. */
class ArrivalScheduleTest {
  private static ArrivalSchedule constant(double rate) {
    return new ArrivalSchedule(rate, Arrivals.CONSTANT, 42, 1);
  }

  private static ArrivalSchedule poisson(double rate, long seed, int step) {
    return new ArrivalSchedule(rate, Arrivals.POISSON, seed, step);
  }

  @Test
  void constantSpacing() {
    assertEquals(0.0, constant(4).secondsAt(0), "the first is due at once");
    assertEquals(0.25, constant(4).secondsAt(1), 1e-12);
    assertEquals(2.5, constant(4).secondsAt(10), 1e-12);
    assertEquals(20.0, constant(0.5).secondsAt(10), 1e-12);
  }

  /**
   * 20,000 gaps: their mean's standard error is 1/√20000 = 0.7 % of the mean, so 3 % is over four standard errors;
   * an exponential's standard deviation equals its mean (5 %: the estimate's error is about 1 %).
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 4, 50})
  void poissonGapsHaveTheRateAsTheirMean(double rate) {
    ArrivalSchedule s = poisson(rate, 42, 1);
    int n = 20_000;
    double sumSq = 0;
    for (int k = 1; k <= n; k++) {
      double gap = s.secondsAt(k) - s.secondsAt(k - 1);
      assertTrue(gap >= 0, "gaps are never negative");
      sumSq += gap * gap;
    }
    double mean = s.secondsAt(n) / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    assertEquals(1 / rate, mean, 0.03 / rate, "mean gap at " + rate + " req/s");
    assertEquals(1 / rate, sd, 0.05 / rate, "standard deviation at " + rate + " req/s");
  }

  @Test
  void poissonIsReproducibleAndEachStepDrawsItsOwn() {
    assertEquals(poisson(4, 42, 1).secondsAt(100), poisson(4, 42, 1).secondsAt(100), "same seed and step, same moments");
    assertNotEquals(poisson(4, 42, 1).secondsAt(100), poisson(4, 42, 2).secondsAt(100), "another step");
    assertNotEquals(poisson(4, 42, 1).secondsAt(100), poisson(4, 7, 1).secondsAt(100), "another seed");
    ArrivalSchedule skipping = poisson(4, 42, 1);
    assertEquals(poisson(4, 42, 1).secondsAt(7), skipping.secondsAt(7), "asked out of order, the same moments");
    assertEquals(poisson(4, 42, 1).secondsAt(3), skipping.secondsAt(3));
  }

  @Test
  void cellsDueWithinADurationStep() {
    assertEquals(10, constant(4).countWithin(2, 2.5, 1000), "4 req/s for 2.5 s");
    assertEquals(1, constant(0.1).countWithin(0, 2.5, 1000), "the first is due at once");
    assertEquals(7, constant(4).countWithin(0, 2.5, 7), "bounded");
    int n = poisson(8, 42, 1).countWithin(2, 50, 100_000);
    // Poisson count of mean 400: standard deviation 20; 80 is four of them.
    assertTrue(Math.abs(n - 400) < 80, "about rate x seconds: " + n);
  }

  @Test
  void aGuardHoldsEachCellUntilItIsDueAndEndsADurationStepOnTime() {
    LoadStep rate = new LoadStep(1, 8, 20.0, 1, 4, ServiceObjective.NONE, LoadStop.DEFAULTS, Arrivals.CONSTANT, 42, 0, null);
    LoadGuard guard = new LoadGuard(rate, 3);
    long start = System.nanoTime();
    guard.awaitSendTime(new Cell("w", 0, 1, true));
    assertTrue(System.nanoTime() - start < 40_000_000, "the warm-up cell (ordinal 0) is due at once");
    guard.awaitSendTime(new Cell("m", 1, 2, false));
    // Measured case 2 of 3, trial 2: measured ordinal 4, step ordinal 5, due at 5 / 20 = 250 ms.
    double waitedMs = (System.nanoTime() - start) / 1e6;
    assertTrue(waitedMs >= 248 && waitedMs < 400, "due at 250 ms, sent after " + waitedMs + " ms");
    assertTrue(!guard.tripped(), "a count step never ends on time");

    LoadStep timed = new LoadStep(1, 2, null, 0, 100, ServiceObjective.NONE, LoadStop.DEFAULTS, null, 42, 0.2, null);
    LoadGuard clock = new LoadGuard(timed, 3);
    assertTrue(!clock.tripped(), "its time starts with the first measured send");
    clock.awaitSendTime(new Cell("m", 0, 1, false));
    assertTrue(!clock.tripped());
    long sent = System.nanoTime();
    while (!clock.tripped()) Thread.onSpinWait();
    double endedMs = (System.nanoTime() - sent) / 1e6;
    assertTrue(endedMs >= 199 && endedMs < 300, "0.2 s after its first measured send: " + endedMs + " ms");
  }
}
