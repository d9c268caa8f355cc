package dev.provbench.run;

import dev.provbench.results.CellResult;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The accumulators of one run execution, shipped in the task closure: tasks add to them, the driver's
 * {@link ProgressListener} reads finished tasks' totals and running tasks' heartbeats. One per execution.
 *
 * @param finished     cells done (a row made, committed or not yet).
 * @param failed       cells done whose status is not answered.
 * @param spentMicros  Σ cost_usd of the cells done, in micro-dollars.
 * @param committed    rows made durable; with {@code finished}, what a lost attempt had done but not committed.
 * @param stoppedByCap partitions that left cells unrun because the spending cap was reached.
 */
record RunCounters(LongAccumulator finished, LongAccumulator failed, LongAccumulator spentMicros,
    LongAccumulator committed, LongAccumulator stoppedByCap) implements Serializable {

  static RunCounters register(SparkContext sc) {
    return new RunCounters(sc.longAccumulator("cells done"), sc.longAccumulator("cells failed"),
        sc.longAccumulator("spend micro-usd"), sc.longAccumulator("rows committed"),
        sc.longAccumulator("partitions stopped by the spending cap"));
  }

  /** A cell's row was made; {@code newlyCommitted} rows became durable with it (a chunk's commit). */
  void cellDone(CellResult r, long newlyCommitted) {
    finished.add(1);
    if (!r.outcome().status().answered()) failed.add(1);
    spentMicros.add(SpendCap.micros(r.cost().usd()));
    addCommitted(newlyCommitted);
  }

  void addCommitted(long rows) {
    if (rows > 0) committed.add(rows);
  }

  void markStoppedByCap() {
    stoppedByCap.add(1);
  }
}
