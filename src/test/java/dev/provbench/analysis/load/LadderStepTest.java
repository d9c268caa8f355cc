package dev.provbench.analysis.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the tables name the step they show: by requests in flight, or by offered rate on a rate ladder. */
class LadderStepTest {
  @Test
  void aStepIsNamedByItsLoad() {
    assertEquals("8 in flight per model", LadderStep.load(8, null));
    assertEquals("4 requests/s per model", LadderStep.load(null, 4.0));
    assertEquals("0.5 requests/s per model", LadderStep.load(null, 0.5));
    Map<Integer, Integer> rateSteps = new LinkedHashMap<>();
    rateSteps.put(1, null);
    rateSteps.put(2, null);
    assertEquals("load step 2 of 2 (16 requests/s per model)", new LadderStep(2, null, 16.0, rateSteps).label());
    assertEquals("", LadderStep.NONE.label());
  }
}
