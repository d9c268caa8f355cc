package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.pValue;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.Insight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Table {@code fidelity}: on a run with an {@code audit} section, every deployment's sampled completions tested
 * against the reference's ({@link FidelityAudit}); table {@code fidelity_power}: the power an audit of a few sizes
 * would have against a planted word change, from the reference's own completions; and one insight per deployment.
 * Computed on the driver from the run's answered audit cells ({@code audit_reference} set, a response stored).
 */
public final class FidelityTable {
  public static final String ID = "fidelity";
  public static final String POWER_ID = "fidelity_power";
  static final String SQL = """
      SELECT provider, model, size, case_id, trial, response, audit_reference
      FROM cells
      WHERE run_id = :run_id AND audit_reference IS NOT NULL AND response IS NOT NULL
      ORDER BY provider, model, case_id, trial""";
  private static final int[] PLANNED_PROMPTS = {25, 50, 100};
  private static final double[] PLANNED_CHANGES = {0.25, 0.5, 0.75};

  private FidelityTable() {}

  /** The run's audit; null when it has none (or its results predate the audit columns). */
  static FidelityAudit load(SparkSession spark, String runId) {
    if (!Arrays.asList(spark.table("cells").columns()).contains("audit_reference")) return null;
    Map<Experiment, Map<String, List<String>>> byDeployment = new LinkedHashMap<>();
    String reference = null;
    for (Row r : spark.sql(SQL, Map.of("run_id", runId)).collectAsList()) {
      Experiment e = new Experiment(r.getString(0), r.getString(1), r.getString(2));
      byDeployment.computeIfAbsent(e, k -> new LinkedHashMap<>()).computeIfAbsent(r.getString(3), k -> new ArrayList<>())
          .add(r.getString(5));
      reference = r.getString(6);
    }
    if (reference == null) return null;
    String named = reference;
    Experiment ref = byDeployment.keySet().stream().filter(e -> named.equals(e.provider() + "/" + e.model())).findFirst()
        .orElse(new Experiment(named, named, "unknown"));
    return new FidelityAudit(ref, byDeployment.entrySet().stream()
        .map(d -> new FidelityAudit.Completions(d.getKey(), d.getValue())).toList());
  }

  public static AnalysisTable of(FidelityAudit audit, List<FidelityAudit.Result> results) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Fidelity to the reference " + name(audit.reference()),
        text("provider"), text("model"), text("reference"), text("test"), number("prompts", "%d"),
        number("samples", "%d"), number("statistic", "%.4f"), number("effect sd", "%.1f"), pValue("p"),
        pValue("adjusted p"), text("verdict"), number("power", "%.2f"));
    for (FidelityAudit.Result r : results) {
      t.row(r.deployment().provider(), r.deployment().model(), name(audit.reference()), FidelityAudit.TEST,
          (long) r.test().prompts(), (long) r.test().candidate(), r.test().statistic(), r.test().effect(), r.test().p(),
          r.adjustedP(), verdict(r), r.power());
    }
    return t.build("samples: the deployment's completions on the prompts the reference also answered; statistic: the"
        + " unbiased MMD² with k((p, x), (p', y)) = 1[p = p'] × the share of the first 100 characters that agree;"
        + " effect: the statistic in SDs of its permutation null; p: 1,000 permutations of the deployment labels within"
        + " each prompt; adjusted p: Holm over the audit's deployments; verdict at 0.05; power: the share of 100 audits"
        + " of the same size, resampled from both deployments' completions, that reject at 0.05");
  }

  /** Power against a planted word change, from the reference's own completions, for a few audit sizes. */
  public static AnalysisTable planning(FidelityAudit audit) {
    int perSide = Math.max(2, audit.referenceSamples() / 2);
    AnalysisTable.Builder t = AnalysisTable.builder(POWER_ID, "Fidelity audit power planning, from "
        + name(audit.reference()) + "'s own completions", number("words changed %", "%.0f"), number("prompts", "%d"),
        number("samples a side", "%d"), number("power", "%.2f"));
    for (double change : PLANNED_CHANGES) {
      for (int prompts : PLANNED_PROMPTS) {
        t.row(change * 100, (long) prompts, (long) perSide, audit.wordChangePower(change, prompts, perSide));
      }
    }
    return t.build("each row: 60 simulated audits; the reference's completions of a prompt split in two halves, one"
        + " half's words each replaced with that probability by a word of the prompt's reference vocabulary; samples a"
        + " side at most half the reference's, so these figures understate an audit of the full size");
  }

  public static List<Insight> insights(FidelityAudit audit, List<FidelityAudit.Result> results) {
    List<Insight> out = new ArrayList<>();
    Double detectable = null;
    for (FidelityAudit.Result r : results) {
      String size = String.format(Locale.ROOT, "%d prompts × %d samples", r.test().prompts(), r.samples());
      String basis = String.format(Locale.ROOT, "MMD² %.4f, %.1f SDs above its null, p %s, Holm-adjusted %s over %d"
          + " deployments, power %.2f at the observed difference (table fidelity)", r.test().statistic(), r.test().effect(),
          Column.formatP(r.test().p()), Column.formatP(r.adjustedP()), results.size(), r.power());
      if (r.differs()) {
        out.add(new Insight(String.format(Locale.ROOT, "%s: outputs differ from the reference %s (MMD p %s on %s).",
            name(r.deployment()), name(audit.reference()), pText(r.adjustedP()), size), basis));
      } else {
        if (detectable == null) detectable = audit.detectableWordChange(r.test().prompts(), Math.max(2, r.samples() / 2));
        String could = Double.isNaN(detectable) ? "this audit is too small to detect even every word changed with 80% power"
            : String.format(Locale.ROOT, "this audit could detect %.0f%% of words changed with 80%% power", detectable * 100);
        out.add(new Insight(String.format(Locale.ROOT, "%s: no difference from the reference %s detected (MMD p %s on %s);"
            + " %s.", name(r.deployment()), name(audit.reference()), pText(r.adjustedP()), size, could), basis
            + "; detectable change from the reference's own completions (table fidelity_power)"));
      }
    }
    return out;
  }

  private static String verdict(FidelityAudit.Result r) {
    if (r.test().prompts() == 0) return "too few samples";
    return r.differs() ? "differs" : "no difference detected";
  }

  private static String pText(double p) {
    String f = Column.formatP(p);
    return f.startsWith("<") ? "< " + f.substring(1) : "= " + f;
  }

  private static String name(Experiment e) {
    return e.provider() + " " + e.size();
  }
}
