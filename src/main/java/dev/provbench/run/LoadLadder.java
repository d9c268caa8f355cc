package dev.provbench.run;

import dev.provbench.job.Job;
import dev.provbench.job.LoadPlan;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultSchema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job's load ladder through the ordinary run path: one {@link BenchmarkRun} pass per step, every
 * model at that step's concurrency, with the step carried in the pass's {@link RunSpec}. After each step it
 * reads the step's rows back and drops, for the steps left, any model the stop rule ({@link LoadGuard})
 * holds for, saying so, so a failing provider is not pushed harder. The spending cap spans the whole ladder.
 */
public final class LoadLadder {
  private LoadLadder() {}

  /** @return rows committed over all steps. */
  public static long execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds) {
    Job job = run.job();
    LoadPlan plan = job.load();
    int measured = plan.measuredCells(run.cases().size(), job.trials());
    Set<String> stopped = new LinkedHashSet<>();
    long committed = 0;
    for (int i = 0; i < plan.concurrency().size(); i++) {
      int concurrency = plan.concurrency().get(i);
      LoadStep step = new LoadStep(i + 1, concurrency, null, plan.warmupCells(), measured, plan.objective(), plan.stop());
      List<ProviderSpec> active = atConcurrency(job.providers(), concurrency, stopped);
      if (active.isEmpty()) {
        out.printf("load: every model was stopped; steps %d to %d skipped%n", i + 1, plan.concurrency().size());
        break;
      }
      Job stepJob = job.withProviders(active).withMaxCost(remainingCap(spark, job));
      RunSpec spec = RunSpec.of(stepJob, run.spec().template(), CellPlanner.partitions(stepJob)).withLoad(step);
      out.printf("load step %d of %d: %d in flight per model, %d + %d warm-up cells per model%n", step.step(),
          plan.concurrency().size(), concurrency, measured, step.warmup());
      committed += BenchmarkRun.execute(spark, new PreparedRun(stepJob, run.cases(), spec, run.resume()), out, progressSeconds);
      stopAfter(spark, job, step, stopped, plan.concurrency().size(), out);
    }
    return committed;
  }

  private static Double remainingCap(SparkSession spark, Job job) {
    if (job.maxCost() == null) return null;
    return Math.max(0, job.maxCost() - RunSpend.committedUsd(spark, job));
  }

  /** The providers with their models not yet stopped, each at {@code concurrency}. */
  private static List<ProviderSpec> atConcurrency(List<ProviderSpec> providers, int concurrency, Set<String> stopped) {
    List<ProviderSpec> out = new ArrayList<>();
    for (ProviderSpec p : providers) {
      List<ModelSpec> models = p.models().stream().filter(m -> !stopped.contains(key(p.name(), m.id())))
          .map(m -> new ModelSpec(m.id(), m.size(), m.price(), m.costPerHour(), concurrency, m.baseUrl())).toList();
      if (!models.isEmpty()) {
        out.add(new ProviderSpec(p.name(), p.baseUrl(), p.apiKeyEnv(), p.headers(), models, p.rateLimit(), p.streamOptions()));
      }
    }
    return out;
  }

  /** Applies the stop rule to each model's measured rows of the step; a model it holds for runs no later step. */
  private static void stopAfter(SparkSession spark, Job job, LoadStep step, Set<String> stopped, int steps,
      PrintStream out) {
    List<Row> rows = spark.read().schema(ResultSchema.SCHEMA).parquet(job.output().toString())
        .where("run_id = '" + job.runId().replace("'", "''") + "' AND load_step = " + step.step()
            + " AND NOT coalesce(load_warmup, false)")
        .groupBy("provider", "model")
        .agg(org.apache.spark.sql.functions.expr("count(*)"),
            org.apache.spark.sql.functions.expr("count_if(NOT (" + CellStatus.ANSWERED_SQL + "))"),
            org.apache.spark.sql.functions.expr("collect_list(CASE WHEN " + CellStatus.ANSWERED_SQL + " THEN duration_ms END)"),
            org.apache.spark.sql.functions.expr("collect_list(CASE WHEN " + CellStatus.ANSWERED_SQL + " THEN ttft_ms END)"))
        .collectAsList();
    for (Row r : rows) {
      int cells = (int) r.getLong(2);
      String why = LoadGuard.verdict(step.stop(), step.objective(), cells, (int) r.getLong(3), r.getList(4), r.getList(5));
      if (why == null && cells >= step.measured()) continue;
      String key = key(r.getString(0), r.getString(1));
      stopped.add(key);
      String later = step.step() < steps ? "; steps " + (step.step() + 1) + " to " + steps + " skipped for it" : "";
      out.printf("load step %d: %s stopped after %d of %d cells: %s%s%n", step.step(), key, cells, step.measured(),
          why == null ? "cells were left unrun (by the stop rule or the spending cap)" : why, later);
    }
  }

  private static String key(String provider, String model) {
    return provider + " / " + model;
  }
}
