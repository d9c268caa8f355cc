package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.pValue;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.Insight;
import dev.provbench.results.PositionLogprobs;
import dev.provbench.results.ResultSchema;
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
 * against the reference's ({@link FidelityAudit}): the MMD of the text (test {@code mmd}), and, when some deployment
 * returned log-probabilities, the test of the first output position's (test {@code logprob}; "not available" for a
 * deployment that returned none); table {@code fidelity_power}: the power an audit of a few sizes would have against a
 * planted change, from the reference's own samples, per test; and one insight per deployment and test. Computed on the
 * driver from the run's answered audit cells ({@code audit_reference} set, a response stored): the one path, as the
 * driver-held cells ({@link DriverCells}) carry no completions.
 */
public final class FidelityTable {
  public static final String ID = "fidelity";
  public static final String POWER_ID = "fidelity_power";
  static final String SQL = """
      SELECT provider, model, size, case_id, trial, response, audit_reference, %s AS logprobs
      FROM cells
      WHERE run_id = :run_id AND audit_reference IS NOT NULL AND response IS NOT NULL
      ORDER BY provider, model, case_id, trial""";
  private static final int[] PLANNED_PROMPTS = {25, 50, 100};
  private static final double[] PLANNED_CHANGES = {0.25, 0.5, 0.75};
  private static final int[] PLANNED_LOGPROB_PROMPTS = {5, 10, 25};
  private static final double[] PLANNED_SHIFTS = {0.01, 0.02, 0.05};

  private FidelityTable() {}

  /** The run's audit; null when it has none (or its results predate the audit columns). */
  static FidelityAudit load(SparkSession spark, String runId) {
    List<String> columns = Arrays.asList(spark.table("cells").columns());
    if (!columns.contains("audit_reference")) return null;
    String sql = SQL.formatted(columns.contains("logprobs") ? "logprobs" : "CAST(NULL AS ARRAY<INT>)");
    Map<Experiment, Map<String, List<String>>> byDeployment = new LinkedHashMap<>();
    Map<Experiment, Map<String, List<Map<String, Double>>>> logprobs = new LinkedHashMap<>();
    String reference = null;
    for (Row r : spark.sql(sql, Map.of("run_id", runId)).collectAsList()) {
      Experiment e = new Experiment(r.getString(0), r.getString(1), r.getString(2));
      byDeployment.computeIfAbsent(e, k -> new LinkedHashMap<>()).computeIfAbsent(r.getString(3), k -> new ArrayList<>())
          .add(r.getString(5));
      Map<String, Double> first = firstPosition(r);
      if (first != null) {
        logprobs.computeIfAbsent(e, k -> new LinkedHashMap<>()).computeIfAbsent(r.getString(3), k -> new ArrayList<>())
            .add(first);
      }
      reference = r.getString(6);
    }
    if (reference == null) return null;
    String named = reference;
    Experiment ref = byDeployment.keySet().stream().filter(e -> named.equals(e.provider() + "/" + e.model())).findFirst()
        .orElse(new Experiment(named, named, "unknown"));
    return new FidelityAudit(ref, byDeployment.entrySet().stream().map(d -> new FidelityAudit.Completions(d.getKey(),
        d.getValue(), logprobs.getOrDefault(d.getKey(), Map.of()))).toList());
  }

  /** A cell's first output position's alternatives, token to log-probability; null when it stored none. */
  private static Map<String, Double> firstPosition(Row r) {
    if (r.isNullAt(7)) return null;
    List<PositionLogprobs> positions = ResultSchema.logprobs(r.getSeq(7));
    if (positions.isEmpty()) return null;
    Map<String, Double> out = new LinkedHashMap<>();
    positions.get(0).top().forEach(a -> out.putIfAbsent(a.token(), a.logprob()));
    return out;
  }

