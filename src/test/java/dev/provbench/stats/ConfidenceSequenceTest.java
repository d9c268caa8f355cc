package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.stats.ConfidenceSequence.Bounds;
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
      for (int n = 1; n <= x.length; n++) {
        if (ConfidenceSequence.showsAbove(x, n, 0.05, mean) || ConfidenceSequence.showsBelow(x, n, 0.05, mean)) {
          missed++;
          break;
        }
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
    java.util.Arrays.fill(x, value);
    Bounds b = ConfidenceSequence.of(x, 0.05);
    assertTrue(b.low() >= low - 1e-9 && b.low() <= value, "low " + b.low());
    assertTrue(b.high() <= high + 1e-9 && b.high() >= value, "high " + b.high());
  }

  @Test
  void aClearlyPositiveSequenceShowsItselfAboveZeroAndAZeroSequenceDoesNot() {
    double[] up = new double[60];
    java.util.Arrays.fill(up, 0.6);
    assertTrue(ConfidenceSequence.showsAbove(up, 60, 0.05, 0));
    assertFalse(ConfidenceSequence.showsBelow(up, 60, 0.05, 0));
    double[] flat = new double[60];
    assertFalse(ConfidenceSequence.showsAbove(flat, 60, 0.05, 0));
    assertEquals(0, ConfidenceSequence.of(flat, 0.05).low() + ConfidenceSequence.of(flat, 0.05).high(), 1e-6);
  }
}
