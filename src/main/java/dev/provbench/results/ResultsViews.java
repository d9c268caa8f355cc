package dev.provbench.results;

import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import org.apache.spark.sql.SparkSession;

/**
 * The SQL views over a results folder (every run in it), used by {@code analyze}, {@code report}, {@code sql}
 * and the notebooks:
 * <ul>
 *   <li>{@code results}: every stored row, as written;</li>
 *   <li>{@code cells}: one row per (run_id, cell_id): when a cell was re-run, the row with the latest
 *       {@code finished_at} wins;</li>
 *   <li>{@code experiments}: one row per run × provider × model × size, over {@code cells};</li>
 *   <li>{@code scores}: one row per cell × scorer, over {@code cells}, to group any analysis by scorer.</li>
 * </ul>
 */
public final class ResultsViews {
  /** The {@code cells} view; the notebooks and {@code notebooks/sql/01_views.sql} repeat it. */
  public static final String CELLS_SQL = """
      SELECT * EXCEPT (attempt_rank) FROM (
        SELECT *, row_number() OVER (PARTITION BY run_id, cell_id ORDER BY finished_at DESC) AS attempt_rank
        FROM results)
      WHERE attempt_rank = 1""";

  /**
   * The {@code experiments} view: accuracy over every cell (a cell with no answer scores 0); durations over
   * answered cells ({@link CellStatus#ANSWERED_SQL}) with the failure rate beside them; the mean duration
   * including failures is named so. A load ladder's steps are rows of their own ({@code load_step}, null outside a
   * ladder) and its warm-up cells count nowhere.
   */
  public static final String EXPERIMENTS_SQL = """
      SELECT run_id, provider, model, size, load_step,
             count(*) AS cells,
             count_if(NOT (%1$s)) AS failed,
             count_if(NOT (%1$s)) / count(*) AS failure_rate,
             count_if(%1$s) AS answered,
             count_if(status <> 'ok') AS scored_zero,
             avg(correct_score) AS correct_score,
             avg(non_null) AS non_null,
             avg(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_mean_s,
             percentile(duration_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS duration_p50_s,
             avg(duration_ms) / 1000 AS duration_mean_incl_failures_s,
             percentile(ttft_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS ttft_p50_s,
             sum(cost_usd) AS cost_usd,
             count_if(usage_source = 'estimated') AS estimated_usage,
             coalesce(sum(coalesce(reconnects, 0)), 0) AS reconnects
      FROM cells
      WHERE NOT coalesce(load_warmup, false)
      GROUP BY run_id, provider, model, size, load_step""".formatted(CellStatus.ANSWERED_SQL);

  /**
   * The {@code scores} view: one row per cell and scorer, from the {@code scores} column; rows of a results format
   * before 3 (no {@code scores}) give their CorrectScore and NonNull columns. A cell without output scores 0, as in
   * {@code experiments}.
   */
  public static final String SCORES_SQL = """
      SELECT run_id, provider, model, size, case_id, trial, cell_id, status, load_step, load_warmup, s.scorer, s.score,
             s.note
      FROM cells
      LATERAL VIEW explode(coalesce(scores, filter(array(
          named_struct('scorer', 'CorrectScore', 'score', correct_score, 'note', score_note),
          named_struct('scorer', 'NonNull', 'score', non_null, 'note', CAST(NULL AS STRING))),
        x -> x.score IS NOT NULL))) t AS s""";

  private ResultsViews() {}

  /** Fails when a results folder (local or a Hadoop URI) does not exist; call it before starting Spark. */
  public static void checkFolder(String resultsDir) {
    if (!Storage.isDirectory(StoragePath.of(resultsDir, resultsDir))) {
      throw new BadInputException(resultsDir, "results folder not found",
          "pass the folder a run wrote to (its `output`, e.g. results)");
    }
  }

  /** Registers {@code results}, {@code cells}, {@code experiments} and {@code scores} over {@code resultsDir}. */
  public static void register(SparkSession spark, String resultsDir) {
    checkFolder(resultsDir);
    RunRows.all(spark, resultsDir).createOrReplaceTempView("results");
    spark.sql("CREATE OR REPLACE TEMP VIEW cells AS " + CELLS_SQL);
    spark.sql("CREATE OR REPLACE TEMP VIEW experiments AS " + EXPERIMENTS_SQL);
    spark.sql("CREATE OR REPLACE TEMP VIEW scores AS " + SCORES_SQL);
  }
}
