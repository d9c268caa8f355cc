package dev.provbench.run;

import dev.provbench.input.Storage;
import dev.provbench.job.Job;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The driver's side of the spending cap: the run's spend so far, the stop marker, and the message when it stopped. */
final class RunSpend {
  private RunSpend() {}

  /** Σ cost_usd of the rows a run already has (a resumed run counts what it spent before). */
  static double committedUsd(SparkSession spark, Job job) {
    if (!Storage.isDirectory(ResultsFolder.runDir(job.output(), job.runId()))) return 0;
    Row r = RunRows.of(spark, job.output(), job.runId()).selectExpr("coalesce(sum(cost_usd), 0)").first();
    return r.getDouble(0);
  }

  /** Writes the stop marker once the spend the driver sees reaches this execution's cap. */
  static void markIfReached(SpendCap cap, long spentMicros, Configuration conf) {
    if (spentMicros < cap.limitMicros()) return;
    try {
      var fs = cap.marker().getFileSystem(conf);
      if (!fs.exists(cap.marker())) fs.create(cap.marker(), false).close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spending-cap marker " + cap.marker(), e);
    }
  }

  static void clearMarker(SpendCap cap, Configuration conf) {
    try {
      cap.marker().getFileSystem(conf).delete(cap.marker(), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the spending-cap marker " + cap.marker(), e);
    }
  }

  static String stoppedMessage(PreparedRun run, double spentUsd, long cellsDone) {
    Job job = run.job();
    return String.format(Locale.ROOT, """
        stopped at the spending cap: $%.4f spent of max cost $%.4f; %d of %d cells done, every one kept as a row \
        (cells in flight finished).
        to finish: provbench run %s --resume %s --max-cost <a higher cap> (or raise max_cost in the job file)
        """, spentUsd, job.maxCost(), cellsDone, run.totalCells(), job.file(), job.runId());
  }
}
