package dev.provbench.run;

import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.Walk;
import dev.provbench.job.Job;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunRows;
import java.io.PrintStream;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a prepared job, whatever its kind (one pass, a load ladder, adaptive rounds), in its own Spark session and
 * prints what it did: the command {@code run} and the demo share it.
 */
public final class JobRunner {
  /**
   * The console summary of a finished run. The run cannot compute it (the summary tables belong to the analysis,
   * which never uses {@code run}): the command line hands it in.
   */
  @FunctionalInterface
  public interface Summary {
    String of(SparkSession spark, Job job);
  }

  /**
   * How a run ended.
   *
   * @param complete whether every cell has a row (a load ladder counts as complete: its steps decide their cells;
   *                 an adaptive run when its rounds stopped).
   * @param missing  what is missing, for the console ("3 of 10 cells have a row"); null when complete.
   */
  public record Outcome(boolean complete, String missing) {
    static final Outcome COMPLETE = new Outcome(true, null);
  }

  private JobRunner() {}

  public static Outcome execute(PreparedRun run, PrintStream out, long progressSeconds, Summary summary) {
    Job job = run.job();
    out.printf("provbench: run %s: %d providers, %d models, %s x %d trials = %d cells -> %s%n", job.runId(),
        job.providers().size(), job.modelCount(), run.describeCases(), job.trials(), run.totalCells(),
        ResultsFolder.runDir(job.output(), job.runId()));
    int slots = Math.max(Runtime.getRuntime().availableProcessors(), run.spec().partitions().size());
    SparkSession spark = SparkSessions.create("provbench " + job.name(), slots, Map.of());
    Walk walk = null;
    if (job.adaptive() != null) walk = AdaptiveRun.execute(spark, run, out, progressSeconds);
    else if (job.load() == null) BenchmarkRun.execute(spark, run, out, progressSeconds);
    else LoadLadder.execute(spark, run, out, progressSeconds);
    out.println();
    out.print(summary.of(spark, job));
    out.print(usageNote(spark, job));
    out.println("results: " + ResultsFolder.runDir(job.output(), job.runId()));
    if (job.load() != null) return Outcome.COMPLETE;
    if (walk != null) {
      for (DecisionResult d : walk.decisions()) out.println(d.sentence(job.adaptive().confidence()));
      if (walk.stopped()) return Outcome.COMPLETE;
      return new Outcome(false, "round " + (walk.rounds() + 1) + " of the adaptive run has cells without a row");
    }
    long withRow = RunRows.of(spark, job.output(), job.runId()).select("cell_id").distinct().count();
    if (withRow >= run.totalCells()) return Outcome.COMPLETE;
    return new Outcome(false, withRow + " of " + run.totalCells() + " cells have a row");
  }

  /** How many answered cells carry estimated tokens because the server reported no usage; "" when none. */
  public static String usageNote(SparkSession spark, Job job) {
    Row r = RunRows.of(spark, job.output(), job.runId())
        .selectExpr("count_if(usage_source = 'estimated')", "count_if(usage_source IS NOT NULL)").first();
    long estimated = r.getLong(0);
    if (estimated == 0) return "";
    return String.format("usage: %d of %d answered cells lack server usage (usage_source 'estimated': tokens and"
        + " cost at about 4 characters a token)%n", estimated, r.getLong(1));
  }
}
