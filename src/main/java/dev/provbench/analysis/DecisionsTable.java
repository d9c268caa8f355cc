package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.DecisionVerdict;
import dev.provbench.decide.Walk;
import dev.provbench.job.AdaptivePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an adaptive run decided, by whom, for how many calls and dollars, against what the full matrix would have
 * cost: one row per decision and size (per compared deployment for an equivalence), from the planner's walk over the
 * run's own cells.
 */
public final class DecisionsTable {
  public static final String ID = "decisions";

  private DecisionsTable() {}

  public static AnalysisTable of(Walk walk, AdaptivePlan plan) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Decisions: what the adaptive run settled, and for how many calls",
        text("decision"), text("size"), text("compared"), text("verdict"), text("winner"), number("calls", "%d"),
        number("calls if full", "%d"), number("share of full", "%.2f"), number("cost $", "%.4f"),
        number("cost if full $", "%.4f"), number("rounds", "%d"), number("cases", "%d"), text("interval"),
        text("stopped because"));
    for (DecisionResult d : walk.decisions()) {
      t.row(d.decision(), d.size(), d.subject(), d.verdict().text(), d.winner(), d.calls(), d.callsIfFull(),
          d.shareOfFull(), d.costUsd(), d.costIfFull(), (long) d.rounds(), (long) d.cases(), d.interval(), d.because());
    }
    return t.build(String.format(Locale.ROOT, "%.0f%% anytime-valid per decision (betting confidence sequences on paired"
        + " per-case differences, the error split over each decision's comparisons), looked at after each of %d rounds"
        + " of %d cases; run: %d of %d calls (%.0f%%), $%.4f of $%.4f, %s; cost if full is the mean cost per cell so"
        + " far times the full matrix", plan.confidence() * 100, walk.rounds(), plan.roundCases(), walk.calls(),
        walk.callsIfFull(), walk.shareOfFull() * 100, walk.costUsd(), walk.costIfFull(), walk.stop()));
  }

  /** The sentences of the console summary, the insights and the report: one per decision. */
  public static List<Insight> insights(Walk walk, AdaptivePlan plan) {
    List<Insight> out = new ArrayList<>();
    for (DecisionResult d : walk.decisions()) {
      if (d.verdict() == DecisionVerdict.SINGLE) continue;
      out.add(new Insight(d.sentence(plan.confidence()), d.because() + (d.interval() == null ? "" : "; interval " + d.interval())
          + " (table " + ID + ")"));
    }
    return out;
  }
}
