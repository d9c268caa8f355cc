package dev.provbench.analysis;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.results.CellStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The cells of one experiment worth showing a provider's support: its failed cells (not answered) and its
 * slowest answered cells, each with what a support ticket needs (status, error, attempts, response id,
 * duration). Read from the {@code cells} view; immutable.
 *
 * @param experiment the experiment.
 * @param failed     failed cells by case and trial, at most {@link #FAILED_SHOWN}.
 * @param failedAll  how many cells of the experiment failed ({@code failed} may show fewer).
 * @param slowest    answered cells, slowest {@code duration_ms} first, at most {@link #SLOWEST_SHOWN}.
 */
public record CellSamples(Experiment experiment, List<Cell> failed, long failedAll, List<Cell> slowest) {
  /** Failed cells listed per experiment; a run where everything failed would otherwise list every cell. */
  public static final int FAILED_SHOWN = 50;
  public static final int SLOWEST_SHOWN = 10;
  /** Characters of the response kept: enough to recognise it, short enough for a table. */
  public static final int SNIPPET_CHARS = 160;

  /**
   * One cell as stored (its latest row).
   *
   * @param cellId     the cell's id.
   * @param caseId     the dataset case.
   * @param trial      the trial, from 1.
   * @param status     how it ended ({@link CellStatus} value).
   * @param httpStatus the last attempt's HTTP status, or null when none came back.
   * @param error      what went wrong, or null.
   * @param attempts   requests sent, the successful one included.
   * @param durationMs first send to final answer, retries included.
   * @param latencyMs  the successful attempt alone, or null unless answered.
   * @param responseId the completion's {@code id} (else the {@code x-request-id} header), or null.
   * @param response   the first {@link #SNIPPET_CHARS} characters of the reply's content, or null.
   */
  public record Cell(String cellId, String caseId, int trial, String status, Integer httpStatus, String error,
      int attempts, long durationMs, Long latencyMs, String responseId, String response) {}

  private static final String SQL = """
      SELECT * FROM (
        SELECT provider, model, size, cell_id, case_id, trial, status, http_status, error, attempts, duration_ms,
               latency_ms, response_id, substring(response, 1, %d) AS response, answered,
               row_number() OVER (PARTITION BY provider, model, size, answered
                                  ORDER BY CASE WHEN answered THEN -duration_ms END, case_id, trial, cell_id) AS pos,
               count(*) OVER (PARTITION BY provider, model, size, answered) AS of_kind
        FROM (SELECT *, %s AS answered FROM cells WHERE run_id = :run AND %%s))
      WHERE pos <= IF(answered, %d, %d)
      ORDER BY provider, model, size, answered, pos"""
      .formatted(SNIPPET_CHARS, CellStatus.ANSWERED_SQL, SLOWEST_SHOWN, FAILED_SHOWN);

  /**
   * The samples of every experiment of a run, in {@link Experiment#ORDER}; the {@code cells} view must be
   * registered. Experiments with no failed and no answered cell do not occur.
   */
  public static List<CellSamples> load(SparkSession spark, String runId) {
    return load(spark, runId, LadderStep.choose(spark, runId, null));
  }

  /** The same over the rows the ordinary tables read: no warm-up rows, one step of a load ladder. */
  public static List<CellSamples> load(SparkSession spark, String runId, LadderStep step) {
    Map<Experiment, List<Row>> byExperiment = new LinkedHashMap<>();
    for (Row r : spark.sql(SQL.formatted(step.rowFilter()), Map.of("run", runId)).collectAsList()) {
      Experiment e = new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size"));
      byExperiment.computeIfAbsent(e, k -> new ArrayList<>()).add(r);
    }
    return byExperiment.entrySet().stream().sorted(Map.Entry.comparingByKey(Experiment.ORDER))
        .map(e -> of(e.getKey(), e.getValue())).toList();
  }

  private static CellSamples of(Experiment e, List<Row> rows) {
    List<Row> failed = rows.stream().filter(r -> !r.<Boolean>getAs("answered")).toList();
    List<Cell> slowest = rows.stream().filter(r -> r.<Boolean>getAs("answered")).map(CellSamples::cell).toList();
    long failedAll = failed.isEmpty() ? 0 : failed.get(0).<Long>getAs("of_kind");
    return new CellSamples(e, failed.stream().map(CellSamples::cell).toList(), failedAll, slowest);
  }

  private static Cell cell(Row r) {
    return new Cell(r.getAs("cell_id"), r.getAs("case_id"), r.<Integer>getAs("trial"), r.getAs("status"),
        r.getAs("http_status"), r.getAs("error"), r.<Integer>getAs("attempts"), r.<Long>getAs("duration_ms"),
        r.getAs("latency_ms"), r.getAs("response_id"), r.getAs("response"));
  }
}
