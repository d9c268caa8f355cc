package dev.provbench.analysis.load;

import dev.provbench.job.ServiceObjective;
import dev.provbench.results.CellStatus;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Holm;
import dev.provbench.stats.PairedDifference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a run's load ladder (rows with {@code load_step}) into one {@link LoadCurve} per model: per step the
 * throughput, latency, errors and accuracy, then the knee, the highest step meeting the objective and any
 * accuracy drop against the lowest step. Needs the {@code cells} view ({@code ResultsViews.register}).
 */
public final class LoadAnalysis {
  private static final String MEASURED = "run_id = :run AND load_step IS NOT NULL AND NOT coalesce(load_warmup, false)";

  private LoadAnalysis() {}

  /**
   * Whether the run has ladder rows. Reads the stored rows ({@code results}): a cell's rows share its load step, so
   * the question needs no de-duplication, and the first row found answers it.
   */
  public static boolean hasLadder(SparkSession spark, String runId) {
    return !spark.sql("SELECT 1 FROM results WHERE " + MEASURED + " LIMIT 1", Map.of("run", runId)).isEmpty();
  }

  /**
   * @param bootstrap the accuracy intervals' and paired tests' resampling.
   * @param correctAt the CorrectScore at or above which an answer counts as correct (goodput).
   */
  public static List<LoadCurve> load(SparkSession spark, String runId, LoadOptions load, Bootstrap bootstrap,
      double correctAt) {
    Map<String, List<LoadStepStats>> steps = steps(spark, runId, load.objective(), correctAt);
    Map<String, Double> sent = sendRates(spark, runId);
    Map<String, CaseTotals> totals = caseTotals(spark, runId);
    int longest = steps.values().stream().mapToInt(List::size).max().orElse(0);
    // A rate step lasting a time holds as many cells as its rate makes: full is the fullest model at that step.
    List<Long> counts = steps.values().stream().flatMap(List::stream).filter(s -> s.rate() == null)
        .map(LoadStepStats::cells).toList();
    long most = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    // Count steps are mostly full; steps lasting a time at a concurrency hold whatever the model answered, so a
    // ladder whose counts mostly differ from the fullest is judged by its steps alone.
    long fullCount = 2 * counts.stream().filter(c -> c == most).count() >= counts.size() ? most : 0;
    Map<Integer, Long> fullStep = new HashMap<>();
    steps.values().stream().flatMap(List::stream)
        .forEach(s -> fullStep.merge(s.step(), s.rate() == null ? fullCount : s.cells(), Math::max));
    List<LoadCurve> out = new ArrayList<>();
    steps.forEach((key, measured) -> {
      String[] pm = key.split("\0", 2);
      List<LoadStepStats> list = measured.stream().map(s -> s.withAccuracy(bootstrap.mean("load " + key + " step "
          + s.step(), totals.getOrDefault(key + "\0" + s.step(), CaseTotals.EMPTY)))).toList();
      List<Double> tput = list.stream().map(LoadStepStats::throughput).toList();
      List<Double> p90 = list.stream().map(LoadStepStats::p90Ms).toList();
      int knee = LoadKnee.of(tput, p90, load.kneeGrowth());
      int best = -1;
      for (int i = 0; i < list.size(); i++) if (list.get(i).meetsObjective()) best = i;
      // Stopped: fewer steps than the longest curve, or a step with fewer cells than a full one of that step.
      boolean stopped = list.size() < longest || list.stream().anyMatch(s -> s.cells() < fullStep.get(s.step()));
      List<Double> sends = list.stream().map(s -> sent.getOrDefault(key + "\0" + s.step(), Double.NaN)).toList();
      out.add(new LoadCurve(pm[0], pm[1], list, knee, best, drops(key, list, totals, bootstrap), stopped, sends));
    });
    return out;
  }

  /** Each step against the lowest, paired by case; Holm over the steps compared. */
  private static List<PairedDifference> drops(String key, List<LoadStepStats> steps, Map<String, CaseTotals> totals,
      Bootstrap bootstrap) {
    List<PairedDifference> raw = new ArrayList<>();
    raw.add(null);
    CaseTotals base = totals.getOrDefault(key + "\0" + steps.get(0).step(), CaseTotals.EMPTY);
    for (int i = 1; i < steps.size(); i++) {
      CaseTotals at = totals.getOrDefault(key + "\0" + steps.get(i).step(), CaseTotals.EMPTY);
      raw.add(bootstrap.paired("load " + key + " step " + steps.get(i).step(), at, base));
    }
    if (raw.size() <= 1) return raw;
    double[] p = raw.stream().skip(1).mapToDouble(PairedDifference::pValue).toArray();
    double[] adjusted = Holm.adjust(p);
    List<PairedDifference> out = new ArrayList<>();
    out.add(null);
    for (int i = 1; i < raw.size(); i++) out.add(raw.get(i).withAdjustedP(adjusted[i - 1]));
    return out;
  }

