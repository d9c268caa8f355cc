package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.provbench.job.ModelSpec;
import dev.provbench.job.Price;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.AttemptResult.Outcome;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.Reply;
import dev.provbench.provider.StreamTiming;
import dev.provbench.provider.Usage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time per output token and what a cell costs, as defined in docs/METRICS.md; one line per case. */
class CellMeasuresTest {
  private static final ModelSpec PRICED = new ModelSpec("m", "8b", new Price(1_000_000, 2_000_000), null, 3, null);

  @Test
  void timePerOutputToken() {
    tpot(10.0, 1100, 100L, 101L);
    tpot(1000.0, 2000, 1000L, 2L);
    tpot(null, 2000, 1000L, 1L);
    tpot(null, 2000, null, 50L);
    tpot(null, 2000, 1000L, null);
    tpot(null, 1000, 1000L, 50L);
  }

  private static void tpot(Double expected, long latency, Long ttft, Long tokens) {
    assertEquals(expected, CellTiming.tpotMs(latency, ttft, tokens), latency + " " + ttft + " " + tokens);
  }

  @Test
  void everyAttemptThatReportedUsageIsBilled() {
    cost(null, ok(null, false));
    cost(1 * 1.0 + 2 * 2.0, ok(new Usage(1L, 2L, null, null, false), false));
    cost(1 * 1.0 + 2 * 2.0, ok(new Usage(1L, 2L, null, null, true), false));
    cost(3 * 1.0 + 3 * 2.0 + 1 * 1.0 + 2 * 2.0, failed(new Usage(3L, 3L, null, null, false)), ok(new Usage(1L, 2L, null, null, false), false));
    cost(5 * 1.0 + 1 * 2.0, failed(new Usage(5L, 1L, null, null, false)), failed(Usage.NONE));
    cost(null, failed(Usage.NONE), failed(Usage.NONE));
    cost(null, failed(new Usage(5L, 1L, null, null, true)));
  }

  @Test
  void aMachinePricedByTheHourIsCostedByTheAnalysesNotPerCell() {
    ModelSpec machine = new ModelSpec("m", "405b", null, 27.0, 3, null);
    assertNull(CellCost.priceList(machine, call(ok(new Usage(1L, 2L, null, null, false), false))));
  }

  private static void cost(Double expected, AttemptResult... attempts) {
    Double actual = CellCost.priceList(PRICED, call(attempts));
    if (expected == null) assertNull(actual, Arrays.toString(attempts));
    else assertEquals(expected, actual, 1e-9, Arrays.toString(attempts));
  }

  private static CallOutcome call(AttemptResult... attempts) {
    List<Long> zeros = Arrays.stream(attempts).map(a -> 0L).toList();
    return new CallOutcome(List.of(attempts), zeros, zeros, 100, Instant.EPOCH);
  }

  private static AttemptResult ok(Usage usage, boolean streamed) {
    return AttemptResult.answered(200, 100, new Reply("x", null, List.of(), "id"), usage == null ? Usage.NONE : usage,
        streamed ? new StreamTiming(10L, 10L, new int[0]) : StreamTiming.NONE);
  }

  private static AttemptResult failed(Usage usage) {
    return new AttemptResult(Outcome.TRANSPORT_ERROR, 200, 50, null, usage, StreamTiming.NONE, null, "cut", null, 0);
  }
}
