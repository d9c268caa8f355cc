package dev.provbench.analysis;

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

  public static Analysis of(RunAnalysis run, RunAnalysis compared) {
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
    if (compared != null) tables.add(RunComparison.of(run, compared));
    return new Analysis(run, compared, List.copyOf(tables), Insights.of(run));
  }

  public AnalysisTable table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + id));
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
