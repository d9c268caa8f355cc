package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.stats.CaseDifferences;
import dev.provbench.stats.Equivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table {@code equivalence}: every experiment against the reference deployment of its size
 * ({@code --reference}), by {@link Equivalence} on paired per-case differences; and one insight per deployment
 * that is not equivalent.
 */
public final class EquivalenceTable {
  public static final String ID = "equivalence";

  private EquivalenceTable() {}

  /** One experiment tested against its size's reference. */
  record Row(Experiment deployment, Experiment reference, Equivalence test) {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Equivalence to the reference deployment " + run.options().reference(),
        text("size"), text("provider"), text("reference"), number("cases", "%d"), number("difference pts", "%+.1f"),
        number("90% CI low", "%+.1f"), number("90% CI high", "%+.1f"), number("95% CI low", "%+.1f"),
        number("95% CI high", "%+.1f"), number("margin pts", "%.1f"), text("verdict"), number("more cases needed", "%d"));
    for (Row r : rows(run)) {
      Equivalence e = r.test();
      t.row(r.deployment().size(), r.deployment().provider(), r.reference().provider(), (long) e.cases(),
          e.difference() * 100, e.low90() * 100, e.high90() * 100, e.low95() * 100, e.high95() * 100, e.margin() * 100,
          e.describe(), e.moreCases());
    }
    return t.build(Coverage.accuracy(run.experiments()) + "; paired t-interval on per-case differences (a case's trials"
        + " averaged), deployment − reference; equivalent when the 90% CI lies within ±margin (two one-sided tests at"
        + " 5%), different when the 95% CI excludes 0 and equivalence fails");
  }

  /** Sentences for the deployments that are not equivalent to the reference. */
  public static List<Insight> insights(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    for (Row r : rows(run)) {
      Equivalence e = r.test();
      if (e.verdict() == Equivalence.Verdict.EQUIVALENT) continue;
      String figures = String.format(Locale.ROOT, "%d shared cases; difference %+.1f points, 90%% CI %+.1f to %+.1f,"
          + " 95%% CI %+.1f to %+.1f, margin ±%.1f (table equivalence)", e.cases(), e.difference() * 100, e.low90() * 100,
          e.high90() * 100, e.low95() * 100, e.high95() * 100, e.margin() * 100);
      String text = switch (e.verdict()) {
        case DIFFERENT -> String.format(Locale.ROOT, "At %s, %s is not equivalent to %s: %s by %.1f points.",
            r.deployment().size(), r.deployment().provider(), r.reference().provider(),
            e.difference() < 0 ? "worse" : "better", Math.abs(e.difference()) * 100);
        case INCONCLUSIVE -> String.format(Locale.ROOT, "At %s, whether %s matches %s is inconclusive%s.",
            r.deployment().size(), r.deployment().provider(), r.reference().provider(),
            e.moreCases() == null ? "" : "; about " + e.moreCases() + " more cases would decide it");
        default -> String.format(Locale.ROOT, "At %s, %s and %s share too few cases to compare.", r.deployment().size(),
            r.deployment().provider(), r.reference().provider());
      };
      out.add(new Insight(text, figures));
    }
    return out;
  }

  static List<Row> rows(RunAnalysis run) {
    List<Row> out = new ArrayList<>();
    String reference = run.options().reference();
    if (reference == null) return out;
    double margin = run.options().equivalenceMargin() / 100;
    boolean any = false;
    for (SizeStats size : run.sizes()) {
      List<Experiment> at = run.at(size.size()).stream().map(ExperimentStats::experiment).toList();
      List<Experiment> refs = at.stream().filter(e -> names(e, reference)).toList();
      if (refs.isEmpty()) continue;
      any = true;
      if (refs.size() > 1) {
        throw new IllegalArgumentException("--reference `" + reference + "` names " + refs.size() + " models at "
            + size.size() + ": give PROVIDER/MODEL");
      }
      Experiment ref = refs.get(0);
      for (Experiment e : at) {
        if (e.equals(ref)) continue;
        double[] d = CaseDifferences.of(run.caseTotals().get(e), run.caseTotals().get(ref));
        out.add(new Row(e, ref, Equivalence.test(d, margin)));
      }
    }
    if (!any) {
      throw new IllegalArgumentException("--reference `" + reference + "` matches no experiment of run " + run.runId()
          + ": give a provider name, or PROVIDER/MODEL, as the tables show them");
    }
    return out;
  }

  /** {@code PROVIDER} or {@code PROVIDER/MODEL} (a model id may hold slashes of its own). */
  static boolean names(Experiment e, String reference) {
    return reference.equals(e.provider()) || reference.equals(e.provider() + "/" + e.model());
  }
}
