package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ProviderSpec;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The task body: runs one partition's cells with its window of calls in flight and yields one row per
 * cell as each finishes. Serialized into the closure: holds only the spec, the broadcast cases and the
 * progress accumulators.
 */
final class CellPartition implements FlatMapFunction<Iterator<PartitionSpec>, Row> {
  private final RunSpec spec;
  private final Broadcast<List<EvalCase>> cases;
  private final LongAccumulator done;
  private final LongAccumulator failed;

  CellPartition(RunSpec spec, Broadcast<List<EvalCase>> cases, LongAccumulator done, LongAccumulator failed) {
    this.spec = spec;
    this.cases = cases;
    this.done = done;
    this.failed = failed;
  }

  @Override
  public Iterator<Row> call(Iterator<PartitionSpec> parts) {
    PartitionSpec part = parts.next();
    List<EvalCase> all = cases.value();
    CellRunner runner = new CellRunner(spec, part, apiKey(spec.providers().get(part.provider())));
    WindowedIterator<Cell, CellResult> results = new WindowedIterator<>(CellPlanner.cells(spec, part, all),
        part.window(), cell -> runner.run(cell, all.get(cell.caseIndex())), "provbench-p" + part.index());
    TaskContext context = TaskContext.get();
    if (context != null) context.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> results.close());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return results.hasNext();
      }

      @Override
      public Row next() {
        CellResult r = results.next();
        done.add(1);
        if (!r.status().equals("ok")) failed.add(1);
        return ResultSchema.toRow(r);
      }
    };
  }

  /** Read on the executor from its own environment, so no key travels in Spark's configuration. */
  private static String apiKey(ProviderSpec provider) {
    if (provider.apiKeyEnv() == null) return null;
    String key = System.getenv(provider.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("environment variable " + provider.apiKeyEnv() + " (API key of " + provider.name()
          + ") is not set on this executor: pass it with --conf spark.executorEnv." + provider.apiKeyEnv() + "=...");
    }
    return key;
  }
}
