package dev.provbench.analysis.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The knee: the first step after which throughput grows by less than the share while p90 latency rises. */
class LoadKneeTest {
  private static void knee(int expected, List<Double> throughput, List<Double> p90) {
    assertEquals(expected, LoadKnee.of(throughput, p90, 0.10), throughput + " / " + p90);
  }

  @Test
  void table() {
    knee(3, List.of(1.0, 1.9, 3.3, 5.3, 5.3), List.of(100.0, 107.0, 121.0, 150.0, 300.0));   // flat past 8 slots
    knee(1, List.of(1.0, 1.7, 1.7, 1.7), List.of(100.0, 120.0, 240.0, 480.0));               // flat past 2
    knee(-1, List.of(1.0, 2.0, 4.0, 8.0), List.of(100.0, 100.0, 101.0, 102.0));              // still growing
    knee(-1, List.of(1.0, 1.05, 1.1), List.of(100.0, 90.0, 80.0));                            // flat but faster: noise, no knee
    knee(1, List.of(1.0, 2.0, 2.1, 4.0), List.of(100.0, 100.0, 200.0, 210.0));                // the first flat step counts
    knee(0, List.of(2.0, 1.5), List.of(100.0, 300.0));                                        // worse at once
    knee(-1, List.of(2.0), List.of(100.0));                                                   // one step: nothing to compare
    knee(0, List.of(1.0, 1.09), List.of(100.0, 150.0));                                       // 9 % is under 10 %
    knee(-1, List.of(1.0, 1.11), List.of(100.0, 150.0));                                      // 11 % is enough
  }
}
