package dev.provbench.analysis;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.results.CellStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The cells of one experiment worth a look, a bounded sample of each kind: its failed cells (not answered), its
 * slowest answered cells, its lowest-scored answered cells, and every trial of the cases whose trials disagree
 * (different outputs, a failure counting as an output of its own, as {@link TrialAgreement} counts them). Each cell
 * carries what a support ticket or a second look needs: status, HTTP status, error, attempts, timings, tokens,
 * response id, the response and what was read from it, and its scores. Read from the {@code cells} view in one
 * query, however many cells the run has; immutable.
 *
 * @param experiment       the experiment.
 * @param failed           failed cells by case and trial, at most {@link #FAILED_SHOWN}.
 * @param failedAll        how many cells of the experiment failed ({@code failed} may show fewer).
 * @param slowest          answered cells, slowest {@code duration_ms} first, at most {@link #SLOWEST_SHOWN}.
 * @param answeredAll      how many cells of the experiment were answered (what {@code slowest} and {@code lowest}
 *                         are drawn from).
 * @param lowest           answered cells, lowest {@code correct_score} first (then slowest), at most
 *                         {@link #LOWEST_SHOWN}.
 * @param disagreeing      every trial of the first {@link #DISAGREEING_CASES_SHOWN} cases (by case id) whose trials
 *                         disagree, by case and trial.
 * @param disagreeingCases how many cases of the experiment have trials that disagree.
 */
public record CellSamples(Experiment experiment, List<Cell> failed, long failedAll, List<Cell> slowest,
    long answeredAll, List<Cell> lowest, List<Cell> disagreeing, long disagreeingCases) {
  /** Failed cells listed per experiment; a run where everything failed would otherwise list every cell. */
  public static final int FAILED_SHOWN = 25;
  public static final int SLOWEST_SHOWN = 10;
  public static final int LOWEST_SHOWN = 10;
  /** Cases whose trials disagree, listed with all their trials. */
  public static final int DISAGREEING_CASES_SHOWN = 5;
  /** Characters kept of the response, the reasons and the error: enough to read a reply, bounded for a page. */
  public static final int TEXT_CHARS = 1000;

  /**
   * One cell as stored (its latest row).
   *
   * @param cellId           the cell's id.
   * @param caseId           the dataset case.
   * @param trial            the trial, from 1.
   * @param turn             the cell's turn in its conversation, or null outside one.
   * @param status           how it ended ({@link CellStatus} value).
   * @param httpStatus       the last attempt's HTTP status, or null when none came back.
   * @param error            what went wrong (its first {@link #TEXT_CHARS} characters), or null.
   * @param attempts         requests sent, the successful one included.
   * @param rateLimited      of those, answered 429.
   * @param durationMs       first send to final answer, retries included.
   * @param latencyMs        the successful attempt alone, or null unless answered.
   * @param ttftMs           request sent to the first non-empty delta, or null when not streamed or not answered.
   * @param promptTokens     prompt tokens (server-reported or estimated), or null.
   * @param completionTokens completion tokens, or null.
   * @param responseId       the completion's {@code id} (else the {@code x-request-id} header), or null.
   * @param response         the first {@link #TEXT_CHARS} characters of the reply's content, or null.
   * @param responseChars    the reply's whole length in characters (0 when null).
   * @param extracted        what the task read from the reply: the extracted text, else the judge's choice, or null.
   * @param reasons          the judge's reasons (first {@link #TEXT_CHARS} characters), or null.
   * @param output           the task's numeric output, or null when nothing was read.
   * @param expected         the gold score.
   * @param expectedText     the expected answer of a chat task, or null.
   * @param correctScore     the primary score.
   * @param scores           every scorer's score, by scorer name, in stored order (a score may be null).
   * @param startedAt        when the cell's first request was sent.
   */
  public record Cell(String cellId, String caseId, int trial, Integer turn, String status, Integer httpStatus, String error,
      int attempts, int rateLimited, long durationMs, Long latencyMs, Long ttftMs, Long promptTokens,
      Long completionTokens, String responseId, String response, int responseChars, String extracted, String reasons,
      Double output, double expected, String expectedText, Double correctScore, Map<String, Double> scores,
      Timestamp startedAt) {}

  /** The kinds, one row per cell that belongs to at least one, each row flagged with its kinds. */
  private static final String SQL = """
      WITH run AS (
        SELECT provider, model, size, cell_id, case_id, trial, turn, status, http_status, substring(error, 1, %1$d) AS error,
               attempts, rate_limited, duration_ms, latency_ms, ttft_ms, prompt_tokens, completion_tokens, response_id,
               substring(response, 1, %1$d) AS response, coalesce(length(response), 0) AS response_chars,
               coalesce(extracted, choice) AS extracted, substring(reasons, 1, %1$d) AS reasons, output, expected,
               substring(expected_text, 1, %1$d) AS expected_text, correct_score, scores, started_at,
               %2$s AS answered,
               size(collect_set(coalesce(CAST(output AS STRING), 'null'))
                    OVER (PARTITION BY provider, model, size, case_id, turn)) > 1 AS disagrees
        FROM cells WHERE run_id = :run AND %%s),
      ranked AS (
        SELECT *,
               row_number() OVER (PARTITION BY provider, model, size, answered
                                  ORDER BY CASE WHEN answered THEN -duration_ms END, case_id, trial, cell_id) AS pos,
               row_number() OVER (PARTITION BY provider, model, size, answered
                                  ORDER BY correct_score NULLS FIRST, duration_ms DESC, case_id, trial, cell_id) AS low_pos,
               dense_rank() OVER (PARTITION BY provider, model, size, disagrees ORDER BY case_id, turn) AS case_pos,
               count_if(NOT answered) OVER (PARTITION BY provider, model, size) AS failed_all,
               count_if(answered) OVER (PARTITION BY provider, model, size) AS answered_all
        FROM run),
      flagged AS (
        SELECT *,
               NOT answered AND pos <= %3$d AS is_failed,
               answered AND pos <= %4$d AS is_slowest,
               answered AND low_pos <= %5$d AS is_lowest,
               disagrees AND case_pos <= %6$d AS is_disagreeing,
               max(IF(disagrees, case_pos, 0)) OVER (PARTITION BY provider, model, size) AS disagreeing_cases
        FROM ranked)
      SELECT * FROM flagged
      WHERE is_failed OR is_slowest OR is_lowest OR is_disagreeing
      ORDER BY provider, model, size"""
      .formatted(TEXT_CHARS, CellStatus.ANSWERED_SQL, FAILED_SHOWN, SLOWEST_SHOWN, LOWEST_SHOWN, DISAGREEING_CASES_SHOWN);

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

  /** All of the experiment's cells shown, each once: slowest, lowest-scored, disagreeing, then failed. */
  public List<Cell> all() {
    Map<String, Cell> byId = new LinkedHashMap<>();
    for (List<Cell> kind : List.of(slowest, lowest, disagreeing, failed)) kind.forEach(c -> byId.putIfAbsent(c.cellId(), c));
    return List.copyOf(byId.values());
  }

  private static CellSamples of(Experiment e, List<Row> rows) {
    Row first = rows.get(0);
    return new CellSamples(e, kind(rows, "is_failed", "pos"), RowValues.lng(first, "failed_all"),
        kind(rows, "is_slowest", "pos"), RowValues.lng(first, "answered_all"), kind(rows, "is_lowest", "low_pos"),
        kind(rows, "is_disagreeing", null), RowValues.lng(first, "disagreeing_cases"));
  }

  /** The rows flagged {@code flag}, in the order of the column {@code position} (by case and trial when null). */
  private static List<Cell> kind(List<Row> rows, String flag, String position) {
    Comparator<Row> order = position == null
        ? Comparator.comparing((Row r) -> r.<String>getAs("case_id"))
            .thenComparing(r -> r.<Integer>getAs("turn"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.<Integer>getAs("trial"))
        : Comparator.comparing(r -> r.<Integer>getAs(position));
    return rows.stream().filter(r -> r.<Boolean>getAs(flag)).sorted(order).map(CellSamples::cell).toList();
  }

  private static Cell cell(Row r) {
    return new Cell(r.getAs("cell_id"), r.getAs("case_id"), r.<Integer>getAs("trial"), r.getAs("turn"), r.getAs("status"),
        r.getAs("http_status"), r.getAs("error"), r.<Integer>getAs("attempts"), r.<Integer>getAs("rate_limited"),
        r.<Long>getAs("duration_ms"), r.getAs("latency_ms"), r.getAs("ttft_ms"), r.getAs("prompt_tokens"),
        r.getAs("completion_tokens"), r.getAs("response_id"), r.getAs("response"), r.<Integer>getAs("response_chars"),
        r.getAs("extracted"), r.getAs("reasons"), r.getAs("output"), r.<Double>getAs("expected"),
        r.getAs("expected_text"), r.getAs("correct_score"), scores(r), r.getAs("started_at"));
  }

  private static Map<String, Double> scores(Row r) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<Row> stored = r.getAs("scores") == null ? List.of() : r.getList(r.fieldIndex("scores"));
    for (Row s : stored) out.put(s.getAs("scorer"), s.getAs("score"));
    return out;
  }
}
