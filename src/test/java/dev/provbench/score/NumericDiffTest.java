package dev.provbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumericDiffTest {
  private static void test(double expectedScore, Double output, double expected) {
    assertEquals(expectedScore, NumericDiff.score(output, expected).value(), 1e-9, "output " + output + ", expected " + expected);
  }

  @Test
  void scoresAsDesigned() {
    test(1.0, 0.0, 0);
    test(1.0, 1.0, 1);
    test(1.0, 0.6, 0.6);
    test(0.75, 1.0, 0.6);
    test(0.75, 0.6, 1);
    test(0.8, 0.6, 0.4);
    test(0.8, 0.4, 0.6);
    test(0.0, 1.0, 0);
    test(0.0, 0.6, 0);
    test(0.0, 0.4, 0);
    test(0.0, 0.0, 1);
    test(0.0, 0.0, 0.6);
    test(0.0, null, 1);
    test(0.0, null, 0);
  }

  @Test
  void aNullOutputCarriesANote() {
    assertEquals("output is null", NumericDiff.score(null, 1).note());
    assertEquals(null, NumericDiff.score(1.0, 1).note());
  }

  @Test
  void nonNullAndTheScorerList() {
    assertEquals(1.0, NonNull.score(0.0).value());
    assertEquals(0.0, NonNull.score((Double) null).value());
    Scores both = Scores.of(List.of("CorrectScore", "NonNull"), 0.6, 1);
    assertEquals(0.75, both.correct(), 1e-9);
    assertEquals(1.0, both.nonNull());
    Scores onlyNonNull = Scores.of(List.of("NonNull"), null, 1);
    assertEquals(null, onlyNonNull.correct());
    assertEquals(0.0, onlyNonNull.nonNull());
  }
}