  public static AnalysisTable of(FidelityAudit audit, List<FidelityAudit.Result> results) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Fidelity to the reference " + name(audit.reference()),
        text("provider"), text("model"), text("reference"), text("test"), number("prompts", "%d"),
        number("samples", "%d"), number("statistic", "%.4f"), number("effect sd", "%.1f"), pValue("p"),
        pValue("adjusted p"), text("verdict"), number("power", "%.2f"));
    for (FidelityAudit.Result r : results) {
      t.row(r.deployment().provider(), r.deployment().model(), name(audit.reference()), r.test().word(),
          (long) r.figures().prompts(), (long) r.figures().candidate(), r.figures().statistic(), r.figures().effect(),
          r.figures().p(), r.adjustedP(), verdict(audit, r), r.power());
    }
    return t.build("test mmd: samples are the deployment's completions on the prompts the reference also answered;"
        + " statistic: the unbiased MMD² with k((p, x), (p', y)) = 1[p = p'] × the share of the first 100 characters that"
        + " agree. Test logprob: samples are its answers that returned log-probabilities; statistic: the mean over prompts"
        + " of the squared distance between the two deployments' mean log-probabilities of the first output token's"
        + " alternatives, per token (nats²; a token a sample did not list at that sample's lowest listed). Both: effect:"
        + " the statistic in SDs of its permutation null; p: 1,000 permutations of the deployment labels within each"
        + " prompt; adjusted p: Holm over the audit's deployments, per test; verdict at 0.05; power: the share of 100"
        + " audits of the same size, resampled from both deployments' samples, that reject at 0.05");
  }

  /** Power against a planted change, from the reference's own samples, for a few audit sizes, per test. */
  public static AnalysisTable planning(FidelityAudit audit) {
    int perSide = Math.max(2, audit.referenceSamples() / 2);
    AnalysisTable.Builder t = AnalysisTable.builder(POWER_ID, "Fidelity audit power planning, from "
        + name(audit.reference()) + "'s own samples", text("test"), text("planted change"), number("prompts", "%d"),
        number("samples a side", "%d"), number("power", "%.2f"));
    for (double change : PLANNED_CHANGES) {
      for (int prompts : PLANNED_PROMPTS) {
        t.row(FidelityTest.MMD.word(), String.format(Locale.ROOT, "%.0f%% of words", change * 100), (long) prompts,
            (long) perSide, audit.wordChangePower(change, prompts, perSide));
      }
    }
    if (audit.referenceReturnedLogprobs()) {
      int logprobSide = Math.max(1, audit.referenceSamples() / 2);
      for (double nats : PLANNED_SHIFTS) {
        for (int prompts : PLANNED_LOGPROB_PROMPTS) {
          t.row(FidelityTest.LOGPROB.word(), String.format(Locale.ROOT, "%.2f nats per token", nats), (long) prompts,
              (long) logprobSide, audit.shiftPower(nats, prompts, logprobSide));
        }
      }
    }
    return t.build("each row: 60 simulated audits; the reference's samples of a prompt split in two halves; mmd: one"
        + " half's words each replaced with that probability by a word of the prompt's reference vocabulary; logprob: one"
        + " half's first-position log-probabilities moved by a fixed draw of that standard deviation per token; samples"
        + " a side at most half the reference's, so these figures understate an audit of the full size");
  }

  public static List<Insight> insights(FidelityAudit audit, List<FidelityAudit.Result> results) {
    List<Insight> out = new ArrayList<>();
    Map<FidelityTest, Double> detectable = new LinkedHashMap<>();
    long deployments = results.stream().map(FidelityAudit.Result::deployment).distinct().count();
    for (FidelityAudit.Result r : results) {
      if (!r.available()) {
        out.add(notAvailable(audit, r));
        continue;
      }
      FidelityAudit.Figures f = r.figures();
      String size = String.format(Locale.ROOT, "%d prompts × %d samples", f.prompts(), r.samples());
      String basis = basis(r, deployments);
      String test = r.test().shortName();
      if (r.differs()) {
        out.add(new Insight(String.format(Locale.ROOT, "%s: %s differ from the reference %s (%s p %s on %s).",
            name(r.deployment()), r.test().compared(), name(audit.reference()), test, pText(r.adjustedP()), size), basis));
      } else {
        double could = detectable.computeIfAbsent(r.test(), k -> detectable(audit, r));
        out.add(new Insight(String.format(Locale.ROOT, "%s: no difference %sfrom the reference %s detected (%s p %s on"
            + " %s); %s.", name(r.deployment()), r.test() == FidelityTest.MMD ? "" : "in log-probabilities ",
            name(audit.reference()), test, pText(r.adjustedP()), size, couldDetect(r.test(), could)), basis
            + "; detectable change from the reference's own samples (table fidelity_power)"));
      }
    }
    return out;
  }

  private static double detectable(FidelityAudit audit, FidelityAudit.Result r) {
    int prompts = r.figures().prompts();
    return r.test() == FidelityTest.MMD ? audit.detectableWordChange(prompts, Math.max(2, r.samples() / 2))
        : audit.detectableShift(prompts, Math.max(1, r.samples() / 2));
  }

  private static String couldDetect(FidelityTest test, double could) {
    if (test == FidelityTest.MMD) {
      return Double.isNaN(could) ? "this audit is too small to detect even every word changed with 80% power"
          : String.format(Locale.ROOT, "this audit could detect %.0f%% of words changed with 80%% power", could * 100);
    }
    return Double.isNaN(could) ? "this audit is too small to detect even a shift of 0.5 nats per token with 80% power"
        : String.format(Locale.ROOT, "this audit could detect a shift of %s nats per token with 80%% power",
            String.format(Locale.ROOT, could < 0.01 ? "%.3f" : "%.2f", could));
  }

  private static String basis(FidelityAudit.Result r, long deployments) {
    FidelityAudit.Figures f = r.figures();
    String statistic = r.test() == FidelityTest.MMD ? String.format(Locale.ROOT, "MMD² %.4f", f.statistic())
        : String.format(Locale.ROOT, "mean squared log-probability difference %.5f nats² per token (RMS %.3f nats)",
            f.statistic(), Math.sqrt(Math.max(0, f.statistic())));
    return String.format(Locale.ROOT, "%s, %.1f SDs above its null, p %s, Holm-adjusted %s over %d deployments, power"
        + " %.2f at the observed difference (table fidelity)", statistic, f.effect(), Column.formatP(f.p()),
        Column.formatP(r.adjustedP()), deployments, r.power());
  }

  private static Insight notAvailable(FidelityAudit audit, FidelityAudit.Result r) {
    String who = audit.referenceReturnedLogprobs() ? "it returned no log-probabilities"
        : "the reference " + name(audit.reference()) + " returned none";
    return new Insight(String.format(Locale.ROOT, "%s: the log-probability test is not available (%s); only the"
        + " MMD of its outputs speaks for it.", name(r.deployment()), who), "audit.logprobs asked every deployment for"
        + " logprobs; cells without them store a null logprobs column (table fidelity)");
  }

  private static String verdict(FidelityAudit audit, FidelityAudit.Result r) {
    if (!r.available()) {
      return audit.referenceReturnedLogprobs() ? "not available: no logprobs returned"
          : "not available: the reference returned no logprobs";
    }
    if (r.figures().prompts() == 0) return "too few samples";
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
