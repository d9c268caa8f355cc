package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.analysis.output.Insight;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The turn-by-turn insight: one line per case, the accuracies at the first and last turn and the sentence. */
class TurnsTableTest {
  private static final Experiment E = new Experiment("P", "m-70b", "70b");

  private static void insight(String expected, Double... accuracies) {
    List<CacheFigures> turns = new ArrayList<>();
    for (int t = 0; t < accuracies.length; t++) {
      turns.add(new CacheFigures(E, t + 1, 10 - t, 0, accuracies[t], 10 - t, null, null, 0, null, null, null, null, null));
    }
    List<Insight> out = TurnsTable.insights(turns);
    assertEquals(expected, out.isEmpty() ? null : out.get(0).text());
  }

  @Test
  void fromTheFirstTurnToTheLast() {
    insight("P at 70b (m-70b): accuracy falls from 90% at turn 1 to 60% at turn 3.", 0.9, 0.8, 0.6);
    insight("P at 70b (m-70b): accuracy rises from 50% at turn 1 to 70% at turn 2.", 0.5, 0.7);
    insight("P at 70b (m-70b): accuracy stays at 100% from turn 1 to turn 3.", 1.0, 0.9, 1.0);
    insight(null, 1.0);
    insight(null, 0.8, null);
  }
}
