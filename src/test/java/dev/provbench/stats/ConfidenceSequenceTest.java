package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.stats.ConfidenceSequence.Bounds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceSequenceTest {
  @Test
  void coversTheMeanAtEveryLookInAtLeastNinetyFivePercentOfSequences() {
    int sequences = 2000;
    int missed = 0;
    for (int s = 0; s < sequences; s++) {
      SplittableRandom random = new SplittableRandom(s);
      double[] x = new double[200];
      for (int i = 0; i < x.length; i++) x[i] = random.nextDouble() < 0.3 ? 1 : random.nextDouble() < 0.5 ? -1 : 0;
      double mean = 0.3 + 0.7 * 0.5 * -1; // P(1) = 0.3, P(-1) = 0.35: mean −0.05
      // Shown at the last look means shown at some look: a test wins once its capital crosses, at any step.
      if (ConfidenceSequence.showsAbove(x, x.length, 0.05, mean) || ConfidenceSequence.showsBelow(x, x.length, 0.05, mean)) {
        missed++;
      }
    }
    assertTrue(missed <= 0.05 * sequences, missed + " of " + sequences + " sequences lost the mean at some look");
  }

  @ParameterizedTest(name = "{0} values of {1}: between {2} and {3}")
  @CsvSource({
      "0, 0.5, -1, 1",
      "400, 0.5, 0.35, 0.62",
      "400, -1, -1, -0.95",
  })
  void bounds(int n, double value, double low, double high) {
    double[] x = new double[n];
    Arrays.fill(x, value);
    Bounds b = ConfidenceSequence.of(x, 0.05);
    assertTrue(b.low() >= low - 1e-9 && b.low() <= value, "low " + b.low());
    assertTrue(b.high() <= high + 1e-9 && b.high() >= value, "high " + b.high());
  }

  @Test
  void aWinAtAnEarlyLookStaysAWin() {
    double[] x = new double[100];
    Arrays.fill(x, 0, 20, 1);
    Arrays.fill(x, 20, 100, -1);
    assertTrue(ConfidenceSequence.showsAbove(x, 20, 0.05, 0));
    assertTrue(ConfidenceSequence.showsAbove(x, 100, 0.05, 0), "the running intersection keeps what an earlier look showed");
  }

  @Test
  void aClearlyPositiveSequenceShowsItselfAboveZeroAndAZeroSequenceDoesNot() {
    double[] up = new double[60];
    Arrays.fill(up, 0.6);
    assertTrue(ConfidenceSequence.showsAbove(up, 60, 0.05, 0));
    assertFalse(ConfidenceSequence.showsBelow(up, 60, 0.05, 0));
    double[] flat = new double[60];
    assertFalse(ConfidenceSequence.showsAbove(flat, 60, 0.05, 0));
    assertEquals(0, ConfidenceSequence.of(flat, 0.05).low() + ConfidenceSequence.of(flat, 0.05).high(), 1e-6);
  }
}
