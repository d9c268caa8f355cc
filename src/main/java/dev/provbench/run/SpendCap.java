package dev.provbench.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run execution's spending cap, in micro-dollars of {@code cost_usd}: partitions stop taking new cells once it is
 * reached (cells in flight finish and are kept). Seen two ways, since a Spark accumulator cannot be read inside a
 * task: the spend of every partition in the same JVM, exactly and at once (all of them in local mode); and a marker
 * file the driver writes into the run folder when the accumulated spend it sees (finished tasks, and running ones
 * as their heartbeats report it) reaches the cap, so partitions on other executors stop too. Shipped in the
 * closure; the per-JVM totals are static, keyed by the marker's path (one per execution).
 */
final class SpendCap implements Serializable {
  private static final Map<String, AtomicLong> SPENT_IN_JVM = new ConcurrentHashMap<>();
  /** How often a partition looks for the driver's marker: a file-system call per cell would be too many. */
  private static final long MARKER_CHECK_NANOS = 500_000_000L;

  private final long limitMicros;
  private final String marker;

  /** @param limitMicros what this execution may spend (the cap less the run's spend before it), or -1 for no cap. */
  SpendCap(long limitMicros, String marker) {
    this.limitMicros = limitMicros;
    this.marker = marker;
  }

  static long micros(Double usd) {
    return usd == null ? 0 : Math.round(usd * 1_000_000);
  }

  boolean none() {
    return limitMicros < 0;
  }

  long limitMicros() {
    return limitMicros;
  }

  Path marker() {
    return new Path(marker);
  }

  /**
   * One per partition: counts its cells' cost and says when to stop taking new ones. {@link Watch#spent} may be
   * called from the partition's call threads; {@link Watch#reached} from the thread that takes cells only.
   */
  Watch watch(Configuration conf) {
    return new Watch(conf);
  }

  final class Watch {
    private final Configuration conf;
    private final AtomicLong inJvm = SPENT_IN_JVM.computeIfAbsent(marker, k -> new AtomicLong());
    private long lastMarkerCheck = System.nanoTime() - MARKER_CHECK_NANOS;
    private boolean reached;

    private Watch(Configuration conf) {
      this.conf = conf;
    }

    void spent(long micros) {
      inJvm.addAndGet(micros);
    }

    boolean reached() {
      if (none() || reached) return reached;
      reached = inJvm.get() >= limitMicros || markerWritten();
      return reached;
    }

    private boolean markerWritten() {
      if (System.nanoTime() - lastMarkerCheck < MARKER_CHECK_NANOS) return false;
      lastMarkerCheck = System.nanoTime();
      try {
        return marker().getFileSystem(conf).exists(marker());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot look for the spending-cap marker " + marker, e);
      }
    }
  }
}
