package dev.provbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headroom benchmark at a tiny scale: it runs both clients and produces every figure. Not timed. */
class HeadroomBenchmarkTest {
  @TempDir
  Path dir;

  @Test
  void producesItsFiguresAtATinyScale() throws Exception {
    List<HeadroomBenchmark.Figures> figures = HeadroomBenchmark.measure(SparkTestSession.get(), dir, List.of(4, 8), 3, 50, 0);
    assertEquals(List.of("plain client", "provbench", "plain client", "provbench"),
        figures.stream().map(HeadroomBenchmark.Figures::client).toList());
    for (HeadroomBenchmark.Figures f : figures) {
      String what = HeadroomBenchmark.table(List.of(f));
      assertEquals(f.inFlight() * 3L, f.calls(), what);
      assertEquals(f.calls(), f.answered(), "every call answered and found in the server's journal\n" + what);
      assertEquals(f.inFlight() * 1000.0 / 50, f.idealPerS(), 1e-9, what);
      assertTrue(f.sustainedPerS() > 0 && f.share() <= 1.2, "a client cannot beat in-flight ÷ service time by much\n" + what);
      assertTrue(f.serviceP50Ms() >= 50 && f.serviceP99Ms() >= f.serviceP50Ms(), what);
      assertTrue(f.overheadP50Ms() > -1 && f.overheadP99Ms() >= f.overheadP50Ms(), "client latency includes the service\n" + what);
      assertTrue(f.serverInFlight() < f.inFlight(), what);
    }
  }

  @Test
  void theSteadyStateLeavesOutTheFirstAndTheLastRound() {
    // 2 in flight, 4 rounds of 100 ms: from the 2nd finish (100 ms) to the 6th (300 ms), 4 calls in 0.2 s = 2 ÷ 0.1 s.
    long[] finished = {100_000, 100_000, 200_000, 200_000, 300_000, 300_000, 400_000, 400_000};
    assertEquals(20, HeadroomBenchmark.steadyRate(finished, 2), 1e-9);
    // Staggered finishes, one every 10 ms at 2 in flight: the rate between, ramp and drain aside.
    long[] staggered = {50_000, 60_000, 70_000, 80_000, 90_000, 100_000, 110_000, 300_000};
    assertEquals(4 / 0.04, HeadroomBenchmark.steadyRate(staggered, 2), 1e-9);
  }
}
