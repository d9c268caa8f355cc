package dev.provbench.run;

import dev.provbench.input.Storage;
import dev.provbench.job.Job;
import dev.provbench.job.LoadPlan;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunRows;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Runs a job's load ladder through the ordinary run path: one {@link BenchmarkRun} pass per step, every model at
 * that step's concurrency or arrival rate, with the step carried in the pass's {@link RunSpec}. After each step it
 * reads the step's rows back, says how far a rate step's sends kept to the offered rate, and drops, for the steps
 * left, any model the stop rule ({@link LoadGuard}) holds for, saying so, so a failing provider is not pushed harder.
 * A resumed ladder applies the rule to a step's rows before running what is left of it. The spending cap spans the
 * whole ladder.
 */
public final class LoadLadder {
  private LoadLadder() {}

  /** @return rows committed over all steps. */
  public static long execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds) {
    Job job = run.job();
    LoadPlan plan = job.load();
    int steps = plan.steps();
    Set<String> stopped = new LinkedHashSet<>();
    long committed = 0;
    for (int i = 0; i < steps; i++) {
      LoadStep step = step(spark, plan, i, run.cases().size(), job.trials());
      if (run.resume() != null) stopAfter(spark, job, step, stopped, steps, true, out);
      Integer level = plan.rateLadder() ? plan.maxConcurrency() : Integer.valueOf(step.concurrency());
      List<ProviderSpec> active = withLevel(job.providers(), level, stopped);
      if (active.isEmpty()) {
        out.printf("load: every model was stopped; steps %d to %d skipped%n", i + 1, steps);
        break;
      }
      // A resumed pass subtracts the run's whole spend itself; a new one is given what is left of the cap.
      Job stepJob = job.withProviders(active).withMaxCost(run.resume() == null ? remainingCap(spark, job) : job.maxCost());
      RunSpec spec = RunSpec.of(stepJob, run.spec().template(), CellPlanner.partitions(stepJob), null).withLoad(step);
      out.printf("load step %d of %d: %s%n", step.step(), steps, step.describe());
      committed += BenchmarkRun.execute(spark, new PreparedRun(stepJob, run.cases(), spec, run.resume()), out, progressSeconds);
      if (step.late() != null && !step.late().describe(step.capText()).isEmpty()) {
        out.printf("load step %d: %s%n", step.step(), step.late().describe(step.capText()));
      }
      stopAfter(spark, job, step, stopped, steps, false, out);
    }
    return committed;
  }

  /** The ladder's step {@code i} (0-based): its level, cells and, for a rate step, its schedule and late count. */
  static LoadStep step(SparkSession spark, LoadPlan plan, int i, int cases, int trials) {
    int measured = plan.measuredCells(cases, trials);
    if (!plan.rateLadder()) {
      return new LoadStep(i + 1, plan.concurrency().get(i), null, plan.warmupCells(), measured, plan.objective(),
          plan.stop(), null, plan.seed(), plan.stepSeconds(), null);
    }
    double rate = plan.rate().get(i);
    int cap = plan.maxConcurrency() == null ? 0 : plan.maxConcurrency();
    LoadStep draft = new LoadStep(i + 1, cap, rate, plan.warmupCells(), measured, plan.objective(), plan.stop(),
        plan.arrivals(), plan.seed(), plan.stepSeconds(), null);
    // A timed rate step's cells are the ones due within its time: known from the seeded schedule beforehand.
    if (plan.durationSteps()) measured = draft.schedule().countWithin(plan.warmupCells(), plan.stepSeconds(), measured);
    return new LoadStep(i + 1, cap, rate, plan.warmupCells(), measured, plan.objective(), plan.stop(), plan.arrivals(),
        plan.seed(), plan.stepSeconds(), spark == null ? null : LateSends.register(spark.sparkContext(), i + 1));
  }

  private static Double remainingCap(SparkSession spark, Job job) {
    if (job.maxCost() == null) return null;
    return Math.max(0, job.maxCost() - RunSpend.committedUsd(spark, job));
  }

  /** The providers with their models not yet stopped, each at {@code level} in flight (null: its own concurrency). */
  private static List<ProviderSpec> withLevel(List<ProviderSpec> providers, Integer level, Set<String> stopped) {
    List<ProviderSpec> out = new ArrayList<>();
    for (ProviderSpec p : providers) {
      List<ModelSpec> models = p.models().stream().filter(m -> !stopped.contains(key(p.name(), m.id())))
          .map(m -> new ModelSpec(m.id(), m.size(), m.price(), m.costPerHour(), level == null ? m.concurrency() : level,
              m.baseUrl())).toList();
      if (!models.isEmpty()) {
        out.add(new ProviderSpec(p.name(), p.baseUrl(), p.apiKeyEnv(), p.headers(), models, p.rateLimit(), p.streamOptions()));
      }
    }
    return out;
  }

  /**
   * Applies the stop rule to each model's measured rows of the step; a model it holds for runs no later step. After
   * the step ({@code before} false) a count step's model with cells left unrun is stopped too, and a rate step's send
   * rate is told; before a resumed step ({@code before} true) only the rule applies, to the rows an earlier execution
   * left, so the rest of the step is not sent to a model it had stopped.
   */
  private static void stopAfter(SparkSession spark, Job job, LoadStep step, Set<String> stopped, int steps, boolean before,
      PrintStream out) {
    if (before && !Storage.isDirectory(ResultsFolder.runDir(job.output(), job.runId()))) return;
    List<Row> rows = RunRows.of(spark, job.output(), job.runId())
        .where("load_step = " + step.step() + " AND NOT coalesce(load_warmup, false)")
        .groupBy("provider", "model")
        .agg(functions.expr("count(*)"),
            functions.expr("count_if(NOT (" + CellStatus.ANSWERED_SQL + "))"),
            functions.expr("collect_list(CASE WHEN " + CellStatus.ANSWERED_SQL + " THEN duration_ms END)"),
            functions.expr("collect_list(CASE WHEN " + CellStatus.ANSWERED_SQL + " THEN ttft_ms END)"),
            functions.expr("(unix_millis(max(started_at)) - unix_millis(min(started_at))) / 1000.0"))
        .orderBy("provider", "model").collectAsList();
    for (Row r : rows) {
      String key = key(r.getString(0), r.getString(1));
      if (stopped.contains(key)) continue;
      int cells = (int) r.getLong(2);
      if (!before && step.rate() != null && cells > 1 && !r.isNullAt(6)) {
        out.printf(Locale.ROOT, "load step %d: %s sent %d measured cells at %.2f req/s (offered %s)%n", step.step(), key,
            cells, (cells - 1) / Math.max(r.getDecimal(6).doubleValue(), 1e-3), step.rate());
      }
      String why = LoadGuard.verdict(step.stop(), step.objective(), cells, (int) r.getLong(3), r.getList(4), r.getList(5));
      if (why == null && (before || step.timed() || cells >= step.measured())) continue;
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
