package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.Replay;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.results.CellOutcomes;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * {@code replay}: the adaptive policy played over a stored full run in many shuffled case orders, against the decisions
 * the full run reaches with the fixed-size tests; reads the Parquet only, calls no one.
 */
public final class ReplayTable {
  public static final String ID = "replay";

  private ReplayTable() {}

  /** Reads the run's cells and replays {@code plan} {@code replays} times from case-order seed {@code seed}. */
  public static Replay.Summary replay(SparkSession spark, StoragePath results, String runId, AdaptivePlan plan, int replays,
      long seed) {
    return Replay.run(CellMatrix.of(CellOutcomes.of(spark, results, runId)), plan, replays, seed);
  }

  public static AnalysisTable of(Replay.Summary s, AdaptivePlan plan) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Replay: the adaptive policy over the stored run, in shuffled case orders",
        text("decision"), text("size"), text("compared"), text("full run"), number("same decision", "%.3f"),
        number("claimed a difference", "%.3f"), number("share of calls", "%.2f"), number("cost $", "%.4f"),
        text("verdicts"));
    for (Replay.DecisionSummary d : s.decisions()) {
      DecisionResult full = d.full();
      t.row(full.decision(), full.size(), full.subject(), full.verdict().text() + (full.winner() == null ? "" : ": " + full.winner()),
          (double) d.agreed() / s.replays(), (double) d.claimed() / s.replays(), d.meanShare(), d.meanCost(),
          d.verdicts().entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey().text() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
    return t.build(summary(s, plan));
  }

  /** The replay's headline: agreement, claims and calls over every replay. */
  public static String summary(Replay.Summary s, AdaptivePlan plan) {
    return String.format(Locale.ROOT, "%d replays at %.0f%% per decision, rounds of %d cases: every decision as the full"
        + " run's in %.1f%% of replays; a difference claimed in %.1f%%; %.1f%% of the full run's %d calls on average"
        + " ($%.4f of $%.4f); the full run's decisions by paired t-tests, Holm-adjusted over each size's pairs",
        s.replays(), plan.confidence() * 100, plan.roundCases(), 100.0 * s.allAgreed() / s.replays(),
        100.0 * s.anyClaim() / s.replays(), 100 * s.meanShare(), s.fullCalls(), s.meanCost(), s.fullCost());
  }
}
