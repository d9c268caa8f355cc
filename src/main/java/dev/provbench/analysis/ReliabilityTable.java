package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import java.util.ArrayList;
import java.util.List;

/** Failures by status, 429s, retries, reconnects and back-off per experiment. */
public final class ReliabilityTable {
  public static final String ID = "reliability";

  private ReliabilityTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    List<Column> columns = new ArrayList<>(List.of(text("size"), text("provider"), number("cells", "%d"),
        number("failed", "%d"), number("failure rate", "%.1f%%")));
    for (String status : ExperimentReliability.FAILED_STATUSES) columns.add(number(status, "%d"));
    columns.addAll(List.of(number("429s", "%d"), number("cells with 429", "%d"), number("retries", "%d"),
        number("reconnects", "%d"), number("back-off s", "%.1f")));
    AnalysisTable.Builder t = AnalysisTable.builder(ID,
        "Reliability: failures by status, 429s, retries, reconnects and back-off", columns.toArray(Column[]::new));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      List<Object> row = new ArrayList<>(List.of(e.size(), e.provider(), s.cells(), s.failed(), s.failureRate() * 100));
      ExperimentReliability r = s.reliability();
      for (String status : ExperimentReliability.FAILED_STATUSES) row.add(r.byStatus().get(status));
      row.addAll(List.of(r.rateLimited(), r.cellsRateLimited(), r.retries(), r.reconnects(), r.backoffSeconds()));
      t.row(row.toArray());
    }
    return t.build(Coverage.of(run.experiments()) + "; failed = not answered (parse_error cells were answered and"
        + " score 0); 429s and retries count attempts, a retried cell that then succeeded is not failed; reconnects"
        + " are requests re-sent at once on a fresh connection and are not retries");
  }
}
