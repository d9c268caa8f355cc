package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.stats.PairedDifference;
import java.util.Map;

/**
 * Two runs side by side, per experiment present in both: the change in accuracy (with a paired test on
 * the cases both ran), p50 duration and cost. B − A throughout; e.g. a run against its rescored version. Each run's
 * share of answered cells that could not be parsed and its tool mode sit at the end, so that a text-mode run and a
 * native-tool run of the same providers compare side by side.
 */
public final class RunComparison {
  public static final String ID = "run_comparison";

  private RunComparison() {}

  public static AnalysisTable of(RunAnalysis a, RunAnalysis b) {
    return of(a, b, Map.of(), Map.of());
  }

  /** The same, with each run's tool mode per experiment where known ({@link ToolModes}). */
  static AnalysisTable of(RunAnalysis a, RunAnalysis b, Map<Experiment, String> modesA, Map<Experiment, String> modesB) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Run " + b.runId() + " against run " + a.runId() + " (B − A)",
        text("size"), text("provider"), text("model"), number("cells A", "%d"), number("cells B", "%d"),
        number("failed A", "%d"), number("failed B", "%d"), number("CorrectScore A", "%.3f"),
        number("CorrectScore B", "%.3f"), number("Δ pts", "%+.1f"), number("CI low pts", "%+.1f"),
        number("CI high pts", "%+.1f"), Column.pValue("p"), text("significant"), number("p50 A s", "%.2f"),
        number("p50 B s", "%.2f"), number("Δ p50 s", "%+.2f"), number("$ per 1k A", "%.4f"),
        number("$ per 1k B", "%.4f"), number("Δ $ per 1k", "%+.4f"), number("parse failures A", "%.1f%%"),
        number("parse failures B", "%.1f%%"), text("tool mode A"), text("tool mode B"));
    long cells = 0;
    long failed = 0;
    for (ExperimentStats sa : a.experiments()) {
      Experiment e = sa.experiment();
      ExperimentStats sb = b.experiments().stream().filter(s -> s.experiment().equals(e)).findFirst().orElse(null);
      if (sb == null) continue;
      cells += sa.cells() + sb.cells();
      failed += sa.failed() + sb.failed();
      PairedDifference d = b.options().bootstrap().paired(a.runId() + " vs " + b.runId() + " " + e.key(),
          b.caseTotals().get(e), a.caseTotals().get(e));
      Double costA = sa.costPerThousand();
      Double costB = sb.costPerThousand();
      t.row(e.size(), e.provider(), e.model(), sa.cells(), sb.cells(), sa.failed(), sb.failed(),
          a.accuracy().get(e).mean(), b.accuracy().get(e).mean(), d.difference() * 100, d.low() * 100, d.high() * 100,
          d.pValue(), d.significant() ? "yes" : "no", sa.p50(), sb.p50(), sb.p50() - sa.p50(), costA, costB,
          costA == null || costB == null ? null : costB - costA, parseFailures(sa), parseFailures(sb), modesA.get(e),
          modesB.get(e));
    }
    return t.build(cells + " cells of both runs, " + failed + " failed; accuracy change by paired bootstrap on the"
        + " cases both ran (failures score 0), one comparison per experiment, not adjusted; significant when p < 0.05;"
        + " p50 over answered cells; parse failures = parse_error ÷ answered cells; tool mode as the task asked (- when"
        + " the results do not say)");
  }

  /** Parse errors as a percentage of answered cells; null when none answered. */
  static Double parseFailures(ExperimentStats s) {
    return s.reliability().answered() == 0 ? null : 100.0 * s.reliability().parseErrors() / s.reliability().answered();
  }
}
