package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a prepared job on Spark: one partition per model share, each with its window of calls in
 * flight, and writes one Parquet row per cell under {@code output/run_id=<id>/}. The HTTP-producing
 * lineage is written once and never recomputed: summaries read the Parquet back.
 */
public final class BenchmarkRun {
  private BenchmarkRun() {}

  public static void execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    RunSpec spec = run.spec();
    Broadcast<List<EvalCase>> cases = jsc.broadcast(run.cases());
    LongAccumulator done = jsc.sc().longAccumulator("cells done");
    LongAccumulator failed = jsc.sc().longAccumulator("cells failed");
    ProgressListener progress = new ProgressListener(done, failed, run.totalCells());
    spark.sparkContext().addSparkListener(progress);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "provbench-progress");
      t.setDaemon(true);
      return t;
    });
    if (progressSeconds > 0) {
      ticker.scheduleAtFixedRate(() -> progress.print(out), progressSeconds, progressSeconds, TimeUnit.SECONDS);
    }
    try {
      jsc.setJobDescription("provbench run " + spec.runId());
      JavaRDD<Row> rows = jsc.parallelize(spec.partitions(), spec.partitions().size())
          .mapPartitions(new CellPartition(spec, cases, done, failed));
      ResultsFolder.writeMarker(run.job().output());
      spark.createDataFrame(rows, ResultSchema.SCHEMA).write().mode(SaveMode.Append).partitionBy("run_id")
          .parquet(run.job().output().toString());
    } finally {
      ticker.shutdownNow();
      spark.sparkContext().removeSparkListener(progress);
      cases.destroy();
    }
    progress.print(out);
  }
}
