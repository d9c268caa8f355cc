package dev.provbench.analysis;

import dev.provbench.analysis.load.LoadTables;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.analysis.output.WriteUp;
import java.util.ArrayList;
import java.util.List;

/**
 * Every table and insight of one run, in the order the write-up reads them; plus the comparison with a
 * second run when one is given.
 *
 * @param run        the run's figures.
 * @param compared   the second run, or null.
 * @param tables     the tables.
 * @param insights   sentences with the numbers behind them.
 */
public record Analysis(RunAnalysis run, RunAnalysis compared, List<AnalysisTable> tables, List<Insight> insights) {

  /** The one list of the tables and insights, each where the write-up reads it. */
  public static Analysis of(RunAnalysis run, RunAnalysis compared, RunBreakdowns more) {
    List<AnalysisTable> tables = new ArrayList<>(List.of(
        TradeoffTable.of(run),
        SpeedTables.variance(run),
        SpeedTables.spread(run),
        AccuracyTables.variance(run),
        AccuracyTables.spread(run),
        AccuracyTables.paired(run),
        RankingTable.of(run),
        ReliabilityTable.of(run),
        CostTable.of(run),
        ConsistencyTable.of(run),
        ParetoFront.of(run),
        GoodputTable.of(run),
        PowerTable.of(run)));
    if (run.options().reference() != null) tables.add(EquivalenceTable.of(run));
    if (compared != null) tables.add(RunComparison.of(run, compared, more.modesA(), more.modesB()));
    if (ScorerScores.worthShowing(more.scores())) tables.add(ScorerScores.table(run, more.scores()));
    if (more.bands().spanSeveral()) tables.add(SpeedByPromptSize.table(run, more.bands()));
    if (!more.turns().isEmpty()) tables.add(TurnsTable.of(more.turns()));
    if (CacheTable.worthShowing(more.cache())) tables.add(CacheTable.of(more.cache()));
    if (more.loadCurves() != null) {
      tables.add(LoadTables.steps(more.loadCurves()));
      tables.add(LoadTables.findings(more.loadCurves(), more.objective()));
    }
    if (!more.trace().isEmpty()) tables.add(TraceTable.table(more.trace(), more.cache()));
    if (more.decisions() != null) tables.add(DecisionsTable.of(more.decisions().walk(), more.decisions().plan()));
    List<FidelityAudit.Result> fidelity = more.fidelity() == null ? null : more.fidelity().results();
    if (fidelity != null) tables.addAll(List.of(FidelityTable.of(more.fidelity(), fidelity), FidelityTable.planning(more.fidelity())));

    List<Insight> insights = new ArrayList<>();
    if (more.decisions() != null) insights.addAll(DecisionsTable.insights(more.decisions().walk(), more.decisions().plan()));
    insights.addAll(Insights.of(run));
    if (ScorerScores.worthShowing(more.scores())) insights.addAll(ScorerScores.insights(more.scores()));
    if (more.bands().spanSeveral()) insights.addAll(SpeedByPromptSize.insights(more.bands()));
    insights.addAll(TurnsTable.insights(more.turns()));
    if (CacheTable.worthShowing(more.cache())) insights.addAll(CacheTable.insights(more.cache()));
    if (compared != null) insights.addAll(RunBreakdowns.toolModeInsights(run, compared, more.modesA(), more.modesB()));
    if (more.loadCurves() != null) insights.addAll(LoadTables.insights(more.loadCurves(), more.objective()));
    if (fidelity != null) insights.addAll(FidelityTable.insights(more.fidelity(), fidelity));
    return new Analysis(run, compared, List.copyOf(tables), List.copyOf(insights));
  }

  public AnalysisTable table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + id));
  }

  /** What the output formats write. */
  public WriteUp writeUp() {
    Integer step = run.ladder().step();
    return new WriteUp(heading(), run.runId(), run.simulated(), compared == null ? null : compared.runId(),
        step == null ? null : new WriteUp.LoadStep(step, run.ladder().concurrency(), run.ladder().steps().size()),
        tables, insights);
  }

  /** {@code run X} or {@code run X (simulated providers)}. */
  public String heading() {
    return "run " + run.runId() + (run.simulated() ? " (simulated providers)" : "")
        + (compared == null ? "" : ", compared with run " + compared.runId() + (compared.simulated() ? " (simulated providers)" : ""))
        + ladderNote() + (run.options().scorer() == null ? "" : "; accuracy by scorer " + run.options().scorer());
  }

  /** Which load step the ordinary tables show, when a run has a ladder; "" otherwise. */
  private String ladderNote() {
    String a = run.ladder().label();
    String b = compared == null ? "" : compared.ladder().label();
    if (a.isEmpty() && b.isEmpty()) return "";
    String step = compared == null || a.equals(b) ? a : "run " + run.runId() + " " + (a.isEmpty() ? "no ladder" : a)
        + ", run " + compared.runId() + " " + (b.isEmpty() ? "no ladder" : b);
    return "; ordinary tables: " + step + ", warm-up cells left out";
  }
}
