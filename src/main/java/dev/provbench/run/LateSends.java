package dev.provbench.run;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * A rate step's sends that went out after their scheduled moment because the in-flight cap was full (or the task
 * was busy), summed over its models' measured cells: registered on the driver per step, added to on the executors.
 *
 * @param count   measured sends more than {@link #TOLERANCE_MS} ms late.
 * @param totalMs the sum of their lateness, ms.
 */
record LateSends(LongAccumulator count, LongAccumulator totalMs) implements Serializable {
  /** Lateness below this is timer and thread noise, not a held-back send. */
  static final long TOLERANCE_MS = 10;

  static LateSends register(SparkContext sc, int step) {
    return new LateSends(sc.longAccumulator("load step " + step + " late sends"),
        sc.longAccumulator("load step " + step + " lateness ms"));
  }

  /** A trace replay's counters. */
  static LateSends registerReplay(SparkContext sc) {
    return new LateSends(sc.longAccumulator("trace replay late sends"), sc.longAccumulator("trace replay lateness ms"));
  }

  void add(long lateMs) {
    if (lateMs <= TOLERANCE_MS) return;
    count.add(1);
    totalMs.add(lateMs);
  }

  /** e.g. {@code 12 measured sends went out late (the cap of 4 in flight was full, …)}, or "" when none. */
  String describe(String cap) {
    long n = count.value();
    if (n == 0) return "";
    return String.format(Locale.ROOT, "%d measured sends went out late (the cap of %s in flight per model was full,"
        + " or the client fell behind), on average %d ms", n, cap, totalMs.value() / n);
  }
}
