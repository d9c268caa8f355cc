package dev.provbench.analysis;

import static dev.provbench.analysis.Column.number;
import static dev.provbench.analysis.Column.text;

/** Failures by status, 429s, retries, reconnects and back-off per experiment. */
public final class ReliabilityTable {
  public static final String ID = "reliability";

  private ReliabilityTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID,
        "Reliability: failures by status, 429s, retries, reconnects and back-off",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), number("failure rate", "%.1f%%"),
        number("parse_error", "%d"), number("http_error", "%d"), number("bad_response", "%d"), number("timeout", "%d"),
        number("transport_error", "%d"), number("429s", "%d"), number("cells with 429", "%d"), number("retries", "%d"),
        number("reconnects", "%d"), number("back-off s", "%.1f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      t.row(e.size(), e.provider(), s.cells(), s.failed(), s.failureRate() * 100, s.byStatus().get("parse_error"),
          s.byStatus().get("http_error"), s.byStatus().get("bad_response"), s.byStatus().get("timeout"),
          s.byStatus().get("transport_error"), s.rateLimited(), s.cellsRateLimited(), s.retries(), s.reconnects(),
          s.backoffSeconds());
    }
    return t.build(Coverage.of(run.experiments()) + "; failed = not answered (parse_error cells were answered and"
        + " score 0); 429s and retries count attempts, a retried cell that then succeeded is not failed; reconnects"
        + " are requests re-sent at once on a fresh connection and are not retries");
  }
}