  private static Map<String, List<LoadStepStats>> steps(SparkSession spark, String runId, ServiceObjective objective,
      double correctAt) {
    String answered = "(" + CellStatus.ANSWERED_SQL + ")";
    String within = "(ttft_ms IS NULL OR ttft_ms <= " + limit(objective.ttftP90Ms()) + ") AND duration_ms <= "
        + limit(objective.durationP90Ms());
    String sql = "SELECT provider, model, load_step, first(load_concurrency, true), first(load_rate, true),"
        + " count(*), count_if(" + answered + "),"
        + " (unix_millis(max(finished_at)) - unix_millis(min(started_at))) / 1000.0,"
        + " coalesce(sum(CASE WHEN " + answered + " THEN completion_tokens END), 0),"
        + " percentile(CASE WHEN " + answered + " THEN duration_ms END, array(0.5, 0.9, 0.99)),"
        + " percentile(CASE WHEN " + answered + " THEN ttft_ms END, 0.9),"
        + " count_if(rate_limited > 0),"
        + " count_if(" + answered + " AND coalesce(correct_score, 0) >= " + correctAt + " AND " + within + "),"
        + " coalesce(sum(cost_usd), 0), coalesce(max(usd_per_hour), 0)"
        + " FROM cells WHERE " + MEASURED + " GROUP BY provider, model, load_step ORDER BY provider, model, load_step";
    Map<String, List<LoadStepStats>> out = new LinkedHashMap<>();
    for (Row r : spark.sql(sql, Map.of("run", runId)).collectAsList()) {
      long cells = r.getLong(5);
      long answeredCells = r.getLong(6);
      double span = Math.max(r.getDecimal(7).doubleValue(), 1e-3);
      List<Double> pct = r.isNullAt(9) ? List.of(Double.NaN, Double.NaN, Double.NaN) : r.getList(9);
      double ttft90 = r.isNullAt(10) ? Double.NaN : r.getDouble(10);
      double errorRate = (double) (cells - answeredCells) / cells;
      long good = r.getLong(12);
      double cost = r.getDouble(13) + r.getDouble(14) * span / 3600;
      boolean meets = meets(objective, ttft90, pct.get(1), errorRate, answeredCells);
      LoadStepStats s = new LoadStepStats(r.getInt(2), r.isNullAt(3) ? null : r.getInt(3), r.isNullAt(4) ? null : r.getDouble(4),
          cells, answeredCells, span, answeredCells / span, r.getLong(8) / span, pct.get(0), pct.get(1), pct.get(2), ttft90,
          errorRate, (double) r.getLong(11) / cells, null, good,
          good / span, cost, meets);
      out.computeIfAbsent(r.getString(0) + "\0" + r.getString(1), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /** Per model and step, measured sends per second by start times: (cells − 1) ÷ first to last send. */
  private static Map<String, Double> sendRates(SparkSession spark, String runId) {
    String sql = "SELECT provider, model, load_step, count(*),"
        + " (unix_micros(max(started_at)) - unix_micros(min(started_at))) / 1e6"
        + " FROM cells WHERE " + MEASURED + " AND started_at IS NOT NULL GROUP BY provider, model, load_step";
    Map<String, Double> out = new HashMap<>();
    for (Row r : spark.sql(sql, Map.of("run", runId)).collectAsList()) {
      double span = r.isNullAt(4) ? 0 : ((Number) r.get(4)).doubleValue();
      out.put(r.getString(0) + "\0" + r.getString(1) + "\0" + r.getInt(2),
          r.getLong(3) < 2 || span <= 0 ? Double.NaN : (r.getLong(3) - 1) / span);
    }
    return out;
  }

  private static boolean meets(ServiceObjective o, double ttft90, double p90, double errorRate, long answered) {
    if (answered == 0) return false;
    if (o.ttftP90Ms() != null && !Double.isNaN(ttft90) && ttft90 > o.ttftP90Ms()) return false;
    if (o.durationP90Ms() != null && p90 > o.durationP90Ms()) return false;
    return o.maxErrorRate() == null || errorRate <= o.maxErrorRate();
  }

  /**
   * Per model and step, CorrectScore of answered cells by case: how good the answers are, apart from how many
   * failed (the error and 429 rates say that), so a provider refusing under load is not read as answering worse.
   */
  private static Map<String, CaseTotals> caseTotals(SparkSession spark, String runId) {
    Map<String, Map<Long, double[]>> byStep = new HashMap<>();
    String sql = "SELECT provider, model, load_step, xxhash64(case_id), coalesce(sum(correct_score), 0),"
        + " count(correct_score) FROM cells WHERE " + MEASURED + " AND " + CellStatus.ANSWERED_SQL
        + " GROUP BY provider, model, load_step, case_id HAVING count(correct_score) > 0";
    for (Row r : spark.sql(sql, Map.of("run", runId)).collectAsList()) {
      String key = r.getString(0) + "\0" + r.getString(1) + "\0" + r.getInt(2);
      byStep.computeIfAbsent(key, k -> new HashMap<>()).put(r.getLong(3), new double[] {r.getDouble(4), r.getLong(5)});
    }
    Map<String, CaseTotals> out = new HashMap<>();
    byStep.forEach((k, v) -> out.put(k, CaseTotals.of(v)));
    return out;
  }

  private static String limit(Double ms) {
    return ms == null ? "9223372036854775807" : String.format(Locale.ROOT, "%.3f", ms);
  }
}
