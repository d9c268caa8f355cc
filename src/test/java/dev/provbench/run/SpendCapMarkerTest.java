package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a partition learns that the cap is reached: from its own JVM's spend at once, or from the driver's marker
 * (the path partitions on other executors take), looked for at most twice a second.
 */
class SpendCapMarkerTest {
  @TempDir
  Path dir;

  private SpendCap cap(long limitMicros, String name) {
    return new SpendCap(limitMicros, dir.resolve(name).toUri().toString());
  }

  @Test
  void theSpendInThisJvmStopsEveryPartitionOfIt() {
    SpendCap cap = cap(1_000, "_spend-cap-reached-a");
    SpendCap.Watch one = cap.watch(new Configuration());
    SpendCap.Watch other = cap.watch(new Configuration());
    one.spent(600);
    assertFalse(other.reached());
    one.spent(400);
    assertTrue(other.reached(), "another partition of the same JVM sees the spend at once");
  }

  @Test
  void theDriversMarkerStopsAPartitionThatSpentNothing() {
    SpendCap cap = cap(1_000, "_spend-cap-reached-b");
    Configuration conf = new Configuration();
    SpendCap.Watch watch = cap.watch(conf);
    assertFalse(watch.reached());
    RunSpend.markIfReached(cap, 999, conf);
    assertFalse(Files.exists(dir.resolve("_spend-cap-reached-b")), "below the cap: no marker");
    RunSpend.markIfReached(cap, 1_000, conf);
    assertTrue(Files.exists(dir.resolve("_spend-cap-reached-b")));
    SpendCap.Watch later = cap.watch(conf);
    assertTrue(later.reached(), "a fresh watch looks for the marker at once");
    RunSpend.clearMarker(cap, conf);
    assertFalse(Files.exists(dir.resolve("_spend-cap-reached-b")));
  }

  @Test
  void noCapNeverStops() {
    SpendCap none = cap(-1, "_spend-cap-reached-c");
    SpendCap.Watch watch = none.watch(new Configuration());
    watch.spent(Long.MAX_VALUE / 2);
    assertFalse(watch.reached());
  }
}
