package dev.provbench.analysis.trend;

import dev.provbench.analysis.CaseScores;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.RunCells;
import dev.provbench.results.CellStatus;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseTotals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of a series as the trend reads it: when it started, each experiment's figures, and the per-case
 * values its changes are tested on. Immutable once loaded.
 *
 * @param runId        the run.
 * @param started      its first cell's {@code started_at}.
 * @param points       per experiment, in {@link Experiment#ORDER}.
 * @param scores       per experiment, CorrectScore by case (failures score 0).
 * @param logDurations per experiment, ln(answered duration in ms) by case: a paired difference of these means is
 *                     the log of a ratio, so a latency change is tested as "x% slower", robust to the long tail.
 */
public record TrendRun(String runId, Instant started, Map<Experiment, TrendPoint> points,
    Map<Experiment, CaseTotals> scores, Map<Experiment, CaseTotals> logDurations) {

  static final String POINTS_SQL = """
      SELECT provider, model, size, count(*) AS cells,
             count_if(NOT (%1$s)) / count(*) AS failure_rate,
             percentile(duration_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS p50_s,
             percentile(duration_ms, 0.9) FILTER (WHERE %1$s) / 1000 AS p90_s,
             min(started_at) AS started
      FROM run_cells
      GROUP BY provider, model, size""".formatted(CellStatus.ANSWERED_SQL);

  static final String LOG_DURATIONS_SQL = """
      SELECT provider, model, size, xxhash64(case_id), sum(ln(duration_ms)), count(*)
      FROM run_cells
      WHERE %s AND duration_ms > 0
      GROUP BY provider, model, size, case_id""".formatted(CellStatus.ANSWERED_SQL);

  /** Loads one run; the {@code cells} view must be registered. */
  public static TrendRun load(SparkSession spark, String runId, Bootstrap bootstrap) {
    Dataset<Row> cells = RunCells.cache(spark, runId);
    try {
      Map<Experiment, CaseTotals> scores = CaseScores.load(spark, runId);
      Map<Experiment, CaseTotals> logDurations = CaseScores.totals(spark, LOG_DURATIONS_SQL);
      Map<Experiment, TrendPoint> points = new LinkedHashMap<>();
      Instant started = null;
      for (Row r : spark.sql(POINTS_SQL).collectAsList()) {
        Experiment e = new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size"));
        Instant first = r.<Timestamp>getAs("started").toInstant();
        if (started == null || first.isBefore(started)) started = first;
        points.put(e, new TrendPoint(e, r.<Long>getAs("cells"), r.<Double>getAs("failure_rate"),
            bootstrap.mean(runId + " | " + e.key(), scores.getOrDefault(e, CaseTotals.EMPTY)),
            r.<Double>getAs("p50_s"), r.<Double>getAs("p90_s")));
      }
      Map<Experiment, TrendPoint> ordered = new LinkedHashMap<>();
      points.keySet().stream().sorted(Experiment.ORDER).forEach(e -> ordered.put(e, points.get(e)));
      return new TrendRun(runId, started, ordered, scores, logDurations);
    } finally {
      cells.unpersist();
    }
  }
}
