package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.results.CommittedCells;
import dev.provbench.results.ResultsFolder;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs a prepared job on Spark: the model shares packed into one partition per task slot (each share with its
 * window of calls in flight, so every model runs from the start whatever the slot count), committing one Parquet
 * row per cell in durable chunks under {@code output/run_id=<id>/}.
 * The only action collects each partition's count of committed rows; summaries read the Parquet back,
 * so no action recomputes the HTTP-producing lineage.
 */
public final class BenchmarkRun {
  private BenchmarkRun() {}

  /** A new token per execution, so a resumed run's files never take an earlier execution's names. */
  private static String executionId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** @return rows committed by this execution. */
  public static long execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds) {
    return execute(spark, run, out, progressSeconds, null);
  }

  /**
   * Runs only the cells of {@code selection} that have no row yet: a round of an adaptive run, an ordinary run over
   * a chosen set of cells in the same results folder, with the same bound per model, commits and spending cap.
   *
   * @param selection cell ids to run, or null for the whole matrix.
   * @return rows committed by this execution.
   */
  public static long execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds, Set<String> selection) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    RunSpec spec = run.spec();
    if (spec.trace() != null) spec = spec.withTrace(spec.trace().withLate(LateSends.registerReplay(jsc.sc())));
    Set<String> alreadyDone = Set.of();
    if (selection != null) {
      alreadyDone = new HashSet<>(CommittedCells.ofRun(spark, run.job().output(), spec.runId()));
      alreadyDone.retainAll(selection);
    } else if (run.resume() != null) {
      if (run.resume().retryFailed()) {
        long setAside = ResultsCompaction.supersedeFailed(spark, run.job().output(), spec.runId());
        out.printf("resuming %s: %d failed cells will run again (their rows moved to _superseded/)%n", spec.runId(), setAside);
      }
      alreadyDone = CommittedCells.ofRun(spark, run.job().output(), spec.runId());
      // A ladder's run holds every step's cells: count only this step's.
      if (spec.load() != null) alreadyDone = LoadCells.doneOf(spec, run.cases(), alreadyDone);
      out.printf("resuming %s: %d cells already done, %d to run%n", spec.runId(), alreadyDone.size(),
          run.totalCells() - alreadyDone.size());
    }
    Broadcast<List<EvalCase>> cases = jsc.broadcast(run.cases());
    Broadcast<Set<String>> done = jsc.broadcast(alreadyDone);
    Broadcast<Set<String>> only = selection == null ? null : jsc.broadcast(selection);
    Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    RunCounters counters = RunCounters.register(jsc.sc());
    List<PackedPartition> partitions = CellPlanner.pack(spec.partitions(), TaskSlots.of(jsc.sc(), run.job().taskSlots()));
    String execution = executionId();
    double spentBefore = (run.resume() == null && selection == null) || spec.maxCost() == null ? 0
        : RunSpend.committedUsd(spark, run.job());
    SpendCap cap = spendCap(spec, spentBefore, execution);
    long toRun = (selection == null ? run.totalCells() : selection.size()) - alreadyDone.size();
    ProgressListener progress = new ProgressListener(counters, toRun);
    spark.sparkContext().addSparkListener(progress);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "provbench-progress");
      t.setDaemon(true);
      return t;
    });
    if (progressSeconds > 0) {
      ticker.scheduleAtFixedRate(() -> progress.print(out), progressSeconds, progressSeconds, TimeUnit.SECONDS);
    }
    if (!cap.none()) {
      ticker.scheduleAtFixedRate(() -> RunSpend.markIfReached(cap, progress.counts()[2], jsc.hadoopConfiguration()),
          200, 200, TimeUnit.MILLISECONDS);
    }
    long committed;
    try {
      ResultsFolder.writeMarker(run.job().output());
      jsc.setJobDescription("provbench run " + spec.runId());
      committed = jsc.parallelize(partitions, Math.max(1, partitions.size()))
          .mapPartitions(new CellPartition(spec, cases, done, only, hadoop, counters, cap, execution))
          .collect().stream().mapToLong(Long::longValue).sum();
    } finally {
      ticker.shutdownNow();
      spark.sparkContext().removeSparkListener(progress);
      cases.destroy();
      done.destroy();
      if (only != null) only.destroy();
      if (!cap.none()) RunSpend.clearMarker(cap, jsc.hadoopConfiguration());
    }
    progress.print(out);
    out.print(progress.lostAttemptsLine());
    if (spec.trace() != null) out.print(replayLine(spec.trace(), committed));
    if (counters.stoppedByCap().value() > 0) {
      out.print(RunSpend.stoppedMessage(run, spentBefore + counters.spentMicros().value() / 1e6, alreadyDone.size() + committed));
    }
    return committed;
  }

  /** e.g. {@code trace replay: 600 rows per deployment over 42.1 s at speed 1; 3 of 1200 sends more than 10 ms late}. */
  private static String replayLine(TraceSchedule t, long committed) {
    long late = t.late().count().value();
    return String.format(java.util.Locale.ROOT, "trace replay: %d rows per deployment over %.1f s at speed %s; %d of %d"
        + " sends more than %d ms late%s%n", t.rows(), t.seconds(), t.speed() == Math.rint(t.speed())
            ? String.valueOf((long) t.speed()) : String.valueOf(t.speed()), late, committed, LateSends.TOLERANCE_MS,
        late == 0 ? "" : " (on average " + t.late().totalMs().value() / late + " ms)");
  }

  /** This execution's share of the cap: what the run had not spent before it; none without a cap. */
  private static SpendCap spendCap(RunSpec spec, double spentBefore, String execution) {
    String marker = spec.resultsDir().replaceAll("/+$", "") + "/_spend-cap-reached-" + execution;
    if (spec.maxCost() == null) return new SpendCap(-1, marker);
    return new SpendCap(Math.max(0, SpendCap.micros(spec.maxCost()) - SpendCap.micros(spentBefore)), marker);
  }
}
