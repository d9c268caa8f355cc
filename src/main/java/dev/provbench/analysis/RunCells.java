package dev.provbench.analysis;

import static org.apache.spark.sql.functions.col;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.input.BadInputException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code run_cells} view: one run's {@code cells} (latest attempt of each) that the ordinary tables read
 * (see {@link LadderStep}: no warm-up rows, one step of a load ladder), only the columns the tables read,
 * cached, so the de-duplication runs once for all of a run's queries. One run at a time per session; the caller
 * unpersists it.
 */
public final class RunCells {
  static final String[] COLUMNS = {"provider", "model", "size", "case_id", "status", "attempts", "reconnects",
      "rate_limited", "backoff_ms", "duration_ms", "latency_ms", "ttft_ms", "first_answer_ms", "tpot_ms", "output_tps",
      "chunk_gaps_ms", "completion_tokens", "usage_source", "cost_usd", "usd_per_hour", "output", "correct_score",
      "non_null", "stream", "started_at", "finished_at", "turn"};

  private RunCells() {}

  /** The rows of the ladder's lowest step, if the run has a ladder. */
  public static Dataset<Row> cache(SparkSession spark, String runId) {
    return cache(spark, runId, LadderStep.choose(spark, runId, null));
  }

  static Dataset<Row> cache(SparkSession spark, String runId, LadderStep step) {
    return cache(spark, runId, step, null);
  }

  /** SQL giving a cell's score by {@code scorer} (the first of that name in {@code scores}), null when it has none. */
  static String scoreOf(String scorer) {
    return "try_element_at(filter(coalesce(scores, array()), s -> s.scorer = '" + scorer.replace("'", "''") + "'), 1).score";
  }

  /**
   * As {@link #cache(SparkSession, String, LadderStep)}, with {@code correct_score} holding scorer {@code scorer}'s
   * score of each cell (null: the run's own primary score), so every ordinary table reads that scorer.
   *
   * @throws BadInputException when the run has no scorer of that name, listing those it has.
   */
  static Dataset<Row> cache(SparkSession spark, String runId, LadderStep step, String scorer) {
    String[] columns = COLUMNS.clone();
    if (scorer != null) {
      List<String> names = spark.sql("SELECT DISTINCT scorer FROM scores WHERE run_id = :run ORDER BY scorer",
          Map.of("run", runId)).collectAsList().stream().map(r -> r.getString(0)).toList();
      if (!names.contains(scorer)) {
        throw new BadInputException("--scorer", "run `" + runId + "` has no scorer `" + scorer + "`",
            "use one of " + String.join(", ", names));
      }
      for (int i = 0; i < columns.length; i++) {
        if (columns[i].equals("correct_score")) columns[i] = scoreOf(scorer) + " AS correct_score";
      }
    }
    Dataset<Row> cells = spark.table("cells").where(col("run_id").equalTo(runId)).where(step.rowFilter())
        .selectExpr(columns).persist(StorageLevel.MEMORY_AND_DISK());
    cells.createOrReplaceTempView("run_cells");
    return cells;
  }
}
