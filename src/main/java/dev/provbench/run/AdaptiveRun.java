package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.Deployment;
import dev.provbench.decide.RoundPlanner;
import dev.provbench.decide.Walk;
import dev.provbench.input.BadInputException;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellOutcomes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job in rounds: after each round the driver reads the committed cells, the planner ({@link RoundPlanner})
 * updates every decision and names the next round's cells, and an ordinary run over those cells commits them to the
 * same results folder. Resume, exactly-once, the spending cap and the bound per model hold as for one run, since a
 * round is one. Stops when every decision is settled, the cases run out, or a round cannot complete.
 */
public final class AdaptiveRun {
  private AdaptiveRun() {}

  /** @return the last walk: the decisions, and why the run stopped (null {@code stop} when a round could not complete). */
  public static Walk execute(SparkSession spark, PreparedRun run, PrintStream out, long progressSeconds) {
    Job job = run.job();
    AdaptiveMarker marker = marker(run);
    if (run.resume() != null && run.resume().retryFailed()) {
      long setAside = ResultsCompaction.supersedeFailed(spark, job.output(), job.runId());
      out.printf("resuming %s: %d failed cells will run again (their rows moved to _superseded/)%n", job.runId(), setAside);
    }
    Set<String> previous = null;
    while (true) {
      CellMatrix m = marker.matrix();
      CellOutcomes.of(spark, job.output(), job.runId()).forEach(m::put);
      Walk walk = RoundPlanner.walk(m, marker.plan());
      out.print(progress(walk));
      if (walk.stopped()) {
        out.printf(Locale.ROOT, "adaptive: stopped, %s: %d of %d calls (%.0f%% of the full matrix)%n", walk.stop(),
            walk.calls(), walk.callsIfFull(), 100 * walk.shareOfFull());
        return walk;
      }
      Set<String> next = cellIds(job, m, walk.next());
      if (next.equals(previous)) {
        out.printf("adaptive: round %d could not complete: %d cells still have no row (spending cap, or failed"
            + " tasks); resume with --resume %s%n", walk.rounds() + 1, next.size(), job.runId());
        return walk;
      }
      out.printf("adaptive: round %d: %d cells%n", walk.rounds() + 1, next.size());
      BenchmarkRun.execute(spark, run, out, progressSeconds, next);
      previous = next;
    }
  }

  /** The run's stored marker when resuming (it must match the job), else a new one written before any call. */
  private static AdaptiveMarker marker(PreparedRun run) {
    Job job = run.job();
    AdaptiveMarker fresh = new AdaptiveMarker(job.adaptive(), deployments(job),
        run.cases().stream().map(EvalCase::id).toList(), job.trials());
    if (run.resume() == null) {
      fresh.write(job.output(), job.runId());
      return fresh;
    }
    AdaptiveMarker stored = AdaptiveMarker.read(job.output(), job.runId()).orElseThrow(() -> new BadInputException(
        "--resume", "run `" + job.runId() + "` was not an adaptive run", "resume it without --adaptive and without an"
            + " `adaptive` section, or start a new run"));
    if (!stored.equals(fresh)) {
      throw new BadInputException("--resume", "run `" + job.runId() + "` was run with another adaptive plan, dataset or"
          + " providers", "resume it with the job file it was started with");
    }
    return stored;
  }

  private static List<Deployment> deployments(Job job) {
    List<Deployment> out = new ArrayList<>();
    for (ProviderSpec p : job.providers()) for (ModelSpec m : p.models()) out.add(new Deployment(p.name(), m.id(), m.size()));
    return out;
  }

  private static Set<String> cellIds(Job job, CellMatrix m, List<Walk.CellRef> cells) {
    Set<String> out = new HashSet<>();
    for (Walk.CellRef c : cells) {
      Deployment d = m.deployments().get(c.deployment());
      out.add(CellPlanner.cellId(job.runId(), d.provider(), d.model(), m.caseIds().get(c.caseIndex()), c.trial()));
    }
    return out;
  }

  /** One line after a round: what is settled (with its verdict), what is still open. */
  private static String progress(Walk walk) {
    List<String> settled = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (DecisionResult d : walk.decisions()) {
      String name = d.decision() + " " + d.size() + (d.subject() == null ? "" : " " + d.subject());
      if (d.because().equals(DecisionResult.OPEN)) open.add(name);
      else settled.add(name + " " + d.verdict().text() + (d.winner() == null ? "" : " (" + d.winner() + ")"));
    }
    return String.format(Locale.ROOT, "adaptive: after round %d: %d settled%s; %d open%s%n", walk.rounds(), settled.size(),
        settled.isEmpty() ? "" : " [" + String.join(", ", settled) + "]", open.size(),
        open.isEmpty() ? "" : " [" + String.join(", ", open) + "]");
  }
}
